package io.ttquant.sim.market;

import io.ttquant.core.time.Clock;

/**
 * A clock for the simulator that follows the wall clock until pinned, then stands still: with
 * the exchange's time pinned the synthetic market stops after catching up to the pin, so a test
 * can compare a client's view with the exchange's state at rest. It never goes backwards, also
 * across pin and unpin. Thread-safe; meant for tests and demos, never for a live venue.
 */
public final class PinnableClock implements Clock {
    private volatile long pinnedMillis = -1;
    private volatile long floorMillis;

    @Override
    public long nanos() {
        long p = pinnedMillis;
        return (p >= 0 ? p : Math.max(floorMillis, System.currentTimeMillis())) * 1_000_000L;
    }

    /** Stops the clock at {@code epochMillis} (or where it already is, if that is later). */
    public void pin(long epochMillis) {
        pinnedMillis = Math.max(epochMillis, floorMillis);
    }

    /** Lets the clock follow the wall clock again, never going back behind the pin. */
    public void unpin() {
        floorMillis = Math.max(floorMillis, pinnedMillis);
        pinnedMillis = -1;
    }

    public boolean isPinned() {
        return pinnedMillis >= 0;
    }
}
