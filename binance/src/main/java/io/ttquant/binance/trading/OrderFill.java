package io.ttquant.binance.trading;

/**
 * One fill in a FULL new-order answer: {@code price} and {@code qty} raw at the instrument's
 * scales, {@code commission} raw at {@link io.ttquant.core.num.Fixed#CASH_SCALE} in
 * {@code commissionAsset}, and the symbol's trade id. Immutable value.
 */
public record OrderFill(long price, long qty, long commission, String commissionAsset, long tradeId) {
}
