package io.ttquant.bench.store;

import io.ttquant.store.ForwardingStore;
import io.ttquant.store.Store;
import io.ttquant.store.batch.TradeBatch;
import java.util.concurrent.locks.LockSupport;

/**
 * A store that takes at least {@code delayNanos} for every trade batch before writing it to the
 * store it wraps: a stand-in for an overloaded database, so that a benchmark can saturate the
 * recorder's writer at will. Everything else goes straight to the wrapped store, which belongs to
 * the caller (closing this one leaves it open). Benchmarks only.
 */
final class SlowStore extends ForwardingStore {
    private final long delayNanos;

    SlowStore(Store delegate, long delayNanos) {
        super(delegate);
        this.delayNanos = delayNanos;
    }

    @Override
    public void writeTrades(TradeBatch batch) {
        long until = System.nanoTime() + delayNanos;
        for (long left = delayNanos; left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        super.writeTrades(batch);
    }

    @Override
    public String describe() {
        return super.describe() + " slowed by " + delayNanos / 1_000_000 + " ms a trade batch";
    }

    @Override
    public void close() {
        // the wrapped store belongs to the caller
    }
}
