package io.ttquant.core.marketdata;

import io.ttquant.core.instrument.Instrument;

/**
 * An OHLCV bar. Its event time is the bar's close time (open time + interval), the moment the bar
 * becomes known; a strategy never sees a bar before it has closed. Reusable.
 */
public final class Bar extends MarketEvent {
    private long openTimeNanos;
    private long intervalNanos;
    private long open;
    private long high;
    private long low;
    private long close;
    private long volume;

    @Override
    public MarketDataKind kind() {
        return MarketDataKind.BAR;
    }

    /** Sets the bar; exchange time becomes openTime + interval, receive time the same unless known. */
    public Bar set(Instrument instrument, long openTimeNanos, long intervalNanos,
                   long open, long high, long low, long close, long volume) {
        long closeTime = openTimeNanos + intervalNanos;
        setHeader(instrument, closeTime, closeTime);
        this.openTimeNanos = openTimeNanos;
        this.intervalNanos = intervalNanos;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        return this;
    }

    public long openTimeNanos() {
        return openTimeNanos;
    }

    public long closeTimeNanos() {
        return openTimeNanos + intervalNanos;
    }

    public long intervalNanos() {
        return intervalNanos;
    }

    public long open() {
        return open;
    }

    public long high() {
        return high;
    }

    public long low() {
        return low;
    }

    public long close() {
        return close;
    }

    /** Base-asset volume at the instrument's quantity scale. */
    public long volume() {
        return volume;
    }

    public void copyFrom(Bar o) {
        set(o.instrument, o.openTimeNanos, o.intervalNanos, o.open, o.high, o.low, o.close, o.volume);
        this.receiveTimeNanos = o.receiveTimeNanos;
    }

    @Override
    public String toString() {
        return "Bar{" + instrument + " t=" + openTimeNanos + " O=" + instrument.formatPrice(open) + " H=" + instrument.formatPrice(high)
                + " L=" + instrument.formatPrice(low) + " C=" + instrument.formatPrice(close) + " V=" + instrument.formatQty(volume) + "}";
    }
}
