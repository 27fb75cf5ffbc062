package io.ttquant.core.data;

/**
 * Internal signal from a row parser that the current row is bad, carrying the reason; the reader
 * turns it into a {@link MarketDataFormatException} or a skipped row. It has no stack trace (it is
 * control flow for bad input) and must never escape the package.
 */
final class BadRowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRowException(String reason) {
        super(reason, null, false, false);
    }
}
