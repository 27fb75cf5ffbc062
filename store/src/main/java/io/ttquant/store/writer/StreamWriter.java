package io.ttquant.store.writer;

import io.ttquant.store.MarketDataStore;
import io.ttquant.store.StoreException;
import java.util.function.LongSupplier;

/**
 * The writer side of one stream: moves queued rows into the batch and writes the batch when it is
 * full, when its oldest row has waited the flush interval, when a flush asks for it, or while
 * shutting down. A retryable failure keeps the batch (same rows, same order, nothing written
 * twice: a store writes a batch whole or not at all) and retries after a back-off that doubles up
 * to its maximum; a non-retryable one counts the batch's rows as failed, logs the reason once and
 * goes on.
 *
 * <p>The age of a row is measured from when the writer first saw it (took it into the batch, or
 * found it queued behind a full batch), at most one idle wait after it was offered: the feed
 * thread never reads a clock for the recorder.
 * Writer thread only, except {@link #requestFlush} and {@link #completed}.
 */
final class StreamWriter {
    private final StreamRing<?> ring;
    private final RecordedStream stream;
    private final MarketDataStore store;
    private final RecorderStats stats;
    private final FailureLog failures;
    private final RecorderLog log;
    private final LongSupplier clock;
    private final long flushIntervalNanos;
    private final long retryInitialNanos;
    private final long retryMaxNanos;

    private static final long NONE = Long.MIN_VALUE;

    /** When the writer first held the batch's oldest row. */
    private long oldestRowNanos;
    /** Since when rows have been waiting in the queue behind a full batch (NONE: they are not). */
    private long backlogSince = NONE;
    private boolean retrying;
    private long retryDelayNanos;
    private long nextAttemptNanos;
    private long failedAttempts;
    private long episodeStartNanos;
    /** Rows taken from the queue and finished with: written, failed, or given up at shutdown. */
    private volatile long completed;
    /** A flush wants every row before this queue position finished. */
    private volatile long flushTarget;

    StreamWriter(StreamRing<?> ring, MarketDataStore store, RecorderStats stats, FailureLog failures, RecorderLog log,
                 LongSupplier clock, RecorderConfig config) {
        this.ring = ring;
        this.stream = ring.stream;
        this.store = store;
        this.stats = stats;
        this.failures = failures;
        this.log = log;
        this.clock = clock;
        this.flushIntervalNanos = config.flushIntervalNanos();
        this.retryInitialNanos = config.retryInitialNanos();
        this.retryMaxNanos = config.retryMaxNanos();
        this.retryDelayNanos = retryInitialNanos;
    }

    /** One step: take queued rows, write the batch if due. Returns the work done (0 when idle). */
    int doWork(long now, boolean closing) {
        int work = 0;
        if (!ring.batchFull()) {
            boolean wasEmpty = ring.batchSize() == 0;
            int moved = ring.drainToBatch();
            if (moved > 0 && wasEmpty) {
                oldestRowNanos = backlogSince == NONE ? now : backlogSince;
                backlogSince = NONE;
            }
            work += moved;
        }
        if (backlogSince == NONE && ring.batchFull() && ring.depth() > 0) {
            backlogSince = now;
        }
        int size = ring.batchSize();
        if (size == 0 || retrying && now - nextAttemptNanos < 0) {
            return work;
        }
        boolean due = ring.batchFull() || closing || now - oldestRowNanos >= flushIntervalNanos || flushTarget > completed;
        if (!due) {
            return work;
        }
        if (!ring.batchFull() && ring.depth() > 0) {
            // rows queued since the drain above (a flush asked for them too) go in this batch, not the next
            work += ring.drainToBatch();
            size = ring.batchSize();
        }
        write(size, now);
        return work + 1;
    }

    private void write(int size, long now) {
        long start = clock.getAsLong();
        try {
            ring.writeBatch(store);
        } catch (StoreException e) {
            if (e.retryable()) {
                // The back-off counts from the end of the failed attempt (a connect can take seconds).
                scheduleRetry(now + Math.max(0, clock.getAsLong() - start), e.getMessage());
            } else {
                fail(size, e.getMessage());
            }
            return;
        } catch (RuntimeException e) {
            // Not a store's documented failure (a bug or a bad row): retrying would fail the same way.
            fail(size, e.toString());
            return;
        }
        long end = clock.getAsLong();
        stats.onWritten(stream, size, end - start);
        finish(size);
        if (retrying) {
            log.info("market data recorder: writing " + stream.label() + " to " + stream.table() + " works again after "
                    + failedAttempts + " failed attempts over " + (now - episodeStartNanos) / 1_000_000 + " ms");
            endRetrying();
        }
    }

    private void scheduleRetry(long now, String message) {
        stats.onRetryableError(stream);
        failedAttempts++;
        if (!retrying) {
            retrying = true;
            episodeStartNanos = now;
            stats.retrying(stream, true);
            log.warn("market data recorder: writing " + ring.batchSize() + " " + stream.label() + " rows to "
                    + stream.table() + " failed (retryable): " + message + "; retrying in "
                    + retryDelayNanos / 1_000_000 + " ms, backing off up to " + retryMaxNanos / 1_000_000
                    + " ms; rows queue meanwhile and are dropped by policy when the queue is full");
        }
        nextAttemptNanos = now + retryDelayNanos;
        retryDelayNanos = Math.min(retryMaxNanos, retryDelayNanos * 2);
    }

    private void fail(int size, String message) {
        stats.onFailed(stream, size);
        failures.failed(stream, size, message);
        finish(size);
        if (retrying) {
            endRetrying();
        }
    }

    private void endRetrying() {
        retrying = false;
        failedAttempts = 0;
        retryDelayNanos = retryInitialNanos;
        stats.retrying(stream, false);
    }

    private void finish(int rows) {
        ring.clearBatch();
        completed = completed + rows;
    }

    /** Shutdown deadline passed: counts every row still held or queued as dropped; returns how many. */
    long giveUp() {
        long left = ring.batchSize();
        ring.clearBatch();
        int n;
        while ((n = ring.drainToBatch()) > 0) {
            left += n;
            ring.clearBatch();
        }
        if (left > 0) {
            stats.onDropped(stream, DropReason.SHUTDOWN, left);
            completed = completed + left;
        }
        if (retrying) {
            endRetrying();
        }
        return left;
    }

    /** True when no row is held in the batch or waiting in the queue. */
    boolean idle() {
        return ring.batchSize() == 0 && ring.depth() == 0;
    }

    /** Any thread: asks that every row accepted so far be written without waiting for size or time. */
    long requestFlush() {
        long target = ring.published();
        synchronized (this) {
            if (target > flushTarget) {
                flushTarget = target;
            }
        }
        return target;
    }

    /** Any thread: rows finished with (a queue position: every row before it is done). */
    long completed() {
        return completed;
    }

    /** Rows held in the batch (writer thread). */
    int held() {
        return ring.batchSize();
    }

    RecordedStream stream() {
        return stream;
    }
}
