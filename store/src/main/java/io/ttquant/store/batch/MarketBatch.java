package io.ttquant.store.batch;

import io.ttquant.core.instrument.Instrument;
import java.util.Arrays;

/**
 * The columns every market data batch has (venue, instrument, time) and its fill level: rows are
 * added at the end by one writer thread, read by index by a store, and dropped all at once by
 * {@link #clear()}, which keeps the arrays. A subclass holds the columns of its kind and adds a row
 * in two steps: {@link #nextRow()} for the index, then {@link #addRow} once its own columns are set.
 * Adding allocates nothing. Rows may mix venues and instruments.
 */
public abstract sealed class MarketBatch permits TradeBatch, QuoteBatch, BarBatch, BookSnapshotBatch {
    private final String[] venue;
    private final Instrument[] instrument;
    private final long[] timeNanos;
    private int size;

    MarketBatch(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        venue = new String[capacity];
        instrument = new Instrument[capacity];
        timeNanos = new long[capacity];
    }

    /** The index the next row goes to, or -1 when the batch is full (then nothing may be written). */
    final int nextRow() {
        int i = size;
        return i == venue.length ? -1 : i;
    }

    /** Completes row {@code i} (from {@link #nextRow()}) with the columns every kind has. */
    final void addRow(int i, String venue, Instrument instrument, long timeNanos) {
        this.venue[i] = venue;
        this.instrument[i] = instrument;
        this.timeNanos[i] = timeNanos;
        size = i + 1;
    }

    public final int size() {
        return size;
    }

    public final int capacity() {
        return venue.length;
    }

    public final boolean isFull() {
        return size == venue.length;
    }

    /** Drops every row (and the references to venues and instruments), keeping the arrays. */
    public final void clear() {
        Arrays.fill(instrument, 0, size, null);
        Arrays.fill(venue, 0, size, null);
        size = 0;
    }

    public final String venue(int i) {
        return venue[i];
    }

    public final Instrument instrument(int i) {
        return instrument[i];
    }

    /** The table of the logical schema the rows go to, e.g. {@code market_trades}: named in messages about a row. */
    public abstract String table();

    /** The row's time: a trade's, quote's or snapshot's exchange time, a bar's open time. */
    public final long timeNanos(int i) {
        return timeNanos[i];
    }
}
