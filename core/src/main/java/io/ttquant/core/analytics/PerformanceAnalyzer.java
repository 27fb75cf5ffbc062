package io.ttquant.core.analytics;

import java.util.List;
import java.util.Objects;

/**
 * Turns the record of a backtest (or live) run, an {@link EquityCurve}, the list of
 * {@link RoundTrip}s and the run's totals, into a {@link PerformanceReport}. The metric definitions
 * are documented on {@link PerformanceReport}.
 *
 * <p>It is stateless and runs once per run, after the fact: it allocates freely (a sorted copy of
 * the sampling intervals, the drawdown series) and must never be called on a hot path. It never
 * modifies its inputs, never depends on other TTQuant packages (it receives primitives), and never
 * throws for degenerate data (an empty or single-sample curve, a flat curve, no trades): those yield
 * the documented {@code NaN}/infinity/zero values. It does throw {@link IllegalArgumentException} or
 * {@link NullPointerException} for invalid arguments, which are bugs in the caller.
 */
public final class PerformanceAnalyzer {
    /** Length of the year used for every annualisation: 365 days (crypto trades every day), in nanoseconds. */
    public static final long NANOS_PER_YEAR = 365L * 24L * 60L * 60L * 1_000_000_000L;

    private PerformanceAnalyzer() {
    }

    /**
     * Analyses a run, inferring the annualisation factor from the curve's median sampling interval.
     *
     * @param curve          equity samples of the run, expected to start with a sample at the start of
     *                       the run whose equity is {@code initialEquity}.
     * @param trips          completed round trips in the order they closed.
     * @param initialEquity  equity at the start of the run, finite and {@code > 0}.
     * @param feesPaid       total fees paid over the run, finite (negative for a net rebate).
     * @param tradedNotional total absolute notional traded over the run (sum of |price × qty| of all
     *                       fills), finite and {@code >= 0}.
     * @return the report; never null.
     */
    public static PerformanceReport analyze(
        final EquityCurve curve,
        final List<RoundTrip> trips,
        final double initialEquity,
        final double feesPaid,
        final double tradedNotional) {
        Objects.requireNonNull(curve, "curve");
        return report(curve, trips, initialEquity, feesPaid, tradedNotional, ReturnStatistics.inferPeriodsPerYear(curve));
    }

    /**
     * Analyses a run with an explicit annualisation factor, for curves whose median sampling interval
     * does not describe the return period (e.g. samples taken only at fills).
     *
     * @param periodsPerYear number of return periods in 365 days, finite and {@code > 0}, e.g.
     *                       {@link #periodsPerYear(long)} of the bar interval.
     * @see #analyze(EquityCurve, List, double, double, double)
     */
    public static PerformanceReport analyze(
        final EquityCurve curve,
        final List<RoundTrip> trips,
        final double initialEquity,
        final double feesPaid,
        final double tradedNotional,
        final double periodsPerYear) {
        if (!(periodsPerYear > 0.0) || periodsPerYear == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("periodsPerYear must be finite and > 0: " + periodsPerYear);
        }
        return report(curve, trips, initialEquity, feesPaid, tradedNotional, periodsPerYear);
    }

    /**
     * @param samplingIntervalNanos interval between samples, {@code > 0}.
     * @return number of such intervals in 365 days, e.g. 525,600 for one minute and 365 for one day.
     */
    public static double periodsPerYear(final long samplingIntervalNanos) {
        if (samplingIntervalNanos <= 0L) {
            throw new IllegalArgumentException("samplingIntervalNanos must be > 0: " + samplingIntervalNanos);
        }
        return (double) NANOS_PER_YEAR / samplingIntervalNanos;
    }

    private static PerformanceReport report(
        final EquityCurve curve,
        final List<RoundTrip> trips,
        final double initialEquity,
        final double feesPaid,
        final double tradedNotional,
        final double periodsPerYear) {
        Objects.requireNonNull(curve, "curve");
        Objects.requireNonNull(trips, "trips");
        if (!(initialEquity > 0.0) || initialEquity == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("initialEquity must be finite and > 0: " + initialEquity);
        }
        if (!Double.isFinite(feesPaid)) {
            throw new IllegalArgumentException("feesPaid must be finite: " + feesPaid);
        }
        if (!(tradedNotional >= 0.0) || tradedNotional == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("tradedNotional must be finite and >= 0: " + tradedNotional);
        }

        final GrowthStatistics growth = GrowthStatistics.compute(curve, initialEquity);
        final ReturnStatistics returns = ReturnStatistics.compute(curve, periodsPerYear);
        final DrawdownStatistics drawdowns = DrawdownStatistics.compute(curve);
        final TradeStatistics tradeStatistics = TradeStatistics.compute(trips);
        final ExposureStatistics exposure = ExposureStatistics.compute(curve, initialEquity, tradedNotional);

        return new PerformanceReport(
            initialEquity, feesPaid, tradedNotional, growth, returns, drawdowns, tradeStatistics, exposure);
    }
}
