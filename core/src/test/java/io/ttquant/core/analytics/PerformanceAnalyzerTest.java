package io.ttquant.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Every expected value is worked out by hand in the comment next to it; the code under test is not
 * its own oracle.
 */
class PerformanceAnalyzerTest {
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final long DAY = TimeUnit.DAYS.toNanos(1);
    private static final Offset<Double> EXACT = within(1e-12);
    private static final Offset<Double> CLOSE = within(1e-9);
    private static final List<RoundTrip> NO_TRADES = List.of();

    // Growth and returns

    @Test
    void shouldComputeTotalReturnAndSimpleReturnStatisticsFromEquitySamples() {
        // Equity 100, 110, 99, 121 sampled daily.
        final PerformanceReport report = analyze(curve(DAY, 100, 110, 99, 121));

        // total return = 121 / 100 - 1 = 0.21
        assertThat(report.finalEquity()).isEqualTo(121.0);
        assertThat(report.totalReturn()).isCloseTo(0.21, EXACT);
        // returns: 110/100 - 1 = 0.1; 99/110 - 1 = -0.1; 121/99 - 1 = 22/99 = 2/9 = 0.2222...
        // mean = (1/10 - 1/10 + 2/9) / 3 = 2/27 = 0.0740740740...
        assertThat(report.returnCount()).isEqualTo(3);
        assertThat(report.meanReturn()).isCloseTo(2.0 / 27.0, EXACT);
        // deviations from 2/27, over the common denominator 270:
        //   1/10 - 2/27 = 7/270; -1/10 - 2/27 = -47/270; 2/9 - 2/27 = 40/270
        // sum of squares = (49 + 2209 + 1600) / 72900 = 3858 / 72900
        // sample variance = 3858 / 72900 / (3 - 1) = 1929 / 72900 = 0.0264609053...
        // stdev = sqrt(0.0264609053) = 0.1626680834
        assertThat(report.returnStdev()).isCloseTo(Math.sqrt(1929.0 / 72900.0), EXACT);
        assertThat(report.returnStdev()).isCloseTo(0.1626680834, within(1e-10));
    }

    @Test
    void shouldAnnualiseVolatilityAndSharpeWithSampleStdevAndDailyFactor() {
        // Same series as above: mean = 2/27 = 0.0740740741, stdev = 0.1626680834; daily samples so
        // A = 365 and sqrt(365) = 19.1049731745.
        final PerformanceReport report = analyze(curve(DAY, 100, 110, 99, 121));

        assertThat(report.periodsPerYear()).isCloseTo(365.0, EXACT);
        // volatility = 0.1626680834 * 19.1049731745 = 3.1077693692
        assertThat(report.annualisedVolatility()).isCloseTo(3.1077693692, within(1e-9));
        // Sharpe = 0.0740740741 / 0.1626680834 * 19.1049731745 = 0.4553691 * 19.1049731745 = 8.6998209405
        assertThat(report.sharpeRatio()).isCloseTo(8.6998209405, within(1e-9));
    }

    @Test
    void shouldComputeSortinoWithDownsideDeviationOverAllReturns() {
        // Equity 100, 90, 99, 89.1, 106.92 sampled daily.
        // returns: 90/100 - 1 = -0.1; 99/90 - 1 = 0.1; 89.1/99 - 1 = -0.1; 106.92/89.1 - 1 = 0.2
        // mean = (-0.1 + 0.1 - 0.1 + 0.2) / 4 = 0.025
        // downside deviation = sqrt(((-0.1)^2 + 0^2 + (-0.1)^2 + 0^2) / 4) = sqrt(0.02 / 4) = sqrt(0.005)
        //                    = 0.0707106781  (dividing by the 2 negative returns instead would give 0.1)
        // Sortino = 0.025 / 0.0707106781 * sqrt(365) = 0.3535533906 * 19.1049731745 = 6.7546280431
        final PerformanceReport report = analyze(curve(DAY, 100, 90, 99, 89.1, 106.92));

        assertThat(report.meanReturn()).isCloseTo(0.025, EXACT);
        assertThat(report.downsideDeviation()).isCloseTo(Math.sqrt(0.005), EXACT);
        assertThat(report.sortinoRatio()).isCloseTo(6.7546280431, within(1e-9));
    }

    @Test
    void shouldComputeSortinoOfUnevenSeriesFromSingleNegativeReturn() {
        // Equity 100, 110, 99, 121 daily: returns 0.1, -0.1, 2/9; only -0.1 is negative.
        // downside deviation = sqrt((0 + 0.01 + 0) / 3) = sqrt(1/300) = 0.0577350269
        // Sortino = (2/27) / 0.0577350269 * sqrt(365) = 1.2830005981 * 19.1049731745 = 24.5116920115
        final PerformanceReport report = analyze(curve(DAY, 100, 110, 99, 121));

        assertThat(report.downsideDeviation()).isCloseTo(Math.sqrt(1.0 / 300.0), EXACT);
        assertThat(report.sortinoRatio()).isCloseTo(24.5116920115, within(1e-9));
    }

    @Test
    void shouldReturnInfiniteSortinoWhenNoReturnIsNegative() {
        // returns 0.1, 0.1, 0: downside deviation = sqrt(0 / 3) = 0, mean > 0, so mean / 0 = +Infinity.
        final PerformanceReport report = analyze(curve(DAY, 100, 110, 121, 121));

        assertThat(report.downsideDeviation()).isZero();
        assertThat(report.sortinoRatio()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void shouldReportNanSharpeAndSortinoForFlatCurve() {
        // Equity 100, 100, 100: returns 0, 0; mean 0, stdev 0, downside deviation 0; 0 / 0 = NaN.
        final PerformanceReport report = analyze(curve(DAY, 100, 100, 100));

        assertThat(report.returnStdev()).isZero();
        assertThat(report.annualisedVolatility()).isZero();
        assertThat(report.sharpeRatio()).isNaN();
        assertThat(report.sortinoRatio()).isNaN();
        assertThat(report.maxDrawdown()).isZero();
        assertThat(report.calmarRatio()).isNaN();
    }

    @Test
    void shouldSkipReturnsWhoseBaseEquityIsNotPositive() {
        // Equity 100, 50, 0, 10 daily: 50/100 - 1 = -0.5; 0/50 - 1 = -1; 10/0 is undefined and left out.
        // N = 2, mean = (-0.5 - 1) / 2 = -0.75; total return = 10 / 100 - 1 = -0.9
        final PerformanceReport report = analyze(curve(DAY, 100, 50, 0, 10));

        assertThat(report.returnCount()).isEqualTo(2);
        assertThat(report.meanReturn()).isCloseTo(-0.75, EXACT);
        assertThat(report.totalReturn()).isCloseTo(-0.9, EXACT);
    }

    @Test
    void shouldReportCagrOfMinusOneAndDrawdownAboveOneWhenEquityTurnsNegative() {
        // Equity 100 then -20 a day later: growth -20/100 <= 0, so CAGR = -1.
        // drawdown = (100 - (-20)) / 100 = 1.2
        final PerformanceReport report = analyze(curve(DAY, 100, -20));

        assertThat(report.totalReturn()).isCloseTo(-1.2, EXACT);
        assertThat(report.cagr()).isEqualTo(-1.0);
        assertThat(report.maxDrawdown()).isCloseTo(1.2, EXACT);
    }

    // Annualisation

    @Test
    void shouldInferAnnualisationFactorOf525600FromOneMinuteSamples() {
        // 365 days * 24 h * 60 min = 525,600 one-minute periods per year.
        final PerformanceReport report = analyze(curve(MINUTE, 100, 101, 100.5, 102));

        assertThat(report.periodsPerYear()).isEqualTo(525_600.0);
        // Volatility and Sharpe scale by sqrt(525,600) = 724.9827584...
        assertThat(report.annualisedVolatility()).isCloseTo(report.returnStdev() * Math.sqrt(525_600.0), EXACT);
        assertThat(report.sharpeRatio())
            .isCloseTo(report.meanReturn() / report.returnStdev() * 724.98275841, within(1e-6));
    }

    @Test
    void shouldInferAnnualisationFactorOf365FromOneDaySamples() {
        final PerformanceReport report = analyze(curve(DAY, 100, 101, 100.5, 102));

        assertThat(report.periodsPerYear()).isEqualTo(365.0);
    }

    @Test
    void shouldUseMedianIntervalSoThatAGapDoesNotChangeTheAnnualisationFactor() {
        // Samples at minutes 0, 1, 2, 3, 63: intervals 1, 1, 1, 60 min; sorted, the two middle ones are
        // 1 and 1, median = 1 min, so A = 525,600 (the mean interval, 15.75 min, would give 33,371.4).
        final EquityCurve curve = new EquityCurve(8);
        curve.append(0L, 100.0, 0.0);
        curve.append(MINUTE, 101.0, 0.0);
        curve.append(2 * MINUTE, 102.0, 0.0);
        curve.append(3 * MINUTE, 103.0, 0.0);
        curve.append(63 * MINUTE, 104.0, 0.0);

        assertThat(analyze(curve).periodsPerYear()).isEqualTo(525_600.0);
    }

    @Test
    void shouldAverageTheTwoMiddleIntervalsWhenTheirCountIsEven() {
        // Samples at days 0, 1, 4: intervals 1 and 3 days, median = 2 days, A = 365 / 2 = 182.5.
        final EquityCurve curve = new EquityCurve(4);
        curve.append(0L, 100.0, 0.0);
        curve.append(DAY, 101.0, 0.0);
        curve.append(4 * DAY, 102.0, 0.0);

        assertThat(analyze(curve).periodsPerYear()).isCloseTo(182.5, EXACT);
    }

    @Test
    void shouldUseExplicitPeriodsPerYearWhenGiven() {
        // Samples at irregular times (0, 1 min, 5 days, 9 days) analysed as daily returns: the
        // statistics must match the daily series 100, 110, 99, 121 (Sharpe 8.6998209405).
        final EquityCurve curve = new EquityCurve(4);
        curve.append(0L, 100.0, 0.0);
        curve.append(MINUTE, 110.0, 0.0);
        curve.append(5 * DAY, 99.0, 0.0);
        curve.append(9 * DAY, 121.0, 0.0);

        final PerformanceReport report =
            PerformanceAnalyzer.analyze(curve, NO_TRADES, 100.0, 0.0, 0.0, PerformanceAnalyzer.periodsPerYear(DAY));

        assertThat(report.periodsPerYear()).isEqualTo(365.0);
        assertThat(report.sharpeRatio()).isCloseTo(8.6998209405, within(1e-9));
    }

    @Test
    void shouldConvertSamplingIntervalToPeriodsPerYear() {
        assertThat(PerformanceAnalyzer.periodsPerYear(MINUTE)).isEqualTo(525_600.0);
        assertThat(PerformanceAnalyzer.periodsPerYear(TimeUnit.HOURS.toNanos(1))).isEqualTo(8_760.0);
        assertThat(PerformanceAnalyzer.periodsPerYear(DAY)).isEqualTo(365.0);
    }

    @Test
    void shouldEqualTotalReturnForCagrOverExactly365Days() {
        // (150 / 100) ^ (365 d / 365 d) - 1 = 1.5 ^ 1 - 1 = 0.5
        final EquityCurve curve = new EquityCurve(2);
        curve.append(0L, 100.0, 0.0);
        curve.append(365 * DAY, 150.0, 0.0);

        final PerformanceReport report = analyze(curve);

        assertThat(report.elapsedNanos()).isEqualTo(365 * DAY);
        assertThat(report.cagr()).isCloseTo(0.5, EXACT);
        assertThat(report.cagr()).isCloseTo(report.totalReturn(), EXACT);
    }

    @Test
    void shouldCompoundTotalReturnDownToCagrOver730Days() {
        // (121 / 100) ^ (365 d / 730 d) - 1 = 1.21 ^ 0.5 - 1 = 1.1 - 1 = 0.1; total return 0.21
        final EquityCurve curve = new EquityCurve(2);
        curve.append(0L, 100.0, 0.0);
        curve.append(730 * DAY, 121.0, 0.0);

        final PerformanceReport report = analyze(curve);

        assertThat(report.totalReturn()).isCloseTo(0.21, EXACT);
        assertThat(report.cagr()).isCloseTo(0.1, EXACT);
    }

    @Test
    void shouldComputeCalmarAsCagrOverMaxDrawdown() {
        // Days 0, 100, 200, 365 with equity 100, 120, 90, 130.
        // CAGR over exactly 365 days = 130 / 100 - 1 = 0.3
        // max drawdown = (120 - 90) / 120 = 0.25
        // Calmar = 0.3 / 0.25 = 1.2
        final EquityCurve curve = new EquityCurve(4);
        curve.append(0L, 100.0, 0.0);
        curve.append(100 * DAY, 120.0, 0.0);
        curve.append(200 * DAY, 90.0, 0.0);
        curve.append(365 * DAY, 130.0, 0.0);

        final PerformanceReport report = analyze(curve);

        assertThat(report.cagr()).isCloseTo(0.3, EXACT);
        assertThat(report.maxDrawdown()).isCloseTo(0.25, EXACT);
        assertThat(report.calmarRatio()).isCloseTo(1.2, CLOSE);
    }

    @Test
    void shouldReturnInfiniteCalmarWhenThereIsNoDrawdown() {
        // 100 -> 150 over 365 days never falls: CAGR 0.5 / drawdown 0 = +Infinity.
        final EquityCurve curve = new EquityCurve(2);
        curve.append(0L, 100.0, 0.0);
        curve.append(365 * DAY, 150.0, 0.0);

        assertThat(analyze(curve).calmarRatio()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    // Drawdown

    @Test
    void shouldComputeMaxDrawdownDepthAndDurationWhenRecovered() {
        // Equity 100, 110, 99, 121 at days 0..3: running peaks 100, 110, 110, 121.
        // drawdowns 0, 0, (110 - 99) / 110 = 0.1, 0
        // the drawdown starts at the peak 110 (day 1) and recovers at 121 (day 3): 2 days.
        final PerformanceReport report = analyze(curve(DAY, 100, 110, 99, 121));

        assertThat(report.maxDrawdown()).isCloseTo(0.1, EXACT);
        assertThat(report.maxDrawdownDurationNanos()).isEqualTo(2 * DAY);
        assertThat(report.drawdownSeries()).containsExactly(new double[] {0.0, 0.0, 0.1, 0.0}, EXACT);
    }

    @Test
    void shouldComputeMaxDrawdownDepthAndDurationWhenUnrecovered() {
        // Equity 100, 90, 100, 120, 90, 96, 108 at minutes 0..6.
        // running peaks 100, 100, 100, 120, 120, 120, 120
        // drawdowns 0, 10/100 = 0.1, 0, 0, 30/120 = 0.25, 24/120 = 0.2, 12/120 = 0.1
        // first drawdown: peak at minute 0, recovered at minute 2 (100 >= 100): 2 min.
        // second drawdown: peak 120 at minute 3, never recovered, runs to the last sample (minute 6): 3 min.
        final PerformanceReport report = analyze(curve(MINUTE, 100, 90, 100, 120, 90, 96, 108));

        assertThat(report.maxDrawdown()).isCloseTo(0.25, EXACT);
        assertThat(report.maxDrawdownDurationNanos()).isEqualTo(3 * MINUTE);
        assertThat(report.drawdownSeries()).containsExactly(new double[] {0.0, 0.1, 0.0, 0.0, 0.25, 0.2, 0.1}, EXACT);
        assertThat(report.drawdownAt(4)).isCloseTo(0.25, EXACT);
    }

    @Test
    void shouldReportLongestDrawdownDurationEvenWhenItIsNotTheDeepest() {
        // Minutes 0, 1, 2, 10, 11, 12 with equity 100, 95, 96, 100, 60, 120.
        // shallow drawdown: peak 100 at minute 0, 5 % deep, recovered at minute 10: 10 min.
        // deep drawdown: peak 100 at minute 10, (100 - 60) / 100 = 40 % deep, recovered at minute 12: 2 min.
        final EquityCurve curve = new EquityCurve(8);
        curve.append(0L, 100.0, 0.0);
        curve.append(MINUTE, 95.0, 0.0);
        curve.append(2 * MINUTE, 96.0, 0.0);
        curve.append(10 * MINUTE, 100.0, 0.0);
        curve.append(11 * MINUTE, 60.0, 0.0);
        curve.append(12 * MINUTE, 120.0, 0.0);

        final PerformanceReport report = analyze(curve);

        assertThat(report.maxDrawdown()).isCloseTo(0.4, EXACT);
        assertThat(report.maxDrawdownDurationNanos()).isEqualTo(10 * MINUTE);
    }

    @Test
    void shouldNotLetCallerWriteIntoDrawdownSeriesOrSeeLaterAppends() {
        final EquityCurve curve = curve(DAY, 100, 110, 99, 121);
        final PerformanceReport report = analyze(curve);

        report.drawdownSeries()[2] = 42.0;
        curve.append(4 * DAY, 50.0, 0.0);

        assertThat(report.drawdownAt(2)).isCloseTo(0.1, EXACT);
        assertThat(report.sampleCount()).isEqualTo(4);
        assertThat(report.drawdownSeries()).hasSize(4);
        assertThat(report.finalEquity()).isEqualTo(121.0);
    }

    // Trades

    @Test
    void shouldComputeTradeStatisticsTreatingZeroPnlAsBreakeven() {
        // pnl in close order: +10, +20, -4, 0, -15, -5, -6, +8  (W W L B L L L W)
        // wins: 10, 20, 8 -> 3, gross profit 38; losses: -4, -15, -5, -6 -> 4, gross loss -30; breakeven 1
        // win rate = 3 / 8 = 0.375 (the breakeven trade counts in the 8)
        // profit factor = 38 / |-30| = 1.2666...
        // average win = 38 / 3 = 12.6666...; average loss = -30 / 4 = -7.5
        // payoff = 12.6666... / 7.5 = 1.6888...
        // expectancy = (38 - 30) / 8 = 1.0
        // best = 20, worst = -15
        // streaks: wins 2 (first two); losses 3 (L B L L L: the breakeven ends the first loss run)
        // holding times 1, 2, ..., 8 minutes: average = 36 / 8 = 4.5 min
        final double[] pnls = {10, 20, -4, 0, -15, -5, -6, 8};
        final List<RoundTrip> trips = new ArrayList<>();
        for (int i = 0; i < pnls.length; i++) {
            trips.add(trip(pnls[i], (i + 1) * MINUTE));
        }

        final PerformanceReport report = PerformanceAnalyzer.analyze(curve(DAY, 100, 101), trips, 100.0, 0.0, 0.0);

        assertThat(report.tradeCount()).isEqualTo(8);
        assertThat(report.winCount()).isEqualTo(3);
        assertThat(report.lossCount()).isEqualTo(4);
        assertThat(report.breakevenCount()).isEqualTo(1);
        assertThat(report.winRate()).isCloseTo(0.375, EXACT);
        assertThat(report.grossProfit()).isCloseTo(38.0, EXACT);
        assertThat(report.grossLoss()).isCloseTo(-30.0, EXACT);
        assertThat(report.profitFactor()).isCloseTo(38.0 / 30.0, EXACT);
        assertThat(report.averageWin()).isCloseTo(38.0 / 3.0, EXACT);
        assertThat(report.averageLoss()).isCloseTo(-7.5, EXACT);
        assertThat(report.payoffRatio()).isCloseTo(1.6888888889, within(1e-10));
        assertThat(report.expectancy()).isCloseTo(1.0, EXACT);
        assertThat(report.bestTrade()).isEqualTo(20.0);
        assertThat(report.worstTrade()).isEqualTo(-15.0);
        assertThat(report.maxConsecutiveWins()).isEqualTo(2);
        assertThat(report.maxConsecutiveLosses()).isEqualTo(3);
        assertThat(report.averageHoldingNanos()).isEqualTo(4 * MINUTE + MINUTE / 2);
    }

    @Test
    void shouldReturnInfiniteProfitFactorWhenThereAreProfitsAndNoLosses() {
        // pnl +5, +3: gross profit 8, gross loss 0 -> 8 / 0 = +Infinity; payoff 4 / 0 = +Infinity.
        final PerformanceReport report = analyzeTrades(List.of(trip(5.0, MINUTE), trip(3.0, MINUTE)));

        assertThat(report.profitFactor()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(report.payoffRatio()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(report.winRate()).isEqualTo(1.0);
        assertThat(report.averageLoss()).isNaN();
        assertThat(report.maxConsecutiveWins()).isEqualTo(2);
        assertThat(report.maxConsecutiveLosses()).isZero();
    }

    @Test
    void shouldReturnZeroProfitFactorWhenThereAreLossesAndNoProfits() {
        // pnl -5, -3: gross profit 0 / |gross loss| 8 = 0; payoff 0 (no wins); win rate 0 / 2 = 0.
        final PerformanceReport report = analyzeTrades(List.of(trip(-5.0, MINUTE), trip(-3.0, MINUTE)));

        assertThat(report.profitFactor()).isZero();
        assertThat(report.payoffRatio()).isZero();
        assertThat(report.winRate()).isZero();
        assertThat(report.averageWin()).isNaN();
        assertThat(report.maxConsecutiveLosses()).isEqualTo(2);
    }

    @Test
    void shouldReturnNanProfitFactorWhenAllTradesBreakEven() {
        // pnl 0, 0: gross profit 0 / gross loss 0 -> NaN; win rate 0 / 2 = 0; expectancy 0.
        final PerformanceReport report = analyzeTrades(List.of(trip(0.0, MINUTE), trip(0.0, MINUTE)));

        assertThat(report.profitFactor()).isNaN();
        assertThat(report.payoffRatio()).isNaN();
        assertThat(report.winRate()).isZero();
        assertThat(report.expectancy()).isZero();
        assertThat(report.breakevenCount()).isEqualTo(2);
    }

    @Test
    void shouldReportUndefinedTradeStatisticsWhenThereAreNoTrades() {
        final PerformanceReport report = analyzeTrades(NO_TRADES);

        assertThat(report.tradeCount()).isZero();
        assertThat(report.winRate()).isNaN();
        assertThat(report.profitFactor()).isNaN();
        assertThat(report.payoffRatio()).isNaN();
        assertThat(report.expectancy()).isNaN();
        assertThat(report.averageWin()).isNaN();
        assertThat(report.averageLoss()).isNaN();
        assertThat(report.bestTrade()).isNaN();
        assertThat(report.worstTrade()).isNaN();
        assertThat(report.grossProfit()).isZero();
        assertThat(report.grossLoss()).isZero();
        assertThat(report.averageHoldingNanos()).isZero();
        assertThat(report.maxConsecutiveWins()).isZero();
        assertThat(report.maxConsecutiveLosses()).isZero();
    }

    // Exposure and costs

    @Test
    void shouldComputeTimeWeightedTimeInMarketAndAverageExposure() {
        // Samples at hours 0, 1, 3, 6 with exposure 0, 1, 0.5, 0 (the last one covers no time).
        // intervals: [0,1) flat; [1,3) exposure 1; [3,6) exposure 0.5; elapsed 6 h
        // time in market = (2 + 3) / 6 = 0.8333...  (counting samples instead would give 2/4 = 0.5)
        // average exposure = (1 * 0 + 2 * 1 + 3 * 0.5) / 6 = 3.5 / 6 = 0.58333...
        final long hour = TimeUnit.HOURS.toNanos(1);
        final EquityCurve curve = new EquityCurve(4);
        curve.append(0L, 100.0, 0.0);
        curve.append(hour, 100.0, 1.0);
        curve.append(3 * hour, 100.0, 0.5);
        curve.append(6 * hour, 100.0, 0.0);

        final PerformanceReport report = analyze(curve);

        assertThat(report.timeInMarket()).isCloseTo(5.0 / 6.0, EXACT);
        assertThat(report.averageExposure()).isCloseTo(3.5 / 6.0, EXACT);
    }

    @Test
    void shouldComputeTurnoverAsTradedNotionalOverAverageEquityAndPassFeesThrough() {
        // average equity = (100 + 110 + 99 + 121) / 4 = 430 / 4 = 107.5
        // turnover = 1000 / 107.5 = 9.3023255814
        final PerformanceReport report =
            PerformanceAnalyzer.analyze(curve(DAY, 100, 110, 99, 121), NO_TRADES, 100.0, 2.5, 1_000.0);

        assertThat(report.averageEquity()).isCloseTo(107.5, EXACT);
        assertThat(report.turnover()).isCloseTo(1_000.0 / 107.5, EXACT);
        assertThat(report.turnover()).isCloseTo(9.3023255814, within(1e-10));
        assertThat(report.feesPaid()).isEqualTo(2.5);
        assertThat(report.tradedNotional()).isEqualTo(1_000.0);
        assertThat(report.initialEquity()).isEqualTo(100.0);
    }

    // Degenerate inputs

    @Test
    void shouldNotThrowAndReportUndefinedMetricsForEmptyCurve() {
        final PerformanceReport report = PerformanceAnalyzer.analyze(new EquityCurve(1), NO_TRADES, 100.0, 0.0, 50.0);

        assertThat(report.sampleCount()).isZero();
        assertThat(report.elapsedNanos()).isZero();
        assertThat(report.finalEquity()).isEqualTo(100.0);
        assertThat(report.totalReturn()).isZero();
        assertThat(report.cagr()).isNaN();
        assertThat(report.periodsPerYear()).isNaN();
        assertThat(report.returnCount()).isZero();
        assertThat(report.meanReturn()).isNaN();
        assertThat(report.returnStdev()).isNaN();
        assertThat(report.annualisedVolatility()).isNaN();
        assertThat(report.sharpeRatio()).isNaN();
        assertThat(report.downsideDeviation()).isNaN();
        assertThat(report.sortinoRatio()).isNaN();
        assertThat(report.calmarRatio()).isNaN();
        assertThat(report.maxDrawdown()).isZero();
        assertThat(report.maxDrawdownDurationNanos()).isZero();
        assertThat(report.drawdownSeries()).isEmpty();
        assertThat(report.timeInMarket()).isNaN();
        assertThat(report.averageExposure()).isNaN();
        // average equity falls back to the initial equity: 50 / 100 = 0.5
        assertThat(report.averageEquity()).isEqualTo(100.0);
        assertThat(report.turnover()).isCloseTo(0.5, EXACT);
    }

    @Test
    void shouldNotThrowAndReportUndefinedMetricsForSingleSample() {
        final EquityCurve curve = new EquityCurve(1);
        curve.append(5 * DAY, 105.0, 1.0);

        final PerformanceReport report = PerformanceAnalyzer.analyze(curve, NO_TRADES, 100.0, 0.0, 0.0);

        assertThat(report.sampleCount()).isEqualTo(1);
        assertThat(report.startTimeNanos()).isEqualTo(5 * DAY);
        assertThat(report.endTimeNanos()).isEqualTo(5 * DAY);
        assertThat(report.elapsedNanos()).isZero();
        assertThat(report.totalReturn()).isCloseTo(0.05, EXACT);
        assertThat(report.cagr()).isNaN();
        assertThat(report.periodsPerYear()).isNaN();
        assertThat(report.returnCount()).isZero();
        assertThat(report.sharpeRatio()).isNaN();
        assertThat(report.sortinoRatio()).isNaN();
        assertThat(report.maxDrawdown()).isZero();
        assertThat(report.drawdownSeries()).containsExactly(0.0);
        assertThat(report.timeInMarket()).isNaN();
    }

    @Test
    void shouldReportNanStdevAndSharpeForSingleReturn() {
        // One return (0.1): the sample stdev divides by N - 1 = 0, so it is undefined.
        final PerformanceReport report = analyze(curve(DAY, 100, 110));

        assertThat(report.returnCount()).isEqualTo(1);
        assertThat(report.meanReturn()).isCloseTo(0.1, EXACT);
        assertThat(report.returnStdev()).isNaN();
        assertThat(report.sharpeRatio()).isNaN();
        assertThat(report.sortinoRatio()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void shouldRejectInvalidArguments() {
        final EquityCurve curve = curve(DAY, 100, 110);

        assertThatThrownBy(() -> PerformanceAnalyzer.analyze(curve, NO_TRADES, 0.0, 0.0, 0.0))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PerformanceAnalyzer.analyze(curve, NO_TRADES, Double.NaN, 0.0, 0.0))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PerformanceAnalyzer.analyze(curve, NO_TRADES, 100.0, Double.NaN, 0.0))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PerformanceAnalyzer.analyze(curve, NO_TRADES, 100.0, 0.0, -1.0))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PerformanceAnalyzer.analyze(curve, NO_TRADES, 100.0, 0.0, 0.0, 0.0))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PerformanceAnalyzer.analyze(curve, null, 100.0, 0.0, 0.0))
            .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PerformanceAnalyzer.periodsPerYear(0L))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private static PerformanceReport analyze(final EquityCurve curve) {
        return PerformanceAnalyzer.analyze(curve, NO_TRADES, 100.0, 0.0, 0.0);
    }

    private static PerformanceReport analyzeTrades(final List<RoundTrip> trips) {
        return PerformanceAnalyzer.analyze(curve(DAY, 100, 100), trips, 100.0, 0.0, 0.0);
    }

    private static EquityCurve curve(final long stepNanos, final double... equities) {
        final EquityCurve curve = new EquityCurve(equities.length);
        for (int i = 0; i < equities.length; i++) {
            curve.append(i * stepNanos, equities[i], 0.0);
        }
        return curve;
    }

    private static RoundTrip trip(final double pnl, final long holdingNanos) {
        final long entry = 1_000L;
        return new RoundTrip(entry, entry + holdingNanos, 100.0, 100.0 + pnl, 1.0, pnl, 0.0, RoundTrip.Side.LONG);
    }
}
