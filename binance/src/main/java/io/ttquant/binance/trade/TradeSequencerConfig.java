package io.ttquant.binance.trade;

/**
 * Settings of a {@link TradeSequencer}, checked once when built.
 *
 * @param bufferCapacity      live trades held while a hole is being backfilled; past it the
 *                            highest ids are dropped (and fetched later like any other hole)
 * @param maxBatch            the most trades asked for in one backfill request (Binance allows 1000)
 * @param maxFailures         consecutive failed backfill requests after which a hole is given up
 *                            and its ids are counted as lost
 * @param initialBackoffNanos wait before the first retry of a failed request
 * @param maxBackoffNanos     the longest wait between retries (the wait doubles per failure)
 */
public record TradeSequencerConfig(int bufferCapacity, int maxBatch, int maxFailures,
                                   long initialBackoffNanos, long maxBackoffNanos) {
    /** Binance's largest {@code limit} for trade history requests. */
    public static final int BINANCE_MAX_LIMIT = 1000;

    public TradeSequencerConfig {
        if (bufferCapacity < 1 || bufferCapacity > 10_000_000) {
            throw new IllegalArgumentException("bufferCapacity must be 1..10000000, got " + bufferCapacity);
        }
        if (maxBatch < 1 || maxBatch > BINANCE_MAX_LIMIT) {
            throw new IllegalArgumentException("maxBatch must be 1.." + BINANCE_MAX_LIMIT + ", got " + maxBatch);
        }
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1, got " + maxFailures);
        }
        if (initialBackoffNanos <= 0 || maxBackoffNanos < initialBackoffNanos) {
            throw new IllegalArgumentException("need 0 < initialBackoffNanos <= maxBackoffNanos, got "
                    + initialBackoffNanos + " and " + maxBackoffNanos);
        }
    }

    /** 4096 buffered trades, batches of 1000, give up after 5 failures, retries from 1 s doubling to 30 s. */
    public static TradeSequencerConfig defaults() {
        return new TradeSequencerConfig(4096, BINANCE_MAX_LIMIT, 5, 1_000_000_000L, 30_000_000_000L);
    }

    /** The wait before retry number {@code failures} (1 = first failure). */
    long backoffNanos(int failures) {
        long delay = initialBackoffNanos;
        for (int i = 1; i < failures && delay < maxBackoffNanos; i++) {
            delay = delay > maxBackoffNanos / 2 ? maxBackoffNanos : delay * 2;
        }
        return Math.min(delay, maxBackoffNanos);
    }
}
