package io.ttquant.bench;

import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.MarketEvent;

/**
 * Bars captured once into primitive arrays and replayed into one reused {@link Bar}, rewindable, so
 * a benchmark measures the engine and not parsing or generation. Never allocates per event.
 */
final class ReplayedBars implements MarketDataSource {
    private final Instrument instrument;
    private final long interval;
    private final long[] t;
    private final long[] o;
    private final long[] h;
    private final long[] l;
    private final long[] c;
    private final long[] v;
    private final Bar bar = new Bar();
    private int next;

    ReplayedBars(MarketDataSource from, int count) {
        t = new long[count];
        o = new long[count];
        h = new long[count];
        l = new long[count];
        c = new long[count];
        v = new long[count];
        Instrument ins = null;
        long iv = 0;
        int n = 0;
        while (n < count && from.advance()) {
            Bar b = (Bar) from.current();
            ins = b.instrument();
            iv = b.intervalNanos();
            t[n] = b.openTimeNanos();
            o[n] = b.open();
            h[n] = b.high();
            l[n] = b.low();
            c[n] = b.close();
            v[n] = b.volume();
            n++;
        }
        if (n < count) {
            throw new IllegalArgumentException("source held only " + n + " bars");
        }
        instrument = ins;
        interval = iv;
    }

    void rewind() {
        next = 0;
    }

    @Override
    public boolean advance() {
        if (next >= t.length) {
            return false;
        }
        int i = next++;
        bar.set(instrument, t[i], interval, o[i], h[i], l[i], c[i], v[i]);
        return true;
    }

    @Override
    public MarketEvent current() {
        return bar;
    }

    @Override
    public String description() {
        return t.length + " bars replayed from memory";
    }

    @Override
    public long skippedRows() {
        return 0;
    }

    @Override
    public void close() {
    }
}
