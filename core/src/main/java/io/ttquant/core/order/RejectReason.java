package io.ttquant.core.order;

/**
 * Why an order was refused, canceled by the venue or expired. Each reason has a stable numeric
 * code for reports and wire messages. Rejections are values, never exceptions.
 */
public enum RejectReason {
    PRICE_NOT_ON_TICK(1001, "price is not a multiple of the tick size"),
    PRICE_OUT_OF_BOUNDS(1002, "price outside the instrument's min/max price"),
    QTY_NOT_ON_STEP(1003, "quantity is not a multiple of the step size"),
    QTY_BELOW_MIN(1004, "quantity below the minimum"),
    QTY_ABOVE_MAX(1005, "quantity above the maximum"),
    NOTIONAL_BELOW_MIN(1006, "notional below the minimum"),
    MISSING_PRICE(1007, "limit price missing or not positive"),
    MISSING_STOP_PRICE(1008, "stop price missing or not positive"),
    INVALID_TIME_IN_FORCE(1009, "time in force not allowed for this order type"),
    UNKNOWN_INSTRUMENT(1010, "instrument not traded on this venue"),
    DUPLICATE_CLIENT_ORDER_ID(1011, "client order id already used"),
    INSUFFICIENT_BALANCE(2001, "insufficient balance for the order"),
    REDUCE_ONLY_WOULD_INCREASE(2002, "reduce-only order would increase the position"),
    NO_MARKET_PRICE(2003, "no market price known to value the order"),
    POST_ONLY_WOULD_TAKE(3001, "post-only order would take liquidity"),
    FOK_NOT_FILLABLE(3002, "fill-or-kill order could not fill completely"),
    IOC_REMAINDER(3003, "immediate-or-cancel remainder expired"),
    NO_LIQUIDITY(3004, "no liquidity to fill a market order"),
    VOLUME_CAP_EXPIRED(3005, "volume participation cap left the remainder unfilled"),
    UNKNOWN_ORDER(4001, "unknown order"),
    ORDER_NOT_OPEN(4002, "order is not open"),
    STRATEGY_STOPPED(4003, "strategy is stopped"),
    END_OF_DATA(4004, "backtest data ended with the order open");

    private final int code;
    private final String description;

    RejectReason(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }
}
