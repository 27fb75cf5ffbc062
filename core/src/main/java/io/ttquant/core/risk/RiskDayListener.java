package io.ttquant.core.risk;

/**
 * Told by the {@link RiskEngine}, on its thread, when a strategy's trading day changes what a
 * restart must know to continue it: the day started (a UTC midnight of the engine's clock passed)
 * or the daily-loss state changed. The values are the engine's after the change: the epoch day
 * (days since 1970-01-01 UTC), the realised PnL since the day started (after fees, cash scale), the
 * unrealised PnL at the day's start (cash scale) and the loss state; the daily PnL is
 * {@code dayRealized + unrealised now - dayStartUnrealized}. An order gateway journals them, and
 * gives them back after a restart with {@link RiskEngine#restoreDay}.
 *
 * <p>An implementation must not allocate per call in the steady state, must not call back into the
 * engine, and must not throw.
 */
public interface RiskDayListener {
    /** Hears nothing. */
    RiskDayListener NONE = new RiskDayListener() {
        @Override
        public void onDayStarted(int strategy, long epochDay, long dayRealized, long dayStartUnrealized,
                                 TradingState lossState) {
        }

        @Override
        public void onLossState(int strategy, long epochDay, long dayRealized, long dayStartUnrealized,
                                TradingState lossState) {
        }
    };

    /** The strategy's day {@code epochDay} started: {@code dayRealized} is 0 and {@code lossState} ACTIVE. */
    void onDayStarted(int strategy, long epochDay, long dayRealized, long dayStartUnrealized, TradingState lossState);

    /** The strategy's daily-loss state became {@code lossState} (a breach, a second breach, the halt limit). */
    void onLossState(int strategy, long epochDay, long dayRealized, long dayStartUnrealized, TradingState lossState);
}
