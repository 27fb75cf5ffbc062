package io.ttquant.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets the migrated tables up for TimescaleDB 2.x, after Flyway and outside its versioned scripts
 * (whether it applies depends on the server): hypertables partitioned by time (existing rows
 * migrated), compression of market data after {@code compressAfterDays} segmented by (venue,
 * symbol), retention of market data only after {@code retainDays}, and the continuous aggregate
 * {@value #AGGREGATE} (1-minute OHLCV from trades) with a refresh policy. Every step is idempotent,
 * so it runs at each open; policies are replaced so that changed day counts take effect.
 *
 * <p>Functions are qualified with the extension's schema, because the store's connections search
 * only the store's schema. Never touches orders (keyed without time, so not a hypertable) and never
 * puts a retention policy on trading tables.
 */
final class TimescaleSetup {
    static final String AGGREGATE = "market_bars_1m_from_trades";

    /** A table made a hypertable: its time column, chunk interval, and whether it holds market data. */
    record Hypertable(String name, String timeColumn, String chunkInterval, boolean marketData, String orderBy) {
    }

    static final List<Hypertable> HYPERTABLES = List.of(
            new Hypertable("market_trades", "time", "1 day", true, "time"),
            new Hypertable("market_quotes", "time", "1 day", true, "time"),
            new Hypertable("book_snapshots", "time", "1 day", true, "time"),
            new Hypertable("market_bars", "open_time", "30 days", true, "interval_s, open_time"),
            new Hypertable("fills", "time", "30 days", false, null),
            new Hypertable("positions", "time", "30 days", false, null));

    private final String schema;
    private final String quotedSchema;
    private final String ext;
    private final int compressAfterDays;
    private final int retainDays;

    /**
     * @param schema          the store's schema (a validated lower-case identifier)
     * @param extensionSchema the schema the timescaledb extension is installed in
     */
    TimescaleSetup(String schema, String extensionSchema, int compressAfterDays, int retainDays) {
        this.schema = schema;
        this.quotedSchema = quote(schema);
        this.ext = quote(extensionSchema);
        this.compressAfterDays = compressAfterDays;
        this.retainDays = retainDays;
    }

    /** Enables the extension (into public when it is not installed yet; never into the store's schema). */
    static String createExtension() {
        return "CREATE EXTENSION IF NOT EXISTS timescaledb SCHEMA public";
    }

    static String extensionSchemaQuery() {
        return "SELECT n.nspname, e.extversion FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
                + "WHERE e.extname = 'timescaledb'";
    }

    String createHypertable(Hypertable t) {
        return "SELECT " + ext + ".create_hypertable('" + table(t.name()) + "', '" + t.timeColumn()
                + "', chunk_time_interval => INTERVAL '" + t.chunkInterval()
                + "', if_not_exists => TRUE, migrate_data => TRUE)";
    }

    String enableCompression(Hypertable t) {
        return "ALTER TABLE " + table(t.name()) + " SET (timescaledb.compress, "
                + "timescaledb.compress_segmentby = 'venue, symbol', timescaledb.compress_orderby = '" + t.orderBy() + "')";
    }

    /** Replaces the compression and retention policies of a market data table (none for trading tables). */
    List<String> policies(Hypertable t) {
        List<String> sql = new ArrayList<>();
        if (!t.marketData()) {
            return sql;
        }
        sql.add("SELECT " + ext + ".remove_compression_policy('" + table(t.name()) + "', if_exists => TRUE)");
        if (compressAfterDays > 0) {
            sql.add("SELECT " + ext + ".add_compression_policy('" + table(t.name()) + "', compress_after => INTERVAL '"
                    + compressAfterDays + " days')");
        }
        sql.add("SELECT " + ext + ".remove_retention_policy('" + table(t.name()) + "', if_exists => TRUE)");
        if (retainDays > 0) {
            sql.add("SELECT " + ext + ".add_retention_policy('" + table(t.name()) + "', drop_after => INTERVAL '"
                    + retainDays + " days')");
        }
        return sql;
    }

    String createAggregate() {
        String bucket = ext + ".time_bucket(INTERVAL '1 minute', time)";
        return "CREATE MATERIALIZED VIEW " + table(AGGREGATE) + " WITH (timescaledb.continuous) AS "
                + "SELECT venue, symbol, " + bucket + " AS open_time, "
                + ext + ".first(price, time) AS open, max(price) AS high, min(price) AS low, "
                + ext + ".last(price, time) AS close, sum(qty) AS volume, count(*) AS trades, price_scale, qty_scale "
                + "FROM " + table("market_trades") + " GROUP BY venue, symbol, " + bucket + ", price_scale, qty_scale "
                + "WITH NO DATA";
    }

    /** Refreshes the last day of 1-minute bars every minute, leaving out the minute still being written. */
    String aggregatePolicy() {
        return "SELECT " + ext + ".add_continuous_aggregate_policy('" + table(AGGREGATE) + "', "
                + "start_offset => INTERVAL '1 day', end_offset => INTERVAL '1 minute', "
                + "schedule_interval => INTERVAL '1 minute', if_not_exists => TRUE)";
    }

    /** Runs the whole setup on a connection in autocommit mode. */
    void apply(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (Hypertable t : HYPERTABLES) {
                st.execute(createHypertable(t));
            }
            for (Hypertable t : HYPERTABLES) {
                if (t.marketData() && compressAfterDays > 0 && !compressionEnabled(c, t.name())) {
                    st.execute(enableCompression(t));
                }
                for (String sql : policies(t)) {
                    st.execute(sql);
                }
            }
            if (!aggregateExists(c)) {
                st.execute(createAggregate());
            }
            st.execute(aggregatePolicy());
        }
    }

    private boolean compressionEnabled(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT compression_enabled FROM "
                + "timescaledb_information.hypertables WHERE hypertable_schema = ? AND hypertable_name = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private boolean aggregateExists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM timescaledb_information.continuous_aggregates "
                + "WHERE view_schema = ? AND view_name = ?")) {
            ps.setString(1, schema);
            ps.setString(2, AGGREGATE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private String table(String name) {
        return quotedSchema + "." + name;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
