package io.ttquant.core.data;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.TradeTick;

/**
 * Builds time bars from a trade source and serves both, in time order: every trade passes
 * through, and a bar is served at its close time, just before the first trade of a later
 * interval (or at the end of the data). Intervals without trades produce no bar. Bars are aligned
 * to the epoch (a 1-minute bar opens on a whole minute). Non-trade events pass through untouched.
 *
 * <p>Lets bar strategies run on tick data. Never allocates per event.
 */
public final class TradeBarAggregator implements MarketDataSource {
    private final MarketDataSource trades;
    private final long intervalNanos;
    private final Bar bar = new Bar();
    private Instrument instrument;
    private boolean open;
    private long openTime;
    private long o;
    private long h;
    private long l;
    private long c;
    private long v;
    private boolean pendingUpstream;
    private boolean upstreamDone;
    private MarketEvent current;

    public TradeBarAggregator(MarketDataSource trades, long intervalNanos) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("bar interval must be positive");
        }
        this.trades = trades;
        this.intervalNanos = intervalNanos;
    }

    @Override
    public boolean advance() {
        if (pendingUpstream) {
            // the event that closed the previous bar is served now
            pendingUpstream = false;
            return serve(trades.current());
        }
        if (upstreamDone) {
            return false;
        }
        if (!trades.advance()) {
            upstreamDone = true;
            if (open) {
                emitBar();
                return true;
            }
            return false;
        }
        MarketEvent e = trades.current();
        if (e instanceof TradeTick && open && e.timeNanos() >= openTime + intervalNanos) {
            emitBar();
            pendingUpstream = true;
            return true;
        }
        return serve(e);
    }

    private boolean serve(MarketEvent e) {
        if (e instanceof TradeTick) {
            TradeTick t = (TradeTick) e;
            long start = Math.floorDiv(t.timeNanos(), intervalNanos) * intervalNanos;
            if (!open) {
                open = true;
                instrument = t.instrument();
                openTime = start;
                o = t.price();
                h = t.price();
                l = t.price();
                v = 0;
            }
            h = Math.max(h, t.price());
            l = Math.min(l, t.price());
            c = t.price();
            v = Math.addExact(v, t.qty());
        }
        current = e;
        return true;
    }

    private void emitBar() {
        bar.set(instrument, openTime, intervalNanos, o, h, l, c, v);
        open = false;
        current = bar;
    }

    @Override
    public MarketEvent current() {
        return current;
    }

    @Override
    public String description() {
        return trades.description() + " with " + ReaderOptions.formatInterval(intervalNanos) + " bars";
    }

    @Override
    public long skippedRows() {
        return trades.skippedRows();
    }

    @Override
    public void close() {
        trades.close();
    }
}
