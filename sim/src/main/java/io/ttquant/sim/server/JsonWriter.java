package io.ttquant.sim.server;

import io.ttquant.core.num.Fixed;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A hand-written JSON writer into a growable UTF-8 byte buffer, for every response and stream
 * event the simulator sends. Commas are placed automatically; decimals are written the way Binance
 * spot prints them (a quoted string with exactly eight decimals, {@code "61837.63000000"}) straight
 * from a scaled long, without allocating.
 *
 * <p>One writer is reused by its owning thread ({@link #reset()} between documents). It never
 * uses reflection, never validates nesting (the callers are the only producers of structure), and
 * must never be shared between threads.
 */
public final class JsonWriter {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final long[] POW10 = new long[19];
    private static final byte[] DIGIT_TENS = new byte[100];
    private static final byte[] DIGIT_ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_TENS[i] = (byte) ('0' + i / 10);
            DIGIT_ONES[i] = (byte) ('0' + i % 10);
        }
        long p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private byte[] buf;
    private int len;
    private boolean needComma;

    public JsonWriter() {
        this(1024);
    }

    public JsonWriter(int initialCapacity) {
        buf = new byte[Math.max(64, initialCapacity)];
    }

    /** Empties the buffer for the next document. */
    public JsonWriter reset() {
        len = 0;
        needComma = false;
        return this;
    }

    public int size() {
        return len;
    }

    /** The internal buffer; only the first {@link #size()} bytes are meaningful. */
    public byte[] buffer() {
        return buf;
    }

    /** A copy of the document written so far. */
    public byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }

    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    public JsonWriter beginObject() {
        comma();
        put((byte) '{');
        needComma = false;
        return this;
    }

    public JsonWriter endObject() {
        put((byte) '}');
        needComma = true;
        return this;
    }

    public JsonWriter beginArray() {
        comma();
        put((byte) '[');
        needComma = false;
        return this;
    }

    public JsonWriter endArray() {
        put((byte) ']');
        needComma = true;
        return this;
    }

    /** Writes a member name; the next value call writes its value. */
    public JsonWriter name(String name) {
        comma();
        writeQuoted(name);
        put((byte) ':');
        needComma = false;
        return this;
    }

    public JsonWriter value(long v) {
        comma();
        writeLong(v);
        needComma = true;
        return this;
    }

    public JsonWriter value(boolean v) {
        comma();
        put(v ? TRUE : FALSE);
        needComma = true;
        return this;
    }

    /** A string value, or {@code null} when {@code v} is null. */
    public JsonWriter value(String v) {
        comma();
        if (v == null) {
            put(NULL);
        } else {
            writeQuoted(v);
        }
        needComma = true;
        return this;
    }

    public JsonWriter nullValue() {
        comma();
        put(NULL);
        needComma = true;
        return this;
    }

    /** A quoted decimal with exactly eight decimals: {@code raw / 10^scale}. */
    public JsonWriter decimal8(long raw, int scale) {
        comma();
        put((byte) '"');
        writeDecimal(raw, scale, 8);
        put((byte) '"');
        needComma = true;
        return this;
    }

    /** A quoted decimal with exactly {@code decimals} decimals (rounded half-up when fewer than scale). */
    public JsonWriter decimal(long raw, int scale, int decimals) {
        comma();
        put((byte) '"');
        writeDecimal(raw, scale, decimals);
        put((byte) '"');
        needComma = true;
        return this;
    }

    /** Pre-encoded JSON (an object, array or scalar) as the next value. */
    public JsonWriter rawValue(byte[] json, int offset, int length) {
        comma();
        ensure(length);
        System.arraycopy(json, offset, buf, len, length);
        len += length;
        needComma = true;
        return this;
    }

    public JsonWriter field(String name, long v) {
        return name(name).value(v);
    }

    public JsonWriter field(String name, boolean v) {
        return name(name).value(v);
    }

    public JsonWriter field(String name, String v) {
        return name(name).value(v);
    }

    public JsonWriter fieldDecimal8(String name, long raw, int scale) {
        return name(name).decimal8(raw, scale);
    }

    private void comma() {
        if (needComma) {
            put((byte) ',');
        }
    }

    private void writeLong(long v) {
        ensure(20);
        if (v == Long.MIN_VALUE) {
            put("-9223372036854775808".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        writeDigits(v, 0);
    }

    /**
     * Writes the digits of a non-negative {@code v}, left-padded with zeros to {@code minDigits}:
     * two digits per division from a table, and int arithmetic once the value fits an int.
     */
    private void writeDigits(long v, int minDigits) {
        int digits = 1;
        while (digits < 19 && v >= POW10[digits]) {
            digits++;
        }
        int n = Math.max(digits, minDigits);
        ensure(n);
        int end = len + n;
        int i = end;
        while (v > Integer.MAX_VALUE) {
            long q = v / 100;
            int r = (int) (v - q * 100);
            buf[--i] = DIGIT_ONES[r];
            buf[--i] = DIGIT_TENS[r];
            v = q;
        }
        int iv = (int) v;
        while (iv >= 100) {
            int q = iv / 100;
            int r = iv - q * 100;
            buf[--i] = DIGIT_ONES[r];
            buf[--i] = DIGIT_TENS[r];
            iv = q;
        }
        if (iv >= 10) {
            buf[--i] = DIGIT_ONES[iv];
            buf[--i] = DIGIT_TENS[iv];
        } else {
            buf[--i] = (byte) ('0' + iv);
        }
        while (i > len) {
            buf[--i] = '0';
        }
        len = end;
    }

    private void writeDecimal(long raw, int scale, int decimals) {
        if (scale < 0 || scale > 18 || decimals < 0 || decimals > 18) {
            throw new IllegalArgumentException("scale/decimals out of range: " + scale + "/" + decimals);
        }
        long value;
        if (scale <= decimals) {
            long mul = POW10[decimals - scale];
            long hi = Math.multiplyHigh(raw, mul);
            long lo = raw * mul;
            if ((hi != 0 || lo < 0) && (hi != -1 || lo >= 0)) {
                writeDecimalSlow(raw, scale, decimals);
                return;
            }
            value = lo;
        } else {
            value = Fixed.divideRoundHalfUp(raw, POW10[scale - decimals]);
        }
        if (value == Long.MIN_VALUE) {
            writeDecimalSlow(raw, scale, decimals);
            return;
        }
        if (value < 0) {
            put((byte) '-');
            value = -value;
        }
        long unit = POW10[decimals];
        writeDigits(value / unit, 1);
        if (decimals > 0) {
            put((byte) '.');
            writeDigits(value % unit, decimals);
        }
    }

    private void writeDecimalSlow(long raw, int scale, int decimals) {
        String s = BigDecimal.valueOf(raw, scale).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
        put(s.getBytes(StandardCharsets.US_ASCII));
    }

    private void writeQuoted(String s) {
        int n = s.length();
        // at most six bytes per char (a six-byte unicode escape; UTF-8 needs at most three), so the loop needs no check
        ensure(6 * n + 2);
        buf[len++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                buf[len++] = (byte) c;
            } else {
                writeEscaped(s, i, c);
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                }
            }
        }
        put((byte) '"');
    }

    private void writeEscaped(String s, int i, char c) {
        ensure(12);
        switch (c) {
            case '"' -> {
                buf[len++] = '\\';
                buf[len++] = '"';
            }
            case '\\' -> {
                buf[len++] = '\\';
                buf[len++] = '\\';
            }
            case '\n' -> {
                buf[len++] = '\\';
                buf[len++] = 'n';
            }
            case '\r' -> {
                buf[len++] = '\\';
                buf[len++] = 'r';
            }
            case '\t' -> {
                buf[len++] = '\\';
                buf[len++] = 't';
            }
            default -> {
                if (c < 0x20 || c == 0x7f) {
                    buf[len++] = '\\';
                    buf[len++] = 'u';
                    buf[len++] = '0';
                    buf[len++] = '0';
                    buf[len++] = HEX[(c >> 4) & 0xf];
                    buf[len++] = HEX[c & 0xf];
                } else if (c < 0x800) {
                    buf[len++] = (byte) (0xc0 | (c >> 6));
                    buf[len++] = (byte) (0x80 | (c & 0x3f));
                } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(i + 1));
                    buf[len++] = (byte) (0xf0 | (cp >> 18));
                    buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    buf[len++] = (byte) (0x80 | (cp & 0x3f));
                } else if (Character.isSurrogate(c)) {
                    // A lone surrogate is not valid UTF-8: write the replacement character's escape.
                    buf[len++] = '\\';
                    buf[len++] = 'u';
                    buf[len++] = 'f';
                    buf[len++] = 'f';
                    buf[len++] = 'f';
                    buf[len++] = 'd';
                } else {
                    buf[len++] = (byte) (0xe0 | (c >> 12));
                    buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                    buf[len++] = (byte) (0x80 | (c & 0x3f));
                }
            }
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            int cap = Math.max(buf.length * 2, len + extra);
            buf = Arrays.copyOf(buf, cap);
        }
    }
}
