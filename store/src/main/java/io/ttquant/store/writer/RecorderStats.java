package io.ttquant.store.writer;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The {@link MarketDataRecorder}'s counters and gauges, for metrics and tests: rows and batches
 * written per stream (its table), batch sizes, write time, queue depth and capacity, rows dropped
 * per stream and reason, rows that failed for good, write errors (retryable or not), retries and
 * the writer's state. Every read is thread-safe and allocation-free; values read together may be
 * a write apart. Counting never allocates, so the feed thread may count drops.
 *
 * <p>Per-batch latency for histograms: {@link #writeListener(WriteListener)}.
 */
public final class RecorderStats {
    private static final int STREAMS = RecordedStream.all().length;
    private static final int REASONS = DropReason.all().length;

    private final SpscRing[] rings;
    private final AtomicLongArray rowsWritten = new AtomicLongArray(STREAMS);
    private final AtomicLongArray batches = new AtomicLongArray(STREAMS);
    private final AtomicLongArray lastBatchRows = new AtomicLongArray(STREAMS);
    private final AtomicLongArray writeNanos = new AtomicLongArray(STREAMS);
    private final AtomicLongArray maxWriteNanos = new AtomicLongArray(STREAMS);
    private final AtomicLongArray failedRows = new AtomicLongArray(STREAMS);
    private final AtomicLongArray errors = new AtomicLongArray(STREAMS * 2);
    private final AtomicLongArray dropped = new AtomicLongArray(STREAMS * REASONS);
    private final AtomicLong retries = new AtomicLong();
    private volatile int retryingMask;
    private volatile boolean closed;
    private volatile WriteListener listener;

    RecorderStats(SpscRing[] rings) {
        this.rings = rings;
    }

    /** Rows written to the stream's table. */
    public long rowsWritten(RecordedStream s) {
        return rowsWritten.get(s.ordinal());
    }

    /** Batches written to the stream's table. */
    public long batchesWritten(RecordedStream s) {
        return batches.get(s.ordinal());
    }

    /** Rows of the last batch written (0 before the first). */
    public long lastBatchRows(RecordedStream s) {
        return lastBatchRows.get(s.ordinal());
    }

    /** Mean rows per batch written (0 before the first). */
    public double meanBatchRows(RecordedStream s) {
        long b = batchesWritten(s);
        return b == 0 ? 0 : (double) rowsWritten(s) / b;
    }

    /** Time spent in successful writes of the stream, in total. */
    public long writeNanos(RecordedStream s) {
        return writeNanos.get(s.ordinal());
    }

    /** The longest successful write of the stream. */
    public long maxWriteNanos(RecordedStream s) {
        return maxWriteNanos.get(s.ordinal());
    }

    /** Rows waiting in the stream's queue (not yet taken into a batch). */
    public long queueDepth(RecordedStream s) {
        return rings[s.ordinal()].depth();
    }

    public long queueCapacity(RecordedStream s) {
        return rings[s.ordinal()].capacity();
    }

    /** Rows of the stream let go for {@code reason}. */
    public long dropped(RecordedStream s, DropReason reason) {
        return dropped.get(s.ordinal() * REASONS + reason.ordinal());
    }

    /** Rows of the stream let go for any reason. */
    public long droppedTotal(RecordedStream s) {
        long n = 0;
        for (DropReason r : DropReason.all()) {
            n += dropped(s, r);
        }
        return n;
    }

    /** Rows of batches that failed with a non-retryable error (not written, not retried). */
    public long failedRows(RecordedStream s) {
        return failedRows.get(s.ordinal());
    }

    /** Failed writes of the stream's batches, retryable (each followed by a retry) or not. */
    public long writeErrors(RecordedStream s, boolean retryable) {
        return errors.get(s.ordinal() * 2 + (retryable ? 0 : 1));
    }

    /** Retries scheduled after retryable failures, all streams. */
    public long retries() {
        return retries.get();
    }

    public WriterState state() {
        return closed ? WriterState.CLOSED : retryingMask != 0 ? WriterState.RETRYING : WriterState.OK;
    }

    /** Sets (or clears, with null) the listener told of every batch written. */
    public void writeListener(WriteListener l) {
        this.listener = l;
    }

    void onDropped(RecordedStream s, DropReason reason, long rows) {
        dropped.addAndGet(s.ordinal() * REASONS + reason.ordinal(), rows);
    }

    void onWritten(RecordedStream s, int rows, long nanos) {
        int i = s.ordinal();
        rowsWritten.addAndGet(i, rows);
        batches.incrementAndGet(i);
        lastBatchRows.set(i, rows);
        writeNanos.addAndGet(i, nanos);
        if (nanos > maxWriteNanos.get(i)) {
            maxWriteNanos.set(i, nanos);
        }
        WriteListener l = listener;
        if (l != null) {
            l.onWrite(s, rows, nanos);
        }
    }

    void onFailed(RecordedStream s, int rows) {
        errors.incrementAndGet(s.ordinal() * 2 + 1);
        failedRows.addAndGet(s.ordinal(), rows);
    }

    void onRetryableError(RecordedStream s) {
        errors.incrementAndGet(s.ordinal() * 2);
        retries.incrementAndGet();
    }

    /** Writer thread only. */
    void retrying(RecordedStream s, boolean on) {
        int bit = 1 << s.ordinal();
        retryingMask = on ? retryingMask | bit : retryingMask & ~bit;
    }

    void closed() {
        closed = true;
    }
}
