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
    END_OF_DATA(4004, "backtest data ended with the order open"),
    MAX_ORDER_QTY_EXCEEDED(5001, "order quantity above the risk limit"),
    MAX_ORDER_NOTIONAL_EXCEEDED(5002, "order notional above the risk limit"),
    MAX_POSITION_EXCEEDED(5003, "position with open orders would exceed the limit"),
    PRICE_OUTSIDE_COLLAR(5004, "price too far from the reference price"),
    NO_REFERENCE_PRICE(5005, "no reference price to check the order against"),
    ORDER_RATE_EXCEEDED(5006, "strategy order rate limit reached"),
    GLOBAL_ORDER_RATE_EXCEEDED(5007, "global order rate limit reached"),
    CANCEL_RATE_EXCEEDED(5008, "strategy cancel rate limit reached"),
    GLOBAL_CANCEL_RATE_EXCEEDED(5009, "global cancel rate limit reached"),
    MAX_OPEN_ORDERS_EXCEEDED(5010, "strategy has too many open orders"),
    GLOBAL_MAX_OPEN_ORDERS_EXCEEDED(5011, "too many open orders in total"),
    DUPLICATE_ORDER(5012, "same order sent again within the duplicate window"),
    STRATEGY_REDUCE_ONLY(5013, "strategy is reduce-only and the order would not reduce the position"),
    STRATEGY_HALTED(5014, "strategy is halted"),
    KILL_SWITCH_ENGAGED(5015, "kill switch engaged"),
    UNKNOWN_STRATEGY(5016, "strategy not known to the risk engine"),
    EMPTY_COMMAND(6001, "order command carries no new order, cancel or replace"),
    INVALID_SIDE(6002, "side missing or unknown"),
    INVALID_ORDER_TYPE(6003, "order type missing or unknown"),
    INVALID_TIME_IN_FORCE_VALUE(6004, "time in force missing or unknown"),
    INVALID_CLIENT_ORDER_ID(6005, "client order id missing or longer than 36 characters"),
    SCALE_MISMATCH(6006, "price or quantity scale differs from the instrument's"),
    INVALID_QUANTITY(6007, "quantity missing or not positive"),
    INVALID_PRICE(6008, "negative price, or a price on an order type that has none"),
    UNKNOWN_VENUE(6009, "venue not served by this gateway"),
    REPLACE_NOT_SUPPORTED(6010, "replace is not supported yet; cancel and send a new order"),
    VENUE_REJECTED(7001, "the exchange refused the order or cancel (its code and message in the report)"),
    VENUE_UNAVAILABLE(7002, "the exchange could not be reached; the request was not sent"),
    VENUE_RATE_LIMITED(7003, "the exchange's request-weight or order-count limit, or its back-off after 429/418; not sent"),
    VENUE_ORDER_NOT_PLACED(7004, "the exchange's answer was lost and querying proved the order was never placed"),
    GATEWAY_NOT_READY(7005, "the gateway has not reconciled its state with the venue (or could not) and refuses to trade");

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
