package io.ttquant.binance.ws;

import java.util.Random;

/**
 * When the next WebSocket connection attempt may start: exponential backoff with full jitter
 * (a delay drawn uniformly from {@code [0, min(max, initial * 2^failures)]}), and never more than
 * one attempt per {@code minAttemptInterval} whatever the backoff says, so that a flapping
 * network or a server that drops everyone cannot turn the client into a reconnect storm. A
 * connection that stayed up for {@code stableAfter} resets the backoff.
 *
 * <p>A pure state machine driven by the caller's nanosecond timestamps and a seeded
 * {@link Random}: it never reads a clock, never sleeps and never schedules anything itself.
 * Single-threaded.
 */
public final class ReconnectPolicy {
    private static final int MAX_DOUBLINGS = 30;

    private final long initialBackoffNanos;
    private final long maxBackoffNanos;
    private final long minAttemptIntervalNanos;
    private final long stableAfterNanos;
    private final Random random;
    private boolean attempted;
    private long lastAttemptNanos;
    private int failures;
    private long lastCeilingNanos;

    public ReconnectPolicy(long initialBackoffNanos, long maxBackoffNanos, long minAttemptIntervalNanos,
                           long stableAfterNanos, Random random) {
        if (initialBackoffNanos <= 0 || maxBackoffNanos < initialBackoffNanos) {
            throw new IllegalArgumentException("need 0 < initialBackoff <= maxBackoff");
        }
        if (minAttemptIntervalNanos <= 0 || stableAfterNanos <= 0) {
            throw new IllegalArgumentException("minAttemptInterval and stableAfter must be positive");
        }
        this.initialBackoffNanos = initialBackoffNanos;
        this.maxBackoffNanos = maxBackoffNanos;
        this.minAttemptIntervalNanos = minAttemptIntervalNanos;
        this.stableAfterNanos = stableAfterNanos;
        this.random = random;
    }

    /** True when an attempt at {@code nowNanos} keeps the one-attempt-per-interval rule. */
    public boolean mayAttempt(long nowNanos) {
        return !attempted || nowNanos - lastAttemptNanos >= minAttemptIntervalNanos;
    }

    /** The earliest time the interval rule allows the next attempt. */
    public long earliestAttemptNanos(long nowNanos) {
        return attempted ? Math.max(nowNanos, lastAttemptNanos + minAttemptIntervalNanos) : nowNanos;
    }

    /** Records that an attempt starts now (every attempt, including make-before-break ones). */
    public void onAttempt(long nowNanos) {
        attempted = true;
        lastAttemptNanos = nowNanos;
    }

    /**
     * A connection was lost, or an attempt failed, at {@code nowNanos}; {@code connectedAtNanos}
     * is when it had completed its handshake, or -1 when it never did. Returns the time the next
     * attempt is due.
     */
    public long onConnectionLost(long nowNanos, long connectedAtNanos) {
        if (connectedAtNanos >= 0 && nowNanos - connectedAtNanos >= stableAfterNanos) {
            failures = 0;
        }
        long ceiling = ceilingNanos(failures);
        if (failures < MAX_DOUBLINGS) {
            failures++;
        }
        lastCeilingNanos = ceiling;
        long delay = random.nextLong(ceiling + 1);
        return Math.max(nowNanos + delay, earliestAttemptNanos(nowNanos));
    }

    private long ceilingNanos(int doublings) {
        long c = initialBackoffNanos;
        for (int i = 0; i < doublings && c < maxBackoffNanos; i++) {
            c = c > maxBackoffNanos / 2 ? maxBackoffNanos : c * 2;
        }
        return Math.min(c, maxBackoffNanos);
    }

    /** Losses since the last stable connection: the backoff exponent of the next loss. */
    public int consecutiveFailures() {
        return failures;
    }

    /** The upper bound of the jitter drawn for the last loss (0 before any). */
    public long lastBackoffCeilingNanos() {
        return lastCeilingNanos;
    }
}
