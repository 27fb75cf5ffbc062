package io.ttquant.core.exchange;

/**
 * Where a market order fills when the only market data is bars (no book, quote or trade known).
 */
public enum BarFillMode {
    /**
     * The order waits for the next bar and fills at its open, stamped with the open time (never
     * earlier than the order's own last update). The honest default: an order decided on bar t's
     * close cannot have traded at that close.
     */
    NEXT_OPEN,
    /**
     * The order fills at once at the last bar's close: for strategies that assume they trade at
     * the close they just saw. Optimistic; the remainder left by a volume cap still fills at the
     * following bars' opens.
     */
    CLOSE
}
