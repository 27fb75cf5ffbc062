package io.ttquant.core.analytics;

/**
 * The one division rule shared by every ratio in {@link PerformanceReport}, so that a zero
 * denominator reads the same everywhere: a positive amount over no risk is unbounded, nothing over
 * nothing is undefined.
 *
 * <p>It must never be used where a negative denominator is meaningful differently (turnover guards
 * its own denominator) and never returns a finite number for a zero denominator.
 */
final class Ratio {
    private Ratio() {
    }

    /**
     * @return {@code numerator / denominator} when the denominator is non-zero; for a zero denominator
     *         {@code +Infinity} if the numerator is positive, {@code -Infinity} if negative and
     *         {@code NaN} if zero; {@code NaN} if either input is {@code NaN}.
     */
    static double of(final double numerator, final double denominator) {
        if (Double.isNaN(numerator) || Double.isNaN(denominator)) {
            return Double.NaN;
        }
        if (denominator == 0.0) {
            if (numerator > 0.0) {
                return Double.POSITIVE_INFINITY;
            }
            return numerator < 0.0 ? Double.NEGATIVE_INFINITY : Double.NaN;
        }
        return numerator / denominator;
    }
}
