package io.ttquant.store.writer;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link MarketDataRecorder} queues, batches, retries and shuts down, checked once by
 * {@link Builder#build()} (a bad value is refused with a one-line reason). Immutable.
 *
 * <p>Memory: the queues are preallocated, about 60 bytes per trade or quote slot, 80 per bar and
 * 40 + 32 x depth per book snapshot; the defaults (1M trades, 512K quotes, 16K bars, 4K snapshots
 * of 20 levels) take about 100 MB. A batch holds up to {@link #batchRows()} rows per stream.
 */
public final class RecorderConfig {
    private final int tradeQueue;
    private final int quoteQueue;
    private final int barQueue;
    private final int bookQueue;
    private final int bookDepth;
    private final int batchRows;
    private final long flushIntervalNanos;
    private final long retryInitialNanos;
    private final long retryMaxNanos;
    private final long shutdownTimeoutNanos;
    private final long dropLogIntervalNanos;
    private final long idleNanos;
    private final DropPolicy dropPolicy;

    private RecorderConfig(Builder b) {
        this.tradeQueue = b.tradeQueue;
        this.quoteQueue = b.quoteQueue;
        this.barQueue = b.barQueue;
        this.bookQueue = b.bookQueue;
        this.bookDepth = b.bookDepth;
        this.batchRows = b.batchRows;
        this.flushIntervalNanos = b.flushInterval.toNanos();
        this.retryInitialNanos = b.retryInitial.toNanos();
        this.retryMaxNanos = b.retryMax.toNanos();
        this.shutdownTimeoutNanos = b.shutdownTimeout.toNanos();
        this.dropLogIntervalNanos = b.dropLogInterval.toNanos();
        this.idleNanos = b.idle.toNanos();
        this.dropPolicy = b.dropPolicy;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static RecorderConfig defaults() {
        return builder().build();
    }

    /** Queue capacity (rows, a power of two) of a stream. */
    public int queueCapacity(RecordedStream stream) {
        return switch (stream) {
            case TRADES -> tradeQueue;
            case QUOTES -> quoteQueue;
            case BARS -> barQueue;
            case BOOK_SNAPSHOTS -> bookQueue;
        };
    }

    /** Rows per batch of a stream: {@link #batchRows()}, but never more than its queue holds. */
    public int batchRows(RecordedStream stream) {
        return Math.min(batchRows, queueCapacity(stream));
    }

    /** Levels per side kept in a book snapshot. */
    public int bookDepth() {
        return bookDepth;
    }

    /** A batch this full is written at once. */
    public int batchRows() {
        return batchRows;
    }

    /** A non-empty batch is written once its oldest row has waited this long. */
    public long flushIntervalNanos() {
        return flushIntervalNanos;
    }

    /** First wait after a retryable failure; it doubles up to {@link #retryMaxNanos()}. */
    public long retryInitialNanos() {
        return retryInitialNanos;
    }

    public long retryMaxNanos() {
        return retryMaxNanos;
    }

    /** How long {@code close()} keeps retrying before counting what is left as dropped. */
    public long shutdownTimeoutNanos() {
        return shutdownTimeoutNanos;
    }

    /** While rows are being dropped, a progress line at most this often. */
    public long dropLogIntervalNanos() {
        return dropLogIntervalNanos;
    }

    /** The writer's longest wait when idle (rows are picked up at least this often). */
    public long idleNanos() {
        return idleNanos;
    }

    public DropPolicy dropPolicy() {
        return dropPolicy;
    }

    @Override
    public String toString() {
        return "queues trades " + tradeQueue + " quotes " + quoteQueue + " bars " + barQueue + " books " + bookQueue
                + "x" + bookDepth + ", batch " + batchRows + " rows or " + flushIntervalNanos / 1_000_000 + " ms, retry "
                + retryInitialNanos / 1_000_000 + ".." + retryMaxNanos / 1_000_000 + " ms, shutdown "
                + shutdownTimeoutNanos / 1_000_000 + " ms, " + dropPolicy;
    }

    /** Collects the settings; {@link #build()} checks them. */
    public static final class Builder {
        private int tradeQueue = 1 << 20;
        private int quoteQueue = 1 << 19;
        private int barQueue = 1 << 14;
        private int bookQueue = 1 << 12;
        private int bookDepth = 20;
        private int batchRows = 10_000;
        private Duration flushInterval = Duration.ofMillis(200);
        private Duration retryInitial = Duration.ofMillis(100);
        private Duration retryMax = Duration.ofSeconds(5);
        private Duration shutdownTimeout = Duration.ofSeconds(10);
        private Duration dropLogInterval = Duration.ofSeconds(10);
        private Duration idle = Duration.ofMillis(5);
        private DropPolicy dropPolicy = DropPolicy.DROP_NEWEST;

        /** Queue capacities in rows (powers of two). */
        public Builder queues(int trades, int quotes, int bars, int bookSnapshots) {
            this.tradeQueue = trades;
            this.quoteQueue = quotes;
            this.barQueue = bars;
            this.bookQueue = bookSnapshots;
            return this;
        }

        public Builder bookDepth(int levels) {
            this.bookDepth = levels;
            return this;
        }

        public Builder batchRows(int rows) {
            this.batchRows = rows;
            return this;
        }

        public Builder flushInterval(Duration d) {
            this.flushInterval = d;
            return this;
        }

        public Builder retry(Duration initial, Duration max) {
            this.retryInitial = initial;
            this.retryMax = max;
            return this;
        }

        public Builder shutdownTimeout(Duration d) {
            this.shutdownTimeout = d;
            return this;
        }

        public Builder dropLogInterval(Duration d) {
            this.dropLogInterval = d;
            return this;
        }

        public Builder idle(Duration d) {
            this.idle = d;
            return this;
        }

        public Builder dropPolicy(DropPolicy p) {
            this.dropPolicy = p;
            return this;
        }

        public RecorderConfig build() {
            queue("trade", tradeQueue);
            queue("quote", quoteQueue);
            queue("bar", barQueue);
            queue("book snapshot", bookQueue);
            if (bookDepth < 1 || bookDepth > 5_000) {
                throw new IllegalArgumentException("book snapshot depth must be 1..5000 levels, got " + bookDepth);
            }
            if ((long) bookQueue * bookDepth > (1 << 26)) {
                throw new IllegalArgumentException("book snapshot queue x depth must be at most 2^26 levels, got "
                        + bookQueue + " x " + bookDepth);
            }
            if (batchRows < 1 || batchRows > 1_000_000) {
                throw new IllegalArgumentException("batch size must be 1..1000000 rows, got " + batchRows);
            }
            positive("flush interval", flushInterval);
            positive("first retry wait", retryInitial);
            positive("longest retry wait", retryMax);
            if (retryMax.compareTo(retryInitial) < 0) {
                throw new IllegalArgumentException("longest retry wait must be >= the first one");
            }
            Objects.requireNonNull(shutdownTimeout, "shutdown timeout");
            if (shutdownTimeout.isNegative()) {
                throw new IllegalArgumentException("shutdown timeout must be >= 0");
            }
            positive("drop log interval", dropLogInterval);
            positive("idle wait", idle);
            Objects.requireNonNull(dropPolicy, "drop policy");
            return new RecorderConfig(this);
        }

        private static void queue(String what, int capacity) {
            if (capacity < 2 || capacity > (1 << 26) || Integer.bitCount(capacity) != 1) {
                throw new IllegalArgumentException(what + " queue capacity must be a power of two in 2..2^26, got " + capacity);
            }
        }

        private static void positive(String what, Duration d) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
        }
    }
}
