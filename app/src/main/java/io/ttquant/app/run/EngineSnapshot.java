package io.ttquant.app.run;

import java.util.List;

/**
 * The in-process strategy engine as the dashboard and the run summary see it, taken on the
 * engine's thread (at most once a second, and once more when it stops), then immutable and safe
 * to read from any thread: per strategy its life-cycle state (and why it is not trading, when it
 * is not), positions, realized and unrealized PnL and equity in its valuation asset, and the
 * orders and cancels it sent; plus the market and execution events the engine handled. Amounts
 * are exact decimal texts with raw values beside them (cash scale for money).
 */
record EngineSnapshot(long timeNanos, List<StrategyState> strategies, long marketEvents, long executionEvents) {
    EngineSnapshot {
        strategies = List.copyOf(strategies);
    }

    /** One strategy in the engine. */
    record StrategyState(String id, String name, String state, String problem, String asset, List<Holding> holdings,
                         long realizedRaw, String realized, long unrealizedRaw, String unrealized, long equityRaw, String equity,
                         long ordersSent, long cancelsSent) {
        StrategyState {
            holdings = List.copyOf(holdings);
        }
    }

    /** A position as the strategy sees it: net quantity, raw and as text. */
    record Holding(String symbol, long netQtyRaw, String netQty) {
    }

    StrategyState strategy(String id) {
        for (StrategyState s : strategies) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return null;
    }
}
