package io.ttquant.store;

/**
 * Optional view of a store's connection pool, for metrics: a store that pools connections (the
 * PostgreSQL store's HikariCP pool) may implement it; callers test with {@code instanceof}. Reads
 * are cheap, thread-safe and may be slightly stale; they never open or block on a connection.
 */
public interface PoolStats {
    /** Connections lent out right now. */
    int active();

    /** Open connections waiting in the pool. */
    int idle();

    /** The most connections the pool will open. */
    int max();
}
