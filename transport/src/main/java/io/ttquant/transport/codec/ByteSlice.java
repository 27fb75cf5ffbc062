package io.ttquant.transport.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A view of {@code length} bytes of someone else's array from {@code offset}: a string field as it
 * sits in a received frame, or a name kept in a pre-registered table. It copies nothing and is
 * valid only as long as the array it points into holds those bytes; a holder that keeps the bytes
 * copies them. Reused, never shared between threads. {@link #toString()} allocates: for tests and
 * messages, never the hot path.
 */
public final class ByteSlice {
    private static final byte[] EMPTY = new byte[0];

    private byte[] bytes = EMPTY;
    private int offset;
    private int length;

    /** Points at {@code bytes[offset, offset + length)}. */
    public ByteSlice set(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        return this;
    }

    /** Points at the whole array. */
    public ByteSlice set(byte[] bytes) {
        return set(bytes, 0, bytes.length);
    }

    /** Points where {@code other} points. */
    public ByteSlice set(ByteSlice other) {
        return set(other.bytes, other.offset, other.length);
    }

    /** Points at nothing: an empty string. */
    public ByteSlice clear() {
        return set(EMPTY, 0, 0);
    }

    public byte[] bytes() {
        return bytes;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    public byte byteAt(int index) {
        return bytes[offset + index];
    }

    /** Whether the viewed bytes equal all of {@code other}. */
    public boolean contentEquals(byte[] other) {
        return Arrays.equals(bytes, offset, offset + length, other, 0, other.length);
    }

    /** The viewed bytes decoded as UTF-8 (allocates). */
    @Override
    public String toString() {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
}
