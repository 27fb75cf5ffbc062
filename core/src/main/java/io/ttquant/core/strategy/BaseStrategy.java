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

    /** The instrument named {@code symbol}, or the context's first when the symbol is empty; refuses unknown ones. */
    protected final Instrument tradedInstrument(String symbol) {
        Instrument i = symbol == null || symbol.isEmpty() ? context.instruments().get(0) : context.instrument(symbol);
        if (i == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": unknown symbol " + symbol);
        }
        return i;
    }

    /** A quantity text parsed exactly at the instrument's step precision; refuses one finer than the step. */
    protected final long quantity(Instrument instrument, String text) {
        try {
            return instrument.qty(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": qty " + text + " does not fit the step size of " + instrument);
        }
    }
}
