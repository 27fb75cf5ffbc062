package io.ttquant.binance.userdata;

import io.ttquant.core.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A test clock in epoch nanoseconds that follows real time and can jump forward; read on the event loop, moved by the test. */
final class TestClock implements Clock {
    private final long epochBase = System.currentTimeMillis() * 1_000_000L;
    private final long nanoBase = System.nanoTime();
    private final AtomicLong offset = new AtomicLong();

    @Override
    public long nanos() {
        return epochBase + (System.nanoTime() - nanoBase) + offset.get();
    }

    void advance(Duration d) {
        offset.addAndGet(d.toNanos());
    }
}
