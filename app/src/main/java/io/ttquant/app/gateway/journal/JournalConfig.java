package io.ttquant.app.gateway.journal;

import io.ttquant.core.time.Clock;
import io.ttquant.core.time.SystemEpochClock;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * How an {@link OrderJournal} is kept: its directory, segment size, sync policy, how long terminal
 * orders and fill ids stay inside the idempotency window, where compaction runs, the clock (for
 * group-commit deadlines and sync latency) and an observer. Checked once by {@link Builder#build()},
 * which refuses a bad value with a message. Immutable.
 */
public final class JournalConfig {
    /** Where compaction (replaying closed segments into a snapshot) runs. */
    public enum Compaction {
        /** On a daemon thread of the journal's own: the writer never waits for it. */
        BACKGROUND,
        /** On the appending thread when a segment closes: deterministic, for tests and tools. */
        INLINE
    }

    /** Smallest segment accepted: room for a few of the largest records. */
    public static final long MIN_SEGMENT_BYTES = 16 * 1024;

    private final Path directory;
    private final long segmentBytes;
    private final SyncPolicy syncPolicy;
    private final long idempotencyWindowNanos;
    private final Compaction compaction;
    private final Clock clock;
    private final JournalObserver observer;
    private final LongSupplier compactionWatermark;

    private JournalConfig(Builder b) {
        this.directory = b.directory;
        this.segmentBytes = b.segmentBytes;
        this.syncPolicy = b.syncPolicy;
        this.idempotencyWindowNanos = b.idempotencyWindowNanos;
        this.compaction = b.compaction;
        this.clock = b.clock;
        this.observer = b.observer;
        this.compactionWatermark = b.compactionWatermark;
    }

    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    public Path directory() {
        return directory;
    }

    /** A segment is closed (and compaction starts) once it holds this many bytes. */
    public long segmentBytes() {
        return segmentBytes;
    }

    public SyncPolicy syncPolicy() {
        return syncPolicy;
    }

    /** Terminal orders and applied fill ids are kept this long after their last record ({@code Long.MAX_VALUE}: forever). */
    public long idempotencyWindowNanos() {
        return idempotencyWindowNanos;
    }

    public Compaction compaction() {
        return compaction;
    }

    public Clock clock() {
        return clock;
    }

    public JournalObserver observer() {
        return observer;
    }

    /**
     * How far a reader of the journal (the store exporter) has taken its records, or null: compaction
     * then folds only segments that end at or below it into a snapshot, so no record is compacted
     * away before it was exported. Null (the default): compaction is not held back.
     */
    public LongSupplier compactionWatermark() {
        return compactionWatermark;
    }

    @Override
    public String toString() {
        return "journal " + directory + ", segments of " + segmentBytes + " bytes, sync " + syncPolicy + ", window "
                + (idempotencyWindowNanos == Long.MAX_VALUE ? "forever" : idempotencyWindowNanos / 1_000_000_000L + " s")
                + ", compaction " + compaction.name().toLowerCase();
    }

    /** Builds a {@link JournalConfig}; defaults: 64 MiB segments, sync every record, 24 h window, background compaction, the system clock. */
    public static final class Builder {
        private final Path directory;
        private long segmentBytes = 64L * 1024 * 1024;
        private SyncPolicy syncPolicy = SyncPolicy.everyRecord();
        private long idempotencyWindowNanos = 24L * 3600 * 1_000_000_000L;
        private Compaction compaction = Compaction.BACKGROUND;
        private Clock clock = SystemEpochClock.instance();
        private JournalObserver observer = JournalObserver.NONE;
        private LongSupplier compactionWatermark;

        private Builder(Path directory) {
            this.directory = directory;
        }

        public Builder segmentBytes(long bytes) {
            this.segmentBytes = bytes;
            return this;
        }

        public Builder syncPolicy(SyncPolicy policy) {
            this.syncPolicy = policy;
            return this;
        }

        public Builder idempotencyWindowNanos(long nanos) {
            this.idempotencyWindowNanos = nanos;
            return this;
        }

        public Builder compaction(Compaction compaction) {
            this.compaction = compaction;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder observer(JournalObserver observer) {
            this.observer = observer;
            return this;
        }

        /**
         * Holds compaction back to segments ending at or below the journal position this supplier
         * returns (read from the compactor's thread: it must be thread-safe and quick); null: none.
         */
        public Builder compactionWatermark(LongSupplier exportedUpTo) {
            this.compactionWatermark = exportedUpTo;
            return this;
        }

        /** Checks every value; throws {@link IllegalArgumentException} naming the first bad one. */
        public JournalConfig build() {
            if (directory == null) {
                throw new IllegalArgumentException("journal directory missing");
            }
            if (segmentBytes < MIN_SEGMENT_BYTES) {
                throw new IllegalArgumentException("journal segment size " + segmentBytes + " below " + MIN_SEGMENT_BYTES + " bytes");
            }
            if (syncPolicy == null || compaction == null || clock == null || observer == null) {
                throw new IllegalArgumentException("journal sync policy, compaction, clock and observer are required");
            }
            if (idempotencyWindowNanos < 0) {
                throw new IllegalArgumentException("journal idempotency window must not be negative");
            }
            return new JournalConfig(this);
        }
    }
}
