package io.ttquant.core.order;

/** Order types, as Binance spot names them. */
public enum OrderType {
    MARKET(false, false),
    LIMIT(true, false),
    STOP_MARKET(false, true),
    STOP_LIMIT(true, true);

    private final boolean hasLimitPrice;
    private final boolean hasStopPrice;

    OrderType(boolean hasLimitPrice, boolean hasStopPrice) {
        this.hasLimitPrice = hasLimitPrice;
        this.hasStopPrice = hasStopPrice;
    }

    public boolean hasLimitPrice() {
        return hasLimitPrice;
    }

    public boolean hasStopPrice() {
        return hasStopPrice;
    }
}
