package io.ttquant.sim.market;

import java.util.Arrays;

/**
 * Contiguous fixed-length bars (1 s or 1 min) of one symbol's trades, kept in a ring of primitive
 * arrays: the newest {@code capacity} buckets, one per bucket without gaps (a bucket without
 * trades repeats the previous close in open/high/low/close). Bar {@code i} (0 = oldest) opens at
 * {@code firstOpen() + i * bucketMillis}; the last bar is the current, still-open one.
 *
 * <p>Engine thread only. Times must not go backwards: a trade or roll earlier than the current
 * bar lands in the current bar.
 */
final class BarSeries {
    /** Told when a bar is complete because a later bucket started. */
    interface ClosedBarListener {
        void onBarClosed(BarSeries series, int index);
    }

    private final long bucketMillis;
    private final int capacity;
    private ClosedBarListener listener;
    private long[] open = new long[0];
    private long[] high = open;
    private long[] low = open;
    private long[] close = open;
    private long[] volume = open;
    private long[] quoteVolume = open;
    private long[] trades = open;
    private long[] takerBase = open;
    private long[] takerQuote = open;
    private long[] firstId = open;
    private long[] lastId = open;
    private int head;
    private int size;
    private long firstOpen;

    BarSeries(long bucketMillis, int capacity) {
        this.bucketMillis = bucketMillis;
        this.capacity = capacity;
    }

    void setListener(ClosedBarListener listener) {
        this.listener = listener;
    }

    long bucketMillis() {
        return bucketMillis;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long firstOpen() {
        return firstOpen;
    }

    long openTime(int i) {
        return firstOpen + i * bucketMillis;
    }

    long lastOpen() {
        return openTime(size - 1);
    }

    /** Index of the bar opening at bucket floor of {@code t}, clamped to [-1, size]. */
    int indexAt(long t) {
        if (size == 0) {
            return -1;
        }
        long d = Math.floorDiv(t - firstOpen, bucketMillis);
        if (d < 0) {
            return -1;
        }
        return d >= size ? size : (int) d;
    }

    /** Starts the series at the bucket of {@code t} with a flat bar at {@code price}. */
    void start(long t, long price) {
        head = 0;
        size = 0;
        firstOpen = floor(t);
        append(price);
    }

    /** Makes the bucket of {@code t} the current bar, closing the current one and filling gaps flat. */
    void rollTo(long t) {
        if (size == 0) {
            return;
        }
        long target = floor(t);
        long last = lastOpen();
        if (target <= last) {
            return;
        }
        int closedIndex = size - 1;
        long lastClose = close[phys(closedIndex)];
        long missing = (target - last) / bucketMillis;
        if (listener != null) {
            listener.onBarClosed(this, closedIndex);
        }
        if (missing > capacity) {
            head = 0;
            size = 0;
            firstOpen = target - (long) (capacity - 1) * bucketMillis;
            missing = capacity;
        }
        for (long i = 0; i < missing; i++) {
            append(lastClose);
        }
    }

    /** Adds a trade to the bucket of {@code t} (rolling first). */
    void addTrade(long t, long price, long qty, long quote, long tradeId, boolean takerBuy) {
        if (size == 0) {
            start(t, price);
        } else {
            rollTo(t);
        }
        int p = phys(size - 1);
        if (trades[p] == 0) {
            open[p] = price;
            high[p] = price;
            low[p] = price;
            firstId[p] = tradeId;
        } else {
            high[p] = Math.max(high[p], price);
            low[p] = Math.min(low[p], price);
        }
        close[p] = price;
        volume[p] = Math.addExact(volume[p], qty);
        quoteVolume[p] = Math.addExact(quoteVolume[p], quote);
        trades[p]++;
        lastId[p] = tradeId;
        if (takerBuy) {
            takerBase[p] = Math.addExact(takerBase[p], qty);
            takerQuote[p] = Math.addExact(takerQuote[p], quote);
        }
    }

    long open(int i) {
        return open[phys(i)];
    }

    long high(int i) {
        return high[phys(i)];
    }

    long low(int i) {
        return low[phys(i)];
    }

    long close(int i) {
        return close[phys(i)];
    }

    long volume(int i) {
        return volume[phys(i)];
    }

    long quoteVolume(int i) {
        return quoteVolume[phys(i)];
    }

    long trades(int i) {
        return trades[phys(i)];
    }

    long takerBuyBase(int i) {
        return takerBase[phys(i)];
    }

    long takerBuyQuote(int i) {
        return takerQuote[phys(i)];
    }

    long firstTradeId(int i) {
        return firstId[phys(i)];
    }

    long lastTradeId(int i) {
        return lastId[phys(i)];
    }

    /** Bars {@code from..to} (inclusive) as one kline opening at {@code openTime}, closing at {@code closeTime}. */
    Kline aggregate(int from, int to, long openTime, long closeTime) {
        long h = Long.MIN_VALUE;
        long l = Long.MAX_VALUE;
        long v = 0;
        long q = 0;
        long n = 0;
        long tb = 0;
        long tq = 0;
        long f = -1;
        long last = -1;
        for (int i = from; i <= to; i++) {
            int p = phys(i);
            h = Math.max(h, high[p]);
            l = Math.min(l, low[p]);
            v += volume[p];
            q += quoteVolume[p];
            n += trades[p];
            tb += takerBase[p];
            tq += takerQuote[p];
            if (trades[p] > 0) {
                if (f < 0) {
                    f = firstId[p];
                }
                last = lastId[p];
            }
        }
        return new Kline(openTime, open(from), h, l, close(to), v, closeTime, q, n, tb, tq, f, last);
    }

    private long floor(long t) {
        return Math.floorDiv(t, bucketMillis) * bucketMillis;
    }

    private int phys(int i) {
        int p = head + i;
        return p >= open.length ? p - open.length : p;
    }

    private void append(long price) {
        if (size == capacity) {
            head = head + 1 == open.length ? 0 : head + 1;
            size--;
            firstOpen += bucketMillis;
        } else if (size == open.length) {
            grow();
        }
        int p = phys(size);
        open[p] = price;
        high[p] = price;
        low[p] = price;
        close[p] = price;
        volume[p] = 0;
        quoteVolume[p] = 0;
        trades[p] = 0;
        takerBase[p] = 0;
        takerQuote[p] = 0;
        firstId[p] = -1;
        lastId[p] = -1;
        size++;
    }

    private void grow() {
        // Only reached while the ring has not wrapped (head == 0), so a plain copy keeps the order.
        int n = Math.min(capacity, Math.max(64, open.length * 2));
        open = Arrays.copyOf(open, n);
        high = Arrays.copyOf(high, n);
        low = Arrays.copyOf(low, n);
        close = Arrays.copyOf(close, n);
        volume = Arrays.copyOf(volume, n);
        quoteVolume = Arrays.copyOf(quoteVolume, n);
        trades = Arrays.copyOf(trades, n);
        takerBase = Arrays.copyOf(takerBase, n);
        takerQuote = Arrays.copyOf(takerQuote, n);
        firstId = Arrays.copyOf(firstId, n);
        lastId = Arrays.copyOf(lastId, n);
    }
}
