package io.ttquant.binance.json;

/** Why a {@link JsonCursor} stopped with {@link JsonToken#ERROR}; {@link #NONE} while the text is fine. */
public enum JsonError {
    NONE,
    /** The text ended inside a value, a string or a container. */
    TRUNCATED,
    /** A byte that cannot start or continue anything at that place. */
    UNEXPECTED_BYTE,
    /** An unknown escape, a short or non-hex {@code \\u} escape, or a raw control character in a string. */
    BAD_STRING,
    /** A number that breaks JSON's grammar (leading zero, lone sign, missing digits). */
    BAD_NUMBER,
    /** Something starting like {@code true}, {@code false} or {@code null} that is not. */
    BAD_LITERAL,
    /** Containers nested deeper than {@link JsonCursor#MAX_DEPTH}. */
    TOO_DEEP,
    /** Anything but whitespace after the root value. */
    TRAILING_DATA
}
