package io.ttquant.store.writer;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.store.MarketDataStore;
import io.ttquant.store.batch.QuoteBatch;

/** The quotes queue: columns of best bid/ask rows, drained into a {@link QuoteBatch}. */
final class QuoteRing extends StreamRing<QuoteBatch> {
    private final long[] recvNanos;
    private final long[] bidPrice;
    private final long[] bidQty;
    private final long[] askPrice;
    private final long[] askQty;

    QuoteRing(int capacity, int batchRows) {
        super(RecordedStream.QUOTES, capacity, new QuoteBatch(batchRows));
        recvNanos = new long[capacity];
        bidPrice = new long[capacity];
        bidQty = new long[capacity];
        askPrice = new long[capacity];
        askQty = new long[capacity];
    }

    /** Producer: false when full. */
    boolean offer(String v, QuoteTick q) {
        long seq = claim(v, q.instrument(), q.exchangeTimeNanos());
        if (seq < 0) {
            return false;
        }
        int i = slot(seq);
        recvNanos[i] = q.receiveTimeNanos();
        bidPrice[i] = q.bidPrice();
        bidQty[i] = q.bidQty();
        askPrice[i] = q.askPrice();
        askQty[i] = q.askQty();
        publish(seq);
        return true;
    }

    @Override
    void copyRow(int i, String venue, Instrument instrument, long timeNanos) {
        batch.add(venue, instrument, timeNanos, recvNanos[i], bidPrice[i], bidQty[i], askPrice[i], askQty[i]);
    }

    @Override
    void writeBatch(MarketDataStore store) {
        store.writeQuotes(batch);
    }
}
