package io.ttquant.binance.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads compact JSON of a shape the caller already expects, one piece at a time, at a moving
 * position in a {@code byte[]}: a literal, a one-byte field name, a plain string, an unsigned
 * integer, a quoted decimal at a fixed-point scale, a boolean. It exists so a decoder can walk a
 * well-known message once, matching keys and parsing values in the same pass, instead of
 * tokenising it generically.
 *
 * <p>Every read either consumes exactly the piece it names and returns its value, or returns a
 * "not this" value ({@code -1}, false) and leaves the position where it was. It accepts a strict
 * subset of JSON: no whitespace (except after the whole value), no escapes, no exponents, no signs,
 * no leading zeros, at most 18 significant digits. "Not this" therefore never means "invalid JSON"
 * (the text may still be valid, only not in this form): a caller must never turn it into a verdict
 * on the message, only into "read it some other way" (for instance with {@link JsonCursor}).
 * Numbers are exact: a decimal with a non-zero digit beyond the asked scale is "not this", never
 * rounded.
 *
 * <p>Digits, strings and literals are examined eight bytes at a time (little-endian word loads and
 * bit arithmetic) where the slice has room for the load, byte by byte near its end; both give the
 * same answers.
 *
 * <p>Reusable and single-threaded; it must never allocate and never throw for any input.
 */
public final class CompactJsonReader {
    private static final long[] POW10 = new long[19];
    /** Eight ASCII '0' bytes. */
    private static final long ZEROS = 0x3030303030303030L;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;
    /** LOW_BYTES[n]: the lowest n bytes of a long set (the first n bytes of a little-endian load). */
    private static final long[] LOW_BYTES = new long[9];
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        long p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
        for (int n = 0; n < 8; n++) {
            LOW_BYTES[n] = (1L << (n << 3)) - 1;
        }
        LOW_BYTES[8] = -1L;
    }

    private byte[] buf = new byte[0];
    private int pos;
    private int end;
    private int stringStart;
    private int stringEnd;

    /** Starts over on {@code buf[off, off + len)}. */
    public CompactJsonReader reset(byte[] buf, int off, int len) {
        if (off < 0 || len < 0 || off > buf.length - len) {
            throw new IndexOutOfBoundsException("slice " + off + "+" + len + " outside " + buf.length);
        }
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
        return this;
    }

    public int position() {
        return pos;
    }

    /** The end of the slice being read. */
    public int end() {
        return end;
    }

    /** True when nothing but JSON whitespace is left; consumes it. */
    public boolean atEndAfterWhitespace() {
        int p = pos;
        while (p < end) {
            byte c = buf[p];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
            p++;
        }
        pos = p;
        return true;
    }

    /** Consumes {@code b} when it is the next byte. */
    public boolean skip(byte b) {
        if (pos < end && buf[pos] == b) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes {@code literal} when the next bytes are exactly it. */
    public boolean skip(byte[] literal) {
        int n = literal.length;
        int p = pos;
        if (n > end - p) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (buf[p + i] != literal[i]) {
                return false;
            }
        }
        pos = p + n;
        return true;
    }

    /** Consumes {@code literal} when the next bytes are exactly it. */
    public boolean skip(Literal literal) {
        int p = pos;
        if (p + 16 <= end) {
            byte[] b = buf;
            if ((((long) LONG_LE.get(b, p)) & literal.firstMask) != literal.first
                    || (((long) LONG_LE.get(b, p + 8)) & literal.secondMask) != literal.second) {
                return false;
            }
            pos = p + literal.bytes.length;
            return true;
        }
        return skip(literal.bytes);
    }

    /**
     * Moves on inside an object after a value: returns the letter of a following one-letter field
     * ({@code ,"x":}, consumed), 0 for the object's closing brace (consumed), -1 for anything else
     * (nothing consumed).
     */
    public int nextOneLetterField() {
        int p = pos;
        if (p + 8 <= end) {
            long x = (long) LONG_LE.get(buf, p);
            if ((x & 0xFF) == '}') {
                pos = p + 1;
                return 0;
            }
            // Little-endian: ',' '"' letter '"' ':' from the lowest byte up.
            int c = (int) (x >>> 16) & 0xFF;
            int letter = c | 0x20;
            if ((x & 0xFF_FF_00_FF_FFL) != 0x3A_22_00_22_2CL || letter < 'a' || letter > 'z') {
                return -1;
            }
            pos = p + 5;
            return c;
        }
        if (skip((byte) '}')) {
            return 0;
        }
        if (skip((byte) ',')) {
            int c = oneLetterName();
            if (c >= 0) {
                return c;
            }
            pos = p;
        }
        return -1;
    }

    /**
     * Moves on after the last value of an array nested in an array ({@code [[a,b],[c,d]]}): returns
     * 1 for {@code ],[} (consumed: the next inner array's first value follows), 0 for {@code ]]}
     * (consumed: the outer array ended), -1 for anything else (nothing consumed).
     */
    public int nextInnerArray() {
        int p = pos;
        int e = end;
        byte[] b = buf;
        if (p + 3 > e || b[p] != ']') {
            return -1;
        }
        byte c = b[p + 1];
        if (c == ']') {
            pos = p + 2;
            return 0;
        }
        if (c != ',' || b[p + 2] != '[') {
            return -1;
        }
        pos = p + 3;
        return 1;
    }

    /**
     * Reads a one-letter field name with its colon ({@code "x":}) and returns the letter, an ASCII
     * {@code A-Z} or {@code a-z}; -1 for anything else.
     */
    public int oneLetterName() {
        int p = pos;
        if (p + 4 > end) {
            return -1;
        }
        byte[] b = buf;
        int c = b[p + 1];
        int letter = c | 0x20;
        if (b[p] != '"' || b[p + 2] != '"' || b[p + 3] != ':' || letter < 'a' || letter > 'z') {
            return -1;
        }
        pos = p + 4;
        return c;
    }

    /**
     * Reads a string without escapes or raw control bytes ({@code "..."}, other bytes, UTF-8
     * included, taken as they are). Returns false when the next value is not such a string; on
     * success {@link #stringStart()} and {@link #stringEnd()} give its content.
     */
    public boolean string() {
        int p = pos;
        if (p >= end || buf[p] != '"') {
            return false;
        }
        int i = p + 1;
        byte[] b = buf;
        int e = end;
        // Eight bytes at a time to the first quote, backslash or control byte.
        while (i + 8 <= e) {
            long x = (long) LONG_LE.get(b, i);
            long stops = matches(x, QUOTES) | matches(x, BACKSLASHES) | ((x - SPACES) & ~x & HIGH_BITS);
            if (stops != 0) {
                i += Long.numberOfTrailingZeros(stops) >>> 3;
                if (b[i] == '"') {
                    stringStart = p + 1;
                    stringEnd = i;
                    pos = i + 1;
                    return true;
                }
                return false;
            }
            i += 8;
        }
        while (i < e) {
            byte c = b[i];
            if (c == '"') {
                stringStart = p + 1;
                stringEnd = i;
                pos = i + 1;
                return true;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                return false;
            }
            i++;
        }
        return false;
    }

    /** Content start of the last {@link #string()}. */
    public int stringStart() {
        return stringStart;
    }

    /** Content end of the last {@link #string()} (the offset of its closing quote). */
    public int stringEnd() {
        return stringEnd;
    }

    /**
     * Reads an unsigned integer of 1 to 18 digits without leading zeros; -1 otherwise. Only the
     * digits are consumed: the caller must check that what follows ends the number (a comma or a
     * closing bracket, not a fraction or an exponent).
     */
    public long unsignedLong() {
        int p = pos;
        byte[] b = buf;
        if (p + 16 <= end) {
            // Eight digits at a time: ids and millisecond times have 9 to 13.
            long x = (long) LONG_LE.get(b, p);
            int n = digitCount(x);
            if (n == 0 || (n > 1 && b[p] == '0')) {
                return -1;
            }
            if (n < 8) {
                pos = p + n;
                return digitsValue(x, n);
            }
            long y = (long) LONG_LE.get(b, p + 8);
            int m = digitCount(y);
            if (m < 8) {
                pos = p + 8 + m;
                long high = digitsValue(x, 8);
                return m == 0 ? high : high * POW10[m] + digitsValue(y, m);
            }
        }
        return unsignedLongBytewise();
    }

    private long unsignedLongBytewise() {
        int p = pos;
        int e = Math.min(end, p + 19);
        byte[] b = buf;
        long v = 0;
        int i = p;
        while (i < e) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            v = v * 10 + d;
            i++;
        }
        int digits = i - p;
        if (digits == 0 || digits > 18 || (digits > 1 && b[p] == '0')) {
            return -1;
        }
        pos = i;
        return v;
    }

    /**
     * Reads a quoted non-negative decimal ({@code "61837.63000000"}) as a raw value at
     * {@code scale} (0 to 18): zeros beyond the scale are accepted, any other digit there, a
     * value needing more than 18 digits at the scale, a sign, an exponent or anything that is not
     * a plain decimal gives -1.
     */
    public long quotedDecimal(int scale) {
        int p = pos;
        int e = end;
        byte[] b = buf;
        if (p >= e || b[p] != '"' || scale < 0 || scale > 18) {
            return -1;
        }
        int start = p + 1;
        if (start + 16 <= e && scale <= 8) {
            long v = windowDecimal(b, start, scale);
            if (v >= 0) {
                return v;
            }
        }
        // Eight bytes at a time for the usual shape: up to 7 integer digits, up to 8 decimals, scale
        // up to 8. Anything else, or too close to the end to load, goes byte by byte.
        if (start + 8 <= e && scale <= 8) {
            long x = (long) LONG_LE.get(b, start);
            int intDigits = digitCount(x);
            if (intDigits == 0 || (intDigits > 1 && b[start] == '0')) {
                return -1;
            }
            if (intDigits < 8) {
                long integer = digitsValue(x, intDigits) * POW10[scale];
                int i = start + intDigits;
                byte c = b[i];
                if (c == '"') {
                    pos = i + 1;
                    return integer;
                }
                int f = i + 1;
                if (c == '.' && f + 8 <= e) {
                    long y = (long) LONG_LE.get(b, f);
                    int decimals = digitCount(y);
                    int q = f + decimals;
                    if (decimals > 0 && q < e && b[q] == '"') {
                        int taken = Math.min(decimals, scale);
                        // The decimals beyond the scale must all be '0'.
                        if (((y ^ ZEROS) & LOW_BYTES[decimals] & ~LOW_BYTES[taken]) != 0) {
                            return -1;
                        }
                        pos = q + 1;
                        return taken == 0 ? integer : integer + digitsValue(y, taken) * POW10[scale - taken];
                    }
                }
            }
        }
        return quotedDecimalBytewise(scale);
    }

    /**
     * The decimal starting at {@code start} when it and its closing quote lie within the 16 bytes
     * there, with up to 7 integer digits and any decimals beyond {@code scale} (at most 8) zero; else
     * -1 and the caller reads it another way. Both words are loaded up front and the digits, the
     * point and the quote are found in them with bit arithmetic; the integer digits and the
     * significant decimals are usually converted as one number of up to 8 digits.
     */
    private long windowDecimal(byte[] b, int start, int scale) {
        long x = (long) LONG_LE.get(b, start);
        long y = (long) LONG_LE.get(b, start + 8);
        int intDigits = digitCount(x);
        if (intDigits == 0 || intDigits == 8 || (intDigits > 1 && (x & 0xFF) == '0')) {
            return -1;
        }
        int shift = intDigits << 3;
        long after = (x >>> shift) & 0xFF;
        if (after == '"') {
            pos = start + intDigits + 1;
            return digitsValue(x, intDigits) * POW10[scale];
        }
        if (after != '.') {
            return -1;
        }
        // The eight bytes after the point, taken from both words.
        long z = ((x >>> 8) >>> shift) | (y << (56 - shift));
        int decimals = digitCount(z);
        int quoteAt = intDigits + 1 + decimals;
        if (decimals == 0 || quoteAt >= 16) {
            return -1;
        }
        long quote = (quoteAt < 8 ? x >>> (quoteAt << 3) : y >>> ((quoteAt - 8) << 3)) & 0xFF;
        // Significant decimals: up to the last one that is not '0'; all of them must lie within the scale.
        long notZero = (z ^ ZEROS) & LOW_BYTES[decimals];
        int significant = 8 - (Long.numberOfLeadingZeros(notZero) >>> 3);
        if (quote != '"' || significant > scale) {
            return -1;
        }
        pos = start + quoteAt + 1;
        if (significant == 0) {
            return digitsValue(x, intDigits) * POW10[scale];
        }
        int digits = intDigits + significant;
        if (digits <= 8) {
            // Integer digits and significant decimals side by side, read as one number.
            long joined = (x & LOW_BYTES[intDigits]) | ((z & LOW_BYTES[significant]) << shift);
            return digitsValue(joined, digits) * POW10[scale - significant];
        }
        return digitsValue(x, intDigits) * POW10[scale] + digitsValue(z, significant) * POW10[scale - significant];
    }

    private long quotedDecimalBytewise(int scale) {
        int p = pos;
        int e = end;
        byte[] b = buf;
        int start = p + 1;
        int i = start;
        long v = 0;
        // At most 18 - scale integer digits can fit; one more is read to see that there are too many.
        int intLimit = Math.min(e, start + 19 - scale);
        while (i < intLimit) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            v = v * 10 + d;
            i++;
        }
        int intDigits = i - start;
        if (intDigits == 0 || intDigits + scale > 18 || (intDigits > 1 && b[start] == '0')) {
            return -1;
        }
        int taken = 0;
        if (i < e && b[i] == '.') {
            int fracStart = ++i;
            while (i < e) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                if (taken < scale) {
                    v = v * 10 + d;
                    taken++;
                } else if (d != 0) {
                    return -1;
                }
                i++;
            }
            if (i == fracStart) {
                return -1;
            }
        }
        if (i >= e || b[i] != '"') {
            return -1;
        }
        pos = i + 1;
        return v * POW10[scale - taken];
    }

    /**
     * How many of the 8 bytes in {@code x} (first byte lowest) are ASCII digits before the first
     * byte that is not. A byte's test only looks at that byte and the carry out of the one before,
     * and a carry only comes out of a non-digit, so the count is exact.
     */
    static int digitCount(long x) {
        long high = x & 0xF0F0F0F0F0F0F0F0L;
        long shifted = (x + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L;
        long notDigit = (high ^ ZEROS) | (shifted ^ ZEROS);
        return Long.numberOfTrailingZeros(notDigit) >>> 3;
    }

    /**
     * The high bit of each byte of {@code x} equal to the byte repeated in {@code pattern}. Bytes
     * after a match may be flagged wrongly (a borrow), never before it, so the lowest flag is exact.
     */
    private static long matches(long x, long pattern) {
        long v = x ^ pattern;
        return (v - ONES) & ~v & HIGH_BITS;
    }

    /** The number written by the first {@code n} (1 to 8) bytes of {@code x}, all ASCII digits. */
    static long digitsValue(long x, int n) {
        // Digits to the top, zeros (leading zeros of the number) below; then pairs, quads, octets.
        long d = (x - ZEROS) << ((8 - n) << 3);
        d = (d * 10 + (d >>> 8)) & 0x00FF00FF00FF00FFL;
        d = (d * 100 + (d >>> 16)) & 0x0000FFFF0000FFFFL;
        return (d * 10000 + (d >>> 32)) & 0xFFFFFFFFL;
    }

    /** Reads {@code true} (1) or {@code false} (0); -1 for anything else. */
    public int bool() {
        int p = pos;
        int e = end;
        byte[] b = buf;
        if (p + 4 <= e && b[p] == 't' && b[p + 1] == 'r' && b[p + 2] == 'u' && b[p + 3] == 'e') {
            pos = p + 4;
            return 1;
        }
        if (p + 5 <= e && b[p] == 'f' && b[p + 1] == 'a' && b[p + 2] == 'l' && b[p + 3] == 's' && b[p + 4] == 'e') {
            pos = p + 5;
            return 0;
        }
        return -1;
    }

    /**
     * Skips a scalar of the simple kinds: a string as {@link #string()} reads it, an unsigned
     * integer as {@link #unsignedLong()} reads it, {@code true}, {@code false} or {@code null}.
     * Returns false (position unchanged) for anything else, containers included.
     */
    public boolean skipScalar() {
        if (pos >= end) {
            return false;
        }
        byte c = buf[pos];
        if (c == '"') {
            return string();
        }
        if (c >= '0' && c <= '9') {
            return unsignedLong() >= 0;
        }
        if (c == 'n') {
            int p = pos;
            if (p + 4 <= end && buf[p + 1] == 'u' && buf[p + 2] == 'l' && buf[p + 3] == 'l') {
                pos = p + 4;
                return true;
            }
            return false;
        }
        return bool() >= 0;
    }

    /**
     * A fixed ASCII sequence of 1 to 16 bytes prepared for {@link #skip(Literal)}, which compares it
     * as two words. Immutable.
     */
    public static final class Literal {
        private final byte[] bytes;
        private final long first;
        private final long firstMask;
        private final long second;
        private final long secondMask;

        public Literal(String ascii) {
            bytes = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            int n = bytes.length;
            if (n < 1 || n > 16) {
                throw new IllegalArgumentException("a literal has 1 to 16 bytes: " + ascii);
            }
            byte[] padded = java.util.Arrays.copyOf(bytes, 16);
            first = (long) LONG_LE.get(padded, 0);
            second = (long) LONG_LE.get(padded, 8);
            firstMask = LOW_BYTES[Math.min(n, 8)];
            secondMask = n > 8 ? LOW_BYTES[n - 8] : 0;
        }

        public int length() {
            return bytes.length;
        }
    }
}
