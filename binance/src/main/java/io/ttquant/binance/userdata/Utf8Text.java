package io.ttquant.binance.userdata;

import java.nio.charset.StandardCharsets;

/**
 * A short text field of a user data event (a client order id, an asset, a reject reason) held as
 * UTF-8 bytes in a buffer of fixed capacity, so decoding a message never builds a {@code String}.
 * JSON {@code null} is kept apart from the empty string ({@link #isNull()}).
 *
 * <p>Owned by the event that holds it and overwritten by the next message: copy it
 * ({@link #toString()}, {@link #copyTo}) to keep it. Comparing ({@link #contentEquals}) never
 * allocates for ASCII text; only {@link #toString()} does.
 */
public final class Utf8Text {
    /** Longest text accepted, in UTF-8 bytes; Binance's ids are at most 36 characters. */
    public static final int CAPACITY = 128;

    static final int TOO_LONG = -1;
    static final int BAD_ESCAPE = -2;

    private final byte[] bytes = new byte[CAPACITY];
    private final byte[] scratchForCompare = new byte[4];
    private int length;
    private boolean isNull = true;

    Utf8Text() {
    }

    /** Length in UTF-8 bytes (equal to the character count for ASCII text); 0 for null. */
    public int length() {
        return length;
    }

    /** True when the field was JSON {@code null} (or absent where that is allowed). */
    public boolean isNull() {
        return isNull;
    }

    public byte byteAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return bytes[index];
    }

    /** True when the text equals {@code s} (compared in UTF-8); a null text equals nothing. */
    public boolean contentEquals(CharSequence s) {
        if (isNull || s == null) {
            return false;
        }
        int at = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (at >= length || bytes[at++] != (byte) c) {
                    return false;
                }
                continue;
            }
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(++i));
            }
            int w = encode(cp, scratchForCompare, 0);
            if (w < 0 || at + w > length) {
                return false;
            }
            for (int k = 0; k < w; k++) {
                if (bytes[at++] != scratchForCompare[k]) {
                    return false;
                }
            }
        }
        return at == length;
    }

    /** Copies the bytes into {@code dst} from {@code offset}; returns the number copied. */
    public int copyTo(byte[] dst, int offset) {
        System.arraycopy(bytes, 0, dst, offset, length);
        return length;
    }

    /** The text as a {@code String} (allocates), {@code "null"} for JSON null. */
    @Override
    public String toString() {
        return isNull ? "null" : new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    void setNull() {
        isNull = true;
        length = 0;
    }

    /**
     * Sets the text from the raw content of a JSON string ({@code src[from, to)}, between the
     * quotes), decoding escapes when {@code escaped}. Returns the length, {@link #TOO_LONG} or
     * {@link #BAD_ESCAPE} (an escape that is not valid UTF-16, such as a lone surrogate).
     */
    int set(byte[] src, int from, int to, boolean escaped) {
        isNull = false;
        length = 0;
        if (!escaped) {
            int n = to - from;
            if (n > CAPACITY) {
                return TOO_LONG;
            }
            System.arraycopy(src, from, bytes, 0, n);
            length = n;
            return n;
        }
        int out = 0;
        int i = from;
        while (i < to) {
            byte b = src[i];
            if (b != '\\') {
                if (out == CAPACITY) {
                    return TOO_LONG;
                }
                bytes[out++] = b;
                i++;
                continue;
            }
            if (i + 1 >= to) {
                return BAD_ESCAPE;
            }
            byte e = src[i + 1];
            i += 2;
            int cp;
            switch (e) {
                case '"', '\\', '/' -> cp = e;
                case 'b' -> cp = '\b';
                case 'f' -> cp = '\f';
                case 'n' -> cp = '\n';
                case 'r' -> cp = '\r';
                case 't' -> cp = '\t';
                case 'u' -> {
                    int u = hex4(src, i, to);
                    if (u < 0) {
                        return BAD_ESCAPE;
                    }
                    i += 4;
                    if (Character.isHighSurrogate((char) u)) {
                        int low = i + 6 <= to && src[i] == '\\' && src[i + 1] == 'u' ? hex4(src, i + 2, to) : -1;
                        if (low < 0 || !Character.isLowSurrogate((char) low)) {
                            return BAD_ESCAPE;
                        }
                        i += 6;
                        cp = Character.toCodePoint((char) u, (char) low);
                    } else if (Character.isLowSurrogate((char) u)) {
                        return BAD_ESCAPE;
                    } else {
                        cp = u;
                    }
                }
                default -> {
                    return BAD_ESCAPE;
                }
            }
            if (out + utf8Length(cp) > CAPACITY) {
                return TOO_LONG;
            }
            out += encode(cp, bytes, out);
        }
        length = out;
        return out;
    }

    private static int hex4(byte[] src, int at, int to) {
        if (at + 4 > to) {
            return -1;
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(src[at + k], 16);
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    /** Writes {@code cp} as UTF-8 at {@code dst[at]}; returns the bytes written, -1 for a lone surrogate. */
    private static int encode(int cp, byte[] dst, int at) {
        if (cp < 0x80) {
            dst[at] = (byte) cp;
            return 1;
        }
        if (cp < 0x800) {
            dst[at] = (byte) (0xC0 | (cp >> 6));
            dst[at + 1] = (byte) (0x80 | (cp & 0x3F));
            return 2;
        }
        if (cp < 0x10000) {
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                return -1;
            }
            dst[at] = (byte) (0xE0 | (cp >> 12));
            dst[at + 1] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            dst[at + 2] = (byte) (0x80 | (cp & 0x3F));
            return 3;
        }
        dst[at] = (byte) (0xF0 | (cp >> 18));
        dst[at + 1] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        dst[at + 2] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        dst[at + 3] = (byte) (0x80 | (cp & 0x3F));
        return 4;
    }
}
