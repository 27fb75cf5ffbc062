package io.ttquant.store.postgres;

import io.ttquant.store.StoreException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLRecoverableException;

/**
 * Turns JDBC failures into {@link StoreException}s that say whether a retry can help: connection
 * failures (SQLState class 08, the server shutting down or starting: 57P01..57P03, too many
 * connections: 53300), serialization failures and deadlocks (40001, 40P01) and pool timeouts are
 * retryable; constraint, syntax and data errors are not. Messages name the operation and the
 * server, and never contain the password (it is scrubbed even if a driver message echoed it).
 */
final class PgErrors {
    private final String server;
    private final String password;

    PgErrors(String server, String password) {
        this.server = server;
        this.password = password == null || password.isEmpty() ? null : password;
    }

    StoreException map(String operation, Throwable failure) {
        if (failure instanceof StoreException se) {
            return se;
        }
        boolean retryable = isRetryable(failure);
        String state = sqlState(failure);
        String text = "PostgreSQL " + server + ": " + operation + " failed ("
                + (state == null ? "" : "SQLState " + state + ", ") + (retryable ? "retryable" : "not retryable")
                + "): " + describe(failure);
        return new StoreException(scrub(text), retryable, scrubbed(failure));
    }

    /** Whether any exception in the cause chain is of a kind a retry can fix. */
    static boolean isRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.SocketException
                    || t instanceof java.net.SocketTimeoutException || t instanceof java.net.UnknownHostException) {
                return true;
            }
            if (t instanceof SQLException s && isRetryableState(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static boolean isRetryableState(String state) {
        if (state == null || state.length() != 5) {
            return false;
        }
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300") || state.equals("40001") || state.equals("40P01");
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    /** The most telling message of the chain: the deepest SQL message, else the deepest I/O one, else the top one. */
    private static String describe(Throwable failure) {
        String sql = null;
        String io = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && t.getMessage() != null) {
                sql = s.getNextException() != null && s.getNextException().getMessage() != null
                        ? s.getMessage() + " / " + s.getNextException().getMessage()
                        : s.getMessage();
            } else if (t instanceof java.io.IOException && t.getMessage() != null) {
                io = t.getMessage();
            }
        }
        String best = sql != null ? sql : io != null ? io : failure.getMessage();
        return best == null ? failure.getClass().getSimpleName() : best;
    }

    String scrub(String text) {
        return password == null || text == null ? text : text.replace(password, "***");
    }

    /** The cause to attach: the original unless its messages would reveal the password. */
    private Throwable scrubbed(Throwable failure) {
        if (password == null) {
            return failure;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(password)) {
                return null;
            }
        }
        return failure;
    }
}
