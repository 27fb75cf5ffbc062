package io.ttquant.store.writer;

import io.ttquant.store.Store;
import io.ttquant.store.StoreConfig;
import io.ttquant.store.Stores;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The recorder's round trip through an embedded DuckDB file. */
class MarketDataRecorderDuckDbTest extends RecorderRoundTripContract {
    @TempDir
    Path dir;

    @Override
    Store open() {
        return Stores.open(StoreConfig.duckdb(dir.resolve("md.duckdb")));
    }
}
