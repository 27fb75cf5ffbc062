package io.ttquant.store.postgres;

import io.ttquant.store.trading.JdbcTradingWriter;
import io.ttquant.store.trading.TradingBatch;
import io.ttquant.store.trading.TradingRows;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Writes a {@link TradingBatch} in one transaction on a pooled connection: the rows through the
 * shared {@link JdbcTradingWriter} (JDBC batches, times as {@code OffsetDateTime} parameters), then
 * commit; on any failure the transaction is rolled back, so either all of it commits or nothing
 * does. Rows are checked ({@link TradingRows}) before any SQL runs.
 *
 * <p>Stateless apart from the SQL texts: safe from any thread, each call on its own connection.
 */
final class PgTradingWriter {
    private final JdbcTradingWriter rows;

    /** @param schema the quoted schema name the tables live in */
    PgTradingWriter(String schema) {
        rows = new JdbcTradingWriter(schema + ".", "?",
                (ps, index, epochNanos) -> ps.setObject(index, PgTime.toOffsetDateTime(epochNanos)), true);
    }

    /** Refuses a batch with a bad row before anything is sent, naming the row. */
    static void validate(TradingBatch batch) {
        TradingRows.validate(batch);
    }

    /** Writes a validated batch and its progress in one transaction. */
    void write(Connection c, TradingBatch batch) throws SQLException {
        c.setAutoCommit(false);
        try {
            rows.write(c, batch);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            PgMarketDataWriter.rollbackQuietly(c, e);
            throw e;
        } finally {
            PgMarketDataWriter.restoreAutoCommit(c);
        }
    }

    /** The last committed position of a source, or null when it never wrote one. */
    Long progress(Connection c, String source) throws SQLException {
        return rows.progress(c, source);
    }
}
