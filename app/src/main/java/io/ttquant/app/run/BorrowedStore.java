package io.ttquant.app.run;

import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.store.Store;
import io.ttquant.store.StoreKind;
import io.ttquant.store.batch.BarBatch;
import io.ttquant.store.batch.BookSnapshotBatch;
import io.ttquant.store.batch.QuoteBatch;
import io.ttquant.store.batch.TradeBatch;
import io.ttquant.store.trading.TradingBatch;
import java.util.OptionalLong;

/**
 * The one open {@link Store} of {@code ttquant run}, lent to a component that would otherwise own
 * and close its store (the market data service's recorder, the order journal exporter): every call
 * goes to the shared store except {@link #close()}, which does nothing. DuckDB allows one open
 * store per file in a process, so the components share one object; the {@link EmbeddedSystem}
 * closes it once, after every writer has flushed. It must never close the store it lends.
 */
final class BorrowedStore implements Store {
    private final Store owner;

    BorrowedStore(Store owner) {
        this.owner = owner;
    }

    @Override
    public StoreKind kind() {
        return owner.kind();
    }

    @Override
    public String describe() {
        return owner.describe();
    }

    @Override
    public long applyRetention(long nowNanos) {
        return owner.applyRetention(nowNanos);
    }

    @Override
    public void writeTrades(TradeBatch batch) {
        owner.writeTrades(batch);
    }

    @Override
    public void writeQuotes(QuoteBatch batch) {
        owner.writeQuotes(batch);
    }

    @Override
    public void writeBars(BarBatch batch) {
        owner.writeBars(batch);
    }

    @Override
    public void writeBookSnapshots(BookSnapshotBatch batch) {
        owner.writeBookSnapshots(batch);
    }

    @Override
    public long deleteTrades(String venue, String symbol, long fromNanos, long toNanos) {
        return owner.deleteTrades(venue, symbol, fromNanos, toNanos);
    }

    @Override
    public MarketDataSource readTrades(String venue, Instrument instrument, long fromNanos, long toNanos) {
        return owner.readTrades(venue, instrument, fromNanos, toNanos);
    }

    @Override
    public MarketDataSource readBars(String venue, Instrument instrument, long intervalNanos, long fromNanos, long toNanos) {
        return owner.readBars(venue, instrument, intervalNanos, fromNanos, toNanos);
    }

    @Override
    public MarketDataSource readQuotes(String venue, Instrument instrument, long fromNanos, long toNanos) {
        return owner.readQuotes(venue, instrument, fromNanos, toNanos);
    }

    @Override
    public long count(String table) {
        return owner.count(table);
    }

    @Override
    public void writeTrading(TradingBatch batch) {
        owner.writeTrading(batch);
    }

    @Override
    public OptionalLong progress(String source) {
        return owner.progress(source);
    }

    /** Does nothing: the owner closes the store. */
    @Override
    public void close() {
    }
}
