package io.ttquant.app.strategy;

/**
 * One strategy's callback durations as a fixed-bucket histogram, recorded by the engine's thread
 * with a scan over the bounds and plain increments (no atomics, no allocation); the metrics scrape
 * reads the counts racily, as a monitoring histogram may. Bounds are in nanoseconds, ascending; the
 * last bucket is unbounded. Must never be recorded from two threads.
 */
final class CallbackLatency {
    /** Upper bounds: 1 us to 1 s. */
    static final long[] BOUNDS_NANOS = {1_000, 5_000, 10_000, 50_000, 100_000, 500_000, 1_000_000, 5_000_000, 10_000_000,
        50_000_000, 100_000_000, 500_000_000, 1_000_000_000};

    private final long[] counts = new long[BOUNDS_NANOS.length + 1];
    private long sumNanos;
    private long maxNanos;

    void record(long nanos) {
        long v = Math.max(0, nanos);
        int i = 0;
        while (i < BOUNDS_NANOS.length && v > BOUNDS_NANOS[i]) {
            i++;
        }
        counts[i]++;
        sumNanos += v;
        if (v > maxNanos) {
            maxNanos = v;
        }
    }

    /** A copy of the counts per bucket (the last one above every bound). */
    long[] counts() {
        return counts.clone();
    }

    long sumNanos() {
        return sumNanos;
    }

    long maxNanos() {
        return maxNanos;
    }

    long count() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }
}
