package io.ttquant.store;

import io.ttquant.store.duckdb.DuckDbStore;
import io.ttquant.store.postgres.PostgresStore;
import java.util.Objects;

/** Opens the store a {@link StoreConfig} names: PostgreSQL/TimescaleDB or an embedded DuckDB file. */
public final class Stores {
    private Stores() {
    }

    /**
     * Opens and migrates the store; throws {@link StoreException} (retryable when the database is
     * unreachable or locked by another process right now).
     */
    public static Store open(StoreConfig config) {
        Objects.requireNonNull(config, "config");
        return switch (config.kind()) {
            case POSTGRES -> PostgresStore.open(config);
            case DUCKDB -> DuckDbStore.open(config);
        };
    }
}
