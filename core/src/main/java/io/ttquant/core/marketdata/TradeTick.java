package io.ttquant.core.marketdata;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Side;

/** A public trade: price, quantity, the aggressor's side (null when unknown) and the venue's trade id. Reusable. */
public final class TradeTick extends MarketEvent {
    private long price;
    private long qty;
    private Side aggressor;
    private long tradeId;

    @Override
    public MarketDataKind kind() {
        return MarketDataKind.TRADE;
    }

    public TradeTick set(Instrument instrument, long exchangeTimeNanos, long receiveTimeNanos,
                         long price, long qty, Side aggressor, long tradeId) {
        setHeader(instrument, exchangeTimeNanos, receiveTimeNanos);
        this.price = price;
        this.qty = qty;
        this.aggressor = aggressor;
        this.tradeId = tradeId;
        return this;
    }

    public long price() {
        return price;
    }

    public long qty() {
        return qty;
    }

    public Side aggressor() {
        return aggressor;
    }

    public long tradeId() {
        return tradeId;
    }

    public void copyFrom(TradeTick o) {
        set(o.instrument, o.exchangeTimeNanos, o.receiveTimeNanos, o.price, o.qty, o.aggressor, o.tradeId);
    }

    @Override
    public String toString() {
        return "Trade{" + instrument + " " + instrument.formatPrice(price) + " x " + instrument.formatQty(qty) + " " + aggressor + " #" + tradeId + " t=" + exchangeTimeNanos + "}";
    }
}
