package io.ttquant.app.cli;

import java.nio.file.Path;

/**
 * {@link DataImportContract} on the local PostgreSQL server, in a schema of its own dropped after
 * each test; skipped when the server is unreachable, except under CI where that fails.
 */
class PostgresDataImportTest extends DataImportContract {
    @Override
    StoreUnderTest newStore(Path dir) {
        return StoreUnderTest.postgres("import");
    }
}
