package io.ttquant.binance.userdata;

/** Why {@link UserDataDecoder} skipped a message; each reason has its own counter in {@link UserDataStats}. */
public enum SkipReason {
    /** Valid JSON with an event type ({@code e}) this decoder does not read, such as {@code listStatus}. */
    UNKNOWN_EVENT_TYPE,
    /** Not valid JSON (truncated, bad syntax, trailing data). */
    INVALID_JSON,
    /** Valid JSON but not an object with a string {@code e}: not an event. */
    NOT_AN_EVENT,
    /** A field the event requires is absent. */
    MISSING_FIELD,
    /** A field has the wrong JSON type (a string where a boolean belongs, an object where a number does). */
    WRONG_TYPE,
    /** A number that is not exact at its scale, is out of range, or is negative where it cannot be. */
    BAD_NUMBER,
    /** A name ({@code S}, {@code o}, {@code f}, {@code x}, {@code X}) that is not one of Binance's values. */
    UNKNOWN_ENUM_VALUE,
    /** The symbol is not one of the instruments the decoder was given. */
    UNKNOWN_SYMBOL,
    /** A text field longer than {@link Utf8Text#CAPACITY} bytes, or with an invalid escape. */
    BAD_TEXT,
    /** More balances than {@link AccountPositionEvent#MAX_BALANCES}. */
    TOO_MANY_BALANCES
}
