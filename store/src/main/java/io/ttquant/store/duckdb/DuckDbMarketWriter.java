package io.ttquant.store.duckdb;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.store.Identifiers;
import io.ttquant.store.batch.BarBatch;
import io.ttquant.store.batch.BookSnapshotBatch;
import io.ttquant.store.batch.MarketBatch;
import io.ttquant.store.batch.QuoteBatch;
import io.ttquant.store.batch.TradeBatch;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBWritableVector;

/**
 * Writes market data batches through the writer connection. Trades, quotes and bars go through
 * table functions ({@link DuckDbRowFunction}): one {@code INSERT ... SELECT} per batch whose rows
 * DuckDB pulls a vector at a time, written column by column into its vectors; trades and quotes
 * carry the symbol id of their (venue, symbol) ({@link DuckDbSymbolIds}, migration V4). Bars are
 * upserted by that one statement: the last row of a key in the batch wins (DuckDB's
 * {@code ON CONFLICT} would keep the first), a stored bar is replaced. Book snapshots, whose
 * levels are lists the table functions of this driver cannot write, go through the appender. The
 * caller holds the write lock and wraps each call in a transaction, so a batch is stored whole or
 * not at all; every row is checked ({@link Identifiers}) before anything is sent.
 *
 * <p>Why not the appender for everything: its per-value calls cost 0.6 to 0.75 µs per trade row
 * (3 to 5 million rows, 10 columns), the table function 0.1 to 0.15 µs (timed inside the function,
 * same machine and runs); the rest of the write is DuckDB's (see {@link DuckDbStore}). Times go in
 * as epoch microseconds (BIGINT) and become TIMESTAMPTZ in SQL ({@code make_timestamptz}, a
 * vectorised cast); the aggressor goes as its byte and becomes 'B'/'S'/NULL in SQL. Nothing of
 * ours is allocated per row (two small objects per batch): the book levels go through scratch
 * arrays kept per level count; the driver encodes the bars' venue and symbol Strings to UTF-8.
 *
 * <p>Not thread-safe: used under the store's write lock only.
 */
final class DuckDbMarketWriter {
    private static final String SCHEMA = DuckDBConnection.DEFAULT_SCHEMA;
    private static final String INSERT_TRADES = "INSERT INTO market_trades_data (symbol_id, time, trade_id, price, "
            + "qty, price_scale, qty_scale, aggressor, recv_time) "
            + "SELECT symbol_id, make_timestamptz(time_us), trade_id, price, qty, price_scale, qty_scale, "
            + "CASE aggressor WHEN 66 THEN 'B' WHEN 83 THEN 'S' END, make_timestamptz(recv_us) "
            + "FROM ttquant_trade_rows()";
    private static final String INSERT_QUOTES = "INSERT INTO market_quotes_data (symbol_id, time, bid_price, bid_qty, "
            + "ask_price, ask_qty, price_scale, qty_scale, recv_time) "
            + "SELECT symbol_id, make_timestamptz(time_us), bid_price, bid_qty, ask_price, ask_qty, price_scale, "
            + "qty_scale, make_timestamptz(recv_us) FROM ttquant_quote_rows()";
    private static final String UPSERT_BARS = "INSERT INTO market_bars (venue, symbol, interval_s, open_time, open, "
            + "high, low, close, volume, price_scale, qty_scale, trades) "
            + "SELECT venue, symbol, interval_s, make_timestamptz(open_us), open, high, low, close, volume, "
            + "price_scale, qty_scale, NULL FROM ttquant_bar_rows() "
            + "QUALIFY row_number() OVER (PARTITION BY venue, symbol, interval_s, open_us ORDER BY seq DESC) = 1 "
            + "ON CONFLICT (venue, symbol, interval_s, open_time) DO UPDATE SET open = excluded.open, "
            + "high = excluded.high, low = excluded.low, close = excluded.close, volume = excluded.volume, "
            + "price_scale = excluded.price_scale, qty_scale = excluded.qty_scale, trades = excluded.trades";

    /** A market batch with the symbol id of each row. */
    private record Identified<B>(B batch, int[] symbolIds) {
    }

    private final DuckDbSymbolIds symbolIds = new DuckDbSymbolIds();
    private final TradeRows trades = new TradeRows();
    private final QuoteRows quotes = new QuoteRows();
    private final BarRows bars = new BarRows();
    /** levels[n] is a long[n], reused for every list of n book levels. */
    private long[][] levels = new long[1][];

    /** Registers the writer's table functions in the connection's database. */
    DuckDbMarketWriter(DuckDBConnection c) throws SQLException {
        trades.register(c);
        quotes.register(c);
        bars.register(c);
    }

    /** The transaction of the last write committed (see {@link DuckDbSymbolIds#committed()}). */
    void committed() {
        symbolIds.committed();
    }

    /** The transaction of the last write rolled back (see {@link DuckDbSymbolIds#rolledBack()}). */
    void rolledBack() {
        symbolIds.rolledBack();
    }

    void writeTrades(DuckDBConnection c, TradeBatch b) throws SQLException {
        Identifiers.requireRows(b);
        int[] ids = symbolIds.of(c, b);
        try (PreparedStatement ps = c.prepareStatement(INSERT_TRADES)) {
            trades.insert(ps, new Identified<>(b, ids), b.size());
        }
    }

    void writeQuotes(DuckDBConnection c, QuoteBatch b) throws SQLException {
        Identifiers.requireRows(b);
        int[] ids = symbolIds.of(c, b);
        try (PreparedStatement ps = c.prepareStatement(INSERT_QUOTES)) {
            quotes.insert(ps, new Identified<>(b, ids), b.size());
        }
    }

    void writeBars(DuckDBConnection c, BarBatch b) throws SQLException {
        Identifiers.requireRows(b);
        try (PreparedStatement ps = c.prepareStatement(UPSERT_BARS)) {
            bars.insert(ps, b, b.size());
        }
    }

    void writeBookSnapshots(DuckDBConnection c, BookSnapshotBatch b) throws SQLException {
        Identifiers.requireRows(b);
        int n = b.size();
        if (levels.length <= b.depth()) {
            long[][] grown = new long[b.depth() + 1][];
            System.arraycopy(levels, 0, grown, 0, levels.length);
            levels = grown;
        }
        // an appender per batch on the calling thread (the driver confines it to the thread that made it),
        // flushed explicitly: its close() would swallow a failed flush
        try (DuckDBAppender a = c.createAppender(SCHEMA, "book_snapshots")) {
            for (int i = 0; i < n; i++) {
                Instrument ins = b.instrument(i);
                int bids = b.bidCount(i);
                int asks = b.askCount(i);
                a.beginRow();
                a.append(b.venue(i));
                a.append(ins.symbol());
                a.appendEpochMicros(DuckDbTime.toMicros(b.timeNanos(i)));
                a.append(b.lastUpdateId(i));
                // the appender copies a list when it is appended, so one scratch array serves all four
                long[] bid = scratch(bids);
                for (int k = 0; k < bids; k++) {
                    bid[k] = b.bidPrice(i, k);
                }
                a.append(bid);
                for (int k = 0; k < bids; k++) {
                    bid[k] = b.bidQty(i, k);
                }
                a.append(bid);
                long[] ask = scratch(asks);
                for (int k = 0; k < asks; k++) {
                    ask[k] = b.askPrice(i, k);
                }
                a.append(ask);
                for (int k = 0; k < asks; k++) {
                    ask[k] = b.askQty(i, k);
                }
                a.append(ask);
                a.append((short) ins.priceScale());
                a.append((short) ins.qtyScale());
                a.endRow();
            }
            a.flush();
        }
    }

    /** Sets a time column's value: epoch micros, or NULL for 0 (unknown). */
    private static void optionalMicros(DuckDBWritableVector v, int row, long epochNanos) {
        if (epochNanos == 0) {
            v.setNull(row);
        } else {
            v.setLong(row, DuckDbTime.toMicros(epochNanos));
        }
    }

    /** The columns trades and quotes share, first in their functions: filled by {@link #fillShared}. */
    private static final List<DuckDbRowFunction.Column> SHARED = List.of(
            new DuckDbRowFunction.Column("symbol_id", DuckDBColumnType.INTEGER),
            new DuckDbRowFunction.Column("time_us", DuckDBColumnType.BIGINT),
            new DuckDbRowFunction.Column("price_scale", DuckDBColumnType.SMALLINT),
            new DuckDbRowFunction.Column("qty_scale", DuckDBColumnType.SMALLINT),
            new DuckDbRowFunction.Column("recv_us", DuckDBColumnType.BIGINT));

    private static List<DuckDbRowFunction.Column> withShared(DuckDbRowFunction.Column... own) {
        List<DuckDbRowFunction.Column> all = new ArrayList<>(SHARED);
        all.addAll(List.of(own));
        return all;
    }

    /** Sets the {@link #SHARED} columns of rows [from, from + count); recvNanos gives a row's receive time. */
    private static void fillShared(MarketBatch b, int[] ids, IntToLongFunction recvNanos, int from, int count,
                                   DuckDBDataChunkWriter out) {
        DuckDBWritableVector symbol = out.vector(0);
        DuckDBWritableVector time = out.vector(1);
        DuckDBWritableVector priceScale = out.vector(2);
        DuckDBWritableVector qtyScale = out.vector(3);
        DuckDBWritableVector recv = out.vector(4);
        for (int k = 0; k < count; k++) {
            int i = from + k;
            Instrument ins = b.instrument(i);
            symbol.setInt(k, ids[i]);
            time.setLong(k, DuckDbTime.toMicros(b.timeNanos(i)));
            priceScale.setShort(k, (short) ins.priceScale());
            qtyScale.setShort(k, (short) ins.qtyScale());
            optionalMicros(recv, k, recvNanos.applyAsLong(i));
        }
    }

    /** Trades with their symbol ids, for {@link #INSERT_TRADES}. */
    private static final class TradeRows extends DuckDbRowFunction<Identified<TradeBatch>> {
        TradeRows() {
            super("ttquant_trade_rows", withShared(new Column("trade_id", DuckDBColumnType.BIGINT),
                    new Column("price", DuckDBColumnType.BIGINT), new Column("qty", DuckDBColumnType.BIGINT),
                    new Column("aggressor", DuckDBColumnType.TINYINT)));
        }

        @Override
        void fill(Identified<TradeBatch> rows, int from, int count, DuckDBDataChunkWriter out) {
            TradeBatch b = rows.batch();
            fillShared(b, rows.symbolIds(), b::recvNanos, from, count, out);
            DuckDBWritableVector tradeId = out.vector(5);
            DuckDBWritableVector price = out.vector(6);
            DuckDBWritableVector qty = out.vector(7);
            DuckDBWritableVector aggressor = out.vector(8);
            for (int k = 0; k < count; k++) {
                int i = from + k;
                tradeId.setLong(k, b.tradeId(i));
                price.setLong(k, b.price(i));
                qty.setLong(k, b.qty(i));
                aggressor.setByte(k, b.aggressor(i));
            }
        }
    }

    /** Quotes with their symbol ids, for {@link #INSERT_QUOTES}. */
    private static final class QuoteRows extends DuckDbRowFunction<Identified<QuoteBatch>> {
        QuoteRows() {
            super("ttquant_quote_rows", withShared(new Column("bid_price", DuckDBColumnType.BIGINT),
                    new Column("bid_qty", DuckDBColumnType.BIGINT), new Column("ask_price", DuckDBColumnType.BIGINT),
                    new Column("ask_qty", DuckDBColumnType.BIGINT)));
        }

        @Override
        void fill(Identified<QuoteBatch> rows, int from, int count, DuckDBDataChunkWriter out) {
            QuoteBatch b = rows.batch();
            fillShared(b, rows.symbolIds(), b::recvNanos, from, count, out);
            DuckDBWritableVector bidPrice = out.vector(5);
            DuckDBWritableVector bidQty = out.vector(6);
            DuckDBWritableVector askPrice = out.vector(7);
            DuckDBWritableVector askQty = out.vector(8);
            for (int k = 0; k < count; k++) {
                int i = from + k;
                bidPrice.setLong(k, b.bidPrice(i));
                bidQty.setLong(k, b.bidQty(i));
                askPrice.setLong(k, b.askPrice(i));
                askQty.setLong(k, b.askQty(i));
            }
        }
    }

    /** Bars with their row number (seq) in the batch, for {@link #UPSERT_BARS}. */
    private static final class BarRows extends DuckDbRowFunction<BarBatch> {
        BarRows() {
            super("ttquant_bar_rows", List.of(new Column("venue", DuckDBColumnType.VARCHAR),
                    new Column("symbol", DuckDBColumnType.VARCHAR), new Column("interval_s", DuckDBColumnType.INTEGER),
                    new Column("open_us", DuckDBColumnType.BIGINT), new Column("open", DuckDBColumnType.BIGINT),
                    new Column("high", DuckDBColumnType.BIGINT), new Column("low", DuckDBColumnType.BIGINT),
                    new Column("close", DuckDBColumnType.BIGINT), new Column("volume", DuckDBColumnType.BIGINT),
                    new Column("price_scale", DuckDBColumnType.SMALLINT),
                    new Column("qty_scale", DuckDBColumnType.SMALLINT), new Column("seq", DuckDBColumnType.INTEGER)));
        }

        @Override
        void fill(BarBatch b, int from, int count, DuckDBDataChunkWriter out) {
            DuckDBWritableVector venue = out.vector(0);
            DuckDBWritableVector symbol = out.vector(1);
            DuckDBWritableVector interval = out.vector(2);
            DuckDBWritableVector openTime = out.vector(3);
            DuckDBWritableVector open = out.vector(4);
            DuckDBWritableVector high = out.vector(5);
            DuckDBWritableVector low = out.vector(6);
            DuckDBWritableVector close = out.vector(7);
            DuckDBWritableVector volume = out.vector(8);
            DuckDBWritableVector priceScale = out.vector(9);
            DuckDBWritableVector qtyScale = out.vector(10);
            DuckDBWritableVector seq = out.vector(11);
            for (int k = 0; k < count; k++) {
                int i = from + k;
                Instrument ins = b.instrument(i);
                venue.setString(k, b.venue(i));
                symbol.setString(k, ins.symbol());
                interval.setInt(k, b.intervalSeconds(i));
                openTime.setLong(k, DuckDbTime.toMicros(b.openTimeNanos(i)));
                open.setLong(k, b.open(i));
                high.setLong(k, b.high(i));
                low.setLong(k, b.low(i));
                close.setLong(k, b.close(i));
                volume.setLong(k, b.volume(i));
                priceScale.setShort(k, (short) ins.priceScale());
                qtyScale.setShort(k, (short) ins.qtyScale());
                seq.setInt(k, i);
            }
        }
    }

    private long[] scratch(int length) {
        long[] a = levels[length];
        if (a == null) {
            a = new long[length];
            levels[length] = a;
        }
        return a;
    }
}
