package io.ttquant.store.writer;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.store.MarketDataStore;
import io.ttquant.store.batch.BarBatch;

/** The bars queue: columns of OHLCV rows (the row time is the open time), drained into a {@link BarBatch}. */
final class BarRing extends StreamRing<BarBatch> {
    private final long[] intervalNanos;
    private final long[] open;
    private final long[] high;
    private final long[] low;
    private final long[] close;
    private final long[] volume;

    BarRing(int capacity, int batchRows) {
        super(RecordedStream.BARS, capacity, new BarBatch(batchRows));
        intervalNanos = new long[capacity];
        open = new long[capacity];
        high = new long[capacity];
        low = new long[capacity];
        close = new long[capacity];
        volume = new long[capacity];
    }

    /** Producer: false when full. The interval must already be checked ({@link BarBatch#isValidInterval}). */
    boolean offer(String v, Bar b) {
        long seq = claim(v, b.instrument(), b.openTimeNanos());
        if (seq < 0) {
            return false;
        }
        int i = slot(seq);
        intervalNanos[i] = b.intervalNanos();
        open[i] = b.open();
        high[i] = b.high();
        low[i] = b.low();
        close[i] = b.close();
        volume[i] = b.volume();
        publish(seq);
        return true;
    }

    @Override
    void copyRow(int i, String venue, Instrument instrument, long timeNanos) {
        batch.add(venue, instrument, timeNanos, intervalNanos[i], open[i], high[i], low[i], close[i], volume[i]);
    }

    @Override
    void writeBatch(MarketDataStore store) {
        store.writeBars(batch);
    }
}
