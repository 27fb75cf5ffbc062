package io.ttquant.core.risk;

/**
 * A token bucket driven by the caller's clock, in exact integer arithmetic: the level is kept in
 * token-nanoseconds (one token = {@code periodNanos} units) and each elapsed nanosecond adds
 * {@code tokensPerPeriod} units, so refills never drift or round, whatever the call pattern.
 *
 * <p>Single-threaded and allocation-free. It never reads a clock itself, and time that goes
 * backwards is ignored rather than refunding or removing tokens.
 */
public final class TokenBucket {
    private final long unitsPerToken;
    private final long refillPerNano;
    private final long capacityUnits;
    private final long fullRefillNanos;
    private long levelUnits;
    private long lastNanos;

    /** A full bucket at {@code nowNanos}. */
    public TokenBucket(RateLimit limit, long nowNanos) {
        this.unitsPerToken = limit.periodNanos();
        this.refillPerNano = limit.tokensPerPeriod();
        this.capacityUnits = limit.burst() * limit.periodNanos();
        // From empty to full; beyond this the bucket is simply full, which also bounds elapsed * rate below.
        this.fullRefillNanos = (capacityUnits + refillPerNano - 1) / refillPerNano;
        this.levelUnits = capacityUnits;
        this.lastNanos = nowNanos;
    }

    /** Takes one token if one is available at {@code nowNanos}. */
    public boolean tryAcquire(long nowNanos) {
        refill(nowNanos);
        if (levelUnits >= unitsPerToken) {
            levelUnits -= unitsPerToken;
            return true;
        }
        return false;
    }

    /** True when a token is available at {@code nowNanos}; takes nothing. */
    public boolean hasToken(long nowNanos) {
        refill(nowNanos);
        return levelUnits >= unitsPerToken;
    }

    /** Whole tokens available at {@code nowNanos}. */
    public long available(long nowNanos) {
        refill(nowNanos);
        return levelUnits / unitsPerToken;
    }

    /** Nanoseconds from {@code nowNanos} until a token is available; 0 when one is. */
    public long nanosUntilToken(long nowNanos) {
        refill(nowNanos);
        long missing = unitsPerToken - levelUnits;
        return missing <= 0 ? 0 : (missing + refillPerNano - 1) / refillPerNano;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed <= 0) {
            return;
        }
        lastNanos = nowNanos;
        if (elapsed >= fullRefillNanos) {
            levelUnits = capacityUnits;
            return;
        }
        levelUnits = Math.min(capacityUnits, levelUnits + elapsed * refillPerNano);
    }
}
