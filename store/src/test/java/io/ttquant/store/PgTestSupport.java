package io.ttquant.store;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The PostgreSQL that store tests run against, and their own schemas in it. The server is
 * {@code $TTQUANT_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}) as
 * {@code $TTQUANT_PG_USER} (default postgres) with {@code $TTQUANT_PG_PASSWORD} (default none).
 * When it cannot be reached a test is skipped, saying why, or fails when the environment variable
 * CI is set (CI must test the database, not skip it). Tests run in parallel against the same
 * database: each test class creates its own schema ({@link #newSchema}) and drops it after. The
 * app's store tests use it too (the store's test jar).
 */
public final class PgTestSupport {
    public static final String URL = env("TTQUANT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("TTQUANT_PG_USER", "postgres");
    public static final String PASSWORD = env("TTQUANT_PG_PASSWORD", null);

    private PgTestSupport() {
    }

    /** Skips the calling test (or fails it under CI) when PostgreSQL is not reachable. */
    public static void requirePostgres() {
        try (Connection c = connect()) {
            c.isValid(2);
        } catch (SQLException e) {
            skipUnless("PostgreSQL is not reachable at " + URL + " as " + USER + ": " + e.getMessage()
                    + " (start it with pg_ctlcluster --skip-systemctl-redirect 15 main start)");
        }
    }

    /** Whether the environment variable CI is set (not empty, not "false"): database tests must run there. */
    public static boolean ci() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    /** Skips the calling test saying why (fails it under CI) when {@code reason} is not null. */
    public static void skipUnless(String reason) {
        if (reason == null) {
            return;
        }
        if (ci()) {
            fail(reason + " (CI is set: this test must run)");
        }
        assumeTrue(false, "skipping: " + reason);
    }

    /** A direct connection (no pool) for setting up and checking what a test's store did. */
    public static Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        if (PASSWORD != null) {
            p.setProperty("password", PASSWORD);
        }
        p.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(URL, p);
    }

    /** A fresh schema name for a test class: {@code t_<name>_<random>}, a valid lower-case identifier. */
    public static String newSchema(String testName) {
        String name = testName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (name.length() > 40) {
            name = name.substring(0, 40);
        }
        return "t_" + name + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
    }

    /** The default PostgreSQL store configuration for a test schema. */
    public static StoreConfig config(String schema) {
        return StoreConfig.postgres(URL, USER, PASSWORD, schema);
    }

    /** Drops a test's schema and everything in it. */
    public static void dropSchema(String schema) {
        if (schema == null) {
            return;
        }
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + schema, e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
