package io.ttquant.store.duckdb;

import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Streams the rows of one query as a {@link MarketDataSource}: its own connection (a
 * {@code duplicate()} of the store's database, so it reads a consistent snapshot while the writer
 * goes on), results streamed a vector (2,048 rows) at a time ({@code jdbc_stream_results}), never
 * materialised whole. Queries select times as epoch microseconds and every column as BIGINT, so that
 * the driver hands out primitive longs: no Timestamp, boxed Short or String per row. Subclasses
 * decode one row into their reused event and check its scales against the instrument's.
 *
 * <p>Single-threaded, like every source. The connection is closed at the end of the data, on an
 * error, on {@link #close()}, or when the store closes, whichever comes first.
 */
abstract class DuckDbCursorSource implements MarketDataSource {
    private final String description;
    private final DuckDbErrors errors;
    protected final Instrument instrument;
    private Runnable onRelease;
    private Connection connection;
    private PreparedStatement statement;
    private ResultSet rows;

    DuckDbCursorSource(String description, Instrument instrument, DuckDbErrors errors) {
        this.description = description;
        this.instrument = instrument;
        this.errors = errors;
    }

    /** Sets the parameters of the query. */
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /**
     * Runs the query on a connection this source now owns; onRelease runs once when it is released.
     * Closes everything on failure.
     */
    final void open(Connection connection, String sql, Binder binder, Runnable onRelease) {
        this.connection = connection;
        this.onRelease = onRelease;
        try {
            statement = connection.prepareStatement(sql);
            binder.bind(statement);
            rows = statement.executeQuery();
        } catch (SQLException | RuntimeException e) {
            release();
            throw errors.map("opening " + description, e);
        }
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
    protected final void checkScales(long priceScale, long qtyScale, long timeNanos) {
        if (priceScale != instrument.priceScale() || qtyScale != instrument.qtyScale()) {
            throw new StoreException(description + ": the row at " + Instant.ofEpochSecond(0, timeNanos)
                    + " is stored at price scale " + priceScale + " and quantity scale " + qtyScale
                    + " but the instrument " + instrument.symbol() + " has " + instrument.priceScale() + " and "
                    + instrument.qtyScale() + "; read it with an instrument of the stored scales (or re-import)",
                    false, null);
        }
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

    /** Closes the result, the statement and the connection; safe to call more than once, from the store too. */
    final synchronized void release() {
        ResultSet rs = rows;
        PreparedStatement ps = statement;
        Connection c = connection;
        rows = null;
        statement = null;
        connection = null;
        closeQuietly(rs);
        closeQuietly(ps);
        closeQuietly(c);
        Runnable r = onRelease;
        onRelease = null;
        if (r != null) {
            r.run();
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // nothing more to release: the connection goes with it
            }
        }
    }
}
