package io.ttquant.core.data;

/**
 * Told about every row skipped under {@link BadRowPolicy#SKIP}, e.g. to print the first few reasons.
 * Called on the reader's thread, only for bad rows; it must never throw or block for long.
 */
@FunctionalInterface
public interface SkippedRowListener {
    void onSkippedRow(String file, long line, String reason);
}
