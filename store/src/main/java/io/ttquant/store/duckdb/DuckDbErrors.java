package io.ttquant.store.duckdb;

import io.ttquant.store.StoreException;
import java.sql.SQLException;

/**
 * Turns DuckDB failures into {@link StoreException}s that say whether a retry can help. The DuckDB
 * driver gives no SQLState for engine errors, only a message starting with the error type
 * ("IO Error: ...", "Constraint Error: ..."), so this classifies by that type: I/O errors (disk
 * full, the file locked by another process, "database is locked"), transaction conflicts, memory
 * exhaustion and interrupts are retryable; constraint, catalog, binder, parser, conversion and
 * invalid-input errors, a closed store, a database invalidated by a fatal error and a file that is
 * not a (readable) DuckDB database are not.
 * Messages name the operation and the database.
 */
final class DuckDbErrors {
    private static final String[] RETRYABLE_TYPES = {
        "IO Error", "TransactionContext Error", "Out of Memory Error", "Interrupt Error"
    };

    /** Failures that look like I/O but that no retry fixes: a file that is not a database of ours. */
    private static final String[] PERMANENT = {
        "FATAL Error", "database has been invalidated", "not a valid DuckDB database file",
        "database file with version number", "Serialization Error", "Corrupt"
    };

    private final String database;

    /** @param database where the data is, for messages, e.g. "DuckDB file /data/ttquant.duckdb" */
    DuckDbErrors(String database) {
        this.database = database;
    }

    StoreException map(String operation, Throwable failure) {
        if (failure instanceof StoreException se) {
            return se;
        }
        boolean retryable = isRetryable(failure);
        return new StoreException(operation + " on " + database + " failed" + (retryable ? ", retryable: " : ": ")
                + describe(failure), retryable, failure);
    }

    /** Whether the deepest SQL message of the chain is of a kind a retry can fix. */
    static boolean isRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException && isRetryableMessage(t.getMessage())) {
                return true;
            }
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    static boolean isRetryableMessage(String message) {
        if (message == null) {
            return false;
        }
        for (String permanent : PERMANENT) {
            if (message.contains(permanent)) {
                return false;
            }
        }
        // the type leads the message, or follows "message: " when the appender wraps it
        for (String type : RETRYABLE_TYPES) {
            if (message.startsWith(type) || message.contains(": " + type + ":")) {
                return true;
            }
        }
        return message.contains("database is locked") || message.contains("Could not set lock on file");
    }

    /** Whether the message says another process holds the file's lock. */
    static boolean isLockConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Could not set lock on file") || m.contains("Conflicting lock"))) {
                return true;
            }
        }
        return false;
    }

    /** The most telling message of the chain: the deepest SQL or I/O message, else the top one. */
    static String describe(Throwable failure) {
        String best = failure.getMessage();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if ((t instanceof SQLException || t instanceof java.io.IOException) && t.getMessage() != null) {
                best = t.getMessage();
            }
        }
        if (best == null) {
            return failure.getClass().getSimpleName();
        }
        // DuckDB appends the offending SQL with a caret on further lines: the first line says it
        int newline = best.indexOf('\n');
        return newline < 0 ? best : best.substring(0, newline).trim();
    }
}
