package io.ttquant.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.store.Identifiers;
import io.ttquant.store.MarketRows;
import io.ttquant.store.PoolStats;
import io.ttquant.store.Store;
import io.ttquant.store.StoreConfig;
import io.ttquant.store.StoreException;
import io.ttquant.store.StoreKind;
import io.ttquant.store.StoreLogging;
import io.ttquant.store.batch.BarBatch;
import io.ttquant.store.batch.BookSnapshotBatch;
import io.ttquant.store.batch.MarketBatch;
import io.ttquant.store.batch.QuoteBatch;
import io.ttquant.store.batch.TradeBatch;
import io.ttquant.store.trading.TradingBatch;
import io.ttquant.store.trading.TradingRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.flywaydb.core.Flyway;

/**
 * The PostgreSQL store: a HikariCP pool on one schema, migrated by Flyway
 * ({@code db/migration/postgresql}), with TimescaleDB set up when the policy and the server allow
 * ({@link TimescaleDecision}, {@link TimescaleSetup}); without it the tables are plain and
 * {@link #applyRetention} deletes old market data, to be called every {@link #retentionJobInterval()}.
 * Market data goes in by binary COPY ({@link PgMarketDataWriter}), trading batches in one
 * transaction with their progress ({@link PgTradingWriter}), history comes back through cursors
 * ({@link PgCursorSource}).
 *
 * <p>Thread-safe: every call borrows its own pooled connection. Failures are
 * {@link StoreException}s that say whether a retry can help. The password is given to the pool
 * and nowhere else: never in {@link #describe()}, {@link #toString()}, logs or exceptions.
 */
public final class PostgresStore implements Store, PoolStats {
    private static final System.Logger LOG = System.getLogger(PostgresStore.class.getName());
    /** How often a caller should run {@link #applyRetention} on plain PostgreSQL. */
    public static final Duration RETENTION_JOB_INTERVAL = Duration.ofHours(1);
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    /** The tables {@link #count} accepts. */
    private static final List<String> TABLES = List.of("market_trades", "market_quotes", "market_bars",
            "book_snapshots", "orders", "fills", "positions", "export_progress");
    /** Market data tables and their time columns: what retention deletes from. */
    private static final String[][] MARKET_DATA = {{"market_trades", "time"}, {"market_quotes", "time"},
            {"book_snapshots", "time"}, {"market_bars", "open_time"}};

    private final HikariDataSource pool;
    private final PgErrors errors;
    private final String schema;
    private final String quotedSchema;
    private final String server;
    private final TimescaleDecision timescale;
    private final int retainDays;
    private final int poolMax;
    private final String description;
    private final PgMarketDataWriter marketData;
    private final PgTradingWriter trading;
    private final String readTradesSql;
    private final String readQuotesSql;
    private final String readBarsSql;
    private final String deleteTradesSql;

    private PostgresStore(HikariDataSource pool, PgErrors errors, StoreConfig config, String server,
                          TimescaleDecision timescale, String serverVersion) {
        this.pool = pool;
        this.errors = errors;
        this.schema = config.schema();
        this.quotedSchema = TimescaleSetup.quote(schema);
        this.server = server;
        this.timescale = timescale;
        this.retainDays = config.retainDays();
        this.poolMax = config.poolMax();
        this.description = "PostgreSQL " + serverVersion + " at " + server + " schema " + schema + " ("
                + keeping(timescale, config) + ")";
        this.marketData = new PgMarketDataWriter(quotedSchema);
        this.trading = new PgTradingWriter(quotedSchema);
        this.readTradesSql = PgCursorSource.trades(quotedSchema);
        this.readQuotesSql = PgCursorSource.quotes(quotedSchema);
        this.readBarsSql = PgCursorSource.bars(quotedSchema);
        this.deleteTradesSql = "DELETE FROM " + quotedSchema + ".market_trades WHERE venue = ? AND symbol = ? "
                + "AND time >= ? AND time < ?";
    }

    /**
     * Connects, creates the schema when missing, migrates it, and sets TimescaleDB up when the
     * policy asks for it and the server has it.
     *
     * @throws StoreException retryable when the server cannot be reached; not retryable for bad
     *                        configuration, a failed migration, or timescale ON without the extension
     */
    public static PostgresStore open(StoreConfig config) {
        if (config.kind() != StoreKind.POSTGRES) {
            throw new StoreException("not a PostgreSQL store configuration: " + config.kind(), false, null);
        }
        StoreLogging.quietLibraries();
        PgEndpoint endpoint = PgEndpoint.parse(config.jdbcUrl());
        String server = endpoint.toString();
        PgErrors errors = new PgErrors(server, config.password());
        HikariDataSource pool = connect(config, errors);
        try {
            String version;
            String available;
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                version = serverVersion(st);
                createSchemaIfMissing(c, st, config.schema());
                available = availableTimescale(st);
            } catch (SQLException e) {
                throw errors.map("preparing schema " + config.schema(), e);
            }
            TimescaleDecision decision = TimescaleDecision.decide(config.timescale(), available);
            migrate(pool, config.schema(), errors);
            if (decision.use()) {
                decision = enableTimescale(pool, config, decision, errors);
            }
            PostgresStore store = new PostgresStore(pool, errors, config, server, decision, version);
            LOG.log(System.Logger.Level.DEBUG, "Opened " + store.description);
            return store;
        } catch (RuntimeException e) {
            pool.close();
            throw e instanceof StoreException ? e : errors.map("opening the store", e);
        }
    }

    private static HikariDataSource connect(StoreConfig config, PgErrors errors) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("ttquant-pg-" + config.schema());
        hc.setJdbcUrl(config.jdbcUrl());
        hc.setUsername(config.user());
        hc.setPassword(config.password());
        hc.setMinimumIdle(config.poolMin());
        hc.setMaximumPoolSize(config.poolMax());
        hc.setConnectionTimeout(10_000);
        hc.setInitializationFailTimeout(1);
        hc.setAutoCommit(true);
        hc.addDataSourceProperty("currentSchema", config.schema());
        hc.addDataSourceProperty("ApplicationName", "ttquant");
        hc.addDataSourceProperty("connectTimeout", "10");
        hc.addDataSourceProperty("tcpKeepAlive", "true");
        hc.addDataSourceProperty("binaryTransfer", "true");
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw errors.map("connecting as user " + config.user(), e);
        }
    }

    /** Checked first: CREATE SCHEMA needs the CREATE privilege on the database even when the schema exists. */
    private static void createSchemaIfMissing(Connection c, Statement st, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        st.execute("CREATE SCHEMA IF NOT EXISTS " + TimescaleSetup.quote(schema));
        LOG.log(System.Logger.Level.DEBUG, "Created schema " + schema);
    }

    private static String serverVersion(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            String v = rs.getString(1);
            int space = v.indexOf(' ');
            return space < 0 ? v : v.substring(0, space);
        }
    }

    /** The timescaledb version the server offers, or null. */
    private static String availableTimescale(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery(
                "SELECT default_version FROM pg_available_extensions WHERE name = 'timescaledb'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void migrate(HikariDataSource pool, String schema, PgErrors errors) {
        try {
            Flyway.configure(PostgresStore.class.getClassLoader())
                    .dataSource(pool)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .createSchemas(false)
                    .table("flyway_schema_history")
                    .locations("classpath:db/migration/postgresql")
                    .cleanDisabled(true)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw errors.map("migrating schema " + schema, e);
        }
    }

    /** Enables the extension and sets the tables up; AUTO falls back to plain tables when that fails. */
    private static TimescaleDecision enableTimescale(HikariDataSource pool, StoreConfig config,
                                                     TimescaleDecision decision, PgErrors errors) {
        String extensionSchema;
        String version;
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            try {
                st.execute(TimescaleSetup.createExtension());
            } catch (SQLException e) {
                if (PgErrors.isRetryable(e)) {
                    throw e;
                }
                return decision.enableFailed(config.timescale(), e.getMessage());
            }
            try (ResultSet rs = st.executeQuery(TimescaleSetup.extensionSchemaQuery())) {
                rs.next();
                extensionSchema = rs.getString(1);
                version = rs.getString(2);
            }
            new TimescaleSetup(config.schema(), extensionSchema, config.compressAfterDays(), config.retainDays())
                    .apply(c);
        } catch (SQLException e) {
            throw errors.map("setting up TimescaleDB in schema " + config.schema(), e);
        }
        return new TimescaleDecision(true, version, "TimescaleDB " + version);
    }

    private static String keeping(TimescaleDecision t, StoreConfig config) {
        if (t.use()) {
            return t.reason() + ": hypertables, "
                    + (config.compressAfterDays() > 0
                            ? "market data compressed after " + config.compressAfterDays() + " days, "
                            : "no compression, ")
                    + (config.retainDays() > 0
                            ? "retention policy drops market data older than " + config.retainDays() + " days, "
                            : "market data kept for ever, ")
                    + "1-minute bars in " + TimescaleSetup.AGGREGATE;
        }
        return t.reason() + ": plain tables, " + (config.retainDays() > 0
                ? "retention job every " + RETENTION_JOB_INTERVAL.toHours() + " h deletes market data older than "
                        + config.retainDays() + " days"
                : "market data kept for ever");
    }

    @Override
    public StoreKind kind() {
        return StoreKind.POSTGRES;
    }

    @Override
    public String describe() {
        return description;
    }

    /** Whether TimescaleDB keeps the data (hypertables and policies) rather than plain tables. */
    public boolean usesTimescale() {
        return timescale.use();
    }

    /**
     * How often a caller should run {@link #applyRetention}: {@link #RETENTION_JOB_INTERVAL} on
     * plain tables with a retention, {@link Duration#ZERO} when there is nothing to do (TimescaleDB's
     * policy drops old chunks itself, or market data is kept for ever).
     */
    public Duration retentionJobInterval() {
        return timescale.use() || retainDays == 0 ? Duration.ZERO : RETENTION_JOB_INTERVAL;
    }

    @Override
    public void writeTrades(TradeBatch batch) {
        write(batch, "trades", c -> marketData.writeTrades(c, batch));
    }

    @Override
    public void writeQuotes(QuoteBatch batch) {
        write(batch, "quotes", c -> marketData.writeQuotes(c, batch));
    }

    @Override
    public void writeBars(BarBatch batch) {
        write(batch, "bars", c -> marketData.writeBars(c, batch));
    }

    @Override
    public void writeBookSnapshots(BookSnapshotBatch batch) {
        write(batch, "book snapshots", c -> marketData.writeBookSnapshots(c, batch));
    }

    /** One write of a batch on a pooled connection. */
    private interface Write {
        void run(Connection c) throws SQLException;
    }

    /** Checks every row of the batch, then writes it on a connection of its own; failures say whether a retry can help. */
    private void write(MarketBatch batch, String what, Write write) {
        if (batch.size() == 0) {
            return;
        }
        Identifiers.requireRows(batch);
        try (Connection c = pool.getConnection()) {
            write.run(c);
        } catch (SQLException | RuntimeException e) {
            throw errors.map("writing " + batch.size() + " " + what, e);
        }
    }

    @Override
    public long deleteTrades(String venue, String symbol, long fromNanos, long toNanos) {
        Identifiers.require(venue, "venue", "deleting trades");
        Identifiers.require(symbol, "symbol", "deleting trades");
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(deleteTradesSql)) {
            ps.setString(1, venue);
            ps.setString(2, symbol);
            ps.setObject(3, PgTime.rangeBound(fromNanos));
            ps.setObject(4, PgTime.rangeBound(toNanos));
            return ps.executeLargeUpdate();
        } catch (SQLException | RuntimeException e) {
            throw errors.map("deleting trades of " + venue + " " + symbol, e);
        }
    }

    @Override
    public MarketDataSource readTrades(String venue, Instrument instrument, long fromNanos, long toNanos) {
        Identifiers.requireQuery(venue, instrument, "reading trades");
        MarketRows rows = MarketRows.trades(where("market_trades", venue, instrument, fromNanos, toNanos), instrument,
                PgCursorSource.COLUMNS);
        return PgCursorSource.open(pool, errors, rows, readTradesSql,
                ps -> bindRange(ps, venue, instrument, fromNanos, toNanos));
    }

    @Override
    public MarketDataSource readQuotes(String venue, Instrument instrument, long fromNanos, long toNanos) {
        Identifiers.requireQuery(venue, instrument, "reading quotes");
        MarketRows rows = MarketRows.quotes(where("market_quotes", venue, instrument, fromNanos, toNanos), instrument,
                PgCursorSource.COLUMNS);
        return PgCursorSource.open(pool, errors, rows, readQuotesSql,
                ps -> bindRange(ps, venue, instrument, fromNanos, toNanos));
    }

    @Override
    public MarketDataSource readBars(String venue, Instrument instrument, long intervalNanos, long fromNanos,
                                     long toNanos) {
        Identifiers.requireQuery(venue, instrument, "reading bars");
        int seconds = BarBatch.toIntervalSeconds(intervalNanos);
        MarketRows rows = MarketRows.bars(where("market_bars", venue, instrument, fromNanos, toNanos) + " interval "
                + seconds + " s", instrument, intervalNanos, PgCursorSource.COLUMNS);
        return PgCursorSource.open(pool, errors, rows, readBarsSql, ps -> {
            ps.setString(1, venue);
            ps.setString(2, instrument.symbol());
            ps.setInt(3, seconds);
            ps.setObject(4, PgTime.rangeBound(fromNanos));
            ps.setObject(5, PgTime.rangeBound(toNanos));
        });
    }

    private static void bindRange(PreparedStatement ps, String venue, Instrument instrument, long fromNanos,
                                  long toNanos) throws SQLException {
        ps.setString(1, venue);
        ps.setString(2, instrument.symbol());
        ps.setObject(3, PgTime.rangeBound(fromNanos));
        ps.setObject(4, PgTime.rangeBound(toNanos));
    }

    private String where(String table, String venue, Instrument instrument, long fromNanos, long toNanos) {
        return "postgres " + schema + "." + table + " " + venue + " " + instrument.symbol() + " ["
                + PgTime.toOffsetDateTime(fromNanos).toInstant() + ", " + PgTime.toOffsetDateTime(toNanos).toInstant()
                + ")";
    }

    @Override
    public long count(String table) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("unknown table " + Identifiers.quote(table) + "; known: " + TABLES);
        }
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + quotedSchema + "." + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException | RuntimeException e) {
            throw errors.map("counting " + table, e);
        }
    }

    @Override
    public void writeTrading(TradingBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        TradingRows.validate(batch);
        try (Connection c = pool.getConnection()) {
            trading.write(c, batch);
        } catch (SQLException | RuntimeException e) {
            throw errors.map("writing a trading batch of " + batch.rows() + " rows"
                    + (batch.source() == null ? "" : " from " + batch.source()), e);
        }
    }

    @Override
    public OptionalLong progress(String source) {
        try (Connection c = pool.getConnection()) {
            Long position = trading.progress(c, source);
            return position == null ? OptionalLong.empty() : OptionalLong.of(position);
        } catch (SQLException | RuntimeException e) {
            throw errors.map("reading the progress of " + source, e);
        }
    }

    /**
     * On plain tables, deletes market data (trades, quotes, book snapshots, bars) older than the
     * retention; orders, fills and positions are always kept. With TimescaleDB the retention policy
     * drops old chunks itself and this does nothing. Returns the rows deleted.
     */
    @Override
    public long applyRetention(long nowNanos) {
        if (timescale.use() || retainDays == 0) {
            return 0;
        }
        long cutoff = Math.subtractExact(nowNanos, Math.multiplyExact(retainDays, NANOS_PER_DAY));
        long deleted = 0;
        try (Connection c = pool.getConnection()) {
            for (String[] table : MARKET_DATA) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + quotedSchema + "." + table[0]
                        + " WHERE " + table[1] + " < ?")) {
                    ps.setObject(1, PgTime.rangeBound(cutoff));
                    deleted += ps.executeLargeUpdate();
                }
            }
        } catch (SQLException | RuntimeException e) {
            throw errors.map("deleting market data older than " + retainDays + " days", e);
        }
        if (deleted > 0) {
            LOG.log(System.Logger.Level.DEBUG, "Retention deleted " + deleted + " rows of market data older than "
                    + retainDays + " days from " + server + " schema " + schema);
        }
        return deleted;
    }

    @Override
    public int active() {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        return bean == null ? 0 : bean.getActiveConnections();
    }

    @Override
    public int idle() {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        return bean == null ? 0 : bean.getIdleConnections();
    }

    @Override
    public int max() {
        return poolMax;
    }

    @Override
    public void close() {
        if (!pool.isClosed()) {
            pool.close();
            LOG.log(System.Logger.Level.DEBUG, "Closed PostgreSQL store at " + server + " schema " + schema);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
