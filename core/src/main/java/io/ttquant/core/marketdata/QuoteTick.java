package io.ttquant.core.marketdata;

import io.ttquant.core.instrument.Instrument;

/** Best bid and offer with their quantities. Reusable. */
public final class QuoteTick extends MarketEvent {
    private long bidPrice;
    private long bidQty;
    private long askPrice;
    private long askQty;

    @Override
    public MarketDataKind kind() {
        return MarketDataKind.QUOTE;
    }

    public QuoteTick set(Instrument instrument, long exchangeTimeNanos, long receiveTimeNanos,
                         long bidPrice, long bidQty, long askPrice, long askQty) {
        setHeader(instrument, exchangeTimeNanos, receiveTimeNanos);
        this.bidPrice = bidPrice;
        this.bidQty = bidQty;
        this.askPrice = askPrice;
        this.askQty = askQty;
        return this;
    }

    public long bidPrice() {
        return bidPrice;
    }

    public long bidQty() {
        return bidQty;
    }

    public long askPrice() {
        return askPrice;
    }

    public long askQty() {
        return askQty;
    }

    public void copyFrom(QuoteTick o) {
        set(o.instrument, o.exchangeTimeNanos, o.receiveTimeNanos, o.bidPrice, o.bidQty, o.askPrice, o.askQty);
    }

    @Override
    public String toString() {
        return "Quote{" + instrument + " " + instrument.formatPrice(bidPrice) + " / " + instrument.formatPrice(askPrice) + " t=" + exchangeTimeNanos + "}";
    }
}
