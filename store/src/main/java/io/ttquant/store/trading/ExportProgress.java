package io.ttquant.store.trading;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@code export_progress} table of both stores: how far a durable source (the gateway's order
 * journal) has been written, saved in the same transaction as the rows it covers (the caller's)
 * and read back when the source starts again. Parameterised statements only; stateless apart from
 * the SQL texts.
 */
public final class ExportProgress {
    private final String upsert;
    private final String select;

    /** @param tables what goes before the table name: a quoted schema and a dot, or "" for the default schema */
    public ExportProgress(String tables) {
        upsert = "INSERT INTO " + tables + "export_progress (source, position, updated_time) VALUES (?, ?, now()) "
                + "ON CONFLICT (source) DO UPDATE SET position = excluded.position, updated_time = excluded.updated_time";
        select = "SELECT position FROM " + tables + "export_progress WHERE source = ?";
    }

    /** Records the batch's progress, if it has any, in the caller's transaction. */
    public void save(Connection c, TradingBatch batch) throws SQLException {
        if (batch.source() == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(upsert)) {
            ps.setString(1, batch.source());
            ps.setLong(2, batch.sourcePosition());
            ps.executeUpdate();
        }
    }

    /** The last committed position of a source, or null when it never wrote one. */
    public Long read(Connection c, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(select)) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}
