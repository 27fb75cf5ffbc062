package io.ttquant.core.indicator;

/**
 * Simple moving average: the arithmetic mean of the last {@code period} inputs, ready once
 * {@code period} inputs have been seen (TA-Lib's lookback of {@code period - 1}).
 *
 * <p>Keeps a ring of the window and a running sum with Neumaier compensation ({@link CompensatedSum}):
 * each input is added when it enters and subtracted when it leaves, so the sum does not drift over
 * millions of updates and no periodic recompute is needed. Must never allocate or do more than O(1)
 * work per update.
 */
public final class Sma implements Indicator {
    private final int period;
    private final SlidingWindow window;
    private final CompensatedSum sum = new CompensatedSum();
    private double value = Double.NaN;
    private int count;

    /** @throws IllegalArgumentException when {@code period < 1} */
    public Sma(int period) {
        this.period = Periods.requirePositive(period);
        this.window = new SlidingWindow(period);
    }

    public void update(double x) {
        if (count < Integer.MAX_VALUE) {
            count++;
        }
        if (window.isFull()) {
            sum.add(-window.oldest());
        }
        window.push(x);
        sum.add(x);
        if (window.isFull()) {
            value = sum.value() / period;
        }
    }

    public int period() {
        return period;
    }

    @Override
    public boolean isReady() {
        return window.isFull();
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
        window.clear();
        sum.reset();
        value = Double.NaN;
        count = 0;
    }
}
