package io.ttquant.store;

import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.store.batch.BarBatch;
import io.ttquant.store.batch.BookSnapshotBatch;
import io.ttquant.store.batch.QuoteBatch;
import io.ttquant.store.batch.TradeBatch;

/**
 * Market data in a store: batches written in one round trip each (PostgreSQL COPY, a DuckDB
 * appender), history read back as a streaming cursor. Writes are called from one writer thread;
 * reads may come from any thread and each open their own connection. Never called on a hot path.
 */
public interface MarketDataStore {
    /** Appends every row of the batch (the batch is not modified); throws {@link StoreException}. */
    void writeTrades(TradeBatch batch);

    void writeQuotes(QuoteBatch batch);

    /** Bars are upserted on (venue, symbol, interval, open time). */
    void writeBars(BarBatch batch);

    void writeBookSnapshots(BookSnapshotBatch batch);

    /**
     * Deletes the trades of one symbol in [fromNanos, toNanos), so that an import of that range can
     * replace them; returns how many rows went.
     */
    long deleteTrades(String venue, String symbol, long fromNanos, long toNanos);

    /**
     * The trades of one instrument in [fromNanos, toNanos), in (time, trade id) order, streamed with
     * a cursor (never loaded whole) as a {@link MarketDataSource} of reused TradeTicks. Rows stored at
     * other scales than the instrument's are refused with a clear {@link StoreException}.
     */
    MarketDataSource readTrades(String venue, Instrument instrument, long fromNanos, long toNanos);

    /** The bars of one instrument and interval in [fromNanos, toNanos) by open time, streamed. */
    MarketDataSource readBars(String venue, Instrument instrument, long intervalNanos, long fromNanos, long toNanos);

    /** The quotes of one instrument in [fromNanos, toNanos), streamed. */
    MarketDataSource readQuotes(String venue, Instrument instrument, long fromNanos, long toNanos);

    /** Row count of a table of this schema (for tests, tools and the import summary). */
    long count(String table);
}
