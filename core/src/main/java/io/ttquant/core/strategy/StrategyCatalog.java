package io.ttquant.core.strategy;

import io.ttquant.core.strategy.example.BollingerReversionStrategy;
import io.ttquant.core.strategy.example.EmaCrossStrategy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in strategies by name. Unknown names are refused with the list of valid ones.
 */
public final class StrategyCatalog {
    private final Map<String, StrategyFactory> factories = new LinkedHashMap<>();

    public StrategyCatalog() {
        register(EmaCrossStrategy.FACTORY);
        register(BollingerReversionStrategy.FACTORY);
    }

    public void register(StrategyFactory factory) {
        factories.put(factory.name(), factory);
    }

    public List<StrategyFactory> all() {
        return Collections.unmodifiableList(new ArrayList<>(factories.values()));
    }

    /** The factory for {@code name}; throws with the valid names when unknown. */
    public StrategyFactory get(String name) {
        StrategyFactory f = factories.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown strategy '" + name + "'; valid: " + String.join(", ", factories.keySet()));
        }
        return f;
    }

    /** Validates the parameter names and creates the strategy. */
    public Strategy create(String name, StrategyParams params) {
        StrategyFactory f = get(name);
        f.checkNames(params);
        return f.create(params);
    }
}
