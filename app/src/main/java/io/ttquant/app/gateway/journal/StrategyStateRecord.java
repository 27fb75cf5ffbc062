package io.ttquant.app.gateway.journal;

import io.ttquant.core.risk.TradingState;
import java.nio.ByteBuffer;

/** STRATEGY_STATE: a strategy's trading state changed. Layout: time (8), state (1), strategy, reason (texts). */
public final class StrategyStateRecord extends JournalRecord {
    public String strategy;
    public TradingState state;
    public String reason;

    @Override
    public RecordType type() {
        return RecordType.STRATEGY_STATE;
    }

    public StrategyStateRecord set(long timeNanos, String strategy, TradingState state, String reason) {
        this.timeNanos = timeNanos;
        this.strategy = strategy;
        this.state = state;
        this.reason = reason;
        return this;
    }

    @Override
    void encode(ByteBuffer b) {
        b.putLong(timeNanos).put(EnumCodes.TRADING_STATE.code(state));
        Ascii.putId(b, strategy, OrderSubmittedRecord.MAX_NAME, "strategy");
        Ascii.putText(b, reason);
    }

    @Override
    void decode(ByteBuffer b) {
        timeNanos = b.getLong();
        state = EnumCodes.TRADING_STATE.of(b.get());
        strategy = Ascii.get(b);
        reason = Ascii.get(b);
    }

    @Override
    public String toString() {
        return "STRATEGY_STATE{t=" + timeNanos + " strategy=" + strategy + " " + state + " reason=" + reason + "}";
    }
}
