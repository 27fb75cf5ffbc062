package io.ttquant.core.analytics;

/**
 * Drawdown at every equity sample and the deepest and longest drawdowns, as defined in
 * {@link PerformanceReport}. It owns its series array and must never expose it for writing.
 */
final class DrawdownStatistics {
    private static final double[] NO_SAMPLES = new double[0];

    final double[] series;
    final double maxDrawdown;
    final long maxDrawdownDurationNanos;

    private DrawdownStatistics(final double[] series, final double maxDrawdown, final long maxDrawdownDurationNanos) {
        this.series = series;
        this.maxDrawdown = maxDrawdown;
        this.maxDrawdownDurationNanos = maxDrawdownDurationNanos;
    }

    static DrawdownStatistics compute(final EquityCurve curve) {
        final int n = curve.size();
        if (n == 0) {
            return new DrawdownStatistics(NO_SAMPLES, 0.0, 0L);
        }

        final double[] series = new double[n];
        double peak = curve.equity(0);
        long peakTime = curve.time(0);
        boolean underwater = false;
        double maxDepth = 0.0;
        long maxDuration = 0L;

        for (int i = 0; i < n; i++) {
            final double equity = curve.equity(i);
            final long time = curve.time(i);
            if (equity >= peak) {
                if (underwater) {
                    maxDuration = Math.max(maxDuration, time - peakTime);
                    underwater = false;
                }
                peak = equity;
                peakTime = time;
            } else {
                underwater = true;
                // Still below the peak: the drawdown lasts at least until this sample, which also
                // covers a drawdown left unrecovered at the last sample.
                maxDuration = Math.max(maxDuration, time - peakTime);
                final double depth = peak > 0.0 ? (peak - equity) / peak : 0.0;
                series[i] = depth;
                maxDepth = Math.max(maxDepth, depth);
            }
        }
        return new DrawdownStatistics(series, maxDepth, maxDuration);
    }
}
