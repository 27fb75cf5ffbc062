package io.ttquant.binance.trade;

import io.ttquant.core.instrument.Instrument;

/**
 * Fetches missing trades for a {@link TradeSequencer}, for example with
 * {@code GET /api/v3/historicalTrades?fromId=..&limit=..} (trade ids) or
 * {@code GET /api/v3/aggTrades?fromId=..&limit=..} (aggregate trade ids). The answer must come
 * back later, on the sequencer's thread, through {@link TradeSequencer#onBackfill} or
 * {@link TradeSequencer#onBackfillFailed}.
 *
 * <p>An implementation must never block and must never answer from inside {@link #requestTrades}.
 */
@FunctionalInterface
public interface TradeBackfill {
    /** Starts fetching up to {@code limit} (at most 1000) trades with ids from {@code fromId} on, in id order. */
    void requestTrades(Instrument instrument, long fromId, int limit);
}
