package io.ttquant.app.gateway;

import io.ttquant.core.time.Clock;

/**
 * The gateway's notion of now, moved only by the gateway from the times its callers inject
 * ({@code nowNanos} of a command or duty cycle, the receive time of a market event). It never
 * goes back: an earlier time is ignored, so the risk engine's token buckets and the paper venue's
 * message stamps stay monotone. It never reads the wall clock.
 */
final class GatewayClock implements Clock {
    private long nanos;

    GatewayClock(long startNanos) {
        this.nanos = startNanos;
    }

    /** Moves to {@code t} when it is later than now. */
    void advance(long t) {
        if (t > nanos) {
            nanos = t;
        }
    }

    @Override
    public long nanos() {
        return nanos;
    }
}
