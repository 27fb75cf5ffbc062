package io.ttquant.store.writer;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.OrderBook;
import io.ttquant.store.MarketDataStore;
import io.ttquant.store.batch.BookSnapshotBatch;

/**
 * The book snapshots queue: per slot the top {@code depth} levels of each side copied out of the
 * live book (the book keeps changing after the offer), drained into a {@link BookSnapshotBatch}.
 */
final class BookRing extends StreamRing<BookSnapshotBatch> {
    private final int depth;
    private final long[] lastUpdateId;
    private final int[] bidCount;
    private final int[] askCount;
    private final long[] bidPrices;
    private final long[] bidQtys;
    private final long[] askPrices;
    private final long[] askQtys;

    BookRing(int capacity, int depth, int batchRows) {
        super(RecordedStream.BOOK_SNAPSHOTS, capacity, new BookSnapshotBatch(batchRows, depth));
        this.depth = depth;
        lastUpdateId = new long[capacity];
        bidCount = new int[capacity];
        askCount = new int[capacity];
        bidPrices = new long[capacity * depth];
        bidQtys = new long[capacity * depth];
        askPrices = new long[capacity * depth];
        askQtys = new long[capacity * depth];
    }

    /** Producer: copies the top of the book; false when full. */
    boolean offer(String v, OrderBook book, long time, long updateId) {
        long seq = claim(v, book.instrument(), time);
        if (seq < 0) {
            return false;
        }
        int i = slot(seq);
        int base = i * depth;
        bidCount[i] = BookSnapshotBatch.copyBids(book, depth, bidPrices, bidQtys, base);
        askCount[i] = BookSnapshotBatch.copyAsks(book, depth, askPrices, askQtys, base);
        lastUpdateId[i] = updateId;
        publish(seq);
        return true;
    }

    @Override
    void copyRow(int i, String venue, Instrument instrument, long timeNanos) {
        batch.add(venue, instrument, timeNanos, lastUpdateId[i], bidPrices, bidQtys, bidCount[i], askPrices, askQtys,
                askCount[i], i * depth);
    }

    @Override
    void writeBatch(MarketDataStore store) {
        store.writeBookSnapshots(batch);
    }
}
