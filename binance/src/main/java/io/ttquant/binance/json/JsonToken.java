package io.ttquant.binance.json;

/**
 * The kind of token a {@link JsonCursor} stands on. {@link #END} follows the single root value;
 * {@link #ERROR} means the text is not valid JSON and is sticky until the next reset.
 */
public enum JsonToken {
    START_OBJECT,
    END_OBJECT,
    START_ARRAY,
    END_ARRAY,
    FIELD_NAME,
    STRING,
    NUMBER,
    TRUE,
    FALSE,
    NULL,
    END,
    ERROR
}
