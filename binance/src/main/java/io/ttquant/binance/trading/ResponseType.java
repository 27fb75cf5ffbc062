package io.ttquant.binance.trading;

/**
 * Binance's {@code newOrderRespType}: ACK (ids and time only), RESULT (the order's state) or FULL
 * (the state and the fills it made at once).
 */
public enum ResponseType {
    ACK,
    RESULT,
    FULL
}
