package io.ttquant.app.gateway.journal;

/**
 * When the journal forces what it appended to disk (fsync). {@link #everyRecord()} is the live
 * venue's: an order is durable before it leaves for the venue. {@link #groupCommit} trades a
 * bounded loss window for throughput (paper trading): at most N records or M microseconds pass
 * between syncs. {@link #onRequest()} syncs only when asked (and when a segment is closed), for
 * tools and tests that sync themselves. Immutable.
 */
public final class SyncPolicy {
    private static final SyncPolicy EVERY_RECORD = new SyncPolicy(1, 0, "every record");
    private static final SyncPolicy ON_REQUEST = new SyncPolicy(Integer.MAX_VALUE, Long.MAX_VALUE, "on request");

    private final int maxRecords;
    private final long maxDelayNanos;
    private final String description;

    private SyncPolicy(int maxRecords, long maxDelayNanos, String description) {
        this.maxRecords = maxRecords;
        this.maxDelayNanos = maxDelayNanos;
        this.description = description;
    }

    /** Sync after every record: append returns only once the record is on disk. */
    public static SyncPolicy everyRecord() {
        return EVERY_RECORD;
    }

    /** Sync once {@code maxRecords} records wait, or the oldest waiting record is {@code maxMicros} old. */
    public static SyncPolicy groupCommit(int maxRecords, long maxMicros) {
        if (maxRecords < 1 || maxMicros < 0) {
            throw new IllegalArgumentException("group commit needs at least 1 record and a non-negative delay");
        }
        return new SyncPolicy(maxRecords, Math.multiplyExact(maxMicros, 1_000L),
                "group commit (" + maxRecords + " records / " + maxMicros + " us)");
    }

    /** Sync only on {@link OrderJournal#sync()} and when a segment is closed. */
    public static SyncPolicy onRequest() {
        return ON_REQUEST;
    }

    /** True when {@code waiting} unsynced records, the oldest {@code oldestAgeNanos} old, must be synced now. */
    boolean due(int waiting, long oldestAgeNanos) {
        return waiting >= maxRecords || (waiting > 0 && oldestAgeNanos >= maxDelayNanos);
    }

    /** Whether the age of waiting records matters (the journal then reads its clock on append). */
    boolean timed() {
        return maxRecords > 1 && maxDelayNanos != Long.MAX_VALUE;
    }

    public boolean syncsEveryRecord() {
        return maxRecords == 1;
    }

    @Override
    public String toString() {
        return description;
    }
}
