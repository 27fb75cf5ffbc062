package io.ttquant.core.indicator;

/**
 * Wilder's average true range, as TA-Lib computes it. The true range of a bar is
 * {@code max(high - low, |high - prevClose|, |low - prevClose|)}; the first bar has no previous close,
 * so it yields no true range at all (its own high-low range is ignored, not used as a stand-in). The
 * true ranges of bars 2 .. {@code period + 1} seed a {@link WilderAverage} with their simple average,
 * so the ATR is ready after {@code period + 1} bars and then follows
 * {@code atr = (atr * (period - 1) + tr) / period}.
 *
 * <p>(ta4j's {@code ATRIndicator} instead uses high-low for the first bar and starts its average from
 * that single value; the two converge as the seed decays.) Must never allocate or do more than O(1)
 * work per update.
 */
public final class Atr implements Indicator {
    private final int period;
    private final WilderAverage trueRanges;
    private double previousClose;
    private int count;

    /** @throws IllegalArgumentException when {@code period < 1} */
    public Atr(int period) {
        this.period = Periods.requirePositive(period);
        this.trueRanges = new WilderAverage(period);
    }

    public void update(double high, double low, double close) {
        if (count < Integer.MAX_VALUE) {
            count++;
        }
        if (count > 1) {
            double range = high - low;
            double up = Math.abs(high - previousClose);
            double down = Math.abs(low - previousClose);
            trueRanges.update(Math.max(range, Math.max(up, down)));
        }
        previousClose = close;
    }

    public int period() {
        return period;
    }

    @Override
    public boolean isReady() {
        return trueRanges.isReady();
    }

    @Override
    public double value() {
        return trueRanges.value();
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public void reset() {
        trueRanges.reset();
        previousClose = 0.0;
        count = 0;
    }
}
