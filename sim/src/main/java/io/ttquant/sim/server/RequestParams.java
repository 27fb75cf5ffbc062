package io.ttquant.sim.server;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of one REST request, from the query string and an
 * {@code application/x-www-form-urlencoded} body, with Binance's rules: a parameter sent in both
 * places is taken from the query string, one sent twice in the same place is -1101, a malformed
 * percent-escape is -1100.
 *
 * <p>Typed getters validate as Binance does (legal-range messages, -1102 for a missing mandatory
 * parameter) and record only the first failure: a handler reads everything it needs, then checks
 * {@link #failed()} once. Every getter marks the parameter as read, so {@link #checkAllRead()} can
 * answer -1104 for parameters the endpoint does not know. Never throws for bad input.
 */
final class RequestParams {
    static final String LONG_RANGE = "^[0-9]{1,20}$";
    static final String DECIMAL_RANGE = "^([0-9]{1,20})(\\.[0-9]{1,20})?$";
    static final String SYMBOL_RANGE = "^[A-Z0-9-_.]{1,20}$";
    static final String CLIENT_ID_RANGE = "^[\\.A-Z\\:/a-z0-9_-]{1,36}$";
    static final int MAX_PARAMETERS = 64;

    private final String rawQuery;
    private final String rawBody;
    private final List<String> names = new ArrayList<>(12);
    private final List<String> values = new ArrayList<>(12);
    private long readMask;
    private RestError error;

    private RequestParams(String rawQuery, String rawBody) {
        this.rawQuery = rawQuery == null ? "" : rawQuery;
        this.rawBody = rawBody == null ? "" : rawBody;
    }

    /** Parses both sources; a parse failure is kept as {@link #error()}. */
    static RequestParams parse(String rawQuery, String rawBody) {
        RequestParams p = new RequestParams(rawQuery, rawBody);
        List<String> queryNames = new ArrayList<>();
        p.parseInto(p.rawQuery, queryNames, true);
        if (p.error == null) {
            p.parseInto(p.rawBody, queryNames, false);
        }
        return p;
    }

    String rawQuery() {
        return rawQuery;
    }

    String rawBody() {
        return rawBody;
    }

    boolean failed() {
        return error != null;
    }

    RestError error() {
        return error;
    }

    /** Records {@code e} unless an earlier failure is already recorded. */
    void fail(RestError e) {
        if (error == null) {
            error = e;
        }
    }

    int sentCount() {
        return names.size();
    }

    /** True when the parameter was sent (even empty). Does not mark it as read. */
    boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** The raw decoded value, or null when not sent; does not mark it read (for weights). */
    String peek(String name) {
        int i = indexOf(name);
        return i < 0 ? null : values.get(i);
    }

    /** The raw decoded value, or null when not sent; marks it read. */
    String raw(String name) {
        int i = indexOf(name);
        if (i < 0) {
            return null;
        }
        readMask |= 1L << i;
        return values.get(i);
    }

    /** -1104 when some sent parameter was never read by the endpoint. */
    void checkAllRead() {
        int read = Long.bitCount(readMask);
        if (read < names.size()) {
            fail(RestError.unreadParameters(read, names.size()));
        }
    }

    /** An optional string; empty is -1105. */
    String optString(String name) {
        String v = raw(name);
        if (v != null && v.isEmpty()) {
            fail(RestError.emptyParameter(name));
            return null;
        }
        return v;
    }

    /** A mandatory string; missing or empty is -1102. */
    String mandatoryString(String name) {
        String v = raw(name);
        if (v == null || v.isEmpty()) {
            fail(RestError.mandatory(name));
            return null;
        }
        return v;
    }

    /** A symbol in Binance's legal range (upper case), or null with the failure recorded. */
    String symbol(String name, boolean mandatory) {
        String v = mandatory ? mandatoryString(name) : optString(name);
        if (v == null) {
            return null;
        }
        if (!matchesSymbol(v)) {
            fail(RestError.illegalChars(name, SYMBOL_RANGE));
            return null;
        }
        return v;
    }

    /** A client order id in Binance's legal range, or null. */
    String clientOrderId(String name) {
        String v = optString(name);
        if (v == null) {
            return null;
        }
        if (v.length() > 36 || !onlyChars(v, true)) {
            fail(RestError.illegalChars(name, CLIENT_ID_RANGE));
            return null;
        }
        return v;
    }

    /** An optional non-negative LONG; {@code Long.MIN_VALUE} when absent or invalid. */
    long optLong(String name) {
        String v = optString(name);
        if (v == null) {
            return Long.MIN_VALUE;
        }
        long parsed = parseUnsignedLong(v);
        if (parsed < 0) {
            fail(RestError.illegalChars(name, LONG_RANGE));
            return Long.MIN_VALUE;
        }
        return parsed;
    }

    /** A mandatory non-negative LONG; {@code Long.MIN_VALUE} when missing or invalid. */
    long mandatoryLong(String name) {
        String v = raw(name);
        if (v == null || v.isEmpty()) {
            fail(RestError.mandatory(name));
            return Long.MIN_VALUE;
        }
        long parsed = parseUnsignedLong(v);
        if (parsed < 0) {
            fail(RestError.illegalChars(name, LONG_RANGE));
            return Long.MIN_VALUE;
        }
        return parsed;
    }

    /** An optional decimal text in Binance's legal range, or null. */
    String optDecimal(String name) {
        String v = optString(name);
        if (v == null) {
            return null;
        }
        if (!isDecimal(v)) {
            fail(RestError.illegalChars(name, DECIMAL_RANGE));
            return null;
        }
        return v;
    }

    /** An optional enum value from {@code allowed}; an unknown value records {@code onUnknown}. */
    String optEnum(String name, RestError onUnknown, String... allowed) {
        String v = optString(name);
        if (v == null) {
            return null;
        }
        for (String a : allowed) {
            if (a.equals(v)) {
                return a;
            }
        }
        fail(onUnknown);
        return null;
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void parseInto(String raw, List<String> queryNames, boolean isQuery) {
        if (raw.isEmpty()) {
            return;
        }
        List<String> sourceNames = new ArrayList<>();
        int start = 0;
        int n = raw.length();
        while (start <= n) {
            int amp = raw.indexOf('&', start);
            int end = amp < 0 ? n : amp;
            if (end > start) {
                int eq = raw.indexOf('=', start);
                String name;
                String value;
                if (eq < 0 || eq > end) {
                    name = decode(raw, start, end);
                    value = "";
                } else {
                    name = decode(raw, start, eq);
                    value = decode(raw, eq + 1, end);
                }
                if (name == null || value == null) {
                    fail(RestError.illegalChars());
                    return;
                }
                if (sourceNames.contains(name)) {
                    fail(RestError.duplicateParameter());
                    return;
                }
                sourceNames.add(name);
                if (isQuery) {
                    queryNames.add(name);
                    add(name, value);
                } else if (!queryNames.contains(name)) {
                    add(name, value);
                }
                if (names.size() > MAX_PARAMETERS) {
                    fail(RestError.tooManyParameters());
                    return;
                }
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
    }

    private void add(String name, String value) {
        names.add(name);
        values.add(value);
    }

    /** Percent-decodes {@code s[from,to)} as UTF-8 ('+' is a space); null when malformed. */
    static String decode(String s, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '+' || c > 0x7e) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return s.substring(from, to);
        }
        byte[] bytes = new byte[(to - from) * 3];
        int k = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes[k++] = ' ';
            } else if (c == '%') {
                if (i + 2 >= to) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes[k++] = (byte) ((hi << 4) | lo);
                i += 2;
            } else if (c < 0x80) {
                bytes[k++] = (byte) c;
            } else {
                byte[] enc = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(enc, 0, bytes, k, enc.length);
                k += enc.length;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, k)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Parses 1 to 18 ASCII digits (larger values cannot be a timestamp or an id here); -1 otherwise. */
    static long parseUnsignedLong(String v) {
        int n = v.length();
        if (n == 0 || n > 18) {
            return -1;
        }
        long r = 0;
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            r = r * 10 + (c - '0');
        }
        return r;
    }

    static boolean isDecimal(String v) {
        int n = v.length();
        int i = 0;
        int intDigits = 0;
        while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            i++;
            intDigits++;
        }
        if (intDigits == 0 || intDigits > 20) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (v.charAt(i) != '.') {
            return false;
        }
        i++;
        int frac = 0;
        while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            i++;
            frac++;
        }
        return i == n && frac >= 1 && frac <= 20;
    }

    static boolean matchesSymbol(String v) {
        int n = v.length();
        if (n == 0 || n > 20) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean onlyChars(String v, boolean allowLower) {
        if (v.isEmpty()) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || (allowLower && (c >= 'a' && c <= 'z' || c == '.' || c == ':' || c == '/'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
