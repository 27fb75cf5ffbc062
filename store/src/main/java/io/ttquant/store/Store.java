package io.ttquant.store;

import java.time.Duration;

/**
 * An opened, migrated store: market data and trading records in one database. Thread-safe for the
 * uses documented on {@link MarketDataStore} and {@link TradingStore}. Close it last, after the
 * writers that use it have flushed.
 */
public interface Store extends MarketDataStore, TradingStore, AutoCloseable {
    StoreKind kind();

    /**
     * One line for logs and the startup banner: where the data is and how it is kept, e.g.
     * "PostgreSQL 15.20 at 127.0.0.1:5432/test schema public (TimescaleDB not available: plain
     * tables, retention job every hour)". Never contains a password.
     */
    String describe();

    /** Deletes market data older than the configured retention (plain PostgreSQL, DuckDB); returns rows deleted. */
    long applyRetention(long nowNanos);

    /**
     * How often a caller should run {@link #applyRetention} (see {@code RetentionJob}):
     * {@link Duration#ZERO} when this store needs no job (TimescaleDB's policies drop old chunks, or
     * market data is kept for ever). A store that does not say, such as a wrapper, asks for one
     * every hour: {@link #applyRetention} does nothing when there is nothing to delete.
     */
    default Duration retentionJobInterval() {
        return Duration.ofHours(1);
    }

    @Override
    void close();
}
