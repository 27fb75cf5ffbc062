package io.ttquant.app.run;

/**
 * A rate over the last second or so from a growing count: each call with the time and the count
 * now answers the count's growth per second since the sample before, taking a new sample once the
 * old one is a second old (so a dashboard polling faster still sees a steady rate). For the
 * dashboard's market data rate; any thread, serialised.
 */
final class RateMeter {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private long sampleNanos;
    private long sampleCount;
    private long previousNanos;
    private long previousCount;

    RateMeter(long startNanos) {
        this.sampleNanos = startNanos;
        this.previousNanos = startNanos;
    }

    synchronized double perSecond(long nowNanos, long count) {
        if (nowNanos - sampleNanos >= WINDOW_NANOS) {
            previousNanos = sampleNanos;
            previousCount = sampleCount;
            sampleNanos = nowNanos;
            sampleCount = count;
        }
        long dt = nowNanos - previousNanos;
        return dt <= 0 ? 0 : (count - previousCount) * 1e9 / dt;
    }
}
