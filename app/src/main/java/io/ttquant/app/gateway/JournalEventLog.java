package io.ttquant.app.gateway;

import io.ttquant.app.gateway.journal.FillRecord;
import io.ttquant.app.gateway.journal.OrderJournal;
import io.ttquant.app.gateway.journal.OrderUnknownRecord;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.risk.TradingState;

/**
 * The {@link OrderEventLog} that writes to the gateway's {@link OrderJournal}. How durable a record
 * is when a call returns is the journal's {@link io.ttquant.app.gateway.journal.SyncPolicy}: with
 * every-record sync (the default) it is on disk, so a report the gateway sends after the call
 * describes only what a restart will find again; with group commit (paper trading only) the last
 * records of a crash's window may be lost although their reports went out. A fill is journaled
 * under the venue's trade id as the gateway knows it ({@link GatewayVenue#tradeId}). Allocates
 * nothing per record, except that the journal reads a pooled order's client order id as a String
 * (created once per order). Gateway thread only.
 */
public final class JournalEventLog implements OrderEventLog {
    private final OrderJournal journal;
    private final String venue;
    private final FillRecord fillRecord = new FillRecord();

    /** @param venue the venue name orders are journaled under */
    public JournalEventLog(OrderJournal journal, String venue) {
        if (journal == null || venue == null) {
            throw new IllegalArgumentException("a journal and a venue name are required");
        }
        this.journal = journal;
        this.venue = venue;
    }

    @Override
    public boolean submitted(long nowNanos, Order order) {
        return journal.appendSubmitted(nowNanos, order, venue) != OrderJournal.FAILED;
    }

    @Override
    public boolean fill(long nowNanos, Fill fill, long tradeId) {
        FillRecord r = fillRecord.set(nowNanos, fill);
        r.tradeId = tradeId;
        return journal.append(r) != OrderJournal.FAILED;
    }

    @Override
    public boolean state(long nowNanos, Order order, long venueOrderId) {
        return journal.appendState(nowNanos, order, venueOrderId) != OrderJournal.FAILED;
    }

    @Override
    public boolean killSwitch(long nowNanos, boolean engaged, String reason) {
        return journal.appendKillSwitch(nowNanos, engaged, reason) != OrderJournal.FAILED;
    }

    @Override
    public boolean strategyState(long nowNanos, String strategy, TradingState state, String reason) {
        return journal.appendStrategyState(nowNanos, strategy, state, reason) != OrderJournal.FAILED;
    }

    @Override
    public boolean riskDay(long nowNanos, String strategy, long epochDay, long dayRealized, long dayStartUnrealized,
                           TradingState lossState) {
        return journal.appendRiskDay(nowNanos, strategy, epochDay, dayRealized, dayStartUnrealized, lossState)
                != OrderJournal.FAILED;
    }

    @Override
    public boolean orderUnknown(long nowNanos, long orderId, OrderUnknownRecord.Request request) {
        return journal.appendUnknown(nowNanos, orderId, request) != OrderJournal.FAILED;
    }

    @Override
    public boolean orderResolved(long nowNanos, Order order, long venueOrderId) {
        return journal.appendResolved(nowNanos, order.orderId(), order.status(), order.reason(), venueOrderId)
                != OrderJournal.FAILED;
    }

    @Override
    public boolean shutdown(long nowNanos) {
        return journal.appendShutdown(nowNanos) != OrderJournal.FAILED && journal.sync() != OrderJournal.FAILED;
    }

    @Override
    public int doWork() {
        return journal.doWork();
    }

    @Override
    public String failure() {
        return journal.failure() == null ? null : journal.failure().describe();
    }

    public OrderJournal journal() {
        return journal;
    }
}
