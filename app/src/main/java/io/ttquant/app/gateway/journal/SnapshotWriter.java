package io.ttquant.app.gateway.journal;

import io.ttquant.core.risk.TradingState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link RecoveredState} as a snapshot file: SNAPSHOT_BEGIN, then per kept order its
 * ORDER_SUBMITTED, ORDER_STATE and (when unknown) ORDER_UNKNOWN, the positions, the applied fill
 * ids, the strategy states, each strategy's latest trading day (SNAPSHOT_RISK_DAY, its realised PnL
 * with the fills after its RISK_DAY added), the kill switch, and SNAPSHOT_END with the count. The file is written
 * under a temporary name, synced and renamed, so it exists whole or not at all. Replaying it gives
 * back the same state.
 */
final class SnapshotWriter {
    private final RecordFramer framer = new RecordFramer();
    private final ByteBuffer buf = ByteBuffer.allocateDirect(256 * 1024).order(ByteOrder.LITTLE_ENDIAN);
    private FileChannel ch;
    private long records;

    /**
     * Writes the snapshot of {@code state} covering segments up to {@code coveredSegment}, the next
     * segment starting at journal position {@code nextBasePosition}; returns its path.
     */
    Path write(Path dir, RecoveredState state, long coveredSegment, long nextBasePosition) throws IOException {
        Path target = JournalFiles.snapshot(dir, coveredSegment);
        ch = JournalFiles.createTemporary(target, FileHeader.of(FileHeader.SNAPSHOT, coveredSegment, nextBasePosition));
        try {
            buf.clear();
            records = 0;
            long t = state.lastRecordNanos;
            SnapshotBeginRecord begin = new SnapshotBeginRecord();
            begin.timeNanos = t;
            begin.nextOrderId = state.nextOrderId;
            begin.coveredSegment = coveredSegment;
            begin.cleanShutdown = state.cleanShutdown;
            put(begin);
            records = 0;
            OrderSubmittedRecord terms = new OrderSubmittedRecord();
            OrderStateRecord orderState = new OrderStateRecord();
            OrderUnknownRecord unknown = new OrderUnknownRecord();
            for (RecoveredOrder o : state.orders.values()) {
                put(o.terms(terms));
                put(o.state(orderState));
                if (o.unknown) {
                    put(unknown.set(o.lastUpdateNanos, o.orderId(), o.unknownRequest));
                }
            }
            SnapshotPositionRecord position = new SnapshotPositionRecord();
            List<RecoveredPosition> all = new ArrayList<>(state.positions.values());
            all.addAll(state.accounts.values());
            for (RecoveredPosition p : all) {
                position.timeNanos = t;
                position.strategy = p.strategy();
                position.venue = p.venue();
                position.symbol = p.symbol();
                position.priceScale = p.priceScale();
                position.qtyScale = p.qtyScale();
                position.netQty = p.netQty();
                position.costBasis = p.costBasis();
                position.realizedPnl = p.realizedPnl();
                position.feeCount = p.feeAssetCount();
                for (int i = 0; i < position.feeCount; i++) {
                    position.feeAssets[i] = p.feeAsset(i);
                    position.feeAmounts[i] = p.fees(p.feeAsset(i));
                }
                put(position);
            }
            SnapshotFillRecord fill = new SnapshotFillRecord();
            for (Map.Entry<RecoveredState.FillKey, RecoveredState.AppliedFill> e : state.fills.entrySet()) {
                fill.timeNanos = e.getValue().timeNanos();
                fill.venue = e.getKey().venue();
                fill.symbol = e.getKey().symbol();
                fill.tradeId = e.getKey().tradeId();
                fill.orderId = e.getValue().orderId();
                put(fill);
            }
            StrategyStateRecord strategy = new StrategyStateRecord();
            for (Map.Entry<String, TradingState> e : state.strategyStates.entrySet()) {
                put(strategy.set(t, e.getKey(), e.getValue(), state.strategyReasons.getOrDefault(e.getKey(), "")));
            }
            RiskDayRecord day = new RiskDayRecord(RecordType.SNAPSHOT_RISK_DAY);
            for (RecoveredRiskDay d : state.riskDays.values()) {
                put(d.record(day));
            }
            put(new KillSwitchRecord().set(t, state.killSwitchEngaged, state.killSwitchReason));
            SnapshotEndRecord end = new SnapshotEndRecord();
            end.timeNanos = t;
            end.records = records;
            put(end);
            flush();
            JournalFiles.publish(ch, target);
            return target;
        } finally {
            ch.close();
            ch = null;
        }
    }

    private void put(JournalRecord r) throws IOException {
        if (buf.remaining() < RecordFramer.MAX_FRAME) {
            flush();
        }
        framer.frame(r, buf);
        records++;
    }

    private void flush() throws IOException {
        buf.flip();
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
        buf.clear();
    }
}
