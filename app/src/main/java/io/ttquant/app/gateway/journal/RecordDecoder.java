package io.ttquant.app.gateway.journal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Decodes a record body into this decoder's own instance of its type and hands it to a visitor.
 * One instance per replay; the record objects are reused from one record to the next.
 */
final class RecordDecoder {
    private final OrderSubmittedRecord submitted = new OrderSubmittedRecord();
    private final OrderStateRecord state = new OrderStateRecord();
    private final FillRecord fill = new FillRecord();
    private final OrderUnknownRecord unknown = new OrderUnknownRecord();
    private final OrderResolvedRecord resolved = new OrderResolvedRecord();
    private final KillSwitchRecord killSwitch = new KillSwitchRecord();
    private final StrategyStateRecord strategyState = new StrategyStateRecord();
    private final ShutdownRecord shutdown = new ShutdownRecord();
    private final RiskDayRecord riskDay = new RiskDayRecord();
    private final RiskDayRecord snapshotRiskDay = new RiskDayRecord(RecordType.SNAPSHOT_RISK_DAY);
    private final SnapshotBeginRecord snapshotBegin = new SnapshotBeginRecord();
    private final SnapshotPositionRecord snapshotPosition = new SnapshotPositionRecord();
    private final SnapshotFillRecord snapshotFill = new SnapshotFillRecord();
    private final SnapshotEndRecord snapshotEnd = new SnapshotEndRecord();

    /**
     * Decodes the body between the buffer's position and limit (the whole of it must be used) and
     * calls the visitor; throws {@link MalformedRecordException} when the body does not parse.
     */
    void dispatch(RecordType type, ByteBuffer body, long position, JournalVisitor v) {
        JournalRecord r = record(type);
        try {
            r.decode(body);
        } catch (BufferUnderflowException e) {
            throw new MalformedRecordException(type + " body shorter than its fields");
        }
        if (body.hasRemaining()) {
            throw new MalformedRecordException(type + " body has " + body.remaining() + " bytes after its fields");
        }
        r.position(position);
        switch (type) {
            case ORDER_SUBMITTED -> v.onOrderSubmitted(submitted);
            case ORDER_STATE -> v.onOrderState(state);
            case FILL -> v.onFill(fill);
            case ORDER_UNKNOWN -> v.onOrderUnknown(unknown);
            case ORDER_RESOLVED -> v.onOrderResolved(resolved);
            case KILL_SWITCH -> v.onKillSwitch(killSwitch);
            case STRATEGY_STATE -> v.onStrategyState(strategyState);
            case SHUTDOWN -> v.onShutdown(shutdown);
            case RISK_DAY -> v.onRiskDay(riskDay);
            case SNAPSHOT_BEGIN -> v.onSnapshotBegin(snapshotBegin);
            case SNAPSHOT_POSITION -> v.onSnapshotPosition(snapshotPosition);
            case SNAPSHOT_FILL -> v.onSnapshotFill(snapshotFill);
            case SNAPSHOT_END -> v.onSnapshotEnd(snapshotEnd);
            case SNAPSHOT_RISK_DAY -> v.onSnapshotRiskDay(snapshotRiskDay);
            default -> throw new IllegalStateException("no decoder for " + type);
        }
    }

    private JournalRecord record(RecordType type) {
        return switch (type) {
            case ORDER_SUBMITTED -> submitted;
            case ORDER_STATE -> state;
            case FILL -> fill;
            case ORDER_UNKNOWN -> unknown;
            case ORDER_RESOLVED -> resolved;
            case KILL_SWITCH -> killSwitch;
            case STRATEGY_STATE -> strategyState;
            case SHUTDOWN -> shutdown;
            case RISK_DAY -> riskDay;
            case SNAPSHOT_BEGIN -> snapshotBegin;
            case SNAPSHOT_POSITION -> snapshotPosition;
            case SNAPSHOT_FILL -> snapshotFill;
            case SNAPSHOT_END -> snapshotEnd;
            case SNAPSHOT_RISK_DAY -> snapshotRiskDay;
        };
    }
}
