package io.ttquant.sim.market;

/**
 * Self-trade prevention modes the simulator supports. The taker order's mode decides what
 * happens when it meets a resting order of the same account (Binance's rule). Binance's
 * DECREMENT and TRANSFER are not supported and are refused with -1013.
 */
public enum SelfTradePreventionMode {
    NONE,
    EXPIRE_TAKER,
    EXPIRE_MAKER,
    EXPIRE_BOTH;

    /** The mode named {@code text} exactly, or null. */
    public static SelfTradePreventionMode parse(String text) {
        for (SelfTradePreventionMode m : values()) {
            if (m.name().equals(text)) {
                return m;
            }
        }
        return null;
    }
}
