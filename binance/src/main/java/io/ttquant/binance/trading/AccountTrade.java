package io.ttquant.binance.trading;

import io.ttquant.core.instrument.Instrument;

/**
 * One of the account's trades ({@code GET /api/v3/myTrades}): the symbol's trade id, the order it
 * filled, {@code price} and {@code qty} raw at the instrument's scales, {@code quoteQty} and
 * {@code commission} raw at {@link io.ttquant.core.num.Fixed#CASH_SCALE}, the trade time in epoch
 * milliseconds, and whether the account bought and whether it was the maker. Immutable value.
 */
public record AccountTrade(Instrument instrument, long id, long orderId, long price, long qty, long quoteQty, long commission,
                           String commissionAsset, long timeMillis, boolean buyer, boolean maker) {
}
