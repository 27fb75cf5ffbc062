package io.ttquant.core.analytics;

import java.util.Arrays;

/**
 * Statistics of the simple returns between consecutive equity samples (mean, sample standard
 * deviation, downside deviation) and the ratios built from them (annualised volatility, Sharpe,
 * Sortino), as defined in {@link PerformanceReport}. It must never annualise with anything other
 * than the factor it is given, and never include a return whose base equity is not positive.
 */
final class ReturnStatistics {
    final double periodsPerYear;
    final int returnCount;
    final double meanReturn;
    final double returnStdev;
    final double downsideDeviation;
    final double annualisedVolatility;
    final double sharpeRatio;
    final double sortinoRatio;

    private ReturnStatistics(
        final double periodsPerYear,
        final int returnCount,
        final double meanReturn,
        final double returnStdev,
        final double downsideDeviation) {
        this.periodsPerYear = periodsPerYear;
        this.returnCount = returnCount;
        this.meanReturn = meanReturn;
        this.returnStdev = returnStdev;
        this.downsideDeviation = downsideDeviation;

        final double sqrtPeriods = Math.sqrt(periodsPerYear);
        this.annualisedVolatility = returnStdev * sqrtPeriods;
        this.sharpeRatio = Ratio.of(meanReturn, returnStdev) * sqrtPeriods;
        this.sortinoRatio = Ratio.of(meanReturn, downsideDeviation) * sqrtPeriods;
    }

    /**
     * @return samples per 365 days implied by the median interval between consecutive samples, or
     *         {@code NaN} with fewer than two samples.
     */
    static double inferPeriodsPerYear(final EquityCurve curve) {
        final int intervals = curve.size() - 1;
        if (intervals < 1) {
            return Double.NaN;
        }

        final long[] gaps = new long[intervals];
        for (int i = 0; i < intervals; i++) {
            gaps[i] = curve.time(i + 1) - curve.time(i);
        }
        Arrays.sort(gaps);

        final int middle = intervals >>> 1;
        final double median = (intervals & 1) == 1
            ? gaps[middle]
            : gaps[middle - 1] / 2.0 + gaps[middle] / 2.0;
        // Stored times are strictly increasing, so every gap, and the median, is positive.
        return PerformanceAnalyzer.NANOS_PER_YEAR / median;
    }

    static ReturnStatistics compute(final EquityCurve curve, final double periodsPerYear) {
        final int n = curve.size();

        int count = 0;
        double sum = 0.0;
        for (int i = 1; i < n; i++) {
            final double r = simpleReturn(curve, i);
            if (!Double.isNaN(r)) {
                sum += r;
                count++;
            }
        }
        if (count == 0) {
            return new ReturnStatistics(periodsPerYear, 0, Double.NaN, Double.NaN, Double.NaN);
        }

        final double mean = sum / count;
        double squaredDeviations = 0.0;
        double squaredShortfalls = 0.0;
        for (int i = 1; i < n; i++) {
            final double r = simpleReturn(curve, i);
            if (!Double.isNaN(r)) {
                final double deviation = r - mean;
                squaredDeviations += deviation * deviation;
                if (r < 0.0) {
                    squaredShortfalls += r * r;
                }
            }
        }

        final double stdev = count > 1 ? Math.sqrt(squaredDeviations / (count - 1)) : Double.NaN;
        final double downside = Math.sqrt(squaredShortfalls / count);
        return new ReturnStatistics(periodsPerYear, count, mean, stdev, downside);
    }

    private static double simpleReturn(final EquityCurve curve, final int index) {
        final double base = curve.equity(index - 1);
        return base > 0.0 ? curve.equity(index) / base - 1.0 : Double.NaN;
    }
}
