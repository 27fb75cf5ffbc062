package io.ttquant.app.gateway.journal;

import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.OrderStatus;
import java.util.Iterator;
import java.util.Map;

/**
 * Builds a {@link RecoveredState} from a replay. Every record is checked against what came before
 * it; the first contradiction (an order id used twice, a record for an order never journaled, a
 * fill beyond the order's quantity, two open orders with one client order id, an overflow) is kept
 * as an INCONSISTENT {@link JournalError} and the rest of the replay is ignored: the state is then
 * not trusted. A snapshot's SNAPSHOT_BEGIN replaces everything built so far.
 *
 * <p>Each strategy's latest RISK_DAY is kept, and every later fill of the strategy whose record
 * time falls in the same UTC day adds its realised PnL after its fee to the day's realised PnL, with
 * the arithmetic of the risk engine (average cost, {@link io.ttquant.core.portfolio.NetPosition}, the
 * fee as reported with the fill); a fill of a later day is not the old day's. The gateway writes a
 * day's RISK_DAY before the day's first fill (it rolls the risk engine's day before journaling a
 * fill), so a day's start never wipes one of its own fills.
 *
 * <p>The store exporter ({@code io.ttquant.app.store.OrderJournalRows}) follows a growing journal
 * with one as well: it reads {@link #state()} after each record to write the order, fill and
 * position rows, so the store holds exactly what a recovery would rebuild.
 */
public final class StateBuilder implements JournalVisitor {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private final long windowNanos;
    private RecoveredState s = new RecoveredState();
    private JournalError problem;
    private boolean inSnapshot;
    private long snapshotRecords;
    private boolean snapshotClean;

    /** @param windowNanos how long terminal orders and applied fill ids are kept after their last record */
    public StateBuilder(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** The first inconsistency met, or null. */
    public JournalError problem() {
        return problem;
    }

    /**
     * The state built so far, not pruned (see {@link #prune()}); a SNAPSHOT_BEGIN replaces it with
     * a new one, so ask again after each record. Read-only for the caller.
     */
    public RecoveredState state() {
        return s;
    }

    /** The state, pruned to the idempotency window; null when the replay was inconsistent. */
    RecoveredState finish() {
        if (problem == null && inSnapshot) {
            problem = JournalError.inconsistent("snapshot without SNAPSHOT_END", -1);
        }
        if (problem != null) {
            return null;
        }
        prune();
        return s;
    }

    /**
     * Forgets terminal orders, and applied fill ids of orders no longer kept, whose last record is
     * older than the window back from the newest record, as {@link #finish()} does; for a caller
     * that follows a journal for long.
     */
    public void prune() {
        if (windowNanos == Long.MAX_VALUE || s.lastRecordNanos < Long.MIN_VALUE + windowNanos) {
            return;
        }
        long cutoff = s.lastRecordNanos - windowNanos;
        Iterator<RecoveredOrder> it = s.orders.values().iterator();
        while (it.hasNext()) {
            RecoveredOrder o = it.next();
            if (!o.isOpen() && !o.unknown && o.lastUpdateNanos < cutoff) {
                it.remove();
                s.byClientId.remove(RecoveredState.clientKey(o.strategy(), o.clientOrderId()), o);
            }
        }
        Iterator<Map.Entry<RecoveredState.FillKey, RecoveredState.AppliedFill>> fit = s.fills.entrySet().iterator();
        while (fit.hasNext()) {
            RecoveredState.AppliedFill f = fit.next().getValue();
            if (f.timeNanos() < cutoff && !s.orders.containsKey(f.orderId())) {
                fit.remove();
            }
        }
    }

    /** Common bookkeeping; false when the record must be ignored (an earlier problem). */
    private boolean begin(JournalRecord r) {
        if (problem != null) {
            return false;
        }
        s.empty = false;
        if (inSnapshot) {
            snapshotRecords++;
        } else {
            s.lastRecordNanos = Math.max(s.lastRecordNanos, r.timeNanos);
            s.cleanShutdown = false;
        }
        return true;
    }

    private void fail(String why, JournalRecord r) {
        problem = JournalError.inconsistent(r.type() + ": " + why, r.position());
    }

    private RecoveredOrder order(long orderId, JournalRecord r) {
        RecoveredOrder o = s.orders.get(orderId);
        if (o == null) {
            fail("order " + orderId + " was never journaled as submitted (or is outside the kept window)", r);
        }
        return o;
    }

    @Override
    public void onOrderSubmitted(OrderSubmittedRecord r) {
        if (!begin(r)) {
            return;
        }
        if (r.orderId <= 0) {
            fail("order id " + r.orderId + " is not positive", r);
            return;
        }
        if (!inSnapshot && r.orderId < s.nextOrderId) {
            fail("order id " + r.orderId + " reused or out of order (next was " + s.nextOrderId + ")", r);
            return;
        }
        if (s.orders.containsKey(r.orderId)) {
            fail("order id " + r.orderId + " journaled twice", r);
            return;
        }
        if (r.quantity <= 0) {
            fail("order " + r.orderId + " has quantity " + r.quantity, r);
            return;
        }
        String key = RecoveredState.clientKey(r.strategy, r.clientOrderId);
        RecoveredOrder same = s.byClientId.get(key);
        if (same != null && same.isOpen()) {
            fail("client order id " + r.clientOrderId + " of " + r.strategy + " already used by open order " + same.orderId(), r);
            return;
        }
        RecoveredOrder o = new RecoveredOrder(r);
        s.orders.put(r.orderId, o);
        s.byClientId.put(key, o);
        if (!inSnapshot) {
            s.nextOrderId = r.orderId + 1;
        }
    }

    @Override
    public void onOrderState(OrderStateRecord r) {
        if (!begin(r)) {
            return;
        }
        RecoveredOrder o = order(r.orderId, r);
        if (o == null) {
            return;
        }
        if (r.filledQty < 0 || r.filledQty > o.quantity()) {
            fail("order " + r.orderId + " filled " + r.filledQty + " of " + o.quantity(), r);
            return;
        }
        o.status = r.status;
        if (r.status.isTerminal()) {
            // The venue told how the order ended: its state there is known again.
            o.unknown = false;
            o.unknownRequest = null;
        }
        o.rejectCode = r.rejectCode;
        o.filledQty = r.filledQty;
        o.filledNotional = r.filledNotional;
        o.fees = r.fees;
        if (r.venueOrderId != 0) {
            o.venueOrderId = r.venueOrderId;
        }
        o.lastUpdateNanos = r.timeNanos;
    }

    @Override
    public void onFill(FillRecord r) {
        if (!begin(r)) {
            return;
        }
        if (inSnapshot) {
            fail("a fill inside a snapshot", r);
            return;
        }
        RecoveredOrder o = order(r.orderId, r);
        if (o == null) {
            return;
        }
        RecoveredState.FillKey key = new RecoveredState.FillKey(o.venue(), o.symbol(), r.tradeId);
        if (s.fills.containsKey(key)) {
            s.duplicateFillsSkipped++;
            return;
        }
        if (r.qty <= 0 || r.qty > o.remainingQty()) {
            fail("fill of " + r.qty + " does not fit order " + r.orderId + " (" + o.filledQty + " of " + o.quantity()
                    + " filled)", r);
            return;
        }
        RecoveredPosition strategy = position(s.positions, o.strategy(), o, r);
        RecoveredPosition account = position(s.accounts, "", o, r);
        if (strategy == null || account == null) {
            return;
        }
        try {
            long notional = Fixed.notional(r.price, o.priceScale(), r.qty, o.qtyScale());
            o.filledNotional = Math.addExact(o.filledNotional, notional);
            o.fees = Math.addExact(o.fees, r.fee);
            long realized = strategy.apply(o.side(), r.qty, r.price);
            RecoveredRiskDay day = s.riskDays.get(o.strategy());
            if (day != null && day.epochDay == Math.floorDiv(r.timeNanos, NANOS_PER_DAY)) {
                day.dayRealized = Math.addExact(day.dayRealized, Math.subtractExact(realized, r.fee));
                day.lastUpdateNanos = r.timeNanos;
            }
            strategy.addFee(r.feeAsset, r.fee);
            account.apply(o.side(), r.qty, r.price);
            account.addFee(r.feeAsset, r.fee);
        } catch (ArithmeticException e) {
            fail("arithmetic overflow applying the fill to order " + r.orderId + ": " + e.getMessage(), r);
            return;
        }
        o.filledQty += r.qty;
        if (o.filledQty == o.quantity()) {
            o.status = OrderStatus.FILLED;
        } else if (o.status == OrderStatus.NEW || o.status == OrderStatus.ACCEPTED) {
            o.status = OrderStatus.PARTIALLY_FILLED;
        }
        o.lastUpdateNanos = r.timeNanos;
        s.fills.put(key, new RecoveredState.AppliedFill(r.orderId, r.timeNanos));
    }

    private RecoveredPosition position(Map<String, RecoveredPosition> map, String strategy, RecoveredOrder o, JournalRecord r) {
        String key = RecoveredState.positionKey(strategy, o.venue(), o.symbol());
        RecoveredPosition p = map.get(key);
        if (p == null) {
            p = new RecoveredPosition(strategy, o.venue(), o.symbol(), o.priceScale(), o.qtyScale());
            map.put(key, p);
        } else if (p.priceScale() != o.priceScale() || p.qtyScale() != o.qtyScale()) {
            fail("order " + o.orderId() + " has scales " + o.priceScale() + "/" + o.qtyScale() + " but " + o.symbol()
                    + " had " + p.priceScale() + "/" + p.qtyScale(), r);
            return null;
        }
        return p;
    }

    @Override
    public void onOrderUnknown(OrderUnknownRecord r) {
        if (!begin(r)) {
            return;
        }
        RecoveredOrder o = order(r.orderId, r);
        if (o != null) {
            o.unknown = true;
            o.unknownRequest = r.request;
            o.lastUpdateNanos = r.timeNanos;
        }
    }

    @Override
    public void onOrderResolved(OrderResolvedRecord r) {
        if (!begin(r)) {
            return;
        }
        if (inSnapshot) {
            fail("a resolution inside a snapshot", r);
            return;
        }
        RecoveredOrder o = order(r.orderId, r);
        if (o != null) {
            o.unknown = false;
            o.unknownRequest = null;
            o.status = r.status;
            o.rejectCode = r.rejectCode;
            if (r.venueOrderId != 0) {
                o.venueOrderId = r.venueOrderId;
            }
            o.lastUpdateNanos = r.timeNanos;
        }
    }

    @Override
    public void onKillSwitch(KillSwitchRecord r) {
        if (begin(r)) {
            s.killSwitchEngaged = r.engaged;
            s.killSwitchReason = r.reason;
        }
    }

    @Override
    public void onStrategyState(StrategyStateRecord r) {
        if (begin(r)) {
            s.strategyStates.put(r.strategy, r.state);
            s.strategyReasons.put(r.strategy, r.reason);
        }
    }

    @Override
    public void onRiskDay(RiskDayRecord r) {
        if (begin(r)) {
            putRiskDay(r);
        }
    }

    @Override
    public void onSnapshotRiskDay(RiskDayRecord r) {
        if (!begin(r)) {
            return;
        }
        if (!inSnapshot) {
            fail("a snapshot risk day outside a snapshot", r);
            return;
        }
        putRiskDay(r);
    }

    private void putRiskDay(RiskDayRecord r) {
        if (r.strategy.isEmpty()) {
            fail("a risk day without a strategy", r);
            return;
        }
        s.riskDays.put(r.strategy, new RecoveredRiskDay(r));
    }

    @Override
    public void onShutdown(ShutdownRecord r) {
        if (!begin(r)) {
            return;
        }
        if (inSnapshot) {
            fail("a shutdown inside a snapshot", r);
            return;
        }
        s.cleanShutdown = true;
    }

    @Override
    public void onSnapshotBegin(SnapshotBeginRecord r) {
        if (problem != null) {
            return;
        }
        if (inSnapshot) {
            fail("a snapshot inside a snapshot", r);
            return;
        }
        s = new RecoveredState();
        s.empty = false;
        s.nextOrderId = r.nextOrderId;
        s.lastRecordNanos = r.timeNanos;
        snapshotClean = r.cleanShutdown;
        snapshotRecords = 0;
        inSnapshot = true;
    }

    @Override
    public void onSnapshotPosition(SnapshotPositionRecord r) {
        if (!begin(r)) {
            return;
        }
        if (!inSnapshot) {
            fail("a snapshot position outside a snapshot", r);
            return;
        }
        boolean account = r.strategy.isEmpty();
        String key = RecoveredState.positionKey(r.strategy, r.venue, r.symbol);
        Map<String, RecoveredPosition> map = account ? s.accounts : s.positions;
        if (map.containsKey(key)) {
            fail("position " + key.replace('\n', ' ') + " twice in a snapshot", r);
            return;
        }
        RecoveredPosition p = new RecoveredPosition(r.strategy, r.venue, r.symbol, r.priceScale, r.qtyScale);
        p.restore(r.netQty, r.costBasis, r.realizedPnl);
        for (int i = 0; i < r.feeCount; i++) {
            p.addFee(r.feeAssets[i], r.feeAmounts[i]);
        }
        map.put(key, p);
    }

    @Override
    public void onSnapshotFill(SnapshotFillRecord r) {
        if (!begin(r)) {
            return;
        }
        if (!inSnapshot) {
            fail("a snapshot fill outside a snapshot", r);
            return;
        }
        s.fills.put(new RecoveredState.FillKey(r.venue, r.symbol, r.tradeId), new RecoveredState.AppliedFill(r.orderId, r.timeNanos));
    }

    @Override
    public void onSnapshotEnd(SnapshotEndRecord r) {
        if (problem != null) {
            return;
        }
        if (!inSnapshot) {
            fail("SNAPSHOT_END without SNAPSHOT_BEGIN", r);
            return;
        }
        if (r.records != snapshotRecords) {
            fail("snapshot announces " + r.records + " records but holds " + snapshotRecords, r);
            return;
        }
        inSnapshot = false;
        s.cleanShutdown = snapshotClean;
    }
}
