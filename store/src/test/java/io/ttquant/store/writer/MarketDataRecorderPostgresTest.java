package io.ttquant.store.writer;

import io.ttquant.store.PgTestSupport;
import io.ttquant.store.Store;
import io.ttquant.store.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The recorder's round trip through PostgreSQL, in a schema of its own (skipped, saying why, when
 * PostgreSQL is not reachable; failed instead under CI).
 */
class MarketDataRecorderPostgresTest extends RecorderRoundTripContract {
    private String schema;

    @BeforeEach
    void createSchema() {
        PgTestSupport.requirePostgres();
        schema = PgTestSupport.newSchema("recorder");
    }

    @AfterEach
    void dropSchema() {
        PgTestSupport.dropSchema(schema);
    }

    @Override
    Store open() {
        return Stores.open(PgTestSupport.config(schema));
    }
}
