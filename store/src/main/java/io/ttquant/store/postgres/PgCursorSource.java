package io.ttquant.store.postgres;

import io.ttquant.store.JdbcCursorSource;
import io.ttquant.store.MarketRows;
import io.ttquant.store.StoreException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGResultSetMetaData;
import org.postgresql.PGStatement;

/**
 * A market data read of the PostgreSQL store: the query ({@link #trades}, {@link #quotes},
 * {@link #bars}) runs through a server-side cursor on its own pooled connection, autocommit off (a
 * cursor lives in a transaction), forward only, fetched {@value #FETCH_SIZE} rows at a time, with
 * binary results: timestamps and numbers arrive as raw bytes and are decoded ({@link #COLUMNS})
 * without allocation of ours. Rows become events as {@link MarketRows} says, for both stores.
 *
 * <p>Single-threaded, like every source. The connection goes back to the pool at the end of the
 * data, on an error, or on {@link #close()}, whichever comes first; never keeps rows beyond the
 * current fetch.
 */
final class PgCursorSource extends JdbcCursorSource {
    static final int FETCH_SIZE = 10_000;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** The binary columns of this driver: timestamptz as µs since 2000 (8 bytes), scales as SMALLINT, CHAR(1) as a byte. */
    static final MarketRows.Columns COLUMNS = new MarketRows.Columns() {
        @Override
        public long time(ResultSet rs, int column) throws SQLException {
            return PgTime.fromPgMicros(int8(rs.getBytes(column)));
        }

        @Override
        public long timeOr(ResultSet rs, int column, long whenNull) throws SQLException {
            byte[] b = rs.getBytes(column);
            return b == null ? whenNull : PgTime.fromPgMicros(int8(b));
        }

        @Override
        public int scale(ResultSet rs, int column) throws SQLException {
            return rs.getShort(column);
        }

        @Override
        public char charOrZero(ResultSet rs, int column) throws SQLException {
            byte[] b = rs.getBytes(column);
            return b == null ? 0 : (char) b[0];
        }
    };

    private PgCursorSource(MarketRows rows, PgErrors errors) {
        super(rows, errors::map);
    }

    /** The trades query; parameters: venue, symbol, from, to. */
    static String trades(String schema) {
        return "SELECT time, trade_id, price, qty, price_scale, qty_scale, aggressor, recv_time FROM " + schema
                + ".market_trades WHERE venue = ? AND symbol = ? AND time >= ? AND time < ? ORDER BY time, trade_id";
    }

    /** The quotes query; parameters: venue, symbol, from, to. */
    static String quotes(String schema) {
        return "SELECT time, bid_price, bid_qty, ask_price, ask_qty, price_scale, qty_scale, recv_time FROM " + schema
                + ".market_quotes WHERE venue = ? AND symbol = ? AND time >= ? AND time < ? ORDER BY time";
    }

    /** The bars query; parameters: venue, symbol, interval in seconds, from, to. */
    static String bars(String schema) {
        return "SELECT open_time, open, high, low, close, volume, price_scale, qty_scale FROM " + schema
                + ".market_bars WHERE venue = ? AND symbol = ? AND interval_s = ? AND open_time >= ? AND open_time < ? "
                + "ORDER BY open_time";
    }

    /** Opens the cursor of a query on a connection of the pool; the binder sets its parameters. */
    static PgCursorSource open(DataSource pool, PgErrors errors, MarketRows rows, String sql, Binder binder) {
        PgCursorSource source = new PgCursorSource(rows, errors);
        Connection c;
        try {
            c = pool.getConnection();
        } catch (SQLException | RuntimeException e) {
            throw errors.map("opening " + rows.description(), e);
        }
        source.open(c, sql, binder);
        return source;
    }

    @Override
    protected void query(Connection c, String sql, Binder binder) throws SQLException {
        c.setAutoCommit(false);
        // The driver re-prepares a statement the server invalidated (e.g. after DDL in the session)
        // without describing it again, and then asks for text results: run it once more.
        if (!binaryResults(execute(c, sql, binder)) && !binaryResults(execute(c, sql, binder))) {
            throw new StoreException(description() + ": the driver returned text results; this reader decodes "
                    + "binary ones (is binaryTransfer=false set on the JDBC URL?)", false, null);
        }
    }

    @Override
    protected PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        // a negative threshold makes the driver describe the statement first and ask for binary results
        statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        statement.setFetchSize(FETCH_SIZE);
        return statement;
    }

    private static boolean binaryResults(ResultSet rows) throws SQLException {
        return rows.getMetaData().unwrap(PGResultSetMetaData.class).getFormat(1) == 1;
    }

    @Override
    protected void releaseConnection(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // read-only transaction; nothing to undo if the connection is gone
        }
        PgMarketDataWriter.restoreAutoCommit(c);
        try {
            c.close();
        } catch (SQLException ignored) {
            // the pool logs and evicts a connection it cannot take back
        }
    }

    /** A binary int8 or timestamptz value: 8 bytes, big-endian. */
    private static long int8(byte[] b) {
        return (long) LONG.get(b, 0);
    }
}
