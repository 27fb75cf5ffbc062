package io.ttquant.store.duckdb;

import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.store.Identifiers;
import io.ttquant.store.JdbcCursorSource;
import io.ttquant.store.MarketRows;
import io.ttquant.store.Store;
import io.ttquant.store.StoreConfig;
import io.ttquant.store.StoreException;
import io.ttquant.store.StoreKind;
import io.ttquant.store.batch.BarBatch;
import io.ttquant.store.batch.BookSnapshotBatch;
import io.ttquant.store.batch.QuoteBatch;
import io.ttquant.store.batch.TradeBatch;
import io.ttquant.store.trading.TradingBatch;
import io.ttquant.store.trading.TradingRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;

/**
 * The embedded store: the logical schema of {@link io.ttquant.store} in one DuckDB file (parent
 * directories created) or in memory (no file). It is what {@code ./ttquant run} and research use
 * by default: no server needed.
 *
 * <p><b>One writer process per file.</b> DuckDB locks the file for the process that opens it: a
 * second process is refused with a retryable {@link StoreException} saying the file is in use by
 * another process (and which). Within a process the driver would share the database, so a second
 * store on the same file is refused too: share the open store. Inside the store one writer
 * connection does every write, serialised by a lock (the recorder's and the trading exporter's
 * threads may share a store) and each batch is one transaction (explicit {@code BEGIN}, see
 * {@link DuckDbTransactions}): stored whole or not at all. Readers each get a {@code duplicate()}
 * of the database's connection (DuckDB's way to more connections to one database), so a backtest
 * reads a consistent snapshot while the writer goes on appending.
 *
 * <p><b>Writes.</b> Trades, quotes, bars, orders, fills and positions go through table functions:
 * one {@code INSERT ... SELECT} per batch that pulls the batch a vector at a time
 * ({@link DuckDbRowFunction}, registered as {@code ttquant_*_rows}: called from other SQL they
 * return no rows); book snapshots, whose levels are lists, through the appender. Trades and quotes
 * store a symbol id instead of venue and symbol (migration V4; the views {@code market_trades} and
 * {@code market_quotes} keep the logical schema). See {@link DuckDbMarketWriter} and
 * {@link DuckDbTradingWriter}. At open the checkpoint threshold is raised to 256 MB of WAL.
 *
 * <p>Measured on the 2-core development machine while quiet (load 1.4 to 1.9), driver 2.0.0.1, a
 * file database, 5 million synthetic trades ({@code StoreWriteThroughput} in the bench module):
 * 1.47, 1.95 and 2.17 million trade rows/s in batches of 10,000, 50,000 and 100,000 (the appender
 * path this replaced: 0.82 to 0.91 million). Where the time went, step by step:
 * <ul>
 * <li>the appender's per-value calls, 0.6 to 0.75 µs a row; a table function writes a row in 0.1 to
 * 0.15 µs;
 * <li>the venue and symbol strings, a third of DuckDB's own time (copied at every commit,
 * analysed at every checkpoint): with an INTEGER symbol id the engine floor ({@code INSERT ...
 * SELECT} from {@code range()}, no Java, batches of 100,000 each committed) rose from 2.0 to 3.0
 * million rows/s;
 * <li>checkpoints: DuckDB's default, one per 16 MB of WAL, is one every couple of batches, each
 * compressing and rewriting the tables' last row groups; 256 MB took the floor from 1.7 to 2.0
 * million rows/s (a checkpoint now stalls one batch in every 3 million rows or so, for 0.2 to 0.4 s);
 * <li>the rest is the COMMIT: a batch below a row group (122,880 rows) goes through the WAL, a larger
 * one is written to the file directly, so larger batches are cheaper.
 * </ul>
 * Tried and left out: dropping the aggressor CHECK (no difference), two scan threads with
 * {@code preserve_insertion_order=false} (no gain on two cores, and equal-time quotes would lose
 * their stored order), disabling FSST compression (faster checkpoints, a file three times larger),
 * CSV and {@code read_csv} (no better). With other builds running (load 4 to 7) the same runs give
 * 0.6 to 1.0 million rows/s: DuckDB uses both cores. Bars: 400,000/s inserted and 870,000/s
 * upserted again in batches of 50,000 (about 300/s with a statement per bar before); 10,000 orders
 * and 10,000 fills in one batch: 0.13 s (145 s before).
 *
 * <p><b>No index on (venue, symbol, time).</b> DuckDB keeps min/max zonemaps per row group; market
 * data is appended in time order, so a per-symbol time range scan skips every row group outside the
 * range without an index. An ART index on (venue, symbol, time) does not serve range scans (DuckDB
 * uses ART for point lookups and keys); measured, it left appends between a little faster and 40%
 * slower depending on the run (this machine is noisy) and grew 3 million trades from 9 MB to 230 MB
 * on disk, so there is none. The unique keys of bars, orders, fills, positions and progress are ART indexes,
 * needed by the upserts ({@code INSERT ... ON CONFLICT}); those tables are small.
 *
 * <p><b>Reads</b> stream a vector (2,048 rows) at a time and select every value as a BIGINT (times
 * as epoch microseconds), so a source allocates nothing per row; see {@link DuckDbCursorSource}.
 * Measured as above ({@code StoreReadThroughput}): 7.8 million trades/s read back in (time, trade
 * id) order on the first pass, 8.4 million warm.
 *
 * <p>Thread-safe. It never runs SQL built from values (everything is a parameter; table names
 * come from a fixed list) and never writes from a reader connection.
 */
public final class DuckDbStore implements Store {
    private static final System.Logger LOG = System.getLogger(DuckDbStore.class.getName());
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    /** How often {@link #applyRetention} should run when there is a retention. */
    public static final Duration RETENTION_JOB_INTERVAL = Duration.ofHours(1);
    /**
     * The tables of the logical schema, for {@link #count}, each with the table that holds its rows
     * (market_trades and market_quotes are views over tables keyed by symbol id since migration V4).
     */
    private static final Map<String, String> TABLES = tables("market_trades", "market_trades_data", "market_quotes",
            "market_quotes_data", "market_bars", "market_bars", "book_snapshots", "book_snapshots", "orders", "orders",
            "fills", "fills", "positions", "positions", "export_progress", "export_progress", "schema_history",
            "schema_history");
    /** Market data tables with their time column, for retention. */
    private static final String[][] MARKET_DATA = {{"market_trades_data", "time"}, {"market_quotes_data", "time"},
            {"book_snapshots", "time"}, {"market_bars", "open_time"}};
    private static final String DELETE_TRADES = "DELETE FROM market_trades_data WHERE symbol_id = "
            + "(SELECT id FROM market_symbols WHERE venue = ? AND symbol = ?) "
            + "AND time >= make_timestamptz(?) AND time < make_timestamptz(?)";
    /**
     * Set on the database at open: a checkpoint every 256 MB of WAL (some 3 million trades) instead
     * of DuckDB's 16 MB (a few batches), each of which compressed and rewrote the tables' last row
     * groups again; see the class comment.
     */
    private static final List<String> SETTINGS = List.of("SET checkpoint_threshold = '256MB'");
    private static final Pattern LOCK_HOLDER = Pattern.compile("Conflicting lock is held in (.*?)(?:\\. See also|$)");
    /** Files opened by a store of this process (real paths): DuckDB would share them silently. */
    private static final Set<Path> OPEN_FILES = ConcurrentHashMap.newKeySet();

    private final Path fileKey;
    private final String database;
    private final String description;
    private final int retainDays;
    private final DuckDbErrors errors;
    private final DuckDBConnection writer;
    /** Never runs a statement: reader connections are duplicated from it, so they never wait on the writer. */
    private final DuckDBConnection readerRoot;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final DuckDbMarketWriter market;
    private final DuckDbTradingWriter trading;
    private final Object lifecycle = new Object();
    private final Set<DuckDbCursorSource> openSources = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private DuckDbStore(Path fileKey, String database, String description, int retainDays, DuckDbErrors errors,
                        DuckDBConnection writer, DuckDBConnection readerRoot, DuckDbMarketWriter market,
                        DuckDbTradingWriter trading) {
        this.fileKey = fileKey;
        this.database = database;
        this.description = description;
        this.retainDays = retainDays;
        this.errors = errors;
        this.writer = writer;
        this.readerRoot = readerRoot;
        this.market = market;
        this.trading = trading;
    }

    /**
     * Opens (creating when missing) and migrates the store of a DuckDB config. Throws a
     * {@link StoreException}: retryable when another process holds the file, not retryable for a
     * bad path, a changed or newer schema, or a file in use by another store of this process.
     */
    public static DuckDbStore open(StoreConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.kind() != StoreKind.DUCKDB) {
            throw new IllegalArgumentException("not a DuckDB store config: " + config);
        }
        Path file = config.duckDbFile() == null ? null : config.duckDbFile().toAbsolutePath().normalize();
        String database = file == null ? "DuckDB in memory" : "DuckDB file " + file;
        DuckDbErrors errors = new DuckDbErrors(database);
        Path key = file == null ? null : claim(file, database);
        DuckDBConnection writer = null;
        DuckDBConnection readerRoot = null;
        try {
            writer = connect(file, database);
            DuckDbMigrations migrations = DuckDbMigrations.fromClassPath();
            int applied = migrations.migrate(writer, database);
            for (String setting : SETTINGS) {
                DuckDbTransactions.exec(writer, setting);
            }
            DuckDbMarketWriter market = new DuckDbMarketWriter(writer);
            DuckDbTradingWriter trading = new DuckDbTradingWriter(writer);
            readerRoot = writer.duplicate();
            String version = version(writer);
            String retention = config.retainDays() == 0 ? "market data kept for ever"
                    : "retention " + config.retainDays() + " days";
            String description = "DuckDB " + version + (file == null ? " in memory" : " file " + file) + " ("
                    + retention + ")";
            // the callers print describe() where it helps; upgrading an existing file is worth a line of its own
            boolean upgraded = applied > 0 && applied < migrations.migrations().size();
            LOG.log(upgraded ? System.Logger.Level.INFO : System.Logger.Level.DEBUG, "Opened " + description
                    + ", schema version " + migrations.latestVersion() + (applied == 0 ? "" : " (" + applied
                    + " migrations applied)"));
            return new DuckDbStore(key, database, description, config.retainDays(), errors, writer, readerRoot, market,
                    trading);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(readerRoot);
            closeQuietly(writer);
            if (key != null) {
                OPEN_FILES.remove(key);
            }
            throw errors.map("opening the store", e);
        }
    }

    /** Creates the parent directories and reserves the file for this process; returns its key. */
    private static Path claim(Path file, String database) {
        if (file.toString().indexOf(';') >= 0) {
            throw new StoreException(database + ": the path must not contain ';' (the DuckDB JDBC URL separates "
                    + "options with it)", false, null);
        }
        if (Files.isDirectory(file)) {
            throw new StoreException(database + " is a directory, not a database file", false, null);
        }
        Path key;
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            key = parent == null ? file : parent.toRealPath().resolve(file.getFileName());
        } catch (IOException e) {
            throw new StoreException(database + ": cannot create its directory: " + e, false, e);
        }
        if (!OPEN_FILES.add(key)) {
            throw new StoreException(database + " is already open in this process: DuckDB allows one writer per "
                    + "file, so share the store that has it open", false, null);
        }
        return key;
    }

    private static DuckDBConnection connect(Path file, String database) throws SQLException {
        Properties props = new Properties();
        // results come a vector at a time instead of materialised whole; duplicates inherit it
        props.setProperty("jdbc_stream_results", "true");
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + (file == null ? "" : file.toString()), props);
            return c.unwrap(DuckDBConnection.class);
        } catch (SQLException e) {
            if (DuckDbErrors.isLockConflict(e)) {
                Matcher m = LOCK_HOLDER.matcher(String.valueOf(e.getMessage()));
                String holder = m.find() ? " (" + m.group(1).trim() + ")" : "";
                throw new StoreException(database + " is in use by another process" + holder + ": DuckDB allows one "
                        + "writer process per file; stop that process or use another file", true, e);
            }
            throw e;
        }
    }

    private static String version(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT library_version FROM pragma_version()")) {
            rs.next();
            String v = rs.getString(1);
            return v != null && v.startsWith("v") ? v.substring(1) : v;
        }
    }

    @Override
    public StoreKind kind() {
        return StoreKind.DUCKDB;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }

    // ---------------------------------------------------------------- writes

    @Override
    public void writeTrades(TradeBatch batch) {
        if (batch.size() > 0) {
            write("trades", batch.size(), c -> market.writeTrades(writer, batch));
        }
    }

    @Override
    public void writeQuotes(QuoteBatch batch) {
        if (batch.size() > 0) {
            write("quotes", batch.size(), c -> market.writeQuotes(writer, batch));
        }
    }

    @Override
    public void writeBars(BarBatch batch) {
        if (batch.size() > 0) {
            write("bars", batch.size(), c -> market.writeBars(writer, batch));
        }
    }

    @Override
    public void writeBookSnapshots(BookSnapshotBatch batch) {
        if (batch.size() > 0) {
            write("book snapshots", batch.size(), c -> market.writeBookSnapshots(writer, batch));
        }
    }

    @Override
    public void writeTrading(TradingBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        TradingRows.validate(batch);
        write("trading rows", batch.rows(), c -> trading.write(c, batch));
    }

    @Override
    public long deleteTrades(String venue, String symbol, long fromNanos, long toNanos) {
        Identifiers.require(venue, "venue", "deleting trades");
        Identifiers.require(symbol, "symbol", "deleting trades");
        long[] deleted = new long[1];
        write("deleting trades of " + venue + " " + symbol, -1, c -> {
            try (PreparedStatement ps = c.prepareStatement(DELETE_TRADES)) {
                ps.setString(1, venue);
                ps.setString(2, symbol);
                ps.setLong(3, DuckDbTime.rangeBound(fromNanos));
                ps.setLong(4, DuckDbTime.rangeBound(toNanos));
                deleted[0] = ps.executeLargeUpdate();
            }
        });
        return deleted[0];
    }

    @Override
    public long applyRetention(long nowNanos) {
        if (retainDays == 0) {
            return 0;
        }
        long cutoff = DuckDbTime.rangeBound(Math.subtractExact(nowNanos, Math.multiplyExact(retainDays, NANOS_PER_DAY)));
        long[] deleted = new long[1];
        write("deleting market data older than " + retainDays + " days", -1, c -> {
            for (String[] table : MARKET_DATA) {
                // table and column come from the fixed list above, the time is a parameter
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table[0] + " WHERE " + table[1]
                        + " < make_timestamptz(?)")) {
                    ps.setLong(1, cutoff);
                    deleted[0] += ps.executeLargeUpdate();
                }
            }
        });
        // RetentionJob reports each run at INFO
        LOG.log(System.Logger.Level.DEBUG, "Retention deleted " + deleted[0] + " rows of market data older than "
                + retainDays + " days from " + database);
        return deleted[0];
    }

    /** Every hour when market data has a retention, {@link Duration#ZERO} when it is kept for ever. */
    @Override
    public Duration retentionJobInterval() {
        return retainDays == 0 ? Duration.ZERO : RETENTION_JOB_INTERVAL;
    }

    /**
     * Runs one write in a transaction on the writer connection under the write lock; maps failures
     * (rolled back) to StoreExceptions. rows &lt; 0: the operation names itself.
     */
    private void write(String what, int rows, DuckDbTransactions.Work work) {
        writeLock.lock();
        try {
            ensureOpen(what);
            DuckDbTransactions.inTransaction(writer, work);
            market.committed();
        } catch (SQLException | RuntimeException e) {
            market.rolledBack();
            throw errors.map(rows < 0 ? what : "writing " + rows + " " + what, e);
        } finally {
            writeLock.unlock();
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public MarketDataSource readTrades(String venue, Instrument instrument, long fromNanos, long toNanos) {
        Identifiers.requireQuery(venue, instrument, "reading trades");
        MarketRows rows = MarketRows.trades(where("market_trades", venue, instrument, fromNanos, toNanos), instrument,
                DuckDbCursorSource.COLUMNS);
        return open(rows, DuckDbCursorSource.TRADES, ps -> bindRange(ps, 1, venue, instrument, fromNanos, toNanos));
    }

    @Override
    public MarketDataSource readQuotes(String venue, Instrument instrument, long fromNanos, long toNanos) {
        Identifiers.requireQuery(venue, instrument, "reading quotes");
        MarketRows rows = MarketRows.quotes(where("market_quotes", venue, instrument, fromNanos, toNanos), instrument,
                DuckDbCursorSource.COLUMNS);
        return open(rows, DuckDbCursorSource.QUOTES, ps -> bindRange(ps, 1, venue, instrument, fromNanos, toNanos));
    }

    @Override
    public MarketDataSource readBars(String venue, Instrument instrument, long intervalNanos, long fromNanos,
                                     long toNanos) {
        Identifiers.requireQuery(venue, instrument, "reading bars");
        int seconds = BarBatch.toIntervalSeconds(intervalNanos);
        MarketRows rows = MarketRows.bars(where("market_bars", venue, instrument, fromNanos, toNanos) + " interval "
                + seconds + " s", instrument, intervalNanos, DuckDbCursorSource.COLUMNS);
        return open(rows, DuckDbCursorSource.BARS, ps -> {
            ps.setString(1, venue);
            ps.setString(2, instrument.symbol());
            ps.setInt(3, seconds);
            ps.setLong(4, DuckDbTime.rangeBound(fromNanos));
            ps.setLong(5, DuckDbTime.rangeBound(toNanos));
        });
    }

    private static void bindRange(PreparedStatement ps, int first, String venue, Instrument instrument, long fromNanos,
                                  long toNanos) throws SQLException {
        ps.setString(first, venue);
        ps.setString(first + 1, instrument.symbol());
        ps.setLong(first + 2, DuckDbTime.rangeBound(fromNanos));
        ps.setLong(first + 3, DuckDbTime.rangeBound(toNanos));
    }

    private String where(String table, String venue, Instrument instrument, long fromNanos, long toNanos) {
        return table + " " + venue + " " + instrument.symbol() + " [" + Instant.ofEpochSecond(0, fromNanos) + ", "
                + Instant.ofEpochSecond(0, toNanos) + ") in " + database;
    }

    /** Runs a read on a connection of its own, tracked until it is released. */
    private DuckDbCursorSource open(MarketRows rows, String sql, JdbcCursorSource.Binder binder) {
        DuckDbCursorSource source = new DuckDbCursorSource(rows, errors);
        Connection c;
        synchronized (lifecycle) {
            ensureOpen("reading");
            try {
                c = readerRoot.duplicate();
            } catch (SQLException e) {
                throw errors.map("opening a reader connection", e);
            }
            openSources.add(source);
        }
        source.open(c, sql, binder, () -> openSources.remove(source));
        return source;
    }

    @Override
    public long count(String table) {
        String stored = TABLES.get(table);
        if (stored == null) {
            throw new IllegalArgumentException("unknown table " + Identifiers.quote(table) + "; known: "
                    + TABLES.keySet());
        }
        try (Connection c = newReaderConnection(); Statement st = c.createStatement();
             // the table name is one of the fixed list above
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + stored)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException | RuntimeException e) {
            throw errors.map("counting " + table, e);
        }
    }

    @Override
    public OptionalLong progress(String source) {
        Objects.requireNonNull(source, "source");
        try (Connection c = newReaderConnection()) {
            Long position = trading.progress(c, source);
            return position == null ? OptionalLong.empty() : OptionalLong.of(position);
        } catch (SQLException | RuntimeException e) {
            throw errors.map("reading the progress of " + source, e);
        }
    }

    /** A new reader connection to this store's database, for one query (and for tests); the caller closes it. */
    Connection newReaderConnection() throws SQLException {
        synchronized (lifecycle) {
            ensureOpen("reading");
            return readerRoot.duplicate();
        }
    }

    private void ensureOpen(String what) {
        if (closed) {
            throw new StoreException(what + ": " + database + " is closed", false, null);
        }
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Closes the readers still open, waits for a write in progress, then closes the connections, which
     * releases the file (DuckDB checkpoints its WAL into the file as the last connection goes).
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<DuckDbCursorSource> readers = new ArrayList<>(openSources);
        if (!readers.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Closing " + database + " with " + readers.size()
                    + " readers still open: they end now");
        }
        for (DuckDbCursorSource s : readers) {
            s.release();
        }
        writeLock.lock();
        try {
            closeQuietly(readerRoot);
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
            if (fileKey != null) {
                OPEN_FILES.remove(fileKey);
            }
        }
        LOG.log(System.Logger.Level.DEBUG, "Closed " + database);
    }

    private static Map<String, String> tables(String... logicalAndStored) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < logicalAndStored.length; i += 2) {
            m.put(logicalAndStored[i], logicalAndStored[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "Closing a DuckDB connection failed: " + e);
            }
        }
    }
}
