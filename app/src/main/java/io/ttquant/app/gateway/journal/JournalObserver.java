package io.ttquant.app.gateway.journal;

/**
 * Told about the journal's syncs and compactions, for metrics and logs. {@link #onSync} runs on
 * the writer's thread, right after the fsync; {@link #onCompaction} on the thread that compacted
 * (the background compactor's, unless compaction is inline). Both must be quick and never throw.
 */
public interface JournalObserver {
    JournalObserver NONE = new JournalObserver() {
    };

    /** A sync made {@code records} records durable in {@code latencyNanos}. */
    default void onSync(long latencyNanos, int records) {
    }

    /** A compaction up to {@code coveredSegment} finished; {@code error} is null when it succeeded. */
    default void onCompaction(long coveredSegment, JournalError error) {
    }
}
