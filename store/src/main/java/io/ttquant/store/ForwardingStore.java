package io.ttquant.store;

import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.store.batch.BarBatch;
import io.ttquant.store.batch.BookSnapshotBatch;
import io.ttquant.store.batch.QuoteBatch;
import io.ttquant.store.batch.TradeBatch;
import io.ttquant.store.trading.TradingBatch;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A {@link Store} that hands every call to another one: the base of a wrapper that changes one or
 * two things (a store lent without closing it, one slowed down for a benchmark) and forwards the
 * rest. It adds nothing of its own: no state, no checks, no threads.
 */
public abstract class ForwardingStore implements Store {
    private final Store delegate;

    protected ForwardingStore(Store delegate) {
        this.delegate = delegate;
    }

    /** The store the calls go to. */
    protected final Store delegate() {
        return delegate;
    }

    @Override
    public StoreKind kind() {
        return delegate.kind();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public long applyRetention(long nowNanos) {
        return delegate.applyRetention(nowNanos);
    }

    @Override
    public Duration retentionJobInterval() {
        return delegate.retentionJobInterval();
    }

    @Override
    public void writeTrades(TradeBatch batch) {
        delegate.writeTrades(batch);
    }

    @Override
    public void writeQuotes(QuoteBatch batch) {
        delegate.writeQuotes(batch);
    }

    @Override
    public void writeBars(BarBatch batch) {
        delegate.writeBars(batch);
    }

    @Override
    public void writeBookSnapshots(BookSnapshotBatch batch) {
        delegate.writeBookSnapshots(batch);
    }

    @Override
    public long deleteTrades(String venue, String symbol, long fromNanos, long toNanos) {
        return delegate.deleteTrades(venue, symbol, fromNanos, toNanos);
    }

    @Override
    public MarketDataSource readTrades(String venue, Instrument instrument, long fromNanos, long toNanos) {
        return delegate.readTrades(venue, instrument, fromNanos, toNanos);
    }

    @Override
    public MarketDataSource readBars(String venue, Instrument instrument, long intervalNanos, long fromNanos,
                                     long toNanos) {
        return delegate.readBars(venue, instrument, intervalNanos, fromNanos, toNanos);
    }

    @Override
    public MarketDataSource readQuotes(String venue, Instrument instrument, long fromNanos, long toNanos) {
        return delegate.readQuotes(venue, instrument, fromNanos, toNanos);
    }

    @Override
    public long count(String table) {
        return delegate.count(table);
    }

    @Override
    public void writeTrading(TradingBatch batch) {
        delegate.writeTrading(batch);
    }

    @Override
    public OptionalLong progress(String source) {
        return delegate.progress(source);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
