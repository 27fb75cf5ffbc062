package io.ttquant.app.strategy;

/**
 * The strategy engine's own settings, shared by every strategy it runs: the venue name its orders
 * name (the gateway's venue, {@code paper} or {@code binance}), the taker fee and the market-order
 * buffer its cash accounts reserve with (as the backtest's portfolio does, so that a strategy is
 * refused the same orders live), the callback budget, and the start-up sync: how long to wait
 * before the first state request (the execution subscription must reach the gateway first) and for
 * an answer before asking again. Immutable.
 */
public record EngineSettings(String gatewayVenue, long takerFeePpm, long marketBufferPpm, CallbackBudget budget,
                             long syncDelayNanos, long syncTimeoutNanos) {
    public EngineSettings {
        if (gatewayVenue == null || gatewayVenue.isEmpty() || takerFeePpm < 0 || marketBufferPpm < 0 || budget == null
                || syncDelayNanos < 0 || syncTimeoutNanos <= 0) {
            throw new IllegalArgumentException("engine settings: a venue, fees and buffers not negative, a budget and a positive "
                    + "sync timeout are required");
        }
    }
}
