package io.ttquant.core.exchange;

import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;

/**
 * Receives the executions of a {@link SimulatedExchange}: the same reports, in the same order, as a
 * real venue adapter delivers through {@link io.ttquant.core.venue.ExecutionListener}, which this
 * interface extends so that either type can be handed to the exchange.
 *
 * <p>Called synchronously on the exchange's single thread, from inside
 * {@link SimulatedExchange#advanceTo(long)} or {@link SimulatedExchange#onMarketEvent}. An
 * implementation may call {@link SimulatedExchange#submit} and {@link SimulatedExchange#cancel}
 * (they only queue a message that arrives after the latency) but must never re-enter
 * {@code advanceTo} or {@code onMarketEvent}, and must never mutate the order.
 */
public interface ExecutionListener extends io.ttquant.core.venue.ExecutionListener {
    /**
     * Called after every status change of an order (accepted, rejected, canceled, expired,
     * partially filled, filled) and when a stop triggers (status unchanged, {@link Order#isTriggered()} true).
     */
    @Override
    void onOrderUpdate(Order order);

    /**
     * Called for each execution, after the order has recorded it and BEFORE the
     * {@link #onOrderUpdate(Order)} of the resulting status.
     */
    @Override
    void onFill(Order order, Fill fill);
}
