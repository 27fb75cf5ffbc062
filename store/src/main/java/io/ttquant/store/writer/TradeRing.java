package io.ttquant.store.writer;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.store.MarketDataStore;
import io.ttquant.store.batch.TradeBatch;

/** The trades queue: columns of trade rows, drained into a {@link TradeBatch}. */
final class TradeRing extends StreamRing<TradeBatch> {
    private final long[] recvNanos;
    private final long[] tradeId;
    private final long[] price;
    private final long[] qty;
    private final Side[] aggressor;

    TradeRing(int capacity, int batchRows) {
        super(RecordedStream.TRADES, capacity, new TradeBatch(batchRows));
        recvNanos = new long[capacity];
        tradeId = new long[capacity];
        price = new long[capacity];
        qty = new long[capacity];
        aggressor = new Side[capacity];
    }

    /** Producer: false when full. */
    boolean offer(String v, TradeTick t) {
        long seq = claim(v, t.instrument(), t.exchangeTimeNanos());
        if (seq < 0) {
            return false;
        }
        int i = slot(seq);
        recvNanos[i] = t.receiveTimeNanos();
        tradeId[i] = t.tradeId();
        price[i] = t.price();
        qty[i] = t.qty();
        aggressor[i] = t.aggressor();
        publish(seq);
        return true;
    }

    @Override
    void copyRow(int i, String venue, Instrument instrument, long timeNanos) {
        batch.add(venue, instrument, timeNanos, recvNanos[i], tradeId[i], price[i], qty[i], aggressor[i]);
    }

    @Override
    void writeBatch(MarketDataStore store) {
        store.writeTrades(batch);
    }
}
