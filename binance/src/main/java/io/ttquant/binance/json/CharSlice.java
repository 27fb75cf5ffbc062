package io.ttquant.binance.json;

/**
 * A reusable view of part of a {@code char[]} as a {@link CharSequence}, so decimal text inside
 * a JSON parser's buffer can be parsed to fixed-point without building a {@code String}.
 *
 * <p>Valid only until the parser moves on; single-threaded; never copies except in
 * {@link #subSequence} and {@link #toString} (error messages).
 */
public final class CharSlice implements CharSequence {
    private char[] chars = new char[0];
    private int offset;
    private int length;

    /** Views {@code chars[offset, offset + length)}; returns this. */
    public CharSlice set(char[] chars, int offset, int length) {
        this.chars = chars;
        this.offset = offset;
        this.length = length;
        return this;
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
        return chars[offset + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(chars, offset + start, end - start);
    }

    @Override
    public String toString() {
        return new String(chars, offset, length);
    }
}
