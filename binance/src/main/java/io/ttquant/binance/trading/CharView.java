package io.ttquant.binance.trading;

/**
 * A reusable {@link CharSequence} over part of a {@code char[]}, so a decimal in the JSON
 * parser's buffer becomes a fixed-point long without building a {@code String}.
 *
 * <p>Valid until the parser moves on; single-threaded. Copies only in {@link #subSequence} and
 * {@link #toString} (error messages).
 */
final class CharView implements CharSequence {
    private char[] chars = new char[0];
    private int offset;
    private int length;

    CharView set(char[] chars, int offset, int length) {
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
