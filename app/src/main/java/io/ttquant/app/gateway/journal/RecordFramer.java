package io.ttquant.app.gateway.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The frame around every record: body length (int32), type code (int16), the body, then CRC32C of
 * type and body (int32), all little endian. Writes into a caller's buffer without allocating.
 * One instance per thread (it holds its checksum state).
 */
final class RecordFramer {
    /** Length and type. */
    static final int HEADER = 6;
    /** The checksum. */
    static final int TRAILER = 4;
    /** The largest body any record can have; a longer length field is damage. */
    static final int MAX_BODY = 4096;
    static final int MAX_FRAME = HEADER + MAX_BODY + TRAILER;

    private final CRC32C crc = new CRC32C();

    /**
     * Frames {@code r} at the buffer's position (which must leave {@link #MAX_FRAME} bytes) and
     * leaves the position after it; returns the frame's size.
     */
    int frame(JournalRecord r, ByteBuffer buf) {
        int start = buf.position();
        if (buf.limit() - start < MAX_FRAME) {
            throw new IllegalStateException("frame buffer too small");
        }
        buf.position(start + HEADER);
        r.encode(buf);
        int bodyEnd = buf.position();
        int bodyLength = bodyEnd - start - HEADER;
        if (bodyLength > MAX_BODY) {
            throw new IllegalStateException(r.type() + " body of " + bodyLength + " bytes exceeds " + MAX_BODY);
        }
        buf.putInt(start, bodyLength);
        buf.putShort(start + 4, r.type().code());
        int limit = buf.limit();
        buf.position(start + 4).limit(bodyEnd);
        crc.reset();
        crc.update(buf);
        buf.limit(limit);
        buf.putInt((int) crc.getValue());
        return buf.position() - start;
    }

    /** CRC32C of {@code length} bytes of {@code a} from {@code offset}. */
    int checksum(byte[] a, int offset, int length) {
        crc.reset();
        crc.update(a, offset, length);
        return (int) crc.getValue();
    }
}
