package io.ttquant.core.indicator;

/**
 * Wilder's smoothed moving average (also called RMA or SMMA), seeded as TA-Lib does: not ready before
 * {@code period} inputs; at the {@code period}-th input its value is the simple average of the first
 * {@code period} inputs; after that {@code avg = (avg * (period - 1) + x) / period}, an EMA with
 * {@code alpha = 1 / period}. The building block of {@link Rsi} and {@link Atr}.
 *
 * <p>Must never allocate or do more than O(1) work per update.
 */
final class WilderAverage implements Indicator {
    private final int period;
    private double seedSum;
    private double value = Double.NaN;
    private boolean ready;
    private int count;

    WilderAverage(int period) {
        this.period = Periods.requirePositive(period);
    }

    void update(double x) {
        if (count < Integer.MAX_VALUE) {
            count++;
        }
        if (ready) {
            value = (value * (period - 1) + x) / period;
            return;
        }
        seedSum += x;
        if (count == period) {
            value = seedSum / period;
            ready = true;
        }
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public void reset() {
        seedSum = 0.0;
        value = Double.NaN;
        ready = false;
        count = 0;
    }
}
