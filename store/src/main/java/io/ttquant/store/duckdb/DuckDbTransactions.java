package io.ttquant.store.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Explicit SQL transactions on a connection left in JDBC auto-commit mode. The driver begins a
 * JDBC transaction lazily, at the next statement, so an appender used right after
 * {@code setAutoCommit(false)} would still commit every 2,048 rows on its own; an explicit
 * {@code BEGIN TRANSACTION} takes the appender's rows into the transaction too (checked by the
 * store's tests). Never leaves a transaction open: a failure rolls back before it is rethrown.
 */
final class DuckDbTransactions {
    private DuckDbTransactions() {
    }

    /** Work on a connection inside a transaction. */
    interface Work {
        void run(Connection c) throws SQLException;
    }

    /** Runs the work in one transaction: committed if it returns, rolled back if it throws. */
    static void inTransaction(Connection c, Work work) throws SQLException {
        exec(c, "BEGIN TRANSACTION");
        try {
            work.run(c);
            exec(c, "COMMIT");
        } catch (SQLException | RuntimeException | Error e) {
            rollbackQuietly(c, e);
            throw e;
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Rolls back the open transaction, keeping any failure of that as suppressed by the original. */
    static void rollbackQuietly(Connection c, Throwable original) {
        try {
            exec(c, "ROLLBACK");
        } catch (SQLException | RuntimeException e) {
            // after a failed COMMIT DuckDB has rolled back already: "no transaction is active" is expected
            if (e.getMessage() == null || !e.getMessage().contains("no transaction is active")) {
                original.addSuppressed(e);
            }
        }
    }
}
