package io.ttquant.store.postgres;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.store.batch.BarBatch;
import io.ttquant.store.batch.BookSnapshotBatch;
import io.ttquant.store.batch.MarketBatch;
import io.ttquant.store.batch.QuoteBatch;
import io.ttquant.store.batch.TradeBatch;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes market data batches with {@code COPY ... FROM STDIN (FORMAT BINARY)}: each batch, checked
 * whole by the store first ({@link io.ttquant.store.Identifiers}), is encoded row by row from its
 * columns into a reused buffer ({@link PgBinaryCopy}) and streamed in one COPY, which is one
 * statement, so a batch is stored whole or not at all. Bars are upserted: COPY into a session temp table, then one
 * {@code INSERT ... SELECT ... ON CONFLICT DO UPDATE} in the same transaction (the last row of a
 * batch wins when a bar repeats).
 *
 * <p>Each stream (trades, quotes, bars, book snapshots) has its own encoder and lock, so different
 * streams may be written from different threads. Never concatenates values into SQL; never
 * allocates per row.
 */
final class PgMarketDataWriter {
    /** Bytes sent to the server per chunk of a COPY stream. */
    private static final int CHUNK = 256 * 1024;
    private static final int MAX_IDENTIFIER_BYTES = 64;
    private static final String BARS_STAGE = "pg_temp.ttquant_bars_stage";

    private final PgBinaryCopy trades = new PgBinaryCopy(CHUNK);
    private final PgBinaryCopy quotes = new PgBinaryCopy(CHUNK);
    private final PgBinaryCopy bars = new PgBinaryCopy(CHUNK);
    private final PgBinaryCopy books = new PgBinaryCopy(CHUNK);
    private final String copyTrades;
    private final String copyQuotes;
    private final String copyBooks;
    private final String createBarsStage;
    private final String copyBarsStage;
    private final String upsertBars;

    /** @param schema the quoted schema name the tables live in */
    PgMarketDataWriter(String schema) {
        copyTrades = "COPY " + schema + ".market_trades (venue, symbol, time, trade_id, price, qty, price_scale, "
                + "qty_scale, aggressor, recv_time) FROM STDIN (FORMAT BINARY)";
        copyQuotes = "COPY " + schema + ".market_quotes (venue, symbol, time, bid_price, bid_qty, ask_price, ask_qty, "
                + "price_scale, qty_scale, recv_time) FROM STDIN (FORMAT BINARY)";
        copyBooks = "COPY " + schema + ".book_snapshots (venue, symbol, time, last_update_id, bid_prices, bid_qtys, "
                + "ask_prices, ask_qtys, price_scale, qty_scale) FROM STDIN (FORMAT BINARY)";
        createBarsStage = "CREATE TEMP TABLE IF NOT EXISTS ttquant_bars_stage (ord INT NOT NULL, "
                + "venue TEXT COLLATE \"C\" NOT NULL, symbol TEXT COLLATE \"C\" NOT NULL, interval_s INT NOT NULL, "
                + "open_time TIMESTAMPTZ NOT NULL, open BIGINT NOT NULL, high BIGINT NOT NULL, low BIGINT NOT NULL, "
                + "close BIGINT NOT NULL, volume BIGINT NOT NULL, price_scale SMALLINT NOT NULL, "
                + "qty_scale SMALLINT NOT NULL) ON COMMIT DELETE ROWS";
        copyBarsStage = "COPY " + BARS_STAGE + " (ord, venue, symbol, interval_s, open_time, open, high, low, close, "
                + "volume, price_scale, qty_scale) FROM STDIN (FORMAT BINARY)";
        upsertBars = "INSERT INTO " + schema + ".market_bars AS b (venue, symbol, interval_s, open_time, open, high, "
                + "low, close, volume, price_scale, qty_scale, trades) "
                + "SELECT DISTINCT ON (venue, symbol, interval_s, open_time) venue, symbol, interval_s, open_time, "
                + "open, high, low, close, volume, price_scale, qty_scale, NULL FROM " + BARS_STAGE
                + " ORDER BY venue, symbol, interval_s, open_time, ord DESC "
                + "ON CONFLICT (venue, symbol, interval_s, open_time) DO UPDATE SET open = EXCLUDED.open, "
                + "high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close, volume = EXCLUDED.volume, "
                + "price_scale = EXCLUDED.price_scale, qty_scale = EXCLUDED.qty_scale, trades = EXCLUDED.trades";
    }

    /** COPYs a checked batch; returns the rows stored. */
    long writeTrades(Connection c, TradeBatch b) throws SQLException {
        return copy(c, trades, copyTrades, b, PgMarketDataWriter::encodeTrade);
    }

    long writeQuotes(Connection c, QuoteBatch b) throws SQLException {
        return copy(c, quotes, copyQuotes, b, PgMarketDataWriter::encodeQuote);
    }

    long writeBookSnapshots(Connection c, BookSnapshotBatch b) throws SQLException {
        return copy(c, books, copyBooks, b, PgMarketDataWriter::encodeBook);
    }

    /** Upserts a checked batch of bars in one transaction; returns the bars inserted or replaced. */
    long writeBars(Connection c, BarBatch b) throws SQLException {
        synchronized (bars) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                createBarsStage(st);
                copy(c, bars, copyBarsStage, b, PgMarketDataWriter::encodeStagedBar);
                long rows = st.executeUpdate(upsertBars);
                c.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                restoreAutoCommit(c);
            }
        }
    }

    /** Encodes row i of a batch into the COPY stream. */
    private interface RowEncoder<B> {
        void encode(PgBinaryCopy enc, B batch, int i) throws SQLException;
    }

    /** Streams every row of the batch in one COPY with the stream's encoder; a failure cancels the COPY. */
    private static <B extends MarketBatch> long copy(Connection c, PgBinaryCopy enc, String sql, B b,
                                                     RowEncoder<B> rows) throws SQLException {
        synchronized (enc) {
            enc.begin(copyIn(c, sql));
            try {
                for (int i = 0, n = b.size(); i < n; i++) {
                    rows.encode(enc, b, i);
                }
                return enc.end();
            } catch (SQLException | RuntimeException e) {
                enc.abort();
                throw e;
            }
        }
    }

    private static void encodeTrade(PgBinaryCopy enc, TradeBatch b, int i) throws SQLException {
        Instrument ins = beginRow(enc, b, i, 10, 3 * 12 + 2 * 6 + 5 + 12);
        enc.int8(b.tradeId(i));
        enc.int8(b.price(i));
        enc.int8(b.qty(i));
        scales(enc, ins);
        byte aggressor = b.aggressor(i);
        if (aggressor == 0) {
            enc.nullField();
        } else {
            enc.char1(aggressor);
        }
        enc.optionalTimestamp(b.recvNanos(i));
    }

    private static void encodeQuote(PgBinaryCopy enc, QuoteBatch b, int i) throws SQLException {
        Instrument ins = beginRow(enc, b, i, 10, 5 * 12 + 2 * 6);
        enc.int8(b.bidPrice(i));
        enc.int8(b.bidQty(i));
        enc.int8(b.askPrice(i));
        enc.int8(b.askQty(i));
        scales(enc, ins);
        enc.optionalTimestamp(b.recvNanos(i));
    }

    private static void encodeBook(PgBinaryCopy enc, BookSnapshotBatch b, int i) throws SQLException {
        int bids = b.bidCount(i);
        int asks = b.askCount(i);
        Instrument ins = beginRow(enc, b, i, 10, 12 + 2 * 6 + 2 * PgBinaryCopy.int8ArrayBytes(bids)
                + 2 * PgBinaryCopy.int8ArrayBytes(asks));
        enc.int8(b.lastUpdateId(i));
        levels(enc, b, i, bids, BookSnapshotBatch::bidPrice);
        levels(enc, b, i, bids, BookSnapshotBatch::bidQty);
        levels(enc, b, i, asks, BookSnapshotBatch::askPrice);
        levels(enc, b, i, asks, BookSnapshotBatch::askQty);
        scales(enc, ins);
    }

    /**
     * Starts row i of an append-only table with the columns they all begin with (venue, symbol,
     * time); {@code restBytes} is what the row's other fields take at most. Returns the row's instrument.
     */
    private static Instrument beginRow(PgBinaryCopy enc, MarketBatch b, int i, int fields, int restBytes)
            throws SQLException {
        Instrument ins = b.instrument(i);
        enc.row(fields, 2 * (4 + MAX_IDENTIFIER_BYTES) + 12 + restBytes);
        enc.ascii(b.venue(i));
        enc.ascii(ins.symbol());
        enc.timestamp(b.timeNanos(i));
        return ins;
    }

    /** The price_scale and qty_scale columns every table ends with. */
    private static void scales(PgBinaryCopy enc, Instrument ins) {
        enc.int2(ins.priceScale());
        enc.int2(ins.qtyScale());
    }

    /** One level column of a snapshot row (level k of row i). */
    private interface LevelColumn {
        long get(BookSnapshotBatch b, int i, int k);
    }

    private static void levels(PgBinaryCopy enc, BookSnapshotBatch b, int i, int n, LevelColumn column) {
        enc.int8Array(n);
        for (int k = 0; k < n; k++) {
            enc.int8Element(column.get(b, i, k));
        }
    }

    private static void encodeStagedBar(PgBinaryCopy enc, BarBatch b, int i) throws SQLException {
        Instrument ins = b.instrument(i);
        enc.row(12, 8 + 2 * (4 + MAX_IDENTIFIER_BYTES) + 8 + 6 * 12 + 2 * 6);
        enc.int4(i);
        enc.ascii(b.venue(i));
        enc.ascii(ins.symbol());
        enc.int4(b.intervalSeconds(i));
        enc.timestamp(b.openTimeNanos(i));
        enc.int8(b.open(i));
        enc.int8(b.high(i));
        enc.int8(b.low(i));
        enc.int8(b.close(i));
        enc.int8(b.volume(i));
        scales(enc, ins);
    }

    /**
     * Creates the session's staging table for bars unless it exists. Checked first rather than
     * CREATE ... IF NOT EXISTS every time: any DDL makes the driver re-prepare its cached statements
     * on that connection (without describing them, i.e. with text results for the next read).
     */
    private void createBarsStage(Statement st) throws SQLException {
        boolean exists;
        try (var rs = st.executeQuery("SELECT to_regclass('" + BARS_STAGE + "') IS NOT NULL")) {
            rs.next();
            exists = rs.getBoolean(1);
        }
        if (!exists) {
            st.execute(createBarsStage);
        }
    }

    private static CopyIn copyIn(Connection c, String sql) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    }

    /** Back to autocommit for the pool; a broken connection is evicted by the pool anyway. */
    static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is broken: the failure that broke it is being reported already
        }
    }

    static void rollbackQuietly(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
