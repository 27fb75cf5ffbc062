package io.ttquant.core.strategy;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.portfolio.Position;

/**
 * Convenience base for strategies: keeps the context and offers short-hands. Subclasses override
 * the callbacks they need and {@link #onStarted()} for set-up.
 */
public abstract class BaseStrategy implements Strategy {
    private StrategyContext context;

    @Override
    public final void onStart(StrategyContext context) {
        this.context = context;
        onStarted();
    }

    /** Called once the context is available. */
    protected void onStarted() {
    }

    protected final StrategyContext ctx() {
        return context;
    }

    protected final long now() {
        return context.clock().nanos();
    }

    protected final Position position(Instrument instrument) {
        return context.position(instrument);
    }
}
