package io.ttquant.core.analytics;

/**
 * Span of the equity curve and the growth of equity over it (total return, CAGR), as defined in
 * {@link PerformanceReport}. Computed once per report; it must never read anything but the curve and
 * the caller's initial equity.
 */
final class GrowthStatistics {
    final int sampleCount;
    final long startTimeNanos;
    final long endTimeNanos;
    final long elapsedNanos;
    final double finalEquity;
    final double totalReturn;
    final double cagr;

    private GrowthStatistics(
        final int sampleCount,
        final long startTimeNanos,
        final long endTimeNanos,
        final double finalEquity,
        final double totalReturn,
        final double cagr) {
        this.sampleCount = sampleCount;
        this.startTimeNanos = startTimeNanos;
        this.endTimeNanos = endTimeNanos;
        this.elapsedNanos = endTimeNanos - startTimeNanos;
        this.finalEquity = finalEquity;
        this.totalReturn = totalReturn;
        this.cagr = cagr;
    }

    static GrowthStatistics compute(final EquityCurve curve, final double initialEquity) {
        final int n = curve.size();
        if (n == 0) {
            return new GrowthStatistics(0, 0L, 0L, initialEquity, 0.0, Double.NaN);
        }

        final long start = curve.time(0);
        final long end = curve.time(n - 1);
        final double finalEquity = curve.equity(n - 1);
        final double growth = finalEquity / initialEquity;
        return new GrowthStatistics(n, start, end, finalEquity, growth - 1.0, cagr(growth, end - start));
    }

    private static double cagr(final double growth, final long elapsedNanos) {
        if (elapsedNanos <= 0L) {
            return Double.NaN;
        }
        if (growth <= 0.0) {
            return -1.0;
        }
        return Math.pow(growth, (double) PerformanceAnalyzer.NANOS_PER_YEAR / elapsedNanos) - 1.0;
    }
}
