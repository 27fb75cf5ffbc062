package io.ttquant.app.store;

import io.ttquant.app.gateway.journal.FillRecord;
import io.ttquant.app.gateway.journal.JournalError;
import io.ttquant.app.gateway.journal.JournalRecord;
import io.ttquant.app.gateway.journal.JournalVisitor;
import io.ttquant.app.gateway.journal.KillSwitchRecord;
import io.ttquant.app.gateway.journal.OrderResolvedRecord;
import io.ttquant.app.gateway.journal.OrderStateRecord;
import io.ttquant.app.gateway.journal.OrderSubmittedRecord;
import io.ttquant.app.gateway.journal.OrderUnknownRecord;
import io.ttquant.app.gateway.journal.RecoveredOrder;
import io.ttquant.app.gateway.journal.RecoveredPosition;
import io.ttquant.app.gateway.journal.RecoveredState;
import io.ttquant.app.gateway.journal.RiskDayRecord;
import io.ttquant.app.gateway.journal.ShutdownRecord;
import io.ttquant.app.gateway.journal.SnapshotBeginRecord;
import io.ttquant.app.gateway.journal.SnapshotEndRecord;
import io.ttquant.app.gateway.journal.SnapshotFillRecord;
import io.ttquant.app.gateway.journal.SnapshotPositionRecord;
import io.ttquant.app.gateway.journal.StateBuilder;
import io.ttquant.app.gateway.journal.StrategyStateRecord;
import io.ttquant.core.order.LiquiditySide;
import io.ttquant.core.order.Side;
import io.ttquant.store.trading.FillRow;
import io.ttquant.store.trading.OrderRow;
import io.ttquant.store.trading.PositionRow;
import io.ttquant.store.trading.TradingBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Turns the gateway's order journal, read in order, into the store's rows. The state comes from
 * the journal's own replay ({@link StateBuilder}: every order's terms and latest state, every
 * strategy's position with core's average-cost arithmetic, the fills already applied, the same
 * consistency checks), so the store holds what a recovery rebuilds. For the records after the
 * export threshold (the store's saved progress) this also collects rows from that state:
 * ORDER_SUBMITTED, ORDER_STATE, ORDER_RESOLVED and FILL give the order's row (the latest per order
 * in a batch), a FILL its fill row and a position row of its strategy and instrument after it. A
 * fill seen again (same venue, symbol and trade id) is not applied twice and gives no row. Other
 * record types give no row.
 *
 * <p>A snapshot at the start (the journal was compacted) rebuilds the state. When it covers
 * records after the threshold (they were compacted before they were exported: the exporter was
 * not configured, or the store was not written for a while), its orders and positions are
 * exported as rows and the gap is counted; the fills it folded away cannot be, and that is said,
 * never hidden.
 *
 * <p>A contradiction (a record for an order never journaled, an id used twice, an overflow) is
 * kept as {@link #problem()} and everything after it ignored: the exporter then stops exporting
 * rather than write a wrong row. Used by the exporter's thread only; it allocates (rows, strings),
 * which is fine off the trading path.
 */
final class OrderJournalRows implements JournalVisitor {
    /** Terminal orders and applied fills are forgotten this many records apart at most. */
    private static final int PRUNE_EVERY = 4096;

    /** The key a position row has in the store: its time there has microseconds. */
    private record PositionRowKey(String venue, String strategy, String symbol, long micros) {
    }

    private final StateBuilder replay;
    private long exportAfter = Long.MAX_VALUE;
    private boolean inSnapshot;
    private int sincePrune;
    private long compactedBeforeExport;

    private final LinkedHashMap<Long, OrderRow> orderRows = new LinkedHashMap<>();
    private final List<FillRow> fillRows = new ArrayList<>();
    private final LinkedHashMap<PositionRowKey, PositionRow> positionRows = new LinkedHashMap<>();
    private int pendingRecords;

    /** @param windowNanos how long terminal orders and applied fills are remembered after their last record (the journal's window) */
    OrderJournalRows(long windowNanos) {
        this.replay = new StateBuilder(windowNanos);
    }

    /** Records ending at or below {@code position} only build state; those after it give rows. -1: every record gives rows. */
    void exportAfter(long position) {
        this.exportAfter = position;
    }

    long exportAfter() {
        return exportAfter;
    }

    /** Whether the last record read was inside a snapshot (no batch may end there: all its records share one position). */
    boolean inSnapshot() {
        return inSnapshot;
    }

    /** The first contradiction met, or null. */
    String problem() {
        JournalError e = replay.problem();
        return e == null ? null : e.message();
    }

    /** Journal position of the record with the problem, -1 when none. */
    long problemPosition() {
        JournalError e = replay.problem();
        return e == null ? -1 : e.offset();
    }

    /** Records after the threshold read since the last {@link #drainInto}. */
    int pendingRecords() {
        return pendingRecords;
    }

    /** Moves the rows collected into {@code batch} (orders, fills, then positions, each in journal order) and starts anew. */
    void drainInto(TradingBatch batch) {
        for (OrderRow r : orderRows.values()) {
            batch.addOrder(r);
        }
        for (FillRow r : fillRows) {
            batch.addFill(r);
        }
        for (PositionRow r : positionRows.values()) {
            batch.addPosition(r);
        }
        orderRows.clear();
        fillRows.clear();
        positionRows.clear();
        pendingRecords = 0;
    }

    /** Journal bytes a snapshot folded away before they were exported (0 when none). */
    long compactedBeforeExport() {
        return compactedBeforeExport;
    }

    // ------------------------------------------------------------------ records

    /**
     * Counts a record before the replay sees it (and prunes the replay's state now and then);
     * returns whether it gives rows: it ends after the threshold and the journal made sense so far.
     */
    private boolean exports(JournalRecord r) {
        if (replay.problem() != null) {
            return false;
        }
        if (!inSnapshot && ++sincePrune >= PRUNE_EVERY) {
            sincePrune = 0;
            replay.prune();
        }
        if (r.position() <= exportAfter) {
            return false;
        }
        pendingRecords++;
        return true;
    }

    private boolean consistent() {
        return replay.problem() == null;
    }

    private void orderRow(long orderId) {
        RecoveredOrder o = replay.state().order(orderId);
        orderRows.remove(orderId); // the latest state goes last, after the rows before it
        orderRows.put(orderId, new OrderRow(o.venue(), orderId, o.strategy(), o.clientOrderId(), o.symbol(),
                side(o.side()), o.type().name(), o.timeInForce().name(), o.price(), o.stopPrice(), o.quantity(),
                o.priceScale(), o.qtyScale(), o.reduceOnly(), o.status().name(), o.rejectCode(), o.filledQty(),
                o.filledNotional(), o.fees(), o.venueOrderId() == 0 ? null : Long.toString(o.venueOrderId()),
                o.createdNanos(), o.lastUpdateNanos()));
    }

    private void positionRow(RecoveredPosition p, long timeNanos) {
        PositionRowKey k = new PositionRowKey(p.venue(), p.strategy(), p.symbol(), Math.floorDiv(timeNanos, 1_000L));
        positionRows.remove(k); // the store keeps one row per microsecond: the later one wins, in order
        positionRows.put(k, new PositionRow(p.venue(), p.strategy(), p.symbol(), timeNanos, p.netQty(), p.costBasis(),
                p.realizedPnl(), p.priceScale(), p.qtyScale()));
    }

    @Override
    public void onOrderSubmitted(OrderSubmittedRecord r) {
        boolean export = exports(r);
        replay.onOrderSubmitted(r);
        if (export && consistent()) {
            orderRow(r.orderId);
        }
    }

    @Override
    public void onOrderState(OrderStateRecord r) {
        boolean export = exports(r);
        replay.onOrderState(r);
        if (export && consistent()) {
            orderRow(r.orderId);
        }
    }

    @Override
    public void onOrderUnknown(OrderUnknownRecord r) {
        exports(r);
        replay.onOrderUnknown(r);
    }

    @Override
    public void onOrderResolved(OrderResolvedRecord r) {
        boolean export = exports(r);
        replay.onOrderResolved(r);
        if (export && consistent()) {
            orderRow(r.orderId);
        }
    }

    @Override
    public void onFill(FillRecord r) {
        boolean export = exports(r);
        long duplicates = replay.state().duplicateFillsSkipped();
        replay.onFill(r);
        RecoveredState s = replay.state();
        if (!export || !consistent() || s.duplicateFillsSkipped() != duplicates) {
            return; // a fill the venue reported again is applied once, and gives no row
        }
        RecoveredOrder o = s.order(r.orderId);
        fillRows.add(new FillRow(o.venue(), o.symbol(), r.tradeId, r.timeNanos, r.orderId, o.strategy(), side(o.side()),
                r.qty, r.price, o.priceScale(), o.qtyScale(), r.fee, r.feeAsset, liquidity(r.liquidity)));
        positionRow(s.position(o.strategy(), o.venue(), o.symbol()), r.timeNanos);
        orderRow(r.orderId);
    }

    @Override
    public void onKillSwitch(KillSwitchRecord r) {
        exports(r);
        replay.onKillSwitch(r);
    }

    @Override
    public void onStrategyState(StrategyStateRecord r) {
        exports(r);
        replay.onStrategyState(r);
    }

    @Override
    public void onRiskDay(RiskDayRecord r) {
        exports(r);
        replay.onRiskDay(r);
    }

    @Override
    public void onShutdown(ShutdownRecord r) {
        exports(r);
        replay.onShutdown(r);
    }

    @Override
    public void onSnapshotBegin(SnapshotBeginRecord r) {
        if (!consistent()) {
            return;
        }
        replay.onSnapshotBegin(r);
        if (!consistent()) {
            return;
        }
        inSnapshot = true;
        if (exports(r)) {
            compactedBeforeExport = r.position() - Math.max(0, exportAfter);
        }
    }

    @Override
    public void onSnapshotPosition(SnapshotPositionRecord r) {
        boolean export = exports(r);
        replay.onSnapshotPosition(r);
        if (export && consistent() && !r.strategy.isEmpty()) { // an account position: the strategies' sum, not stored
            positionRow(replay.state().position(r.strategy, r.venue, r.symbol), r.timeNanos);
        }
    }

    @Override
    public void onSnapshotFill(SnapshotFillRecord r) {
        exports(r);
        replay.onSnapshotFill(r);
    }

    @Override
    public void onSnapshotRiskDay(RiskDayRecord r) {
        exports(r);
        replay.onSnapshotRiskDay(r);
    }

    @Override
    public void onSnapshotEnd(SnapshotEndRecord r) {
        exports(r);
        replay.onSnapshotEnd(r);
        inSnapshot = false;
    }

    private static char side(Side s) {
        return s == Side.BUY ? 'B' : 'S';
    }

    private static char liquidity(LiquiditySide l) {
        return l == null ? 0 : l == LiquiditySide.MAKER ? 'M' : 'T';
    }
}
