package io.ttquant.sim.market;

/**
 * One fill of a user's order. {@code price}/{@code qty} raw at the instrument's scales;
 * {@code quoteQty} and {@code commission} at the cash scale (10^-8). Commission is charged in the
 * asset received: the base asset for a buy, the quote asset for a sell.
 */
public record SimFill(long price, long qty, long quoteQty, long commission, String commissionAsset,
                      long tradeId, boolean maker, long timeMillis) {
}
