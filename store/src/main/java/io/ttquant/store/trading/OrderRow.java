package io.ttquant.store.trading;

/**
 * One order's latest known state, as stored in {@code orders}. Prices and quantities are raw at
 * their scales, cash values at {@code Fixed.CASH_SCALE}; times in epoch nanoseconds. Enum-valued
 * columns hold the core enum's name (side as 'B'/'S'); rejectReason is the reason code or 0.
 */
public record OrderRow(String venue, long orderId, String strategy, String clientOrderId, String symbol, char side,
                       String orderType, String timeInForce, long price, long stopPrice, long qty, int priceScale,
                       int qtyScale, boolean reduceOnly, String status, int rejectReason, long filledQty,
                       long filledNotional, long fees, String venueOrderId, long createdNanos, long updatedNanos) {
}
