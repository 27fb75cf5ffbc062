package io.ttquant.core.marketdata;

import io.ttquant.core.instrument.Instrument;

/**
 * A market data event for one instrument, with the exchange's time and the local receive time,
 * both in nanoseconds since the epoch.
 *
 * <p>Events are pre-allocated and reused by their producers: a consumer must copy what it wants
 * to keep before returning from its callback, and must never hold on to the object.
 */
public abstract class MarketEvent {
    protected Instrument instrument;
    protected long exchangeTimeNanos;
    protected long receiveTimeNanos;

    public abstract MarketDataKind kind();

    public Instrument instrument() {
        return instrument;
    }

    public long exchangeTimeNanos() {
        return exchangeTimeNanos;
    }

    public long receiveTimeNanos() {
        return receiveTimeNanos;
    }

    /** The time the backtester orders events by: the exchange time. */
    public long timeNanos() {
        return exchangeTimeNanos;
    }

    /** Restamps the local receive time, e.g. when a replayed event is released to consumers. */
    public void stampReceiveTime(long receiveTimeNanos) {
        this.receiveTimeNanos = receiveTimeNanos;
    }

    protected void setHeader(Instrument instrument, long exchangeTimeNanos, long receiveTimeNanos) {
        this.instrument = instrument;
        this.exchangeTimeNanos = exchangeTimeNanos;
        this.receiveTimeNanos = receiveTimeNanos;
    }
}
