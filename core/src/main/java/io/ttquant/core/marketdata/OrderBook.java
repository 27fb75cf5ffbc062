package io.ttquant.core.marketdata;

import io.ttquant.core.instrument.Instrument;
import java.util.Arrays;

/**
 * A local L2 order book for one instrument: price levels kept sorted in primitive arrays (bids
 * descending, asks ascending), updated in place from {@link BookUpdate} events. Reading the top of
 * the book is O(1); a level update is a binary search plus an array shift. Never allocates once
 * its arrays have grown to the book's depth. Single-threaded.
 */
public final class OrderBook {
    private final Instrument instrument;
    private final Side bids = new Side(true);
    private final Side asks = new Side(false);
    private long lastUpdateId;
    private long timeNanos;

    public OrderBook(Instrument instrument) {
        this.instrument = instrument;
    }

    public Instrument instrument() {
        return instrument;
    }

    /** Applies a snapshot (replacing everything) or a delta. */
    public void apply(BookUpdate u) {
        if (u.isSnapshot()) {
            bids.clear();
            asks.clear();
        }
        for (int i = 0; i < u.bidCount(); i++) {
            bids.set(u.bidPrice(i), u.bidQty(i));
        }
        for (int i = 0; i < u.askCount(); i++) {
            asks.set(u.askPrice(i), u.askQty(i));
        }
        lastUpdateId = u.lastUpdateId();
        timeNanos = u.exchangeTimeNanos();
    }

    public void clear() {
        bids.clear();
        asks.clear();
        lastUpdateId = 0;
    }

    public long lastUpdateId() {
        return lastUpdateId;
    }

    public long timeNanos() {
        return timeNanos;
    }

    public int bidLevels() {
        return bids.count;
    }

    public int askLevels() {
        return asks.count;
    }

    /** Price of the i-th best bid (0 = best). */
    public long bidPrice(int i) {
        return bids.prices[i];
    }

    public long bidQty(int i) {
        return bids.qtys[i];
    }

    public long askPrice(int i) {
        return asks.prices[i];
    }

    public long askQty(int i) {
        return asks.qtys[i];
    }

    /** Best bid price, or 0 when the bid side is empty. */
    public long bestBid() {
        return bids.count == 0 ? 0 : bids.prices[0];
    }

    /** Best ask price, or 0 when the ask side is empty. */
    public long bestAsk() {
        return asks.count == 0 ? 0 : asks.prices[0];
    }

    /** Quantity displayed at exactly {@code price} on the given side (0 when no level). */
    public long qtyAt(boolean bid, long price) {
        Side s = bid ? bids : asks;
        int i = s.find(price);
        return i >= 0 ? s.qtys[i] : 0;
    }

    public boolean isEmpty() {
        return bids.count == 0 && asks.count == 0;
    }

    /** One side of the book: sorted prices with their quantities. */
    private static final class Side {
        private final boolean descending;
        private long[] prices = new long[64];
        private long[] qtys = new long[64];
        private int count;

        Side(boolean descending) {
            this.descending = descending;
        }

        void clear() {
            count = 0;
        }

        /** Index of price, or -(insertion point) - 1. */
        int find(long price) {
            int lo = 0;
            int hi = count - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                long p = prices[mid];
                boolean before = descending ? p > price : p < price;
                if (p == price) {
                    return mid;
                } else if (before) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return -(lo + 1);
        }

        void set(long price, long qty) {
            int i = find(price);
            if (i >= 0) {
                if (qty == 0) {
                    System.arraycopy(prices, i + 1, prices, i, count - i - 1);
                    System.arraycopy(qtys, i + 1, qtys, i, count - i - 1);
                    count--;
                } else {
                    qtys[i] = qty;
                }
                return;
            }
            if (qty == 0) {
                return;
            }
            int at = -i - 1;
            if (count == prices.length) {
                prices = Arrays.copyOf(prices, count * 2);
                qtys = Arrays.copyOf(qtys, count * 2);
            }
            System.arraycopy(prices, at, prices, at + 1, count - at);
            System.arraycopy(qtys, at, qtys, at + 1, count - at);
            prices[at] = price;
            qtys[at] = qty;
            count++;
        }
    }
}
