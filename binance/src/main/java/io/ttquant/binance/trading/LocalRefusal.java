package io.ttquant.binance.trading;

/**
 * Why a request was refused here, before it went out: the venue never saw it, so it is safe to
 * reject or to retry later. Counted per reason.
 */
public enum LocalRefusal {
    /** A 429 or 418 {@code Retry-After} window is running: nothing may be sent. */
    BACKING_OFF,
    /** A 429 for too many new orders (-1015) without {@code Retry-After}: new orders wait for the order window to pass. */
    ORDERS_BACKING_OFF,
    /** The request's weight would exceed a known REQUEST_WEIGHT limit in the current window. */
    WEIGHT_LIMIT,
    /** One more new order would exceed a known ORDERS limit in the current window. */
    ORDER_LIMIT,
    /** One more request would exceed a known RAW_REQUESTS limit in the current window. */
    RAW_REQUEST_LIMIT,
    /** A SIGNED request needs the server time and no sync of it succeeded. */
    NO_SERVER_TIME
}
