package io.ttquant.app.gateway;

import io.ttquant.app.gateway.journal.OrderUnknownRecord;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.risk.TradingState;

/**
 * Where the {@link OrderGateway} writes down, on its thread and in the order they happen, the events
 * it needs to rebuild its state after a restart: an order's submission before it leaves for the
 * venue, each fill and then the state it led to, every other state change, an answer the venue lost
 * and how it was resolved, the kill switch, strategy states, each strategy's trading day for the
 * daily-loss limit and a clean shutdown. {@link JournalEventLog} writes them to the order journal;
 * {@link #NONE} forgets them (tests, benchmarks and tools that need no recovery).
 *
 * <p>Each call answers whether the event was written (as durably as the log's policy promises);
 * false means the log has failed for good, {@link #failure()} says why, and the gateway must refuse
 * to trade from then on. An implementation must not allocate per event in the steady state, must
 * never throw for an I/O problem (a bug may throw) and is called from the gateway's thread only.
 */
public interface OrderEventLog {
    /** Writes nothing and never fails. */
    OrderEventLog NONE = new OrderEventLog() {
        @Override
        public boolean submitted(long nowNanos, Order order) {
            return true;
        }

        @Override
        public boolean fill(long nowNanos, Fill fill, long tradeId) {
            return true;
        }

        @Override
        public boolean state(long nowNanos, Order order, long venueOrderId) {
            return true;
        }
    };

    /** The order passed every check and is about to leave for the venue (or waits, as a replacement, for its original's cancel). */
    boolean submitted(long nowNanos, Order order);

    /** A fill of a submitted order, under the venue's trade id {@code tradeId}; the order's new state follows with {@link #state}. */
    boolean fill(long nowNanos, Fill fill, long tradeId);

    /** The order's current status, reason, filled quantity, notional and fees. */
    boolean state(long nowNanos, Order order, long venueOrderId);

    /** The kill switch was engaged or released. */
    default boolean killSwitch(long nowNanos, boolean engaged, String reason) {
        return true;
    }

    /** The operator set a strategy's trading state. */
    default boolean strategyState(long nowNanos, String strategy, TradingState state, String reason) {
        return true;
    }

    /**
     * Where a strategy's trading day stands for the daily-loss limit ({@link io.ttquant.core.risk.RiskDayListener}):
     * the epoch day, realised PnL after fees since its start, unrealised PnL at its start (cash
     * scale) and the loss state.
     */
    default boolean riskDay(long nowNanos, String strategy, long epochDay, long dayRealized, long dayStartUnrealized,
                            TradingState lossState) {
        return true;
    }

    /** The venue's answer to {@code request} about the order never came: its state there is unknown. */
    default boolean orderUnknown(long nowNanos, long orderId, OrderUnknownRecord.Request request) {
        return true;
    }

    /** The state of an order that was unknown is known again: its status and reason now, and the venue's id (0 when none). */
    default boolean orderResolved(long nowNanos, Order order, long venueOrderId) {
        return true;
    }

    /** The gateway stops cleanly: nothing is in flight. */
    default boolean shutdown(long nowNanos) {
        return true;
    }

    /** Duty cycle: lets a log with a group-commit deadline sync when it is due; returns the work done. */
    default int doWork() {
        return 0;
    }

    /** Why the log failed, or null while it works. */
    default String failure() {
        return null;
    }
}
