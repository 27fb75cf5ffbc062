package io.ttquant.store.postgres;

import io.ttquant.store.StoreException;

/**
 * Checks venues, symbols and strategy names before they are written: 1 to 64 characters of
 * {@code [A-Za-z0-9._:-]}. Everything reaches the database as a parameter or through the binary
 * COPY stream anyway; the check keeps junk (and non-ASCII, which the COPY encoder writes byte per
 * char) out of the tables and names the offending row. A plain loop, no regex: it runs per row.
 */
final class PgIdentifiers {
    static final String RULE = "[A-Za-z0-9._:-]{1,64}";
    private static final int MAX_LENGTH = 64;

    private PgIdentifiers() {
    }

    static boolean isValid(String s) {
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

    /** Throws a non-retryable StoreException naming where the bad value is, e.g. "market_trades row 3". */
    static void require(String value, String what, String where) {
        if (!isValid(value)) {
            throw new StoreException(where + ": " + what + " " + quote(value) + " is not a valid identifier (" + RULE
                    + "); nothing of this batch was written", false, null);
        }
    }

    /** The value for a message, shortened: a bad identifier can be anything. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String v = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return "'" + v + "'";
    }
}
