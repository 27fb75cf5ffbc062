package io.ttquant.core.data;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.MarketEvent;

import java.util.Objects;

/**
 * Bars held in arrays, served as a {@link MarketDataSource}: for tests and small scripted
 * scenarios where the exact prices matter. The arrays are copied and checked once, at
 * construction (same lengths, bars in time order without overlap, low &lt;= open, close &lt;=
 * high, positive prices, volume &gt;= 0), so the source never emits an impossible bar.
 *
 * <p>It keeps everything in memory: it must never be used for file-sized data (use
 * {@link MarketDataSources} or {@link SyntheticMarketData}).
 */
public final class BarArraySource implements MarketDataSource {
    private final Instrument instrument;
    private final long intervalNanos;
    private final long[] openTimes;
    private final long[] open;
    private final long[] high;
    private final long[] low;
    private final long[] close;
    private final long[] volume;
    private final Bar bar = new Bar();
    private int next;
    private boolean closed;

    /**
     * @param intervalNanos bar interval; each bar's event time is its open time plus this
     * @param openTimeNanos bar open times, strictly increasing and at least one interval apart
     * @throws IllegalArgumentException naming the first offending bar
     */
    public BarArraySource(Instrument instrument, long intervalNanos, long[] openTimeNanos,
                          long[] open, long[] high, long[] low, long[] close, long[] volume) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be positive: " + intervalNanos);
        }
        int n = openTimeNanos.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("all arrays must have the same length as the open times (" + n + ")");
        }
        this.intervalNanos = intervalNanos;
        this.openTimes = openTimeNanos.clone();
        this.open = open.clone();
        this.high = high.clone();
        this.low = low.clone();
        this.close = close.clone();
        this.volume = volume.clone();
        for (int i = 0; i < n; i++) {
            long o = this.open[i];
            long h = this.high[i];
            long l = this.low[i];
            long c = this.close[i];
            if (l <= 0 || l > o || l > c || h < o || h < c || this.volume[i] < 0) {
                throw new IllegalArgumentException("bar " + i + " is inconsistent: need 0 < low <= open, close <= high and volume >= 0");
            }
            if (i > 0 && openTimes[i] - openTimes[i - 1] < intervalNanos) {
                throw new IllegalArgumentException("bar " + i + " opens before bar " + (i - 1) + " closes");
            }
        }
    }

    /**
     * Captures the next {@code count} bars of another source (for benchmarks that must measure the
     * engine without parsing or generation); throws if the source runs out first.
     */
    public static BarArraySource capture(MarketDataSource from, int count) {
        long[] t = new long[count];
        long[] o = new long[count];
        long[] h = new long[count];
        long[] l = new long[count];
        long[] c = new long[count];
        long[] v = new long[count];
        Instrument ins = null;
        long interval = 0;
        int n = 0;
        while (n < count && from.advance()) {
            if (from.current() instanceof Bar) {
                Bar b = (Bar) from.current();
                ins = b.instrument();
                interval = b.intervalNanos();
                t[n] = b.openTimeNanos();
                o[n] = b.open();
                h[n] = b.high();
                l[n] = b.low();
                c[n] = b.close();
                v[n] = b.volume();
                n++;
            }
        }
        if (n < count) {
            throw new IllegalArgumentException(from.description() + " held only " + n + " bars, not " + count);
        }
        return new BarArraySource(ins, interval, t, o, h, l, c, v);
    }

    /** Starts the replay again from the first bar (also after {@link #close()}). */
    public void rewind() {
        next = 0;
        closed = false;
    }

    @Override
    public boolean advance() {
        if (closed || next >= openTimes.length) {
            return false;
        }
        int i = next++;
        bar.set(instrument, openTimes[i], intervalNanos, open[i], high[i], low[i], close[i], volume[i]);
        return true;
    }

    @Override
    public MarketEvent current() {
        return bar;
    }

    @Override
    public String description() {
        return openTimes.length + " " + instrument.symbol() + " bars in memory";
    }

    @Override
    public long skippedRows() {
        return 0;
    }

    @Override
    public void close() {
        closed = true;
    }
}
