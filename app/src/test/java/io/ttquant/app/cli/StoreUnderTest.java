package io.ttquant.app.cli;

import static org.junit.jupiter.api.Assertions.fail;

import io.ttquant.store.StoreConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * A store a command-line test writes to: a DuckDB file in the test's folder, or a PostgreSQL schema of
 * its own on the local server (127.0.0.1:5432, database test, user postgres) that is dropped
 * afterwards. When PostgreSQL is unreachable the test is skipped, saying why, except under CI where it
 * fails.
 */
interface StoreUnderTest extends AutoCloseable {
    String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    /** The arguments that select this store after {@code option} (--store or --db). */
    List<String> args(String option);

    /** The same store for opening it in the test. */
    StoreConfig config();

    @Override
    void close();

    static StoreUnderTest duckdb(Path file) {
        return new StoreUnderTest() {
            @Override
            public List<String> args(String option) {
                return List.of(option, "duckdb:" + file);
            }

            @Override
            public StoreConfig config() {
                return StoreConfig.duckdb(file);
            }

            @Override
            public void close() {
            }
        };
    }

    /** A fresh schema {@code t_<prefix>_<random>} on the local PostgreSQL server. */
    static StoreUnderTest postgres(String prefix) {
        String schema = "t_" + prefix + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, "postgres", null)) {
            c.isValid(2);
        } catch (SQLException e) {
            String why = "PostgreSQL is not reachable at " + POSTGRES_URL + " (" + e.getMessage() + ")";
            if (System.getenv("CI") != null) {
                fail(why);
            }
            Assumptions.abort(why + "; skipped (it fails under CI)");
        }
        return new StoreUnderTest() {
            @Override
            public List<String> args(String option) {
                return List.of(option, "postgres:" + POSTGRES_URL, "--store-user", "postgres", "--store-schema", schema);
            }

            @Override
            public StoreConfig config() {
                return StoreConfig.postgres(POSTGRES_URL, "postgres", null, schema).withPool(1, 2);
            }

            @Override
            public void close() {
                try (Connection c = DriverManager.getConnection(POSTGRES_URL, "postgres", null);
                     Statement st = c.createStatement()) {
                    st.execute("DROP SCHEMA IF EXISTS " + schema.toLowerCase(Locale.ROOT) + " CASCADE");
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot drop test schema " + schema + ": " + e.getMessage(), e);
                }
            }
        };
    }
}
