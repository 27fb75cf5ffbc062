package io.ttquant.core.data;

/**
 * What a file reader does with a row it cannot use (wrong column count, a value that is not a
 * number, a price finer than the tick, an impossible bar, a row earlier than the one before it).
 *
 * <p>Neither policy ever lets a bad row through as an event.
 */
public enum BadRowPolicy {
    /** Stop with a {@link MarketDataFormatException} naming the file and line. The default. */
    FAIL,
    /** Count the row in {@link MarketDataSource#skippedRows()}, tell the optional listener, and go on. */
    SKIP
}
