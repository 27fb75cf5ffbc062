package io.ttquant.core.time;

/**
 * A clock moved only by its owner (the backtest engine, or a test). Time never runs backwards:
 * an attempt to move it back is a bug and throws.
 */
public final class SimulatedClock implements Clock {
    private long nanos;

    public SimulatedClock(long startNanos) {
        this.nanos = startNanos;
    }

    @Override
    public long nanos() {
        return nanos;
    }

    /** Moves the clock to {@code t}; equal times are allowed, earlier ones are not. */
    public void advanceTo(long t) {
        if (t < nanos) {
            throw new IllegalStateException("clock cannot go back from " + nanos + " to " + t);
        }
        nanos = t;
    }
}
