package io.ttquant.app.gateway.journal;

/**
 * Receives the records of a replay, in journal order, one call per record. The record objects are
 * reused by the reader: copy what you keep. Every method does nothing by default.
 */
public interface JournalVisitor {
    default void onOrderSubmitted(OrderSubmittedRecord r) {
    }

    default void onOrderState(OrderStateRecord r) {
    }

    default void onFill(FillRecord r) {
    }

    default void onOrderUnknown(OrderUnknownRecord r) {
    }

    default void onOrderResolved(OrderResolvedRecord r) {
    }

    default void onKillSwitch(KillSwitchRecord r) {
    }

    default void onStrategyState(StrategyStateRecord r) {
    }

    default void onShutdown(ShutdownRecord r) {
    }

    default void onRiskDay(RiskDayRecord r) {
    }

    default void onSnapshotBegin(SnapshotBeginRecord r) {
    }

    default void onSnapshotPosition(SnapshotPositionRecord r) {
    }

    default void onSnapshotFill(SnapshotFillRecord r) {
    }

    default void onSnapshotEnd(SnapshotEndRecord r) {
    }

    default void onSnapshotRiskDay(RiskDayRecord r) {
    }
}
