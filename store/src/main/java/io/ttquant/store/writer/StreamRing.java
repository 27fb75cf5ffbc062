package io.ttquant.store.writer;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.store.MarketDataStore;
import io.ttquant.store.batch.MarketBatch;

/**
 * One stream's queue and the batch its rows are moved into: the generic core of the four queues.
 * It keeps the columns every row has (venue, instrument, time) and does the writer side: drain
 * queued rows into the reused batch, write it and clear it. A subclass keeps the columns of its
 * kind, offers rows on the producer side ({@link #claim(String, Instrument, long)}, its columns,
 * {@link #publish(long)}) and copies one slot into the batch. Writer methods are called on the
 * writer thread only; nothing allocates per row.
 */
abstract class StreamRing<B extends MarketBatch> extends SpscRing {
    final RecordedStream stream;
    final B batch;
    private final String[] venue;
    private final Instrument[] instrument;
    private final long[] timeNanos;

    StreamRing(RecordedStream stream, int capacity, B batch) {
        super(capacity);
        this.stream = stream;
        this.batch = batch;
        venue = new String[capacity];
        instrument = new Instrument[capacity];
        timeNanos = new long[capacity];
    }

    /**
     * Producer: claims the next slot and sets its common columns; returns the sequence, or -1 when
     * the queue is full. Fill the kind's columns at {@link #slot(long)}, then {@link #publish(long)}.
     */
    final long claim(String venue, Instrument instrument, long timeNanos) {
        long seq = claim();
        if (seq >= 0) {
            int i = slot(seq);
            this.venue[i] = venue;
            this.instrument[i] = instrument;
            this.timeNanos[i] = timeNanos;
        }
        return seq;
    }

    final int slot(long seq) {
        return (int) seq & mask;
    }

    /** Moves queued rows into the batch until it is full or the queue empty; returns how many. */
    final int drainToBatch() {
        int n = available(batch.capacity() - batch.size());
        long h = head();
        for (int k = 0; k < n; k++) {
            int i = slot(h + k);
            copyRow(i, venue[i], instrument[i], timeNanos[i]);
        }
        release(n);
        return n;
    }

    /** Adds the row in slot i (whose common columns are given) to {@link #batch}, which has room. */
    abstract void copyRow(int i, String venue, Instrument instrument, long timeNanos);

    final int batchSize() {
        return batch.size();
    }

    final boolean batchFull() {
        return batch.isFull();
    }

    /** Writes the whole batch in one call (the batch is kept: cleared only by {@link #clearBatch()}). */
    abstract void writeBatch(MarketDataStore store);

    final void clearBatch() {
        batch.clear();
    }
}
