package io.ttquant.app.gateway.journal;

import io.ttquant.core.risk.TradingState;
import java.nio.ByteBuffer;

/**
 * RISK_DAY: where a strategy's trading day stood for the pre-trade daily-loss limit, written when the
 * day started, when the loss state changed, and once per strategy after each restart, so a restart
 * the same UTC day continues the day (its loss and REDUCE_ONLY/HALTED state) instead of starting at
 * zero. The replay adds to {@link #dayRealized} each later fill of the strategy in the same day. As
 * SNAPSHOT_RISK_DAY (a snapshot's part) it carries the day with those fills added. Layout: time,
 * epoch day, day realised, day-start unrealised (8 bytes each), loss state (1), strategy (text).
 */
public final class RiskDayRecord extends JournalRecord {
    private final RecordType type;
    public String strategy;
    /** Days since 1970-01-01 UTC. */
    public long epochDay;
    /** Realised PnL after fees since the day started, cash scale. */
    public long dayRealized;
    /** Unrealised PnL when the day started, cash scale. */
    public long dayStartUnrealized;
    /** The daily-loss state (the operator's state is STRATEGY_STATE). */
    public TradingState lossState;

    /** A RISK_DAY record. */
    public RiskDayRecord() {
        this(RecordType.RISK_DAY);
    }

    /** @param type RISK_DAY, or SNAPSHOT_RISK_DAY for a snapshot */
    RiskDayRecord(RecordType type) {
        if (type != RecordType.RISK_DAY && type != RecordType.SNAPSHOT_RISK_DAY) {
            throw new IllegalArgumentException("not a risk day type: " + type);
        }
        this.type = type;
    }

    @Override
    public RecordType type() {
        return type;
    }

    public RiskDayRecord set(long timeNanos, String strategy, long epochDay, long dayRealized, long dayStartUnrealized,
                             TradingState lossState) {
        this.timeNanos = timeNanos;
        this.strategy = strategy;
        this.epochDay = epochDay;
        this.dayRealized = dayRealized;
        this.dayStartUnrealized = dayStartUnrealized;
        this.lossState = lossState;
        return this;
    }

    @Override
    void encode(ByteBuffer b) {
        b.putLong(timeNanos).putLong(epochDay).putLong(dayRealized).putLong(dayStartUnrealized)
                .put(EnumCodes.TRADING_STATE.code(lossState));
        Ascii.putId(b, strategy, OrderSubmittedRecord.MAX_NAME, "strategy");
    }

    @Override
    void decode(ByteBuffer b) {
        timeNanos = b.getLong();
        epochDay = b.getLong();
        dayRealized = b.getLong();
        dayStartUnrealized = b.getLong();
        lossState = EnumCodes.TRADING_STATE.of(b.get());
        strategy = Ascii.get(b);
    }

    @Override
    public String toString() {
        return type + "{t=" + timeNanos + " strategy=" + strategy + " day=" + epochDay + " realized=" + dayRealized
                + " startUnrealized=" + dayStartUnrealized + " " + lossState + "}";
    }
}
