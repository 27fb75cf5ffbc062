package io.ttquant.sim.market;

/**
 * One trade printed by a symbol's matching engine. {@code id} counts from 1 per symbol without
 * gaps; {@code price} and {@code qty} are raw at the instrument's scales, {@code quoteQty} at
 * {@link io.ttquant.core.num.Fixed#CASH_SCALE} (price x qty rounded down to 10^-8, the amount
 * that changed hands). {@code buyerMaker} is true when the resting order was the buy.
 */
public record SimTrade(long id, long price, long qty, long quoteQty, long timeMillis, boolean buyerMaker) {
}
