package io.ttquant.binance.ws;

/**
 * Binance's limit on messages a client sends on one WebSocket connection (5 a second: control
 * messages such as SUBSCRIBE, and pongs too): at most {@code maxPerWindow} permits in any window
 * of {@code windowNanos}, a sliding window over the times of the last permits. What cannot go
 * now waits in the caller's queue until {@link #nextPermitNanos}.
 *
 * <p>A pure state machine driven by the caller's timestamps; it never reads a clock and never
 * blocks. One instance per connection, single-threaded, no allocation after construction.
 */
public final class ControlMessageThrottle {
    private final long[] permitTimes;
    private final long windowNanos;
    private int count;
    private int oldest;

    public ControlMessageThrottle(int maxPerWindow, long windowNanos) {
        if (maxPerWindow <= 0 || windowNanos <= 0) {
            throw new IllegalArgumentException("maxPerWindow and windowNanos must be positive");
        }
        this.permitTimes = new long[maxPerWindow];
        this.windowNanos = windowNanos;
    }

    /** Takes a permit at {@code nowNanos} if the window has room; false (and nothing taken) otherwise. */
    public boolean tryAcquire(long nowNanos) {
        int max = permitTimes.length;
        if (count < max) {
            permitTimes[(oldest + count) % max] = nowNanos;
            count++;
            return true;
        }
        if (nowNanos - permitTimes[oldest] >= windowNanos) {
            permitTimes[oldest] = nowNanos;
            oldest = (oldest + 1) % max;
            return true;
        }
        return false;
    }

    /** The earliest time a permit is available: {@code nowNanos} when one is available now. */
    public long nextPermitNanos(long nowNanos) {
        if (count < permitTimes.length) {
            return nowNanos;
        }
        return Math.max(nowNanos, permitTimes[oldest] + windowNanos);
    }

    public int maxPerWindow() {
        return permitTimes.length;
    }

    public long windowNanos() {
        return windowNanos;
    }

    /** Forgets every permit (a new connection starts with a full allowance). */
    public void reset() {
        count = 0;
        oldest = 0;
    }
}
