package io.ttquant.transport.codec;

/**
 * What became of one received market data message. Every outcome except {@link #OK} leaves the
 * decoder's events untouched and is counted. An outcome is a value, never an exception.
 */
public enum DecodeOutcome {
    /** Decoded: the event is ready. */
    OK,
    /** The bytes are not valid protobuf: a truncated field, an over-long varint, a bad tag or wire type. */
    MALFORMED,
    /** Valid protobuf with a value the contract forbids: an unknown side, bid or ask arrays of unequal length, a bar interval that is not positive. */
    INVALID_VALUE,
    /** The symbol is missing or the resolver does not know it. */
    UNKNOWN_SYMBOL,
    /** The message's price or quantity scale differs from the instrument's. */
    SCALE_MISMATCH,
    /** The topic is not {@code md.<venue>.<SYMBOL>.<kind>} with a known kind. */
    UNKNOWN_TOPIC
}
