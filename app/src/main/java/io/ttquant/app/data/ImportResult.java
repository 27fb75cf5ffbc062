package io.ttquant.app.data;

/**
 * What importing one file did: rows written, bad rows skipped, the time range covered (trade times,
 * or bar open times), the old trade rows that range replaced, and how long it took.
 *
 * @param rows      rows written (trades or bars)
 * @param firstNanos time of the first row written, 0 when none
 * @param lastNanos  time of the last row written, 0 when none
 * @param replaced  trade rows of the same symbol and range deleted first (0 for bars, which are upserted)
 */
public record ImportResult(String file, String symbol, String kind, long rows, long skipped, long firstNanos,
                           long lastNanos, long replaced, long elapsedNanos) {
    /** Rows written per second of the import's wall time. */
    public double rowsPerSecond() {
        return rows / (Math.max(elapsedNanos, 1) / 1e9);
    }
}
