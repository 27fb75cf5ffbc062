package io.ttquant.store.batch;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.QuoteTick;

/** Up to {@code capacity} best bid/ask quotes in columns; reused after {@link #clear()}, no allocation when adding. */
public final class QuoteBatch extends MarketBatch {
    private final long[] recvNanos;
    private final long[] bidPrice;
    private final long[] bidQty;
    private final long[] askPrice;
    private final long[] askQty;

    public QuoteBatch(int capacity) {
        super(capacity);
        recvNanos = new long[capacity];
        bidPrice = new long[capacity];
        bidQty = new long[capacity];
        askPrice = new long[capacity];
        askQty = new long[capacity];
    }

    /** Adds a row; false when full. recvNanos 0 = not known. */
    public boolean add(String venue, Instrument instrument, long timeNanos, long recvNanos,
                       long bidPrice, long bidQty, long askPrice, long askQty) {
        int i = nextRow();
        if (i < 0) {
            return false;
        }
        this.recvNanos[i] = recvNanos;
        this.bidPrice[i] = bidPrice;
        this.bidQty[i] = bidQty;
        this.askPrice[i] = askPrice;
        this.askQty[i] = askQty;
        addRow(i, venue, instrument, timeNanos);
        return true;
    }

    public boolean add(String venue, QuoteTick q) {
        return add(venue, q.instrument(), q.exchangeTimeNanos(), q.receiveTimeNanos(), q.bidPrice(), q.bidQty(),
                q.askPrice(), q.askQty());
    }

    public long recvNanos(int i) {
        return recvNanos[i];
    }

    public long bidPrice(int i) {
        return bidPrice[i];
    }

    public long bidQty(int i) {
        return bidQty[i];
    }

    public long askPrice(int i) {
        return askPrice[i];
    }

    public long askQty(int i) {
        return askQty[i];
    }

    @Override
    public String table() {
        return "market_quotes";
    }
}
