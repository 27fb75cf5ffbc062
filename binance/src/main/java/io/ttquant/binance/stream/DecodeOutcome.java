package io.ttquant.binance.stream;

/**
 * What {@link StreamMessageDecoder#decode} made of one message. Every message gets exactly one
 * outcome; only {@link #EVENT} reaches the sink.
 */
public enum DecodeOutcome {
    /** A market-data event was decoded and delivered to the sink. */
    EVENT,
    /** A subscription reply ({@code {"result":...,"id":...}}) or an error reply; nothing delivered. */
    CONTROL,
    /** Not valid JSON, not a JSON object, or a required field is missing. */
    MALFORMED,
    /** Valid JSON but an event type (or shape) this decoder does not handle. */
    UNKNOWN_EVENT,
    /** The symbol is not in the table, is missing, or contradicts the stream name or the expected instrument. */
    UNKNOWN_SYMBOL,
    /** A field has the wrong type, or a number that is not exact at the instrument's scale or out of range. */
    BAD_VALUE
}
