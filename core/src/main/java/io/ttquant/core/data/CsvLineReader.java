package io.ttquant.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines and comma-separated fields over one large reusable buffer:
 * after {@link #next()} the current line's fields are offset ranges into {@link #bytes()}.
 *
 * <p>It never allocates per line (only when a line outgrows the buffer, up to {@link #MAX_LINE}
 * bytes), never decodes text, and knows nothing of quoting: market-data CSV has no quoted fields.
 * A UTF-8 byte-order mark at the start of a stream and a {@code \r} before {@code \n} are dropped.
 */
final class CsvLineReader {
    /** Fields recorded per line; a longer line still reports its true {@link #fieldCount()}. */
    static final int MAX_FIELDS = 32;
    static final int MAX_LINE = 1 << 24;
    private static final int BUFFER_SIZE = 1 << 20;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long COMMAS = 0x2C2C2C2C2C2C2C2CL;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private byte[] buf = new byte[BUFFER_SIZE];
    private final AsciiChars chars = new AsciiChars(buf);
    private final int[] starts = new int[MAX_FIELDS];
    private final int[] ends = new int[MAX_FIELDS];
    private InputStream in;
    private int pos;
    private int limit;
    private boolean eof;
    private int fieldCount;
    private long lineNumber;
    private int lineStart;
    private int lineEnd;

    /** Starts reading {@code input} from its first line. */
    void reset(InputStream input) throws IOException {
        this.in = input;
        pos = 0;
        limit = 0;
        eof = false;
        fieldCount = 0;
        lineNumber = 0;
        while (!eof && limit < 3) {
            fill();
        }
        if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
    }

    /** Loads the next line; false at the end of the stream. */
    boolean next() throws IOException {
        for (;;) {
            final byte[] b = buf;
            final int lim = limit;
            final int[] st = starts;
            final int[] en = ends;
            final int from = pos;
            int i = from;
            int commas = 0;
            st[0] = from;
            // Eight bytes at a time: find the commas and the newline with exact zero-byte masks.
            while (i <= lim - 8) {
                long w = (long) LONGS.get(b, i);
                long m = zeroBytes(w ^ COMMAS) | zeroBytes(w ^ NEWLINES);
                while (m != 0) {
                    int at = i + (Long.numberOfTrailingZeros(m) >>> 3);
                    if (b[at] == '\n') {
                        endLine(from, at, commas);
                        pos = at + 1;
                        return true;
                    }
                    if (commas < MAX_FIELDS - 1) {
                        en[commas] = at;
                        st[commas + 1] = at + 1;
                    }
                    commas++;
                    m &= m - 1;
                }
                i += 8;
            }
            while (i < lim) {
                byte c = b[i];
                if (c == ',') {
                    if (commas < MAX_FIELDS - 1) {
                        en[commas] = i;
                        st[commas + 1] = i + 1;
                    }
                    commas++;
                } else if (c == '\n') {
                    endLine(from, i, commas);
                    pos = i + 1;
                    return true;
                }
                i++;
            }
            if (eof) {
                if (from >= lim) {
                    return false;
                }
                endLine(from, lim, commas);
                pos = lim;
                return true;
            }
            refill();
        }
    }

    /** 0x80 in every byte of {@code x} that is zero, 0 elsewhere (no false positives). */
    private static long zeroBytes(long x) {
        long t = (x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL;
        return ~(t | x | 0x7F7F7F7F7F7F7F7FL);
    }

    private void endLine(int from, int end, int commas) {
        if (end > from && buf[end - 1] == '\r') {
            end--;
        }
        if (commas < MAX_FIELDS) {
            ends[commas] = end;
        }
        fieldCount = commas + 1;
        lineStart = from;
        lineEnd = end;
        lineNumber++;
    }

    private void refill() throws IOException {
        if (pos > 0) {
            int keep = limit - pos;
            System.arraycopy(buf, pos, buf, 0, keep);
            pos = 0;
            limit = keep;
        } else if (limit == buf.length) {
            if (buf.length >= MAX_LINE) {
                throw new LineTooLongException();
            }
            buf = Arrays.copyOf(buf, buf.length * 2);
            chars.bytes = buf;
        }
        fill();
    }

    private void fill() throws IOException {
        int r = in.read(buf, limit, buf.length - limit);
        if (r < 0) {
            eof = true;
        } else {
            limit += r;
        }
    }

    /** The buffer the field offsets refer to; valid until the next {@link #next()}. */
    byte[] bytes() {
        return buf;
    }

    /** The buffer as a {@link CharSequence} indexed by the same offsets. */
    CharSequence chars() {
        return chars;
    }

    /** Number of comma-separated fields on the line (1 for an empty line). */
    int fieldCount() {
        return fieldCount;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    /** 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    /** True when the line holds nothing but spaces. */
    boolean isBlank() {
        for (int i = lineStart; i < lineEnd; i++) {
            if (buf[i] != ' ' && buf[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The field's text, trimmed; allocates, for headers and messages only. */
    String text(int field) {
        return text(starts[field], ends[field]);
    }

    String text(int start, int end) {
        while (start < end && buf[start] == ' ') {
            start++;
        }
        while (end > start && buf[end - 1] == ' ') {
            end--;
        }
        return new String(buf, start, end - start, StandardCharsets.UTF_8);
    }

    /** True when {@code field} equals {@code ascii} ignoring ASCII case and surrounding spaces. */
    boolean fieldEqualsIgnoreCase(int field, String ascii) {
        int s = starts[field];
        int e = ends[field];
        while (s < e && buf[s] == ' ') {
            s++;
        }
        while (e > s && buf[e - 1] == ' ') {
            e--;
        }
        if (e - s != ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            int a = buf[s + i] | 0x20;
            int b = ascii.charAt(i) | 0x20;
            if (a != b) {
                return false;
            }
        }
        return true;
    }

    /** True when the field is empty or spaces only. */
    boolean fieldIsEmpty(int field) {
        for (int i = starts[field]; i < ends[field]; i++) {
            if (buf[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** True when the field looks like a number: digits with an optional sign and decimal point. */
    boolean fieldIsNumeric(int field) {
        int s = starts[field];
        int e = ends[field];
        while (s < e && buf[s] == ' ') {
            s++;
        }
        while (e > s && buf[e - 1] == ' ') {
            e--;
        }
        if (s < e && (buf[s] == '-' || buf[s] == '+')) {
            s++;
        }
        boolean digit = false;
        for (int i = s; i < e; i++) {
            byte c = buf[i];
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.') {
                return false;
            }
        }
        return digit;
    }

    /** Thrown when one line does not fit {@link #MAX_LINE} bytes: the input is not line-oriented CSV. */
    static final class LineTooLongException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LineTooLongException() {
            super("line longer than " + MAX_LINE + " bytes", null, false, false);
        }
    }
}
