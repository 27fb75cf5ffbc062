package io.ttquant.core.risk;

/**
 * A rate limit as configuration: at most {@code burst} events at once, refilled at
 * {@code tokensPerPeriod} events every {@code periodNanos}. Validated when created; it is only the
 * recipe for a {@link TokenBucket} and never holds state or reads a clock.
 */
public record RateLimit(long burst, long tokensPerPeriod, long periodNanos) {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public RateLimit {
        if (burst <= 0 || tokensPerPeriod <= 0 || periodNanos <= 0) {
            throw new IllegalArgumentException("rate limit needs positive burst, tokens and period, got burst " + burst
                    + ", tokens " + tokensPerPeriod + ", period " + periodNanos + " ns");
        }
        try {
            // The bucket adds a refill to a level of up to one burst: twice a burst plus a refill must fit.
            Math.addExact(Math.multiplyExact(Math.multiplyExact(burst, periodNanos), 2), tokensPerPeriod);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("rate limit too large: burst " + burst + " x period " + periodNanos + " ns overflows");
        }
    }

    /** {@code n} events per second with a burst of {@code n}. */
    public static RateLimit perSecond(long n) {
        return new RateLimit(n, n, NANOS_PER_SECOND);
    }
}
