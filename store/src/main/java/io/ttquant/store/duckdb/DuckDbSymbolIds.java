package io.ttquant.store.duckdb;

import io.ttquant.store.batch.MarketBatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The ids of (venue, symbol) pairs in {@code market_symbols} (migration V4), which trades and
 * quotes store instead of the two strings: known ids are cached, an unknown pair is looked up and,
 * when new, inserted in the writer's open transaction. Pairs inserted by a transaction that then
 * rolls back are forgotten again ({@link #rolledBack()}), so the cache never names an id the
 * database does not have.
 *
 * <p>Resolving a batch allocates nothing once its pairs are known (batches are runs of one pair:
 * the String instances of the row before are compared first). Not thread-safe: used under the
 * store's write lock only. It never deletes a pair (retention leaves them; the table is tiny).
 */
final class DuckDbSymbolIds {
    private static final String SELECT = "SELECT id FROM market_symbols WHERE venue = ? AND symbol = ?";
    private static final String INSERT = "INSERT INTO market_symbols (id, venue, symbol) "
            + "SELECT coalesce(max(id), 0) + 1, ?, ? FROM market_symbols RETURNING id";

    private final HashMap<String, HashMap<String, Integer>> known = new HashMap<>();
    /** Pairs inserted since the last commit: {venue, symbol}. */
    private final List<String[]> uncommitted = new ArrayList<>();
    private int[] ids = new int[0];

    /**
     * The symbol id of every row of a checked batch, in an array reused by the next call (only its
     * first {@code batch.size()} entries are the batch's).
     */
    int[] of(Connection c, MarketBatch batch) throws SQLException {
        int n = batch.size();
        if (ids.length < n) {
            ids = new int[Math.max(n, 2 * ids.length)];
        }
        String venue = null;
        String symbol = null;
        int id = 0;
        for (int i = 0; i < n; i++) {
            String v = batch.venue(i);
            String s = batch.instrument(i).symbol();
            if (v != venue || s != symbol) {
                id = id(c, v, s);
                venue = v;
                symbol = s;
            }
            ids[i] = id;
        }
        return ids;
    }

    /** The id of a pair, inserting it (in the caller's transaction) when the database has none. */
    int id(Connection c, String venue, String symbol) throws SQLException {
        HashMap<String, Integer> symbols = known.get(venue);
        Integer id = symbols == null ? null : symbols.get(symbol);
        if (id != null) {
            return id;
        }
        int found = select(c, venue, symbol);
        if (found == 0) {
            found = insert(c, venue, symbol);
            uncommitted.add(new String[] {venue, symbol});
        }
        known.computeIfAbsent(venue, v -> new HashMap<>()).put(symbol, found);
        return found;
    }

    /** The transaction that may have inserted pairs committed: they are known for good. */
    void committed() {
        uncommitted.clear();
    }

    /** The transaction rolled back: the pairs it inserted are gone from the database, and from here. */
    void rolledBack() {
        for (String[] pair : uncommitted) {
            HashMap<String, Integer> symbols = known.get(pair[0]);
            if (symbols != null) {
                symbols.remove(pair[1]);
            }
        }
        uncommitted.clear();
    }

    private static int select(Connection c, String venue, String symbol) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, venue);
            ps.setString(2, symbol);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static int insert(Connection c, String venue, String symbol) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, venue);
            ps.setString(2, symbol);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("inserting symbol " + venue + " " + symbol + " into market_symbols returned "
                            + "no id");
                }
                return rs.getInt(1);
            }
        }
    }
}
