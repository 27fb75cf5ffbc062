package io.ttquant.app.gateway.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The journal's text fields: one unsigned length byte, then that many ASCII bytes. Writing reads
 * the characters one by one, so it never allocates; reading makes a String (replay only).
 * Identifiers (strategy, client order id, venue, symbol, asset) must be ASCII and fit their
 * limit, or the caller has a bug; free text (a reason) is cut to fit and non-ASCII becomes '?'.
 */
final class Ascii {
    /** The longest text any field holds. */
    static final int MAX = 255;

    private Ascii() {
    }

    /** Writes an identifier; null is written as empty. Throws for non-ASCII or longer than {@code max}. */
    static void putId(ByteBuffer b, CharSequence s, int max, String field) {
        int n = s == null ? 0 : s.length();
        if (n > max) {
            throw new IllegalArgumentException(field + " longer than " + max + " characters");
        }
        b.put((byte) n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 127) {
                throw new IllegalArgumentException(field + " is not ASCII");
            }
            b.put((byte) c);
        }
    }

    /** Writes free text, cut to {@link #MAX} characters, non-ASCII as '?'; null as empty. */
    static void putText(ByteBuffer b, CharSequence s) {
        int n = s == null ? 0 : Math.min(s.length(), MAX);
        b.put((byte) n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            b.put((byte) (c > 127 ? '?' : c));
        }
    }

    /** Reads a text field; an underflow means a malformed record. */
    static String get(ByteBuffer b) {
        int n = b.get() & 0xFF;
        if (n == 0) {
            return "";
        }
        byte[] bytes = new byte[n];
        b.get(bytes);
        for (byte x : bytes) {
            if (x < 0) {
                throw new MalformedRecordException("text field is not ASCII");
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
