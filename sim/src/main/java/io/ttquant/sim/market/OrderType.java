package io.ttquant.sim.market;

/**
 * Binance spot order types. Stop and take-profit types wait for the last trade price to reach
 * {@code stopPrice}, then work as a MARKET ({@link #STOP_LOSS}, {@link #TAKE_PROFIT}) or a LIMIT
 * order (the {@code _LIMIT} variants).
 */
public enum OrderType {
    LIMIT,
    MARKET,
    STOP_LOSS,
    STOP_LOSS_LIMIT,
    TAKE_PROFIT,
    TAKE_PROFIT_LIMIT,
    LIMIT_MAKER;

    /** True when the order carries a limit {@code price}. */
    public boolean hasPrice() {
        return this == LIMIT || this == LIMIT_MAKER || this == STOP_LOSS_LIMIT || this == TAKE_PROFIT_LIMIT;
    }

    /** True for the four types that wait for {@code stopPrice}. */
    public boolean isStop() {
        return this == STOP_LOSS || this == STOP_LOSS_LIMIT || this == TAKE_PROFIT || this == TAKE_PROFIT_LIMIT;
    }

    /** True when the type requires {@code timeInForce}. */
    public boolean needsTimeInForce() {
        return this == LIMIT || this == STOP_LOSS_LIMIT || this == TAKE_PROFIT_LIMIT;
    }

    /** True when the order executes like a MARKET order once working. */
    public boolean isMarketLike() {
        return this == MARKET || this == STOP_LOSS || this == TAKE_PROFIT;
    }

    /** The type named {@code text} exactly, or null. */
    public static OrderType parse(String text) {
        for (OrderType t : values()) {
            if (t.name().equals(text)) {
                return t;
            }
        }
        return null;
    }
}
