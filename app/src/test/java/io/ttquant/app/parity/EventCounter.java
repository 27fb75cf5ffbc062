package io.ttquant.app.parity;

import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.strategy.Strategy;
import io.ttquant.core.strategy.StrategyContext;

/**
 * A strategy that never trades and only counts the bars it is given, per symbol: placed after the
 * strategy under test in the live engine, its count says the engine has handled an event (and
 * sent whatever orders the strategy under test made of it). It must never send an order, so that
 * the engine's order ids and the gateway's books are those of the strategy under test alone.
 * Read on the engine's thread only.
 */
public final class EventCounter implements Strategy {
    private long btcBars;
    private long otherBars;

    @Override
    public void onStart(StrategyContext context) {
    }

    @Override
    public void onBar(Bar bar) {
        if (bar.instrument().symbol().equals(PipelineParityTest.SYMBOL)) {
            btcBars++;
        } else {
            otherBars++;
        }
    }

    /** Bars of the traded symbol seen. */
    long tradedBars() {
        return btcBars;
    }

    /** Bars of any other symbol seen (the probes). */
    long probeBars() {
        return otherBars;
    }
}
