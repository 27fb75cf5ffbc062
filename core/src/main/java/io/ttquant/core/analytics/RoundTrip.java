package io.ttquant.core.analytics;

import java.util.Objects;

/**
 * One completed trade, from opening a position to closing it, as built by the engine and handed to
 * {@link PerformanceAnalyzer}: the input for the trade statistics (win rate, profit factor, holding
 * time, streaks).
 *
 * <p>Values are already converted to doubles by the caller. {@code pnl} is realised profit and loss
 * <em>net</em> of {@code fees}; {@code fees} may be negative (maker rebates); {@code qty} is the
 * absolute quantity, the direction being {@code side}.
 *
 * <p>It is an immutable value: it never refers to TTQuant domain types, never recomputes pnl from
 * prices (contract multipliers and fee rules belong to the engine), and rejects non-finite values and
 * an exit before the entry, which are bugs in the caller.
 *
 * @param entryTimeNanos time the position was opened, in nanoseconds.
 * @param exitTimeNanos  time the position was closed, in nanoseconds, not before the entry.
 * @param entryPrice     average entry price.
 * @param exitPrice      average exit price.
 * @param qty            absolute quantity traded, {@code > 0}.
 * @param pnl            realised profit and loss net of fees, in account currency.
 * @param fees           fees paid on entry and exit, in account currency (negative for a net rebate).
 * @param side           direction of the position.
 */
public record RoundTrip(
    long entryTimeNanos,
    long exitTimeNanos,
    double entryPrice,
    double exitPrice,
    double qty,
    double pnl,
    double fees,
    Side side) {

    /** Direction of a round trip. */
    public enum Side {
        LONG,
        SHORT
    }

    /** Validates the trade; see the class comment. */
    public RoundTrip {
        Objects.requireNonNull(side, "side");
        if (exitTimeNanos < entryTimeNanos) {
            throw new IllegalArgumentException("exit before entry: " + exitTimeNanos + " < " + entryTimeNanos);
        }
        if (!Double.isFinite(entryPrice) || !Double.isFinite(exitPrice)) {
            throw new IllegalArgumentException("prices must be finite: " + entryPrice + ", " + exitPrice);
        }
        if (!(qty > 0.0) || qty == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("qty must be finite and > 0: " + qty);
        }
        if (!Double.isFinite(pnl) || !Double.isFinite(fees)) {
            throw new IllegalArgumentException("pnl and fees must be finite: " + pnl + ", " + fees);
        }
    }

    /** @return time the position was held, {@code exitTimeNanos - entryTimeNanos}. */
    public long holdingNanos() {
        return exitTimeNanos - entryTimeNanos;
    }
}
