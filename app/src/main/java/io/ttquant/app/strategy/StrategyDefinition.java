package io.ttquant.app.strategy;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.strategy.Strategy;
import java.util.List;
import java.util.Map;

/**
 * One strategy as the engine runs it: its id (the gateway's strategy name and the topic
 * {@code exec.<id>}), the name it was created from (a built-in such as {@code ema-cross}, or a
 * class), the strategy object, the instruments it trades (the engine's shared objects), the
 * starting balances of its cash account (asset to amount at the cash scale; the gateway's positions
 * and fees are applied on top at start) and its engine-side limits.
 */
public record StrategyDefinition(String id, String name, Strategy strategy, List<Instrument> instruments,
                                 Map<String, Long> balances, EngineRiskLimits limits) {
    public StrategyDefinition {
        if (id == null || name == null || strategy == null || instruments == null || instruments.isEmpty()) {
            throw new IllegalArgumentException("a strategy needs an id, a name, a strategy object and at least one instrument");
        }
        instruments = List.copyOf(instruments);
        balances = Map.copyOf(balances);
        limits = limits == null ? EngineRiskLimits.NONE : limits;
    }
}
