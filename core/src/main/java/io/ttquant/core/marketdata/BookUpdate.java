package io.ttquant.core.marketdata;

import io.ttquant.core.instrument.Instrument;
import java.util.Arrays;

/**
 * An L2 order book event: a full snapshot (replaces the book) or a delta (sets each listed level;
 * quantity 0 removes it), with Binance's first and last update ids. Levels are stored in growable
 * primitive arrays that are reused between events. Reusable.
 */
public final class BookUpdate extends MarketEvent {
    private boolean snapshot;
    private long firstUpdateId;
    private long lastUpdateId;
    private long[] bidPrices = new long[16];
    private long[] bidQtys = new long[16];
    private long[] askPrices = new long[16];
    private long[] askQtys = new long[16];
    private int bidCount;
    private int askCount;

    @Override
    public MarketDataKind kind() {
        return MarketDataKind.BOOK;
    }

    /** Starts a new event; then add levels with {@link #addBid} and {@link #addAsk}. */
    public BookUpdate reset(Instrument instrument, long exchangeTimeNanos, long receiveTimeNanos,
                            boolean snapshot, long firstUpdateId, long lastUpdateId) {
        setHeader(instrument, exchangeTimeNanos, receiveTimeNanos);
        this.snapshot = snapshot;
        this.firstUpdateId = firstUpdateId;
        this.lastUpdateId = lastUpdateId;
        this.bidCount = 0;
        this.askCount = 0;
        return this;
    }

    public void addBid(long price, long qty) {
        if (bidCount == bidPrices.length) {
            bidPrices = Arrays.copyOf(bidPrices, bidCount * 2);
            bidQtys = Arrays.copyOf(bidQtys, bidCount * 2);
        }
        bidPrices[bidCount] = price;
        bidQtys[bidCount++] = qty;
    }

    public void addAsk(long price, long qty) {
        if (askCount == askPrices.length) {
            askPrices = Arrays.copyOf(askPrices, askCount * 2);
            askQtys = Arrays.copyOf(askQtys, askCount * 2);
        }
        askPrices[askCount] = price;
        askQtys[askCount++] = qty;
    }

    public boolean isSnapshot() {
        return snapshot;
    }

    public long firstUpdateId() {
        return firstUpdateId;
    }

    public long lastUpdateId() {
        return lastUpdateId;
    }

    public int bidCount() {
        return bidCount;
    }

    public int askCount() {
        return askCount;
    }

    public long bidPrice(int i) {
        return bidPrices[i];
    }

    public long bidQty(int i) {
        return bidQtys[i];
    }

    public long askPrice(int i) {
        return askPrices[i];
    }

    public long askQty(int i) {
        return askQtys[i];
    }

    @Override
    public String toString() {
        return "Book{" + instrument + (snapshot ? " snapshot" : " delta") + " U=" + firstUpdateId + " u=" + lastUpdateId
                + " bids=" + bidCount + " asks=" + askCount + " t=" + exchangeTimeNanos + "}";
    }
}
