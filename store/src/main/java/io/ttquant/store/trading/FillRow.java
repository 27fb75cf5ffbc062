package io.ttquant.store.trading;

/**
 * One execution, as stored in {@code fills}; unique on (venue, symbol, tradeId, time). liquidity is
 * 'M' (maker), 'T' (taker) or 0 when unknown; fee at {@code Fixed.CASH_SCALE} in feeAsset.
 */
public record FillRow(String venue, String symbol, long tradeId, long timeNanos, long orderId, String strategy,
                      char side, long qty, long price, int priceScale, int qtyScale, long fee, String feeAsset,
                      char liquidity) {
}
