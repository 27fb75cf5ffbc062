package io.ttquant.app.gateway.journal;

import java.nio.charset.StandardCharsets;

/**
 * A reusable ASCII text over a fixed byte array: lets a record carry an id copied out of an order
 * without creating a String per record. Single-threaded; its content changes with the next
 * {@link #setLength} after a copy into {@link #bytes()}. Never holds more than its capacity.
 */
final class AsciiText implements CharSequence {
    private final byte[] bytes;
    private int length;

    AsciiText(int capacity) {
        this.bytes = new byte[capacity];
    }

    /** The backing array, to copy into before {@link #setLength}. */
    byte[] bytes() {
        return bytes;
    }

    void setLength(int length) {
        if (length < 0 || length > bytes.length) {
            throw new IllegalArgumentException("text length " + length + " outside 0.." + bytes.length);
        }
        this.length = length;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (char) (bytes[index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().subSequence(start, end);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }
}
