package io.ttquant.store;

import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.marketdata.MarketEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Streams the rows of one market data query as a {@link MarketDataSource}: the part both stores
 * share. It owns the connection, statement and results of the query, decodes each row into the
 * reused event of its {@link MarketRows}, maps failures with the store's {@link Errors}, and
 * releases everything at the end of the data, on an error or on {@link #close()}, whichever comes
 * first. A store's subclass says how the query is run ({@link #query}, {@link #prepare}) and how
 * the connection is given back ({@link #releaseConnection}).
 *
 * <p>Single-threaded, like every source, except {@link #release()}, which a store may call from
 * another thread when it closes. Never keeps rows beyond the driver's current fetch.
 */
public abstract class JdbcCursorSource implements MarketDataSource {
    /** Sets the parameters of the query. */
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** The store's mapping of failures to StoreExceptions that say whether a retry can help. */
    public interface Errors {
        StoreException map(String operation, Throwable failure);
    }

    private final MarketRows rows;
    private final Errors errors;
    private Connection connection;
    private PreparedStatement statement;
    private ResultSet results;

    protected JdbcCursorSource(MarketRows rows, Errors errors) {
        this.rows = rows;
        this.errors = errors;
    }

    /** Runs the query on a connection this source now owns. Releases everything on failure. */
    protected final void open(Connection connection, String sql, Binder binder) {
        this.connection = connection;
        try {
            query(connection, sql, binder);
        } catch (SQLException | RuntimeException e) {
            release();
            throw errors.map("opening " + description(), e);
        }
    }

    /** Runs the query with {@link #execute}; a store may set the connection up first or run it again. */
    protected void query(Connection c, String sql, Binder binder) throws SQLException {
        execute(c, sql, binder);
    }

    /** Prepares, binds and executes the query (closing an earlier execution first); returns its results. */
    protected final ResultSet execute(Connection c, String sql, Binder binder) throws SQLException {
        closeQuery();
        statement = prepare(c, sql);
        binder.bind(statement);
        results = statement.executeQuery();
        return results;
    }

    /** Prepares the query; a store may ask its driver for streaming or binary results here. */
    protected PreparedStatement prepare(Connection c, String sql) throws SQLException {
        return c.prepareStatement(sql);
    }

    /** Gives the connection back (to the pool, or closed) once the source is done with it; never throws. */
    protected abstract void releaseConnection(Connection c);

    @Override
    public final boolean advance() {
        ResultSet rs = results;
        if (rs == null) {
            return false;
        }
        try {
            if (!rs.next()) {
                release();
                return false;
            }
            rows.decode(rs);
            return true;
        } catch (SQLException e) {
            release();
            throw errors.map("reading " + description(), e);
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    @Override
    public final MarketEvent current() {
        return rows.event();
    }

    @Override
    public final String description() {
        return rows.description();
    }

    @Override
    public final long skippedRows() {
        return 0;
    }

    @Override
    public final void close() {
        release();
    }

    /** Closes the results and the statement and releases the connection; safe to call more than once. */
    public final synchronized void release() {
        closeQuery();
        Connection c = connection;
        connection = null;
        if (c != null) {
            releaseConnection(c);
        }
    }

    private void closeQuery() {
        ResultSet rs = results;
        PreparedStatement st = statement;
        results = null;
        statement = null;
        closeQuietly(rs);
        closeQuietly(st);
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // a statement of a broken connection: the connection goes with it
            }
        }
    }
}
