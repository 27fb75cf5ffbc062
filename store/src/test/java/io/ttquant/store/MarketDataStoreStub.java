package io.ttquant.store;

import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.store.batch.BarBatch;
import io.ttquant.store.batch.BookSnapshotBatch;
import io.ttquant.store.batch.QuoteBatch;
import io.ttquant.store.batch.TradeBatch;

/**
 * A market data store for tests of what writes to one (the recorder, the importer, metrics): every
 * write and delete does nothing, counts are 0 and reading is not supported, until a subclass
 * overrides what its test looks at. Never touches a database.
 */
public abstract class MarketDataStoreStub implements MarketDataStore {
    @Override
    public void writeTrades(TradeBatch batch) {
    }

    @Override
    public void writeQuotes(QuoteBatch batch) {
    }

    @Override
    public void writeBars(BarBatch batch) {
    }

    @Override
    public void writeBookSnapshots(BookSnapshotBatch batch) {
    }

    @Override
    public long deleteTrades(String venue, String symbol, long fromNanos, long toNanos) {
        return 0;
    }

    @Override
    public MarketDataSource readTrades(String venue, Instrument instrument, long fromNanos, long toNanos) {
        throw new UnsupportedOperationException("a test store that only takes writes");
    }

    @Override
    public MarketDataSource readBars(String venue, Instrument instrument, long intervalNanos, long fromNanos,
                                     long toNanos) {
        throw new UnsupportedOperationException("a test store that only takes writes");
    }

    @Override
    public MarketDataSource readQuotes(String venue, Instrument instrument, long fromNanos, long toNanos) {
        throw new UnsupportedOperationException("a test store that only takes writes");
    }

    @Override
    public long count(String table) {
        return 0;
    }
}
