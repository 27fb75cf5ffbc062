package io.ttquant.core.indicator;

/**
 * Exponential moving average with {@code alpha = 2 / (period + 1)}, seeded as TA-Lib does: not ready
 * before {@code period} inputs; at the {@code period}-th input its value is the simple average of the
 * first {@code period} inputs; after that {@code ema += alpha * (x - ema)}.
 *
 * <p>(ta4j's {@code EMAIndicator} instead starts from the first input; the two converge as the seed
 * decays by {@code (1 - alpha)} per input.) Must never allocate or do more than O(1) work per update.
 */
public final class Ema implements Indicator {
    private final int period;
    private final double alpha;
    private double seedSum;
    private double value = Double.NaN;
    private boolean ready;
    private int count;

    /** @throws IllegalArgumentException when {@code period < 1} */
    public Ema(int period) {
        this.period = Periods.requirePositive(period);
        this.alpha = 2.0 / (period + 1.0);
    }

    public void update(double x) {
        if (count < Integer.MAX_VALUE) {
            count++;
        }
        if (ready) {
            value += alpha * (x - value);
            return;
        }
        seedSum += x;
        if (count == period) {
            value = seedSum / period;
            ready = true;
        }
    }

    public int period() {
        return period;
    }

    /** The smoothing factor {@code 2 / (period + 1)}. */
    public double alpha() {
        return alpha;
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
