package io.ttquant.store.postgres;

import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.instrument.Instrument;
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
 * Streams the rows of one query as a {@link MarketDataSource} through a server-side cursor: its
 * own pooled connection, autocommit off (a cursor lives in a transaction), forward only, fetched
 * {@value #FETCH_SIZE} rows at a time, with binary results (timestamps and numbers arrive as raw
 * bytes and are decoded without allocation of ours). Subclasses decode one row into their reused
 * event and check its scales against the instrument's.
 *
 * <p>Single-threaded, like every source. The connection goes back to the pool at the end of the
 * data, on an error, or on {@link #close()}, whichever comes first; never keeps rows beyond the
 * current fetch.
 */
abstract class PgCursorSource implements MarketDataSource {
    static final int FETCH_SIZE = 10_000;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final String description;
    private final PgErrors errors;
    protected final Instrument instrument;
    private Connection connection;
    private PreparedStatement statement;
    private ResultSet rows;

    PgCursorSource(String description, Instrument instrument, PgErrors errors) {
        this.description = description;
        this.instrument = instrument;
        this.errors = errors;
    }

    /** Opens the cursor; the binder sets the statement's parameters. Closes everything on failure. */
    final void open(DataSource pool, String sql, Binder binder) {
        try {
            connection = pool.getConnection();
            connection.setAutoCommit(false);
            execute(sql, binder);
            if (!binaryResults()) {
                // The driver re-prepares a statement the server invalidated (e.g. after DDL in the
                // session) without describing it again, and then asks for text results: run it once more.
                rows.close();
                statement.close();
                execute(sql, binder);
                if (!binaryResults()) {
                    throw new StoreException(description + ": the driver returned text results; this reader "
                            + "decodes binary ones (is binaryTransfer=false set on the JDBC URL?)", false, null);
                }
            }
        } catch (SQLException | RuntimeException e) {
            release();
            throw errors.map("opening " + description, e);
        }
    }

    private void execute(String sql, Binder binder) throws SQLException {
        statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        // a negative threshold makes the driver describe the statement first and ask for binary results
        statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        statement.setFetchSize(FETCH_SIZE);
        binder.bind(statement);
        rows = statement.executeQuery();
    }

    private boolean binaryResults() throws SQLException {
        return rows.getMetaData().unwrap(PGResultSetMetaData.class).getFormat(1) == 1;
    }

    /** Sets the parameters of the query. */
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @Override
    public final boolean advance() {
        ResultSet rs = rows;
        if (rs == null) {
            return false;
        }
        try {
            if (!rs.next()) {
                release();
                return false;
            }
            decode(rs);
            return true;
        } catch (SQLException e) {
            release();
            throw errors.map("reading " + description, e);
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    /** Loads the current row into the reused event; throws StoreException for rows at other scales. */
    protected abstract void decode(ResultSet rs) throws SQLException;

    /** Refuses a row stored at scales other than the instrument's, naming the row and both scales. */
    protected final void checkScales(int priceScale, int qtyScale, long timeNanos) {
        if (priceScale != instrument.priceScale() || qtyScale != instrument.qtyScale()) {
            throw new StoreException(description + ": the row at " + java.time.Instant.ofEpochSecond(0, timeNanos)
                    + " is stored at price scale " + priceScale + " and quantity scale " + qtyScale
                    + " but the instrument " + instrument.symbol() + " has " + instrument.priceScale() + " and "
                    + instrument.qtyScale() + "; read it with an instrument of the stored scales (or re-import)",
                    false, null);
        }
    }

    /** A binary int8 or timestamptz value: 8 bytes, big-endian. */
    protected static long int8(byte[] b) {
        return (long) LONG.get(b, 0);
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final long skippedRows() {
        return 0;
    }

    @Override
    public final void close() {
        release();
    }

    private void release() {
        ResultSet rs = rows;
        PreparedStatement st = statement;
        Connection c = connection;
        rows = null;
        statement = null;
        connection = null;
        try {
            if (rs != null) {
                rs.close();
            }
            if (st != null) {
                st.close();
            }
        } catch (SQLException ignored) {
            // closing a cursor of a broken connection: the pool evicts the connection
        }
        if (c != null) {
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
    }
}
