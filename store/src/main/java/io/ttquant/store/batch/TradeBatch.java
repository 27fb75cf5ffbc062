package io.ttquant.store.batch;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;

/**
 * Up to {@code capacity} trades in columns, filled by one writer thread and written by a store in
 * one round trip; reused after {@link #clear()}. Adding allocates nothing. Rows may mix venues and
 * instruments.
 */
public final class TradeBatch extends MarketBatch {
    private final long[] recvNanos;
    private final long[] tradeId;
    private final long[] price;
    private final long[] qty;
    /** 'B', 'S', or 0 when unknown. */
    private final byte[] aggressor;

    public TradeBatch(int capacity) {
        super(capacity);
        recvNanos = new long[capacity];
        tradeId = new long[capacity];
        price = new long[capacity];
        qty = new long[capacity];
        aggressor = new byte[capacity];
    }

    /** Adds a row; false (nothing added) when the batch is full. recvNanos 0 = not known. */
    public boolean add(String venue, Instrument instrument, long timeNanos, long recvNanos, long tradeId,
                       long price, long qty, Side aggressor) {
        int i = nextRow();
        if (i < 0) {
            return false;
        }
        this.recvNanos[i] = recvNanos;
        this.tradeId[i] = tradeId;
        this.price[i] = price;
        this.qty[i] = qty;
        this.aggressor[i] = aggressor == null ? 0 : aggressor == Side.BUY ? (byte) 'B' : (byte) 'S';
        addRow(i, venue, instrument, timeNanos);
        return true;
    }

    public boolean add(String venue, TradeTick t) {
        return add(venue, t.instrument(), t.exchangeTimeNanos(), t.receiveTimeNanos(), t.tradeId(), t.price(), t.qty(),
                t.aggressor());
    }

    public long recvNanos(int i) {
        return recvNanos[i];
    }

    public long tradeId(int i) {
        return tradeId[i];
    }

    public long price(int i) {
        return price[i];
    }

    public long qty(int i) {
        return qty[i];
    }

    /** 'B' (buyer aggressed), 'S', or 0 when unknown. */
    public byte aggressor(int i) {
        return aggressor[i];
    }

    @Override
    public String table() {
        return "market_trades";
    }
}
