package io.ttquant.sim.market;

/**
 * One of an account's trades, the fields of {@code /api/v3/myTrades}. Units as in
 * {@link SimFill}; {@code id} is the symbol's trade id.
 */
public record AccountTrade(String symbol, long id, long orderId, long price, long qty, long quoteQty,
                           long commission, String commissionAsset, long time, boolean isBuyer, boolean isMaker) {
}
