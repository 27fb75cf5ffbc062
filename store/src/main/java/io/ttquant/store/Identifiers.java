package io.ttquant.store;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.store.batch.MarketBatch;

/**
 * The one rule for venues, symbols and strategy names in both stores, checked before they are
 * written or queried: 1 to 64 characters of {@code [A-Za-z0-9._:-]}. Values reach the database
 * only as parameters, through PostgreSQL's binary COPY stream or the DuckDB appender anyway; the
 * check keeps junk (and non-ASCII, which the COPY encoder writes byte per char) out of the tables
 * and names the offending row. A plain loop, no regex and no allocation when the value is valid: it
 * runs per row. Never builds SQL.
 */
public final class Identifiers {
    public static final String RULE = "[A-Za-z0-9._:-]{1,64}";
    private static final int MAX_LENGTH = 64;
    private static final String NOTHING_WRITTEN = "; nothing of this batch was written";

    private Identifiers() {
    }

    public static boolean isValid(String s) {
        if (s == null) {
            return false;
        }
        int n = s.length();
        if (n == 0 || n > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Throws a non-retryable StoreException naming the row of a batch, e.g. "market_trades row 3". */
    public static void requireInBatch(String value, String what, String where) {
        if (!isValid(value)) {
            throw new StoreException(where + ": " + what + " " + quote(value) + " is not a valid identifier (" + RULE
                    + ")" + NOTHING_WRITTEN, false, null);
        }
    }

    /** Throws a non-retryable StoreException for a bad argument of a query, e.g. "reading trades". */
    public static void require(String value, String what, String operation) {
        if (!isValid(value)) {
            throw new StoreException(operation + ": " + what + " " + quote(value) + " is not a valid identifier ("
                    + RULE + ")", false, null);
        }
    }

    /** Checks the venue and instrument a read of market data names (non-retryable StoreException). */
    public static void requireQuery(String venue, Instrument instrument, String operation) {
        require(venue, "venue", operation);
        if (instrument == null) {
            throw new StoreException(operation + ": no instrument", false, null);
        }
        require(instrument.symbol(), "symbol", operation);
    }

    /**
     * Checks the venue and the instrument's symbol of every row of a market data batch before any of
     * it is written, naming the first bad row ("market_trades row 3"). Skips the identifier check
     * when a row has the same String instances as the row before (batches are runs of one instrument).
     */
    public static void requireRows(MarketBatch batch) {
        String table = batch.table();
        String lastVenue = null;
        String lastSymbol = null;
        for (int i = 0, n = batch.size(); i < n; i++) {
            String venue = batch.venue(i);
            if (venue != lastVenue) {
                requireInBatch(venue, "venue", table + " row " + i);
                lastVenue = venue;
            }
            Instrument instrument = batch.instrument(i);
            if (instrument == null) {
                throw new StoreException(table + " row " + i + ": no instrument" + NOTHING_WRITTEN, false, null);
            }
            String symbol = instrument.symbol();
            if (symbol != lastSymbol) {
                requireInBatch(symbol, "symbol", table + " row " + i);
                lastSymbol = symbol;
            }
        }
    }

    /** The value for a message, shortened: a bad identifier can be anything. */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String v = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return "'" + v + "'";
    }
}
