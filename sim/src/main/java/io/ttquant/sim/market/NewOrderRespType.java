package io.ttquant.sim.market;

/**
 * How much the new-order response shows: ACK (ids), RESULT (the order), FULL (the order and its
 * fills). Binance's default is FULL for MARKET and LIMIT and ACK for every other type.
 */
public enum NewOrderRespType {
    ACK,
    RESULT,
    FULL;

    /** Binance's default for {@code type}. */
    public static NewOrderRespType defaultFor(OrderType type) {
        return type == OrderType.MARKET || type == OrderType.LIMIT ? FULL : ACK;
    }

    /** The value named {@code text} exactly, or null. */
    public static NewOrderRespType parse(String text) {
        for (NewOrderRespType t : values()) {
            if (t.name().equals(text)) {
                return t;
            }
        }
        return null;
    }
}
