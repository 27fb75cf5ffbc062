package io.ttquant.sim.server;

import io.ttquant.core.time.Clock;

/**
 * A clock that follows the wall clock (shifted by what {@link #advance(long)} added) until a test
 * pins it to a fixed instant; the engine thread reads it, the test thread sets it.
 */
final class TestClock implements Clock {
    private volatile long pinnedMillis = -1;
    private volatile long offsetMillis;

    @Override
    public long nanos() {
        long p = pinnedMillis;
        return (p >= 0 ? p : System.currentTimeMillis() + offsetMillis) * 1_000_000L;
    }

    /** Stops time at {@code millis}. */
    void pin(long millis) {
        pinnedMillis = millis;
    }

    /** Jumps a running (unpinned) clock forward by {@code millis}; time keeps flowing from there. */
    void advance(long millis) {
        offsetMillis += millis;
    }

    long millis() {
        return nanos() / 1_000_000L;
    }
}
