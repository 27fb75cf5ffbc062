package io.ttquant.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how to open a store. For PostgreSQL: JDBC URL, user, password (from the environment
 * or a file by the caller; never logged or shown by {@link #toString()}), schema (tests use their
 * own), pool size, and the TimescaleDB policy. For DuckDB: the file (null = in memory).
 *
 * @param timescale AUTO uses TimescaleDB when the extension is available, ON requires it, OFF never uses it
 * @param compressAfterDays TimescaleDB compression of market data older than this (0 = off)
 * @param retainDays market data older than this is dropped (0 = kept for ever); orders, fills and positions are always kept
 */
public record StoreConfig(StoreKind kind, String jdbcUrl, String user, String password, String schema,
                          int poolMin, int poolMax, Timescale timescale, int compressAfterDays, int retainDays,
                          Path duckDbFile) {
    /** Whether to use the TimescaleDB extension. */
    public enum Timescale { AUTO, ON, OFF }

    public StoreConfig {
        Objects.requireNonNull(kind, "kind");
        if (!isValidSchema(schema)) {
            throw new IllegalArgumentException("schema must be a lower-case SQL identifier: " + schema);
        }
        if (poolMin < 1 || poolMax < poolMin) {
            throw new IllegalArgumentException("pool size must satisfy 1 <= min <= max: " + poolMin + ".." + poolMax);
        }
        if (compressAfterDays < 0 || retainDays < 0) {
            throw new IllegalArgumentException("compressAfterDays and retainDays must be >= 0");
        }
        timescale = timescale == null ? Timescale.AUTO : timescale;
    }

    /** Whether a schema name is a lower-case SQL identifier: a letter or '_', then up to 62 letters, digits or '_'. */
    public static boolean isValidSchema(String schema) {
        return schema != null && schema.matches("[a-z_][a-z0-9_]{0,62}");
    }

    /** PostgreSQL with the defaults: pool 2..10, TimescaleDB when available, compression after 7 days, retention 30 days. */
    public static StoreConfig postgres(String jdbcUrl, String user, String password, String schema) {
        return new StoreConfig(StoreKind.POSTGRES, jdbcUrl, user, password, schema, 2, 10, Timescale.AUTO, 7, 30, null);
    }

    /** DuckDB in a file (created when missing), or in memory when file is null; retention 30 days. */
    public static StoreConfig duckdb(Path file) {
        return new StoreConfig(StoreKind.DUCKDB, null, null, null, "main", 1, 1, Timescale.OFF, 0, 30, file);
    }

    public StoreConfig withRetention(int compressAfterDays, int retainDays) {
        return new StoreConfig(kind, jdbcUrl, user, password, schema, poolMin, poolMax, timescale, compressAfterDays,
                retainDays, duckDbFile);
    }

    public StoreConfig withTimescale(Timescale timescale) {
        return new StoreConfig(kind, jdbcUrl, user, password, schema, poolMin, poolMax, timescale, compressAfterDays,
                retainDays, duckDbFile);
    }

    public StoreConfig withPool(int min, int max) {
        return new StoreConfig(kind, jdbcUrl, user, password, schema, min, max, timescale, compressAfterDays, retainDays,
                duckDbFile);
    }

    @Override
    public String toString() {
        return kind == StoreKind.DUCKDB
                ? "duckdb " + (duckDbFile == null ? "(in memory)" : duckDbFile)
                : "postgres " + urlWithoutParameters(jdbcUrl) + " user " + user + " schema " + schema + " pool " + poolMin + ".." + poolMax
                        + " timescale " + timescale + " compress " + compressAfterDays + "d retain " + retainDays + "d";
    }

    /** The JDBC URL without its parameters (which may carry a password). */
    static String urlWithoutParameters(String url) {
        if (url == null) {
            return null;
        }
        int q = url.indexOf('?');
        int at = url.indexOf('@');
        String base = q < 0 ? url : url.substring(0, q);
        if (at > 0 && (q < 0 || at < q)) { // user:password@host forms
            int scheme = base.indexOf("//");
            base = scheme < 0 ? base : base.substring(0, scheme + 2) + base.substring(at + 1);
        }
        return base;
    }
}
