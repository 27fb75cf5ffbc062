package io.ttquant.core.analytics;

import java.util.Objects;

/**
 * Immutable result of {@link PerformanceAnalyzer#analyze}: the performance metrics of one run, for
 * the backtest report, the CLI and charts. It only holds values; it must never be computed
 * elsewhere than in {@link PerformanceAnalyzer}, never refer back to the curve or the trades, and
 * never hand out a mutable view of its drawdown series.
 *
 * <h2>Definitions</h2>
 *
 * <p>Notation: the equity curve has {@code n} samples {@code (t_i, E_i, x_i)}, {@code i = 0..n-1}
 * (time in nanoseconds, equity, exposure); {@code E_init} is the initial equity given by the caller,
 * and the curve is expected to start with a sample at the start of the run with {@code E_0 = E_init}.
 * {@code Y} = 365 days (crypto trades every day of the year). Fractions are plain numbers:
 * {@code 0.25} means 25 %. Money is in the account currency the caller used.
 *
 * <p><b>Undefined and unbounded values.</b> Every {@code double} metric is finite, {@code NaN} or
 * infinite. {@code NaN} means <i>undefined</i>: there is not enough data (no trades, fewer than two
 * samples, zero over zero). {@code +Infinity} means <i>unbounded</i>: a positive amount over a zero
 * risk or loss (profit factor with profits and no losses). Every ratio follows one rule:
 * {@code a / b} for {@code b != 0}; for {@code b = 0}, {@code +Infinity} if {@code a > 0},
 * {@code -Infinity} if {@code a < 0}, {@code NaN} if {@code a = 0}; {@code NaN} if {@code a} or
 * {@code b} is {@code NaN}. In particular a flat curve (zero variance, zero mean) has Sharpe
 * {@code NaN}, not 0. JSON has neither {@code NaN} nor infinities: a JSON writer must write
 * {@code null} for every non-finite value; the components reported alongside (counts,
 * {@code grossLoss}, {@code returnStdev}, {@code downsideDeviation}, {@code maxDrawdown}) tell an
 * unbounded value from an undefined one. {@code int} and {@code long} metrics are never undefined:
 * they are 0 when there is no data.
 *
 * <p><b>Growth.</b>
 * <ul>
 *   <li>{@code startTimeNanos = t_0}, {@code endTimeNanos = t_(n-1)},
 *       {@code elapsedNanos = t_(n-1) - t_0} (all 0 for an empty curve).</li>
 *   <li>{@code finalEquity = E_(n-1)}, or {@code E_init} for an empty curve.</li>
 *   <li>{@code totalReturn = finalEquity / E_init - 1} (0 for an empty curve).</li>
 *   <li>{@code cagr = (finalEquity / E_init) ^ (Y / elapsed) - 1}: compound annual growth rate over
 *       the span of the curve. {@code NaN} when {@code elapsed = 0} (fewer than two samples);
 *       {@code -1} when {@code finalEquity <= 0}. It extrapolates: over a span much shorter than a
 *       year it is very large, and may overflow to {@code +Infinity}.</li>
 * </ul>
 *
 * <p><b>Returns and risk-adjusted ratios.</b>
 * <ul>
 *   <li>Returns: {@code r_i = E_i / E_(i-1) - 1} for {@code i = 1..n-1} (simple returns between
 *       consecutive samples), leaving out any {@code r_i} whose base {@code E_(i-1) <= 0};
 *       {@code returnCount = N} is the number kept.</li>
 *   <li>{@code periodsPerYear = A = Y / median(t_i - t_(i-1))} over the {@code n - 1} sampling
 *       intervals (the mean of the two middle intervals when their count is even), e.g. 1-minute
 *       samples give 525,600, 1-hour 8,760, 1-day 365. The median, not the mean, so that a gap in
 *       the data does not change it. {@code NaN} with fewer than two samples. The caller may instead
 *       pass {@code A} explicitly.</li>
 *   <li>{@code meanReturn = sum(r_i) / N} ({@code NaN} if {@code N = 0}).</li>
 *   <li>{@code returnStdev = s = sqrt(sum((r_i - meanReturn)^2) / (N - 1))}, the sample standard
 *       deviation ({@code NaN} if {@code N < 2}).</li>
 *   <li>{@code annualisedVolatility = s * sqrt(A)}.</li>
 *   <li>{@code sharpeRatio = meanReturn / s * sqrt(A)}, with a risk-free rate of 0 (there is no single
 *       risk-free rate for a crypto account; subtract one yourself if needed). {@code NaN} for a flat
 *       curve.</li>
 *   <li>{@code downsideDeviation = sqrt(sum(min(r_i, 0)^2) / N)}: target 0, and the sum of squared
 *       shortfalls is divided by the number of <em>all</em> returns {@code N}, not by the number of
 *       negative returns, and is not the standard deviation of the negative returns. Per sample, not
 *       annualised.</li>
 *   <li>{@code sortinoRatio = meanReturn / downsideDeviation * sqrt(A)}; {@code +Infinity} when no
 *       return is negative and the mean is positive.</li>
 *   <li>{@code calmarRatio = cagr / maxDrawdown} over the whole run (not the traditional trailing 36
 *       months); {@code +Infinity} when there is no drawdown and {@code cagr > 0}.</li>
 * </ul>
 *
 * <p><b>Drawdown.</b>
 * <ul>
 *   <li>Running peak {@code P_i = max(E_0..E_i)}; drawdown {@code d_i = (P_i - E_i) / P_i}, a
 *       positive fraction of the running peak ({@code 0.25} means 25 % below the peak, 0 at a new
 *       high; above 1 if equity turns negative; 0 while {@code P_i <= 0}). {@code drawdownAt(i)} is
 *       {@code d_i} for curve sample {@code i}.</li>
 *   <li>{@code maxDrawdown = max(d_i)}, 0 if equity never falls below a peak.</li>
 *   <li>A drawdown period starts at the sample that set the peak and ends at the first later sample
 *       with {@code E >= peak} (the recovery; equal counts as recovered), or at the last sample if the
 *       peak is never recovered. {@code maxDrawdownDurationNanos} is the longest
 *       {@code end time - peak time}, measured at sample resolution; 0 if there is no drawdown. The
 *       deepest and the longest drawdown may be different ones.</li>
 * </ul>
 *
 * <p><b>Trades</b>, read in list order (the order the trades closed).
 * <ul>
 *   <li>A trade is a win if {@code pnl > 0}, a loss if {@code pnl < 0}, breakeven if
 *       {@code pnl == 0} exactly. A breakeven trade counts in {@code tradeCount} (so it lowers the
 *       win rate) but is neither a win nor a loss, and it ends both a winning and a losing streak.</li>
 *   <li>{@code winRate = winCount / tradeCount} ({@code NaN} with no trades).</li>
 *   <li>{@code grossProfit = sum of pnl > 0} ({@code >= 0}); {@code grossLoss = sum of pnl < 0}
 *       ({@code <= 0}, signed).</li>
 *   <li>{@code profitFactor = grossProfit / |grossLoss|}: {@code +Infinity} with profits and no
 *       losses, 0 with losses and no profits, {@code NaN} with neither (no trades, or all
 *       breakeven).</li>
 *   <li>{@code averageWin = grossProfit / winCount} ({@code NaN} with no wins);
 *       {@code averageLoss = grossLoss / lossCount} ({@code <= 0}; {@code NaN} with no losses).</li>
 *   <li>{@code payoffRatio = averageWin / |averageLoss|}: {@code +Infinity} with wins and no losses,
 *       0 with losses and no wins, {@code NaN} with neither.</li>
 *   <li>{@code expectancy = sum(pnl) / tradeCount}, the mean pnl per trade ({@code NaN} with no
 *       trades).</li>
 *   <li>{@code averageHoldingNanos = sum(exit - entry) / tradeCount}, rounded to the nearest
 *       nanosecond (0 with no trades).</li>
 *   <li>{@code bestTrade = max(pnl)}, {@code worstTrade = min(pnl)} ({@code NaN} with no trades).</li>
 *   <li>{@code maxConsecutiveWins} / {@code maxConsecutiveLosses}: longest run of wins / losses.</li>
 * </ul>
 *
 * <p><b>Exposure and costs.</b>
 * <ul>
 *   <li>The exposure {@code x_i} of sample {@code i} holds over {@code [t_i, t_(i+1))}; the last
 *       sample's exposure covers no time.</li>
 *   <li>{@code timeInMarket = sum over i < n-1 of (t_(i+1) - t_i) * [x_i > 0] / elapsed}: the
 *       time-weighted fraction of the run with an open position ("exposure" in the summary).
 *       {@code NaN} when {@code elapsed = 0}.</li>
 *   <li>{@code averageExposure = sum over i < n-1 of (t_(i+1) - t_i) * x_i / elapsed}: the
 *       time-weighted mean fraction of equity in positions.</li>
 *   <li>{@code feesPaid} and {@code tradedNotional}: as given by the caller.</li>
 *   <li>{@code averageEquity = sum(E_i) / n}, the mean over samples ({@code E_init} for an empty
 *       curve).</li>
 *   <li>{@code turnover = tradedNotional / averageEquity} over the whole run, not annualised;
 *       {@code NaN} when {@code averageEquity <= 0}.</li>
 * </ul>
 */
public final class PerformanceReport {
    private final double initialEquity;
    private final double feesPaid;
    private final double tradedNotional;
    private final double calmarRatio;
    private final GrowthStatistics growth;
    private final ReturnStatistics returns;
    private final DrawdownStatistics drawdowns;
    private final TradeStatistics trades;
    private final ExposureStatistics exposure;

    PerformanceReport(
        final double initialEquity,
        final double feesPaid,
        final double tradedNotional,
        final GrowthStatistics growth,
        final ReturnStatistics returns,
        final DrawdownStatistics drawdowns,
        final TradeStatistics trades,
        final ExposureStatistics exposure) {
        this.initialEquity = initialEquity;
        this.feesPaid = feesPaid;
        this.tradedNotional = tradedNotional;
        this.growth = Objects.requireNonNull(growth, "growth");
        this.returns = Objects.requireNonNull(returns, "returns");
        this.drawdowns = Objects.requireNonNull(drawdowns, "drawdowns");
        this.trades = Objects.requireNonNull(trades, "trades");
        this.exposure = Objects.requireNonNull(exposure, "exposure");
        this.calmarRatio = Ratio.of(growth.cagr, drawdowns.maxDrawdown);
    }

    // Growth

    /** @return number of equity samples analysed, {@code n}. */
    public int sampleCount() {
        return growth.sampleCount;
    }

    /** @return time of the first sample in nanoseconds, 0 for an empty curve. */
    public long startTimeNanos() {
        return growth.startTimeNanos;
    }

    /** @return time of the last sample in nanoseconds, 0 for an empty curve. */
    public long endTimeNanos() {
        return growth.endTimeNanos;
    }

    /** @return span of the curve, {@code t_(n-1) - t_0}. */
    public long elapsedNanos() {
        return growth.elapsedNanos;
    }

    /** @return equity at the start of the run, as given by the caller. */
    public double initialEquity() {
        return initialEquity;
    }

    /** @return equity at the last sample, or the initial equity for an empty curve. */
    public double finalEquity() {
        return growth.finalEquity;
    }

    /** @return {@code finalEquity / initialEquity - 1}. */
    public double totalReturn() {
        return growth.totalReturn;
    }

    /** @return compound annual growth rate over the span of the curve, 365-day year. */
    public double cagr() {
        return growth.cagr;
    }

    // Returns

    /** @return annualisation factor {@code A}: return periods per 365 days. */
    public double periodsPerYear() {
        return returns.periodsPerYear;
    }

    /** @return number of sample returns {@code N}. */
    public int returnCount() {
        return returns.returnCount;
    }

    /** @return mean simple return per sample. */
    public double meanReturn() {
        return returns.meanReturn;
    }

    /** @return sample standard deviation (n - 1) of the returns, per sample. */
    public double returnStdev() {
        return returns.returnStdev;
    }

    /** @return {@code returnStdev * sqrt(periodsPerYear)}. */
    public double annualisedVolatility() {
        return returns.annualisedVolatility;
    }

    /** @return annualised Sharpe ratio, risk-free rate 0. */
    public double sharpeRatio() {
        return returns.sharpeRatio;
    }

    /** @return {@code sqrt(sum(min(r, 0)^2) / N)}, per sample. */
    public double downsideDeviation() {
        return returns.downsideDeviation;
    }

    /** @return annualised Sortino ratio, target 0. */
    public double sortinoRatio() {
        return returns.sortinoRatio;
    }

    /** @return {@code cagr / maxDrawdown}. */
    public double calmarRatio() {
        return calmarRatio;
    }

    // Drawdown

    /** @return deepest drawdown as a positive fraction of the running peak. */
    public double maxDrawdown() {
        return drawdowns.maxDrawdown;
    }

    /** @return longest time from a peak to its recovery, or to the last sample if unrecovered. */
    public long maxDrawdownDurationNanos() {
        return drawdowns.maxDrawdownDurationNanos;
    }

    /** @return drawdown at curve sample {@code index}, a positive fraction of the running peak. */
    public double drawdownAt(final int index) {
        return drawdowns.series[Objects.checkIndex(index, drawdowns.series.length)];
    }

    /** @return a copy of the drawdown at every curve sample, {@code sampleCount()} long. */
    public double[] drawdownSeries() {
        return drawdowns.series.clone();
    }

    // Trades

    /** @return number of round trips. */
    public int tradeCount() {
        return trades.tradeCount;
    }

    /** @return number of round trips with {@code pnl > 0}. */
    public int winCount() {
        return trades.winCount;
    }

    /** @return number of round trips with {@code pnl < 0}. */
    public int lossCount() {
        return trades.lossCount;
    }

    /** @return number of round trips with {@code pnl == 0}. */
    public int breakevenCount() {
        return trades.breakevenCount;
    }

    /** @return {@code winCount / tradeCount}. */
    public double winRate() {
        return trades.winRate;
    }

    /** @return sum of positive pnl, {@code >= 0}. */
    public double grossProfit() {
        return trades.grossProfit;
    }

    /** @return sum of negative pnl, {@code <= 0}. */
    public double grossLoss() {
        return trades.grossLoss;
    }

    /** @return {@code grossProfit / |grossLoss|}. */
    public double profitFactor() {
        return trades.profitFactor;
    }

    /** @return mean pnl of the winning trades. */
    public double averageWin() {
        return trades.averageWin;
    }

    /** @return mean pnl of the losing trades, {@code <= 0}. */
    public double averageLoss() {
        return trades.averageLoss;
    }

    /** @return {@code averageWin / |averageLoss|}. */
    public double payoffRatio() {
        return trades.payoffRatio;
    }

    /** @return mean pnl per trade. */
    public double expectancy() {
        return trades.expectancy;
    }

    /** @return mean time from entry to exit, in nanoseconds. */
    public long averageHoldingNanos() {
        return trades.averageHoldingNanos;
    }

    /** @return highest pnl of a single trade. */
    public double bestTrade() {
        return trades.bestTrade;
    }

    /** @return lowest pnl of a single trade. */
    public double worstTrade() {
        return trades.worstTrade;
    }

    /** @return longest run of consecutive winning trades. */
    public int maxConsecutiveWins() {
        return trades.maxConsecutiveWins;
    }

    /** @return longest run of consecutive losing trades. */
    public int maxConsecutiveLosses() {
        return trades.maxConsecutiveLosses;
    }

    // Exposure and costs

    /** @return time-weighted fraction of the run with an open position. */
    public double timeInMarket() {
        return exposure.timeInMarket;
    }

    /** @return time-weighted mean fraction of equity in open positions. */
    public double averageExposure() {
        return exposure.averageExposure;
    }

    /** @return total fees paid, as given by the caller. */
    public double feesPaid() {
        return feesPaid;
    }

    /** @return total absolute notional traded, as given by the caller. */
    public double tradedNotional() {
        return tradedNotional;
    }

    /** @return mean equity over the samples. */
    public double averageEquity() {
        return exposure.averageEquity;
    }

    /** @return {@code tradedNotional / averageEquity}, over the whole run. */
    public double turnover() {
        return exposure.turnover;
    }

    @Override
    public String toString() {
        return "PerformanceReport{"
            + "samples=" + sampleCount()
            + ", finalEquity=" + finalEquity()
            + ", totalReturn=" + totalReturn()
            + ", cagr=" + cagr()
            + ", sharpe=" + sharpeRatio()
            + ", sortino=" + sortinoRatio()
            + ", maxDrawdown=" + maxDrawdown()
            + ", trades=" + tradeCount()
            + ", winRate=" + winRate()
            + ", profitFactor=" + profitFactor()
            + '}';
    }
}
