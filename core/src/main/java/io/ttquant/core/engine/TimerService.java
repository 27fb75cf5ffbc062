package io.ttquant.core.engine;

/** Schedules strategy timers on behalf of a {@link StrategyHost}; driven by the engine's clock. */
public interface TimerService {
    /** Returns the timer id; the engine calls the host's strategy at {@code atNanos}. */
    long schedule(StrategyHost host, long atNanos);
}
