package io.ttquant.core.exchange;

import io.ttquant.core.order.Order;

/**
 * The exchange's private bookkeeping for one live order: where it sits, its priority, its queue
 * position and how much it has filled in the current bar. Pooled and reused by
 * {@link SimulatedExchange}; never handed out, never kept after its order reaches a terminal status.
 */
final class WorkingOrder {
    /** Sent, not yet arrived at the engine (order status NEW). */
    static final int IN_FLIGHT = 0;
    /** In its market's bid or ask list, waiting to be filled as a maker. */
    static final int RESTING = 1;
    /** In its market's stop list, not yet triggered. */
    static final int STOP = 2;
    /** In its market's waiting list: fills at the next bar's open. */
    static final int WAITING = 3;
    /** In no list: being executed right now. */
    static final int DETACHED = 4;

    Order order;
    MarketState market;
    int state;
    boolean accepted;
    /** Resting limit price. */
    long limit;
    /** Time priority among resting orders: larger is later. */
    long seq;
    boolean queueTracked;
    /** Displayed quantity ahead of this order at its price (queue model only). */
    long queueAhead;
    /** Close time of the bar {@link #capFilled} refers to. */
    long capBarTime = Long.MIN_VALUE;
    /** Quantity filled in the bar {@link #capBarTime}, for the volume cap. */
    long capFilled;

    void addCapFill(long barTime, long qty) {
        if (capBarTime != barTime) {
            capBarTime = barTime;
            capFilled = 0;
        }
        capFilled += qty;
    }

    long capUsed(long barTime) {
        return capBarTime == barTime ? capFilled : 0;
    }

    void reset() {
        order = null;
        market = null;
        state = IN_FLIGHT;
        accepted = false;
        limit = 0;
        seq = 0;
        queueTracked = false;
        queueAhead = 0;
        capBarTime = Long.MIN_VALUE;
        capFilled = 0;
    }

    @Override
    public String toString() {
        return "WorkingOrder{state=" + state + " limit=" + limit + " seq=" + seq + " queueAhead="
                + (queueTracked ? Long.toString(queueAhead) : "-") + " " + order + "}";
    }
}
