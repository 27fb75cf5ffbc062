package io.ttquant.app.store;

import io.ttquant.store.StoreConfig;
import io.ttquant.store.StoreKind;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a store is, as the user writes it on a command line or in a config file:
 * {@code duckdb:<file>} (or {@code duckdb::memory:}) for the embedded store, or
 * {@code postgres:<jdbc-url>} (e.g. {@code postgres:jdbc:postgresql://127.0.0.1:5432/ttquant}; the
 * {@code jdbc:} prefix may be left out, and a bare {@code postgresql://host:port/db} works too) for a
 * PostgreSQL server. Parsed and checked once, refused
 * with a one-line reason ({@link IllegalArgumentException}).
 *
 * <p>A URL never carries a password: one written into it is refused (without echoing the URL), the
 * password comes from the environment or a file ({@link StoreOptions}). Immutable.
 */
public final class StoreUri {
    /** The in-memory DuckDB location, as DuckDB's own JDBC URL spells it. */
    public static final String DUCKDB_MEMORY = ":memory:";

    private final StoreKind kind;
    private final String jdbcUrl;
    private final Path duckDbFile;

    private StoreUri(StoreKind kind, String jdbcUrl, Path duckDbFile) {
        this.kind = kind;
        this.jdbcUrl = jdbcUrl;
        this.duckDbFile = duckDbFile;
    }

    /** Parses {@code duckdb:<file>}, {@code duckdb::memory:} or {@code postgres:<jdbc-url>}. */
    public static StoreUri parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("--store: empty; use duckdb:<file> or postgres:<jdbc-url>");
        }
        String s = spec.strip();
        int colon = s.indexOf(':');
        String scheme = colon < 0 ? s : s.substring(0, colon).toLowerCase(Locale.ROOT);
        String location = colon < 0 ? "" : s.substring(colon + 1);
        switch (scheme) {
            case "duckdb" -> {
                if (location.isEmpty()) {
                    throw new IllegalArgumentException("--store duckdb: needs a file, e.g. duckdb:data/ttquant.duckdb (or duckdb::memory:)");
                }
                if (location.equals(DUCKDB_MEMORY)) {
                    return new StoreUri(StoreKind.DUCKDB, null, null);
                }
                try {
                    return new StoreUri(StoreKind.DUCKDB, null, Path.of(location));
                } catch (InvalidPathException e) {
                    throw new IllegalArgumentException("--store duckdb: not a file path: " + location);
                }
            }
            case "postgres", "postgresql" -> {
                String url = scheme.equals("postgresql") ? "jdbc:" + s
                        : location.startsWith("postgresql://") ? "jdbc:" + location : location;
                if (url.toLowerCase(Locale.ROOT).contains("password")) {
                    // Never echo it: the URL may hold the secret.
                    throw new IllegalArgumentException("--store: the URL must not carry a password; "
                            + "set TTQUANT_DB_PASSWORD or use --store-password-file");
                }
                if (!url.matches("jdbc:postgresql://[^/?#\\s]+(/[A-Za-z0-9_.-]*)?(\\?[^\\s#]*)?")) {
                    throw new IllegalArgumentException("--store postgres: needs a JDBC URL such as "
                            + "postgres:jdbc:postgresql://127.0.0.1:5432/ttquant, got " + location);
                }
                return new StoreUri(StoreKind.POSTGRES, url, null);
            }
            default -> throw new IllegalArgumentException("--store must be duckdb:<file> or postgres:<jdbc-url>, got " + s);
        }
    }

    public StoreKind kind() {
        return kind;
    }

    /** The JDBC URL (PostgreSQL), else null. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The DuckDB file; null for an in-memory DuckDB or a PostgreSQL store. */
    public Path duckDbFile() {
        return duckDbFile;
    }

    /**
     * The store configuration with the store's defaults (pool 2..10, TimescaleDB when available,
     * its compression and retention). {@code user}, {@code password} and {@code schema} are for
     * PostgreSQL and ignored for DuckDB (whose schema is always {@code main}).
     */
    public StoreConfig toConfig(String user, String password, String schema) {
        if (kind == StoreKind.DUCKDB) {
            return StoreConfig.duckdb(duckDbFile);
        }
        Objects.requireNonNull(user, "user");
        if (!StoreConfig.isValidSchema(schema)) {
            throw new IllegalArgumentException("--store-schema must be a lower-case SQL identifier "
                    + "(letters, digits, '_', at most 63), got " + schema);
        }
        return StoreConfig.postgres(jdbcUrl, user, password, schema);
    }

    /** The location without secrets, e.g. {@code duckdb data/x.duckdb} or {@code postgres jdbc:postgresql://...}. */
    @Override
    public String toString() {
        return kind == StoreKind.DUCKDB
                ? "duckdb " + (duckDbFile == null ? DUCKDB_MEMORY : duckDbFile.toString())
                : "postgres " + jdbcUrl;
    }
}
