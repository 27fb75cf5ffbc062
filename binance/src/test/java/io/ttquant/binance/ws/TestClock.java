package io.ttquant.binance.ws;

import io.ttquant.core.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test clock in epoch nanoseconds that follows real time, can jump forward ({@link #advance})
 * and can be frozen; read from the event loop, moved by the test thread.
 */
final class TestClock implements Clock {
    private final long epochBase = System.currentTimeMillis() * 1_000_000L;
    private final long nanoBase = System.nanoTime();
    private final AtomicLong offset = new AtomicLong();
    private volatile long frozenAt = -1;

    @Override
    public long nanos() {
        long f = frozenAt;
        return f >= 0 ? f + offset.get() : epochBase + (System.nanoTime() - nanoBase) + offset.get();
    }

    void advance(Duration d) {
        offset.addAndGet(d.toNanos());
    }

    void freeze() {
        frozenAt = nanos() - offset.get();
    }
}
