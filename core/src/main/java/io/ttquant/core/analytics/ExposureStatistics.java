package io.ttquant.core.analytics;

/**
 * Time in market, average exposure, average equity and turnover, as defined in
 * {@link PerformanceReport}. It must never weight exposure by sample count rather than by time.
 */
final class ExposureStatistics {
    final double timeInMarket;
    final double averageExposure;
    final double averageEquity;
    final double turnover;

    private ExposureStatistics(
        final double timeInMarket,
        final double averageExposure,
        final double averageEquity,
        final double turnover) {
        this.timeInMarket = timeInMarket;
        this.averageExposure = averageExposure;
        this.averageEquity = averageEquity;
        this.turnover = turnover;
    }

    static ExposureStatistics compute(final EquityCurve curve, final double initialEquity, final double tradedNotional) {
        final int n = curve.size();

        double equitySum = 0.0;
        for (int i = 0; i < n; i++) {
            equitySum += curve.equity(i);
        }
        final double averageEquity = n > 0 ? equitySum / n : initialEquity;
        final double turnover = averageEquity > 0.0 ? tradedNotional / averageEquity : Double.NaN;

        if (n < 2) {
            return new ExposureStatistics(Double.NaN, Double.NaN, averageEquity, turnover);
        }

        double inMarketNanos = 0.0;
        double exposureNanos = 0.0;
        for (int i = 0; i < n - 1; i++) {
            // Sample i's exposure holds until sample i + 1; the last sample's exposure covers no time.
            final double interval = curve.time(i + 1) - curve.time(i);
            final double exposure = curve.exposure(i);
            if (exposure > 0.0) {
                inMarketNanos += interval;
            }
            exposureNanos += exposure * interval;
        }
        final double elapsed = curve.time(n - 1) - curve.time(0);
        return new ExposureStatistics(inMarketNanos / elapsed, exposureNanos / elapsed, averageEquity, turnover);
    }
}
