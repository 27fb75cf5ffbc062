package io.ttquant.app.gateway;

import io.ttquant.app.gateway.journal.OrderUnknownRecord;
import io.ttquant.core.order.Order;

/**
 * Told by a venue, on the gateway's thread, when the state of an order at the exchange becomes
 * unknown (the answer to a new order or a cancel was lost: a timeout, a 5xx, a dropped connection)
 * and when it is known again (found by a query, the stream or a cancel's answer, or proven never
 * placed), so that the gateway journals ORDER_UNKNOWN and ORDER_RESOLVED and a restart knows which
 * orders to ask the venue about. The {@link OrderGateway} is one: a venue finds it as the
 * {@link io.ttquant.core.venue.ExecutionListener} it was built with. A venue that always knows its
 * orders' state (the paper venue) never calls it. Reports of fills and states still go through the
 * execution listener; this only marks the doubt. Must not throw.
 */
public interface UnknownOrderListener {
    /** Hears nothing. */
    UnknownOrderListener NONE = new UnknownOrderListener() {
        @Override
        public void onOrderUnknown(Order order, OrderUnknownRecord.Request request) {
        }

        @Override
        public void onOrderResolved(Order order, long venueOrderId) {
        }
    };

    /** The answer to {@code request} about {@code order} was lost: its state at the venue is unknown until resolved. */
    void onOrderUnknown(Order order, OrderUnknownRecord.Request request);

    /**
     * The order's state is known again; called after the fills and state found on the way were
     * reported, so {@code order} holds its status now. {@code venueOrderId} is the exchange's id, 0
     * when it has none (never placed).
     */
    void onOrderResolved(Order order, long venueOrderId);
}
