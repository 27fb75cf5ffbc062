package io.ttquant.store;

/** Which database a store keeps its data in. */
public enum StoreKind {
    /** A PostgreSQL server, with TimescaleDB when the extension is available. */
    POSTGRES,
    /** An embedded DuckDB file (or in memory): no server needed. */
    DUCKDB
}
