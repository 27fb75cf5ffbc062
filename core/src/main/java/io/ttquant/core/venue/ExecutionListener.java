package io.ttquant.core.venue;

import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;

/**
 * Receives what a venue reports about orders. Called on the venue's thread; an implementation that
 * serves strategies queues the reports and delivers them after the current callback, so that no
 * strategy is re-entered.
 */
public interface ExecutionListener {
    /** After every status change of an order, and when a stop order triggers. */
    void onOrderUpdate(Order order);

    /** For each execution, before the order update of the resulting status. */
    void onFill(Order order, Fill fill);
}
