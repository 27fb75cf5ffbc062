package io.ttquant.sim.market;

import java.math.BigDecimal;

/**
 * Rolling 24-hour statistics of one symbol, the fields of Binance's {@code /api/v3/ticker/24hr}.
 * Prices raw at the price scale except {@code weightedAvgPrice}, which is at the cash scale
 * (10^-8, as Binance prints it); {@code volume} and {@code lastQty} at the quantity scale;
 * {@code quoteVolume} at the cash scale; {@code priceChangePercent} has three decimals.
 * {@code prevClosePrice} is the last trade price before the window (0 when none);
 * {@code firstId}/{@code lastId} are -1 and {@code count} 0 without trades in the window.
 */
public record Ticker24h(String symbol, long priceChange, BigDecimal priceChangePercent, long weightedAvgPrice,
                        long prevClosePrice, long lastPrice, long lastQty, long bidPrice, long bidQty,
                        long askPrice, long askQty, long openPrice, long highPrice, long lowPrice,
                        long volume, long quoteVolume, long openTime, long closeTime,
                        long firstId, long lastId, long count) {
}
