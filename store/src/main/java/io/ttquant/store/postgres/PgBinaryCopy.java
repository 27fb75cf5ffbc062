package io.ttquant.store.postgres;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Encodes rows in PostgreSQL's binary COPY format into one reused byte buffer and streams it to a
 * {@link CopyIn} in chunks: header, then per row a field count and per field a length (-1 = NULL)
 * and the value in network byte order, then the trailer. Writes nothing per row but bytes into the
 * buffer (timestamps as µs since 2000-01-01, text as single bytes of validated ASCII).
 *
 * <p>Not thread-safe: one per writer, guarded by its owner. Never builds SQL from values.
 */
final class PgBinaryCopy {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** "PGCOPY\n\377\r\n\0", flags 0, header extension length 0. */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    /** Element type of BIGINT[] (int8). */
    private static final int INT8_OID = 20;

    private final int flushAt;
    private byte[] buf;
    private int pos;
    private CopyIn out;

    /** @param chunkBytes bytes sent per round of the stream; the buffer grows beyond it only for one huge row */
    PgBinaryCopy(int chunkBytes) {
        this.flushAt = chunkBytes;
        this.buf = new byte[chunkBytes + 4096];
    }

    void begin(CopyIn out) {
        this.out = out;
        pos = 0;
        System.arraycopy(HEADER, 0, buf, 0, HEADER.length);
        pos = HEADER.length;
    }

    /** Starts a row of {@code fields} fields taking at most {@code maxBytes} (field headers included). */
    void row(int fields, int maxBytes) throws SQLException {
        if (pos + maxBytes + 2 > flushAt) {
            flush();
        }
        ensure(maxBytes + 2);
        SHORT.set(buf, pos, (short) fields);
        pos += 2;
    }

    void int2(int v) {
        INT.set(buf, pos, 2);
        SHORT.set(buf, pos + 4, (short) v);
        pos += 6;
    }

    void int4(int v) {
        INT.set(buf, pos, 4);
        INT.set(buf, pos + 4, v);
        pos += 8;
    }

    void int8(long v) {
        INT.set(buf, pos, 8);
        LONG.set(buf, pos + 4, v);
        pos += 12;
    }

    /** A timestamptz from epoch nanoseconds (truncated to the microsecond). */
    void timestamp(long epochNanos) {
        int8(PgTime.toPgMicros(epochNanos));
    }

    /** A nullable timestamptz: NULL for 0 (not known), else as {@link #timestamp(long)}. */
    void optionalTimestamp(long epochNanos) {
        if (epochNanos == 0) {
            nullField();
        } else {
            timestamp(epochNanos);
        }
    }

    void nullField() {
        INT.set(buf, pos, -1);
        pos += 4;
    }

    /** A text field from an ASCII string (validated by the caller): one byte per char. */
    void ascii(String s) {
        int n = s.length();
        INT.set(buf, pos, n);
        int p = pos + 4;
        for (int i = 0; i < n; i++) {
            buf[p + i] = (byte) s.charAt(i);
        }
        pos = p + n;
    }

    /** A one-character text field (CHAR(1)). */
    void char1(byte c) {
        INT.set(buf, pos, 1);
        buf[pos + 4] = c;
        pos += 5;
    }

    /** Starts a one-dimensional BIGINT[] of n elements (no NULLs); follow with n {@link #int8Element} calls. */
    void int8Array(int n) {
        if (n == 0) {
            INT.set(buf, pos, 12);
            INT.set(buf, pos + 4, 0);
            INT.set(buf, pos + 8, 0);
            INT.set(buf, pos + 12, INT8_OID);
            pos += 16;
            return;
        }
        INT.set(buf, pos, 20 + 12 * n);
        INT.set(buf, pos + 4, 1);
        INT.set(buf, pos + 8, 0);
        INT.set(buf, pos + 12, INT8_OID);
        INT.set(buf, pos + 16, n);
        INT.set(buf, pos + 20, 1);
        pos += 24;
    }

    void int8Element(long v) {
        int8(v);
    }

    /** Bytes a BIGINT[] field of n elements takes, its length word included. */
    static int int8ArrayBytes(int n) {
        return 4 + 20 + 12 * n;
    }

    /** Writes the trailer, sends the rest and ends the COPY; returns the rows the server took. */
    long end() throws SQLException {
        ensure(2);
        SHORT.set(buf, pos, (short) -1);
        pos += 2;
        flush();
        CopyIn in = out;
        out = null;
        return in.endCopy();
    }

    /** Cancels a COPY that failed half way, so the connection can go back to the pool. */
    void abort() {
        CopyIn in = out;
        out = null;
        pos = 0;
        if (in != null && in.isActive()) {
            try {
                in.cancelCopy();
            } catch (SQLException ignored) {
                // the connection is broken or the server already ended the COPY: nothing to cancel
            }
        }
    }

    private void flush() throws SQLException {
        if (pos > 0) {
            out.writeToCopy(buf, 0, pos);
            pos = 0;
        }
    }

    private void ensure(int bytes) {
        if (pos + bytes > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + bytes));
        }
    }
}
