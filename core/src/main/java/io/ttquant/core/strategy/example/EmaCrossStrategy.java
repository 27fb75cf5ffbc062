package io.ttquant.core.strategy.example;

import io.ttquant.core.indicator.Ema;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.order.Order;
import io.ttquant.core.strategy.BaseStrategy;
import io.ttquant.core.strategy.StrategyFactory;
import io.ttquant.core.strategy.StrategyParams;
import java.util.List;

/**
 * Long-only EMA crossover on bar closes: buys {@code qty} when the fast EMA crosses above the slow
 * one and sells the whole position when it crosses below. Both EMAs are seeded with the SMA of
 * their first n closes (as TA-Lib does); a cross needs both EMAs ready on the previous bar too.
 * While an order is working it sends no other. Trades the first instrument of its context, or the
 * one named by the {@code symbol} parameter.
 */
public final class EmaCrossStrategy extends BaseStrategy {
    public static final StrategyFactory FACTORY = StrategyFactory.of("ema-cross",
            "long only: buy qty when EMA(fast) crosses above EMA(slow), sell the position when it crosses below",
            List.of(new StrategyFactory.ParamSpec("fast", "10", "fast EMA period (bars)"),
                    new StrategyFactory.ParamSpec("slow", "30", "slow EMA period (bars), greater than fast"),
                    new StrategyFactory.ParamSpec("qty", "1", "quantity to buy, in the base asset"),
                    new StrategyFactory.ParamSpec("symbol", "", "instrument to trade (default: the first)")),
            p -> new EmaCrossStrategy(p.integer("fast", 10), p.integer("slow", 30), p.string("qty", "1"), p.string("symbol", "")));

    private final Ema fast;
    private final Ema slow;
    private final String qtyText;
    private final String symbol;
    private Instrument instrument;
    private long qty;
    private boolean wasAbove;
    private boolean havePrevious;
    private Order working;

    public EmaCrossStrategy(int fastPeriod, int slowPeriod, String qty, String symbol) {
        if (fastPeriod < 1) {
            throw new IllegalArgumentException("fast must be at least 1, got " + fastPeriod);
        }
        if (fastPeriod >= slowPeriod) {
            throw new IllegalArgumentException("fast (" + fastPeriod + ") must be less than slow (" + slowPeriod + ")");
        }
        this.fast = new Ema(fastPeriod);
        this.slow = new Ema(slowPeriod);
        this.qtyText = StrategyParams.requirePositiveDecimal("qty", qty);
        this.symbol = symbol;
    }

    @Override
    protected void onStarted() {
        instrument = tradedInstrument(symbol);
        qty = quantity(instrument, qtyText);
    }

    @Override
    public void onBar(Bar bar) {
        if (bar.instrument() != instrument) {
            return;
        }
        double close = instrument.priceToDouble(bar.close());
        fast.update(close);
        slow.update(close);
        if (!slow.isReady()) {
            return;
        }
        boolean above = fast.value() > slow.value();
        boolean crossedUp = havePrevious && above && !wasAbove;
        boolean crossedDown = havePrevious && !above && wasAbove;
        wasAbove = above;
        havePrevious = true;
        if (working != null && working.isOpen()) {
            return;
        }
        long position = position(instrument).netQty();
        if (crossedUp && position == 0) {
            working = ctx().buyMarket(instrument, qty);
        } else if (crossedDown && position > 0) {
            working = ctx().sellMarket(instrument, position);
        }
    }

    /** The fast EMA's current value (for tests and dashboards). */
    public double fastValue() {
        return fast.value();
    }

    public double slowValue() {
        return slow.value();
    }
}
