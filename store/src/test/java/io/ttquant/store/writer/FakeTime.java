package io.ttquant.store.writer;

import java.util.function.LongSupplier;

/** A test clock whose sleeper advances it instead of waiting, so a recorder's waits take no real time. */
final class FakeTime implements LongSupplier, Sleeper {
    private volatile long now;
    private long slept;

    FakeTime(long start) {
        this.now = start;
    }

    @Override
    public long getAsLong() {
        return now;
    }

    @Override
    public synchronized void sleep(long nanos) {
        now += nanos;
        slept += nanos;
    }

    synchronized void advance(long nanos) {
        now += nanos;
    }

    long now() {
        return now;
    }

    synchronized long slept() {
        return slept;
    }
}
