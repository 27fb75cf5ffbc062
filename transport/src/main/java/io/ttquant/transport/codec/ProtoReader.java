package io.ttquant.transport.codec;

/**
 * Reads Protocol Buffers wire format from a byte-array slice. Bad input raises the
 * {@link #failed()} flag, after which the reader returns zeros. Bad input is a varint longer
 * than ten bytes, a length or fixed field running past the end, field number 0, an unmatched
 * end-group tag, wire type 6 or 7, or text that is not UTF-8. The reader never throws for bad
 * input and never allocates.
 *
 * <p>It accepts and rejects exactly what protobuf-java's parser does for the fields it reads.
 * Varints take up to ten bytes, and bits beyond 64 are ignored. Tags and lengths are the low
 * 32 bits of their varint. Unknown groups are skipped, nested up to
 * {@value #MAX_GROUP_DEPTH} deep.
 */
final class ProtoReader {
    static final int WIRE_START_GROUP = 3;
    static final int WIRE_END_GROUP = 4;
    static final int WIRE_FIXED32 = 5;
    static final int MAX_GROUP_DEPTH = 100;

    private byte[] buf;
    private int pos;
    private int limit;
    private boolean failed;

    void wrap(byte[] buffer, int offset, int length) {
        this.buf = buffer;
        this.pos = offset;
        this.limit = offset + length;
        this.failed = false;
    }

    boolean hasMore() {
        return !failed && pos < limit;
    }

    boolean failed() {
        return failed;
    }

    /** Raises the failed flag: the caller found the bytes inconsistent. */
    void fail() {
        failed = true;
    }

    int position() {
        return pos;
    }

    /** Moves to {@code offset}, the end of a length-delimited field that was read. */
    void seek(int offset) {
        pos = offset;
    }

    /** The next tag (field number and wire type), or 0 with the failed flag raised. */
    int readTag() {
        int tag = (int) readVarint();
        if (failed || (tag >>> 3) == 0) {
            failed = true;
            return 0;
        }
        return tag;
    }

    long readVarint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= limit) {
                failed = true;
                return 0;
            }
            byte b = buf[pos++];
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        failed = true;
        return 0;
    }

    long readFixed64() {
        if (limit - pos < 8) {
            failed = true;
            pos = limit;
            return 0;
        }
        long v = (buf[pos] & 0xFFL)
                | (buf[pos + 1] & 0xFFL) << 8
                | (buf[pos + 2] & 0xFFL) << 16
                | (buf[pos + 3] & 0xFFL) << 24
                | (buf[pos + 4] & 0xFFL) << 32
                | (buf[pos + 5] & 0xFFL) << 40
                | (buf[pos + 6] & 0xFFL) << 48
                | (buf[pos + 7] & 0xFFL) << 56;
        pos += 8;
        return v;
    }

    /**
     * Reads a length prefix and returns the end offset of the field's bytes, leaving the position
     * at their start; raises the failed flag when they run past the end.
     */
    int readLengthDelimitedEnd() {
        int length = (int) readVarint();
        if (failed || length < 0 || length > limit - pos) {
            failed = true;
            return pos;
        }
        return pos + length;
    }

    /** Reads a string field's bytes and returns their end offset; the failed flag when they are not UTF-8. */
    int readStringEnd() {
        int end = readLengthDelimitedEnd();
        if (!failed && !Utf8.isValid(buf, pos, end)) {
            failed = true;
        }
        return end;
    }

    /** Skips the value of a field with this tag's wire type (an unknown field). */
    void skipField(int tag) {
        skipField(tag, 0);
    }

    private void skipField(int tag, int depth) {
        switch (tag & 7) {
            case ProtoWriter.WIRE_VARINT:
                readVarint();
                break;
            case ProtoWriter.WIRE_FIXED64:
                readFixed64();
                break;
            case ProtoWriter.WIRE_LENGTH_DELIMITED:
                pos = readLengthDelimitedEnd();
                break;
            case WIRE_START_GROUP:
                skipGroup(tag >>> 3, depth + 1);
                break;
            case WIRE_FIXED32:
                if (limit - pos < 4) {
                    failed = true;
                } else {
                    pos += 4;
                }
                break;
            default:
                // An end-group tag outside its group, or wire type 6 or 7.
                failed = true;
        }
    }

    private void skipGroup(int field, int depth) {
        if (depth > MAX_GROUP_DEPTH) {
            failed = true;
            return;
        }
        while (!failed) {
            int tag = readTag();
            if (failed) {
                return;
            }
            if ((tag & 7) == WIRE_END_GROUP) {
                if ((tag >>> 3) != field) {
                    failed = true;
                }
                return;
            }
            skipField(tag, depth);
        }
    }
}
