package io.ttquant.store.writer;

import java.util.HashSet;
import java.util.Set;

/**
 * Logs a non-retryable write failure once per distinct (stream, message): a broken batch repeated
 * a thousand times must not flood the log, and a new kind of failure must not go unseen. Keeps at
 * most {@link #MAX_DISTINCT} messages; past that, one line says further ones are only counted.
 * Writer thread only.
 */
final class FailureLog {
    static final int MAX_DISTINCT = 100;

    private final RecorderLog log;
    private final Set<String> seen = new HashSet<>();
    private boolean full;

    FailureLog(RecorderLog log) {
        this.log = log;
    }

    /** Returns true when this call logged. */
    boolean failed(RecordedStream stream, int rows, String message) {
        String key = stream.label() + '\u0000' + message;
        if (seen.contains(key)) {
            return false;
        }
        if (seen.size() >= MAX_DISTINCT) {
            if (!full) {
                full = true;
                log.warn("market data recorder: " + MAX_DISTINCT
                        + " distinct write failures logged; further ones are only counted (ttquant_store_write_errors_total)");
            }
            return false;
        }
        seen.add(key);
        log.warn("market data recorder: " + rows + " " + stream.label() + " rows not written to " + stream.table()
                + " (non-retryable, counted as failed): " + message
                + "; further failures with this message are only counted");
        return true;
    }
}
