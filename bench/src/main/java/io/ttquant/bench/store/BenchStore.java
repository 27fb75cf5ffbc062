package io.ttquant.bench.store;

import io.ttquant.bench.sim.LoadFlags;
import io.ttquant.store.Store;
import io.ttquant.store.StoreConfig;
import io.ttquant.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A store for one benchmark run, left as it found things: a DuckDB file in a temporary folder that
 * is deleted afterwards, or a schema of its own on the local PostgreSQL server that is dropped
 * afterwards. Benchmarks only; never points at data anyone keeps.
 */
final class BenchStore implements AutoCloseable {
    static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    /** Which stores a benchmark runs against ({@code --stores duckdb,postgres}) and where PostgreSQL is. */
    record Targets(List<String> kinds, String pgUrl, String pgUser) {
        static Targets from(LoadFlags f) {
            return new Targets(List.of(f.string("stores", "duckdb,postgres").split(",")), f.string("pg-url", DEFAULT_PG_URL),
                    f.string("pg-user", "postgres"));
        }

        BenchStore open(String kind) {
            return BenchStore.open(kind, pgUrl, pgUser);
        }
    }

    /** A benchmark's own flags and those {@link Targets#from} reads: every flag it knows. */
    static String[] knownFlags(String... own) {
        String[] all = Arrays.copyOf(own, own.length + 3);
        all[own.length] = "stores";
        all[own.length + 1] = "pg-url";
        all[own.length + 2] = "pg-user";
        return all;
    }

    /** The first line of a store benchmark's output: what it does, on which JVM, with how many cores. */
    static void printHeader(String what) {
        System.out.printf(Locale.ROOT, "%s; %s, %d cores%n", what, System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    }

    private final String kind;
    private final Store store;
    private final Path tempDir;
    private final String pgUrl;
    private final String pgUser;
    private final String schema;

    private BenchStore(String kind, Store store, Path tempDir, String pgUrl, String pgUser, String schema) {
        this.kind = kind;
        this.store = store;
        this.tempDir = tempDir;
        this.pgUrl = pgUrl;
        this.pgUser = pgUser;
        this.schema = schema;
    }

    /** {@code duckdb} (a fresh file) or {@code postgres} (a fresh schema {@code bench_<random>} at {@code pgUrl}). */
    static BenchStore open(String kind, String pgUrl, String pgUser) {
        switch (kind) {
            case "duckdb" -> {
                Path dir;
                try {
                    dir = Files.createTempDirectory("ttquant-bench-");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return new BenchStore(kind, Stores.open(StoreConfig.duckdb(dir.resolve("bench.duckdb"))), dir, null, null, null);
            }
            case "postgres" -> {
                String schema = "bench_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
                Store s = Stores.open(StoreConfig.postgres(pgUrl, pgUser, System.getenv("TTQUANT_DB_PASSWORD"), schema));
                return new BenchStore(kind, s, null, pgUrl, pgUser, schema);
            }
            default -> throw new IllegalArgumentException("store must be duckdb or postgres, got " + kind);
        }
    }

    Store store() {
        return store;
    }

    String kind() {
        return kind;
    }

    /** Bytes the DuckDB file takes (0 for PostgreSQL). */
    long fileBytes() {
        if (tempDir == null) {
            return 0;
        }
        try (Stream<Path> files = Files.list(tempDir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        store.close();
        if (tempDir != null) {
            try (Stream<Path> files = Files.walk(tempDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(pgUrl, pgUser, System.getenv("TTQUANT_DB_PASSWORD"));
                 Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop benchmark schema " + schema + ": " + e.getMessage(), e);
            }
        }
    }
}
