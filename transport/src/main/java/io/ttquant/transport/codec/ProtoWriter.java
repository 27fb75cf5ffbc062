package io.ttquant.transport.codec;

/**
 * Writes Protocol Buffers wire format into a byte array: tags, varints, little-endian fixed64
 * and length-delimited fields, in the encoding protobuf-java uses. Like proto3, the field writers
 * leave out fields that hold their default value (0, false, empty). Written this way, a
 * message is byte-for-byte what the generated classes produce when fields go in number order.
 *
 * <p>The caller makes sure the array is large enough ({@link #MAX_VARINT_BYTES} per varint).
 * The writer never checks bounds on its own and never allocates.
 */
final class ProtoWriter {
    static final int WIRE_VARINT = 0;
    static final int WIRE_FIXED64 = 1;
    static final int WIRE_LENGTH_DELIMITED = 2;
    static final int MAX_VARINT_BYTES = 10;

    private byte[] buf;
    private int pos;

    void wrap(byte[] buffer, int offset) {
        this.buf = buffer;
        this.pos = offset;
    }

    int position() {
        return pos;
    }

    void int64Field(int field, long value) {
        if (value != 0) {
            tag(field, WIRE_VARINT);
            varint(value);
        }
    }

    /** An int32 field: negative values are sign-extended to ten bytes, as the protobuf spec requires. */
    void int32Field(int field, int value) {
        int64Field(field, value);
    }

    void boolField(int field, boolean value) {
        if (value) {
            tag(field, WIRE_VARINT);
            buf[pos++] = 1;
        }
    }

    void sfixed64Field(int field, long value) {
        if (value != 0) {
            tag(field, WIRE_FIXED64);
            fixed64(value);
        }
    }

    void bytesField(int field, byte[] value) {
        if (value.length > 0) {
            tag(field, WIRE_LENGTH_DELIMITED);
            varint(value.length);
            System.arraycopy(value, 0, buf, pos, value.length);
            pos += value.length;
        }
    }

    /** A packed repeated int64 field of {@code values[0, count)}; nothing when count is 0. */
    void packedInt64Field(int field, long[] values, int count) {
        if (count == 0) {
            return;
        }
        int size = 0;
        for (int i = 0; i < count; i++) {
            size += varintSize(values[i]);
        }
        tag(field, WIRE_LENGTH_DELIMITED);
        varint(size);
        for (int i = 0; i < count; i++) {
            varint(values[i]);
        }
    }

    void tag(int field, int wireType) {
        varint((field << 3) | wireType);
    }

    void varint(long value) {
        while ((value & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buf[pos++] = (byte) value;
    }

    void fixed64(long value) {
        buf[pos++] = (byte) value;
        buf[pos++] = (byte) (value >>> 8);
        buf[pos++] = (byte) (value >>> 16);
        buf[pos++] = (byte) (value >>> 24);
        buf[pos++] = (byte) (value >>> 32);
        buf[pos++] = (byte) (value >>> 40);
        buf[pos++] = (byte) (value >>> 48);
        buf[pos++] = (byte) (value >>> 56);
    }

    /** Bytes the varint encoding of {@code value} takes: 1 to 10. */
    static int varintSize(long value) {
        // 64 significant bits at most, 7 per byte; 0 still takes one byte.
        int bits = 64 - Long.numberOfLeadingZeros(value | 1);
        return (bits + 6) / 7;
    }
}
