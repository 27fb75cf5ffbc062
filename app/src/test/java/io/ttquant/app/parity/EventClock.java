package io.ttquant.app.parity;

import io.ttquant.core.time.Clock;

/**
 * The one clock of every service in the parity test: event time, moved only by the replay's
 * lock-step ({@link LockStepPublisher}) to the time of the event being delivered, so that whatever
 * the gateway, the paper venue and the strategy engine do with time (order stamps, latency,
 * timers, bars) happens at the same nanosecond as in the backtest. Written by one thread, read by
 * every service thread; it never goes back and never reads the wall clock.
 */
final class EventClock implements Clock {
    private volatile long nanos;

    EventClock(long startNanos) {
        this.nanos = startNanos;
    }

    @Override
    public long nanos() {
        return nanos;
    }

    /** Moves to {@code t} when it is later than now (single writer). */
    void advanceTo(long t) {
        if (t > nanos) {
            nanos = t;
        }
    }
}
