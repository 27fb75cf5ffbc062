package io.ttquant.core.data;

import java.nio.charset.StandardCharsets;

/**
 * A {@link CharSequence} over a byte buffer, one byte per char, so that
 * {@link io.ttquant.core.num.Fixed#parse(CharSequence, int, int, int, boolean)} can read a field in
 * place. Indexes are buffer offsets. It must never copy the buffer; only {@link #subSequence} and
 * {@link #toString} allocate, and those are for error messages.
 */
final class AsciiChars implements CharSequence {
    byte[] bytes;

    AsciiChars(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int length() {
        return bytes.length;
    }

    @Override
    public char charAt(int index) {
        return (char) (bytes[index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
