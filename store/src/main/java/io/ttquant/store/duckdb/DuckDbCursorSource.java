package io.ttquant.store.duckdb;

import io.ttquant.store.JdbcCursorSource;
import io.ttquant.store.MarketRows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A market data read of the DuckDB store: the query ({@link #TRADES}, {@link #QUOTES},
 * {@link #BARS}) runs on a connection of its own (a {@code duplicate()} of the store's database,
 * so it reads a consistent snapshot while the writer goes on), results streamed a vector (2,048
 * rows) at a time ({@code jdbc_stream_results}), never materialised whole. The queries select times
 * as epoch microseconds and every column as BIGINT, so that the driver hands out primitive longs
 * ({@link #COLUMNS}): no Timestamp, boxed Short or String per row. Rows become events as
 * {@link MarketRows} says, for both stores.
 *
 * <p>Single-threaded, like every source. The connection is closed at the end of the data, on an
 * error, on {@link #close()}, or when the store closes ({@link #release()}), whichever comes first.
 */
final class DuckDbCursorSource extends JdbcCursorSource {
    /** Parameters: venue, symbol, from and to in epoch micros ([from, to)). */
    static final String TRADES = "SELECT epoch_us(time), trade_id, price, qty, CAST(price_scale AS BIGINT), "
            + "CAST(qty_scale AS BIGINT), CAST(coalesce(ascii(aggressor), 0) AS BIGINT), "
            + "coalesce(epoch_us(recv_time), epoch_us(time)) FROM market_trades_data "
            + "WHERE symbol_id = (SELECT id FROM market_symbols WHERE venue = ? AND symbol = ?) "
            + "AND time >= make_timestamptz(?) AND time < make_timestamptz(?) "
            + "ORDER BY time, trade_id";
    /**
     * Parameters: venue, symbol, from and to in epoch micros ([from, to)). Quotes of the same
     * microsecond come in the order they were stored: DuckDB's sort is not stable, the row id breaks
     * the tie.
     */
    static final String QUOTES = "SELECT epoch_us(time), bid_price, bid_qty, ask_price, ask_qty, "
            + "CAST(price_scale AS BIGINT), CAST(qty_scale AS BIGINT), coalesce(epoch_us(recv_time), epoch_us(time)) "
            + "FROM market_quotes_data "
            + "WHERE symbol_id = (SELECT id FROM market_symbols WHERE venue = ? AND symbol = ?) "
            + "AND time >= make_timestamptz(?) AND time < make_timestamptz(?) "
            + "ORDER BY time, rowid";
    /** Parameters: venue, symbol, interval in seconds, from and to in epoch micros ([from, to)). */
    static final String BARS = "SELECT epoch_us(open_time), open, high, low, close, volume, "
            + "CAST(price_scale AS BIGINT), CAST(qty_scale AS BIGINT) FROM market_bars "
            + "WHERE venue = ? AND symbol = ? AND interval_s = ? "
            + "AND open_time >= make_timestamptz(?) AND open_time < make_timestamptz(?) ORDER BY open_time";

    /** Every column selected as a BIGINT: times in epoch micros, the aggressor as its character code (0: none). */
    static final MarketRows.Columns COLUMNS = new MarketRows.Columns() {
        @Override
        public long time(ResultSet rs, int column) throws SQLException {
            return DuckDbTime.toNanos(rs.getLong(column));
        }

        @Override
        public long timeOr(ResultSet rs, int column, long whenNull) throws SQLException {
            long micros = rs.getLong(column);
            return rs.wasNull() ? whenNull : DuckDbTime.toNanos(micros);
        }

        @Override
        public int scale(ResultSet rs, int column) throws SQLException {
            return (int) rs.getLong(column);
        }

        @Override
        public char charOrZero(ResultSet rs, int column) throws SQLException {
            return (char) rs.getLong(column);
        }
    };

    private Runnable onRelease;

    DuckDbCursorSource(MarketRows rows, DuckDbErrors errors) {
        super(rows, errors::map);
    }

    /**
     * Runs the query on a connection this source now owns; {@code onRelease} runs once when it is
     * released. Closes everything on failure.
     */
    void open(Connection connection, String sql, Binder binder, Runnable onRelease) {
        this.onRelease = onRelease;
        open(connection, sql, binder);
    }

    @Override
    protected void releaseConnection(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to release: the connection goes with it
        }
        Runnable r = onRelease;
        onRelease = null;
        if (r != null) {
            r.run();
        }
    }
}
