package io.ttquant.sim.market;

/**
 * One kline (candlestick). Prices raw at the price scale; {@code volume} and
 * {@code takerBuyBase} raw at the quantity scale; {@code quoteVolume} and {@code takerBuyQuote}
 * at the cash scale (10^-8). {@code closeTime} is the last millisecond of the interval, as in
 * Binance. An interval without trades repeats the previous close in open/high/low/close.
 * {@code firstTradeId}/{@code lastTradeId} are -1 when the interval had no trade (the kline
 * stream's {@code f} and {@code L}).
 */
public record Kline(long openTime, long open, long high, long low, long close, long volume, long closeTime,
                    long quoteVolume, long trades, long takerBuyBase, long takerBuyQuote,
                    long firstTradeId, long lastTradeId) {
}
