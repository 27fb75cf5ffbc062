package io.ttquant.store.batch;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.OrderBook;

/**
 * Up to {@code capacity} order book snapshots, each the top {@code depth} levels per side, in
 * preallocated arrays; reused after {@link #clear()}, no allocation when adding.
 */
public final class BookSnapshotBatch extends MarketBatch {
    private final int depth;
    private final long[] lastUpdateId;
    private final int[] bidCount;
    private final int[] askCount;
    private final long[] bidPrices;
    private final long[] bidQtys;
    private final long[] askPrices;
    private final long[] askQtys;

    public BookSnapshotBatch(int capacity, int depth) {
        super(checked(capacity, depth));
        this.depth = depth;
        lastUpdateId = new long[capacity];
        bidCount = new int[capacity];
        askCount = new int[capacity];
        bidPrices = new long[capacity * depth];
        bidQtys = new long[capacity * depth];
        askPrices = new long[capacity * depth];
        askQtys = new long[capacity * depth];
    }

    private static int checked(int capacity, int depth) {
        if (capacity <= 0 || depth <= 0) {
            throw new IllegalArgumentException("capacity and depth must be positive: " + capacity + ", " + depth);
        }
        return capacity;
    }

    /**
     * Copies the best {@code depth} bid levels of a live book into {@code prices[offset + k]},
     * {@code qtys[offset + k]}; returns how many there were. Shared with the recorder's queue,
     * which copies the book the same way when a snapshot is offered.
     */
    public static int copyBids(OrderBook book, int depth, long[] prices, long[] qtys, int offset) {
        int n = Math.min(depth, book.bidLevels());
        for (int k = 0; k < n; k++) {
            prices[offset + k] = book.bidPrice(k);
            qtys[offset + k] = book.bidQty(k);
        }
        return n;
    }

    /** The ask side of {@link #copyBids}. */
    public static int copyAsks(OrderBook book, int depth, long[] prices, long[] qtys, int offset) {
        int n = Math.min(depth, book.askLevels());
        for (int k = 0; k < n; k++) {
            prices[offset + k] = book.askPrice(k);
            qtys[offset + k] = book.askQty(k);
        }
        return n;
    }

    /** Adds the top {@code depth} levels of each side of the book; false when full. */
    public boolean add(String venue, OrderBook book, long timeNanos, long lastUpdateId) {
        int i = nextRow();
        if (i < 0) {
            return false;
        }
        int base = i * depth;
        bidCount[i] = copyBids(book, depth, bidPrices, bidQtys, base);
        askCount[i] = copyAsks(book, depth, askPrices, askQtys, base);
        this.lastUpdateId[i] = lastUpdateId;
        addRow(i, venue, book.instrument(), timeNanos);
        return true;
    }

    /**
     * Adds a snapshot given as level arrays: bid level k is {@code bidPrices[offset + k]} and
     * {@code bidQtys[offset + k]} for k below {@code bidCount}, asks alike; at most {@code depth}
     * levels per side are kept. False when full.
     */
    public boolean add(String venue, Instrument instrument, long timeNanos, long lastUpdateId, long[] bidPrices,
                       long[] bidQtys, int bidCount, long[] askPrices, long[] askQtys, int askCount, int offset) {
        int i = nextRow();
        if (i < 0) {
            return false;
        }
        int base = i * depth;
        int b = Math.min(depth, bidCount);
        System.arraycopy(bidPrices, offset, this.bidPrices, base, b);
        System.arraycopy(bidQtys, offset, this.bidQtys, base, b);
        int a = Math.min(depth, askCount);
        System.arraycopy(askPrices, offset, this.askPrices, base, a);
        System.arraycopy(askQtys, offset, this.askQtys, base, a);
        this.bidCount[i] = b;
        this.askCount[i] = a;
        this.lastUpdateId[i] = lastUpdateId;
        addRow(i, venue, instrument, timeNanos);
        return true;
    }

    public int depth() {
        return depth;
    }

    public long lastUpdateId(int i) {
        return lastUpdateId[i];
    }

    public int bidCount(int i) {
        return bidCount[i];
    }

    public int askCount(int i) {
        return askCount[i];
    }

    /** Level k (0 = best) of row i. */
    public long bidPrice(int i, int k) {
        return bidPrices[i * depth + k];
    }

    public long bidQty(int i, int k) {
        return bidQtys[i * depth + k];
    }

    public long askPrice(int i, int k) {
        return askPrices[i * depth + k];
    }

    public long askQty(int i, int k) {
        return askQtys[i * depth + k];
    }

    @Override
    public String table() {
        return "book_snapshots";
    }
}
