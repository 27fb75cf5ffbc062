package io.ttquant.sim.market;

/**
 * An aggregate trade as Binance defines it: consecutive fills of one taker order at one price.
 * {@code aggId} counts from 1 per symbol; {@code firstTradeId..lastTradeId} are the trades it
 * covers; {@code qty} is their sum (raw at the quantity scale).
 */
public record SimAggTrade(long aggId, long price, long qty, long firstTradeId, long lastTradeId,
                          long timeMillis, boolean buyerMaker) {
}
