package io.ttquant.app.gateway.journal;

import io.ttquant.core.num.Fixed;
import io.ttquant.core.risk.TradingState;

/**
 * A strategy's latest trading day for the daily-loss limit as the journal knew it: its last
 * RISK_DAY (or a snapshot's), with the realised PnL after fees of every later fill of the strategy
 * in the same UTC day added, so a crash between a fill and the next RISK_DAY loses nothing. The
 * gateway hands it to {@link io.ttquant.core.risk.RiskEngine#restoreDay}, which takes it only on
 * the same day. Read-only outside the replay that builds it.
 */
public final class RecoveredRiskDay {
    private final String strategy;
    final long epochDay;
    long dayRealized;
    final long dayStartUnrealized;
    final TradingState lossState;
    long lastUpdateNanos;

    RecoveredRiskDay(RiskDayRecord r) {
        this.strategy = r.strategy;
        this.epochDay = r.epochDay;
        this.dayRealized = r.dayRealized;
        this.dayStartUnrealized = r.dayStartUnrealized;
        this.lossState = r.lossState;
        this.lastUpdateNanos = r.timeNanos;
    }

    public String strategy() {
        return strategy;
    }

    /** Days since 1970-01-01 UTC. */
    public long epochDay() {
        return epochDay;
    }

    /** Realised PnL after fees since the day started, cash scale, with the fills after the record added. */
    public long dayRealized() {
        return dayRealized;
    }

    /** Unrealised PnL when the day started, cash scale. */
    public long dayStartUnrealized() {
        return dayStartUnrealized;
    }

    /** The daily-loss state (ACTIVE, REDUCE_ONLY, HALTED). */
    public TradingState lossState() {
        return lossState;
    }

    /** Time of the record or of the latest fill added. */
    public long lastUpdateNanos() {
        return lastUpdateNanos;
    }

    /** Writes this day into {@code r} (for a snapshot); returns it. */
    RiskDayRecord record(RiskDayRecord r) {
        return r.set(lastUpdateNanos, strategy, epochDay, dayRealized, dayStartUnrealized, lossState);
    }

    @Override
    public String toString() {
        return "RiskDay{" + strategy + " day " + epochDay + " realized " + Fixed.format(dayRealized, Fixed.CASH_SCALE)
                + " startUnrealized " + Fixed.format(dayStartUnrealized, Fixed.CASH_SCALE) + " " + lossState + "}";
    }
}
