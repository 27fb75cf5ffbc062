package io.ttquant.core.time;

import java.time.Instant;

/**
 * The live clock: nanoseconds since the epoch with the resolution of {@link System#nanoTime()},
 * anchored once to the wall clock when created. It never goes backwards, so latencies measured
 * with it are never negative; the price is that it does not follow later wall-clock steps (NTP
 * slews of a few ms a day). This is the one place that reads the wall clock; everything else is
 * handed a {@link Clock}.
 */
public final class SystemEpochClock implements Clock {
    private static final SystemEpochClock INSTANCE = new SystemEpochClock();

    private final long anchorEpochNanos;
    private final long anchorMonotonicNanos;

    private SystemEpochClock() {
        Instant now = Instant.now();
        this.anchorMonotonicNanos = System.nanoTime();
        this.anchorEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    public static SystemEpochClock instance() {
        return INSTANCE;
    }

    @Override
    public long nanos() {
        return anchorEpochNanos + (System.nanoTime() - anchorMonotonicNanos);
    }
}
