package io.ttquant.core.backtest;

import java.util.List;

/** The outcome of one backtest run: what was processed and each strategy's result. */
public record BacktestResult(
        long events,
        long bars,
        long trades,
        long quotes,
        long bookUpdates,
        long firstEventNanos,
        long lastEventNanos,
        long skippedRows,
        List<StrategyResult> strategies) {

    public StrategyResult strategy(String id) {
        for (StrategyResult r : strategies) {
            if (r.strategyId().equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no strategy " + id + " in this result");
    }
}
