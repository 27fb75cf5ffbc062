package io.ttquant.store.trading;

/** A position snapshot of one strategy in one instrument, as stored in {@code positions}. */
public record PositionRow(String venue, String strategy, String symbol, long timeNanos, long netQty, long costBasis,
                          long realizedPnl, int priceScale, int qtyScale) {
}
