package io.ttquant.core.indicator;

/**
 * Wilder's relative strength index, in [0, 100], as TA-Lib computes it: each input after the first
 * gives a change; gains and losses are each smoothed by a {@link WilderAverage} seeded with the simple
 * average of the first {@code period} changes, so the RSI is ready after {@code period + 1} inputs.
 * {@code rsi = 100 * avgGain / (avgGain + avgLoss)}, and 0 when both averages are 0 (a flat market),
 * which is what TA-Lib and ta4j return too.
 *
 * <p>Must never allocate or do more than O(1) work per update.
 */
public final class Rsi implements Indicator {
    private final int period;
    private final WilderAverage gains;
    private final WilderAverage losses;
    private double previous;
    private double value = Double.NaN;
    private int count;

    /** @throws IllegalArgumentException when {@code period < 1} */
    public Rsi(int period) {
        this.period = Periods.requirePositive(period);
        this.gains = new WilderAverage(period);
        this.losses = new WilderAverage(period);
    }

    public void update(double x) {
        if (count < Integer.MAX_VALUE) {
            count++;
        }
        if (count > 1) {
            double change = x - previous;
            gains.update(change > 0.0 ? change : 0.0);
            losses.update(change < 0.0 ? -change : 0.0);
            if (gains.isReady()) {
                double avgGain = gains.value();
                double total = avgGain + losses.value();
                value = total == 0.0 ? 0.0 : 100.0 * avgGain / total;
            }
        }
        previous = x;
    }

    public int period() {
        return period;
    }

    @Override
    public boolean isReady() {
        return gains.isReady();
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
        gains.reset();
        losses.reset();
        previous = 0.0;
        value = Double.NaN;
        count = 0;
    }
}
