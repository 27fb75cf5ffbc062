package io.ttquant.app.report;

import io.ttquant.core.analytics.PerformanceReport;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.portfolio.Portfolio;
import java.util.ArrayList;
import java.util.List;

/**
 * The full statistics table of the report: every metric of {@link PerformanceReport}, plus the
 * account's exact totals, each with a value formatted for people and a one-line definition that
 * follows the report's documented definitions.
 *
 * <p>It only formats: it never computes a metric itself. Undefined values (NaN) show as a dash and
 * unbounded ones as ∞; the definition says when each happens.
 */
final class MetricTable {
    /** One metric, shown under the heading of its group. */
    record Row(String group, String name, String value, String definition) {
    }

    private MetricTable() {
    }

    static List<Row> rows(ReportModel m) {
        PerformanceReport r = m.report;
        Portfolio p = m.portfolio();
        String ccy = " " + p.valuationAsset();
        List<Row> rows = new ArrayList<>();

        String g = "Growth";
        add(rows, g, "Samples", Long.toString(r.sampleCount()), "Number of equity samples analysed (n).");
        add(rows, g, "Start", r.sampleCount() > 0 ? ValueFormat.isoTime(r.startTimeNanos()) : "—", "Time of the first sample (UTC).");
        add(rows, g, "End", r.sampleCount() > 0 ? ValueFormat.isoTime(r.endTimeNanos()) : "—", "Time of the last sample (UTC).");
        add(rows, g, "Elapsed", ValueFormat.duration(r.elapsedNanos()), "Span of the curve, last sample time minus first.");
        add(rows, g, "Initial equity", amount(r.initialEquity(), ccy), "Equity at the start of the run.");
        add(rows, g, "Final equity", amount(r.finalEquity(), ccy), "Equity at the last sample.");
        add(rows, g, "Total return", ValueFormat.percent(r.totalReturn()), "Final equity / initial equity − 1.");
        add(rows, g, "CAGR", ValueFormat.percent(r.cagr()),
                "(Final / initial)^(365 days / elapsed) − 1. Extrapolates: very large over short spans; undefined with fewer than two samples.");

        g = "Returns";
        add(rows, g, "Periods per year", ValueFormat.human(r.periodsPerYear(), 1),
                "Annualisation factor A: 365 days / median sampling interval.");
        add(rows, g, "Return count", Long.toString(r.returnCount()), "Number of sample-to-sample returns N (bases ≤ 0 left out).");
        add(rows, g, "Mean return", ValueFormat.percent(r.meanReturn(), 5), "Mean simple return per sample.");
        add(rows, g, "Return stdev", ValueFormat.percent(r.returnStdev(), 5), "Sample standard deviation (N − 1) of the returns, per sample.");
        add(rows, g, "Annualised volatility", ValueFormat.percent(r.annualisedVolatility()), "Return stdev × √A.");
        add(rows, g, "Sharpe ratio", ValueFormat.human(r.sharpeRatio(), 3),
                "Mean return / stdev × √A, risk-free rate 0. Undefined for a flat curve.");
        add(rows, g, "Downside deviation", ValueFormat.percent(r.downsideDeviation(), 5),
                "√(Σ min(r, 0)² / N), target 0, over all N returns; per sample.");
        add(rows, g, "Sortino ratio", ValueFormat.human(r.sortinoRatio(), 3),
                "Mean return / downside deviation × √A; ∞ when no return is negative and the mean is positive.");
        add(rows, g, "Calmar ratio", ValueFormat.human(r.calmarRatio(), 3),
                "CAGR / max drawdown over the whole run; ∞ with no drawdown and positive CAGR.");

        g = "Drawdown";
        add(rows, g, "Max drawdown", ValueFormat.percent(r.maxDrawdown()),
                "Deepest fall below the running peak, as a fraction of the peak.");
        add(rows, g, "Max drawdown duration", ValueFormat.duration(r.maxDrawdownDurationNanos()),
                "Longest time from a peak to its recovery (or to the last sample if never recovered).");

        g = "Trades";
        add(rows, g, "Round trips", Long.toString(r.tradeCount()), "Completed trades, from leaving flat to returning to flat.");
        add(rows, g, "Wins", Long.toString(r.winCount()), "Trades with pnl > 0 (pnl is net of fees).");
        add(rows, g, "Losses", Long.toString(r.lossCount()), "Trades with pnl < 0.");
        add(rows, g, "Breakeven", Long.toString(r.breakevenCount()), "Trades with pnl exactly 0: neither win nor loss.");
        add(rows, g, "Win rate", ValueFormat.percent(r.winRate()), "Wins / round trips. Undefined without trades.");
        add(rows, g, "Gross profit", amount(r.grossProfit(), ccy), "Sum of positive trade pnl.");
        add(rows, g, "Gross loss", amount(r.grossLoss(), ccy), "Sum of negative trade pnl (signed, ≤ 0).");
        add(rows, g, "Profit factor", ValueFormat.human(r.profitFactor(), 3),
                "Gross profit / |gross loss|; ∞ with profits and no losses, undefined with neither.");
        add(rows, g, "Average win", amount(r.averageWin(), ccy), "Gross profit / wins.");
        add(rows, g, "Average loss", amount(r.averageLoss(), ccy), "Gross loss / losses (≤ 0).");
        add(rows, g, "Payoff ratio", ValueFormat.human(r.payoffRatio(), 3),
                "Average win / |average loss|; ∞ with wins and no losses.");
        add(rows, g, "Expectancy", amount(r.expectancy(), ccy), "Mean pnl per trade.");
        add(rows, g, "Average holding time", ValueFormat.duration(r.averageHoldingNanos()), "Mean time from entry to exit.");
        add(rows, g, "Best trade", amount(r.bestTrade(), ccy), "Highest pnl of one trade.");
        add(rows, g, "Worst trade", amount(r.worstTrade(), ccy), "Lowest pnl of one trade.");
        add(rows, g, "Max consecutive wins", Long.toString(r.maxConsecutiveWins()), "Longest run of winning trades (breakeven ends a run).");
        add(rows, g, "Max consecutive losses", Long.toString(r.maxConsecutiveLosses()), "Longest run of losing trades.");

        g = "Exposure and costs";
        add(rows, g, "Time in market", ValueFormat.percent(r.timeInMarket()),
                "Time-weighted fraction of the run with an open position.");
        add(rows, g, "Average exposure", ValueFormat.percent(r.averageExposure()),
                "Time-weighted mean of position value / equity.");
        add(rows, g, "Fees paid", amount(r.feesPaid(), ccy), "Total fees, as given to the analyser.");
        add(rows, g, "Traded notional", amount(r.tradedNotional(), ccy), "Σ |price × qty| of all fills.");
        add(rows, g, "Average equity", amount(r.averageEquity(), ccy), "Mean equity over the samples.");
        add(rows, g, "Turnover", ValueFormat.human(r.turnover(), 2) + "×", "Traded notional / average equity, over the whole run.");

        g = "Account (exact)";
        add(rows, g, "Initial equity", money(m.strategy.initialEquity(), ccy), "Exact equity at the start.");
        add(rows, g, "Final equity", money(m.strategy.finalEquity(), ccy), "Exact equity at the end, positions at the last mark price.");
        add(rows, g, "Realized PnL", money(p.realizedPnl(), ccy), "Realized profit and loss of all positions, before fees.");
        add(rows, g, "Unrealized PnL", money(p.unrealizedPnl(), ccy), "Open positions at the last mark price.");
        add(rows, g, "Fees", money(p.totalFeesInValuation(), ccy), "All fees, converted to the valuation asset when paid.");
        add(rows, g, "Traded notional", money(m.strategy.tradedNotional(), ccy), "Exact Σ |price × qty| of all fills.");
        add(rows, g, "Orders", Integer.toString(m.strategy.orders().size()), "Orders sent, including refused ones.");
        add(rows, g, "Fills", Integer.toString(m.strategy.fills().size()), "Executions.");
        add(rows, g, "Rejections", Long.toString(m.totalRejections()), "Orders refused, all reasons (see below).");
        add(rows, g, "Overdrafts", Long.toString(p.overdrafts()), "Fills that cost more than the account held (market orders that gapped).");
        for (RejectReason reason : m.expirations.keySet()) {
            add(rows, g, "Expired: " + reason.name(), Long.toString(m.expirations.get(reason)), reason.description() + ".");
        }
        return rows;
    }

    /** A double amount with its currency; the dash or ∞ alone when it is not finite. */
    private static String amount(double v, String ccy) {
        return Double.isFinite(v) ? ValueFormat.human(v, 2) + ccy : ValueFormat.human(v, 2);
    }

    private static String money(long raw, String ccy) {
        return ValueFormat.grouped(ValueFormat.cash(raw)) + ccy;
    }

    private static void add(List<Row> rows, String group, String name, String value, String definition) {
        rows.add(new Row(group, name, value, definition));
    }
}
