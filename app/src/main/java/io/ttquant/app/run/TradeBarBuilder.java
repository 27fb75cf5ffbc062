package io.ttquant.app.run;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.transport.MarketDataListener;
import io.ttquant.transport.MarketDataPublisher;
import java.util.Arrays;

/**
 * Builds time bars from a live trade stream, so that bar strategies (such as {@code ema-cross})
 * run on any feed of {@code ttquant run}: the live counterpart of the backtester's
 * {@link io.ttquant.core.data.TradeBarAggregator}, with the same rules. Bars are aligned to the
 * epoch by trade time; a bar is published when the first trade of a later interval arrives, before
 * that trade goes on (its receive time is that trade's); intervals without trades give no bar.
 * Subscribed to the trades of the in-process bus and publishing to it, on the market data thread
 * only. Allocates nothing per trade once every instrument was seen.
 */
final class TradeBarBuilder implements MarketDataListener {
    private final long intervalNanos;
    private final MarketDataPublisher out;
    private final Bar bar = new Bar();
    private Instrument[] instruments = new Instrument[4];
    private long[] openTime = new long[4];
    private long[] open = new long[4];
    private long[] high = new long[4];
    private long[] low = new long[4];
    private long[] close = new long[4];
    private long[] volume = new long[4];
    private boolean[] building = new boolean[4];
    private int count;
    private long published;

    TradeBarBuilder(long intervalNanos, MarketDataPublisher out) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("bar interval must be positive");
        }
        this.intervalNanos = intervalNanos;
        this.out = out;
    }

    @Override
    public void onMarketData(MarketEvent event) {
        if (!(event instanceof TradeTick t)) {
            return;
        }
        int k = slot(t.instrument());
        long start = Math.floorDiv(t.timeNanos(), intervalNanos) * intervalNanos;
        if (building[k] && start > openTime[k]) {
            bar.set(instruments[k], openTime[k], intervalNanos, open[k], high[k], low[k], close[k], volume[k]);
            bar.stampReceiveTime(t.receiveTimeNanos());
            building[k] = false;
            published++;
            out.publish(bar);
        }
        long price = t.price();
        if (!building[k]) {
            building[k] = true;
            openTime[k] = start;
            open[k] = price;
            high[k] = price;
            low[k] = price;
            volume[k] = 0;
        }
        high[k] = Math.max(high[k], price);
        low[k] = Math.min(low[k], price);
        close[k] = price;
        volume[k] = Math.addExact(volume[k], t.qty());
    }

    private int slot(Instrument instrument) {
        for (int k = 0; k < count; k++) {
            if (instruments[k] == instrument) {
                return k;
            }
        }
        if (count == instruments.length) {
            int n = count * 2;
            instruments = Arrays.copyOf(instruments, n);
            openTime = Arrays.copyOf(openTime, n);
            open = Arrays.copyOf(open, n);
            high = Arrays.copyOf(high, n);
            low = Arrays.copyOf(low, n);
            close = Arrays.copyOf(close, n);
            volume = Arrays.copyOf(volume, n);
            building = Arrays.copyOf(building, n);
        }
        instruments[count] = instrument;
        return count++;
    }

    /** Bars published so far (market data thread). */
    long published() {
        return published;
    }
}
