package io.ttquant.sim.market;

/** Binance spot time in force. Orders that take none report GTC, as Binance does. */
public enum TimeInForce {
    GTC,
    IOC,
    FOK;

    /** The value named {@code text} exactly, or null. */
    public static TimeInForce parse(String text) {
        for (TimeInForce t : values()) {
            if (t.name().equals(text)) {
                return t;
            }
        }
        return null;
    }
}
