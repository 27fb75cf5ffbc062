package io.ttquant.app.store;

import io.ttquant.store.PgTestSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the export drills read back from PostgreSQL: the saved progress, rows stored more than
 * once, and everything exported as {@link StoreContent}. The server, the skip-or-fail rule and the
 * test schemas are the store tests' ({@link PgTestSupport}).
 */
final class PgExportTestDb {
    private PgExportTestDb() {
    }

    /** The export progress saved for {@code source}, -1 when none. */
    static long progress(String schema, String source) throws SQLException {
        try (Connection c = PgTestSupport.connect();
             PreparedStatement ps = c.prepareStatement("SELECT position FROM \"" + schema + "\".export_progress WHERE source = ?")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    /** {@code count(*) - count(DISTINCT key)} of a table: rows stored more than once. */
    static long duplicates(String schema, String table, String key) throws SQLException {
        try (Connection c = PgTestSupport.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) - count(DISTINCT (" + key + ")) FROM \"" + schema + "\"." + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Everything the export wrote to the schema. */
    static StoreContent content(String schema) throws SQLException {
        try (Connection c = PgTestSupport.connect()) {
            return StoreContent.read(c, "\"" + schema + "\".");
        }
    }
}
