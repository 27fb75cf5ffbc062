package io.ttquant.app.strategy;

/**
 * Asks the gateway for a strategy's start-up state (open orders, positions, fees): over ZeroMQ
 * ({@link ZmqStateClient}) or directly in one JVM ({@link DirectStateClient}). Fire and forget: the
 * answer, a {@code StateSnapshot} with the same request id, is handed to
 * {@link StrategyEngine#onStateSnapshot} on the engine's thread when it comes, or never (the engine
 * then asks again). Called on the engine's thread only; must never block.
 */
@FunctionalInterface
public interface StateRequester {
    void request(String strategy, long requestId, long nowNanos);
}
