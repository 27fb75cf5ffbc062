package io.ttquant.bench;

import io.ttquant.core.indicator.Ema;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.strategy.BaseStrategy;

/** A benchmark strategy that keeps two EMAs of the closes and never trades: the engine's per-event path alone. */
final class EmaWatcher extends BaseStrategy {
    private final Ema fast = new Ema(10);
    private final Ema slow = new Ema(30);
    private int above;

    @Override
    public void onBar(Bar bar) {
        double close = bar.instrument().priceToDouble(bar.close());
        fast.update(close);
        slow.update(close);
        if (slow.isReady() && fast.value() > slow.value()) {
            above++;
        }
    }

    int barsAbove() {
        return above;
    }
}
