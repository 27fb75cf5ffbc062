package io.ttquant.binance.trade;

import io.ttquant.core.marketdata.TradeTick;

/**
 * Receives the gap-free trade sequence of a {@link TradeSequencer}: every trade once, in id order.
 * The tick is owned by the sequencer (or its caller) and reused: copy what you need before
 * returning and never keep it.
 */
@FunctionalInterface
public interface TradeListener {
    /** {@code backfilled} is true when the trade came from a REST backfill rather than the live stream. */
    void onTrade(TradeTick trade, boolean backfilled);
}
