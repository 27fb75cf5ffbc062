package io.ttquant.app.gateway.journal;

import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * The journal's test helpers for tests outside this package (the store exporter's): a journal
 * opened with inline compaction, a manual clock and small segments, and the seeded
 * {@link TradingWorkload} that writes gateway activity into it. It holds no assertions.
 */
public final class JournalWorkloads {
    /** One millisecond, the workload's step. */
    public static final long MS = 1_000_000L;

    private final TradingWorkload workload;
    private long steps;

    /** A seeded stream of orders, states, fills (some reported twice), unknown and resolved orders, kill switch and strategy states. */
    public JournalWorkloads(long seed) {
        this.workload = new TradingWorkload(seed, 40, MS);
    }

    /** Writes {@code count} steps of gateway activity and syncs. */
    public void write(OrderJournal journal, int count) {
        for (int i = 0; i < count; i++) {
            workload.step(journal);
        }
        steps += count;
        journal.sync();
    }

    /** Steps written so far. */
    public long steps() {
        return steps;
    }

    /** Orders submitted so far. */
    public long submitted() {
        return workload.submitted;
    }

    /**
     * Opens (or reopens) a journal in {@code dir}: inline compaction, sync on request, segments of
     * {@code segmentBytes}, a window of forever, compaction held back by {@code watermark} (null: not).
     */
    public static OrderJournal open(Path dir, long segmentBytes, LongSupplier watermark) {
        return JournalFixture.open(JournalFixture.config(dir).segmentBytes(segmentBytes).compactionWatermark(watermark).build());
    }
}
