package io.ttquant.core.data;

/**
 * A market-data file that cannot be read as its format says: a bad row under
 * {@link BadRowPolicy#FAIL}, a missing header, corrupt compressed data. The message is always
 * {@code FILE:LINE: reason} (line 0 means the file as a whole), so a user can open the file at the
 * right place.
 *
 * <p>It reports bad input; it must never be used for programming errors or for I/O failures of a
 * readable file (those are {@link java.io.UncheckedIOException}).
 */
public final class MarketDataFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String reason;

    public MarketDataFormatException(String file, long line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public MarketDataFormatException(String file, long line, String reason, Throwable cause) {
        super(file + ":" + line + ": " + reason, cause);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    /** The file name (without its directory). */
    public String file() {
        return file;
    }

    /** The 1-based line number in the (decompressed) file; 0 for the file as a whole. */
    public long line() {
        return line;
    }

    /** The reason alone, without file and line. */
    public String reason() {
        return reason;
    }
}
