package io.ttquant.core.indicator;

/**
 * Bollinger bands over the last {@code period} inputs: {@code middle} is their simple average and
 * {@code upper/lower = middle ± k * sigma}, where sigma is the <em>population</em> standard deviation
 * (divide by {@code period}, not {@code period - 1}), as TA-Lib's BBANDS and ta4j's
 * {@code StandardDeviationIndicator} both use. Ready once {@code period} inputs have been seen;
 * {@link #value()} is the middle band.
 *
 * <p>Numerics. Prices like 60000 moving by a cent make {@code E[x^2] - E[x]^2} lose every significant
 * digit, and a sliding Welford update drifts by about {@code ulp(price) * |x - out|} per step, which
 * swamps a small variance after a volatile stretch. Instead every input enters two compensated sums
 * ({@link CompensatedSum}) as its deviation {@code d = x - reference}, where the reference is one of
 * the window's own prices: {@code s1 = sum(d)} and {@code s2 = sum(d^2)}. The reference only changes
 * at a rebuild, so the {@code d} and {@code d^2} subtracted when a price leaves are bit-identical to
 * those added when it entered, and the sums do not drift. Then {@code m2 = s2 - s1^2 / n} loses about
 * {@code log2(s2 / m2)} bits; whenever {@code s2 / m2} exceeds {@code max(2^16, 2 * period)} (the mean
 * has wandered far from the reference, or the window has gone quiet after a volatile stretch) the sums
 * are rebuilt from the ring about the newest price, which brings the ratio back below {@code period}.
 * So sigma keeps about 37 good bits (relative error near 1e-11) whatever the price level. The sums are
 * also rebuilt every {@code 64 * period} updates to bound the compensated sums' second-order error.
 *
 * <p>Cost: O(1) per update, plus an O(period) rebuild that is rare (scheduled once per
 * {@code 64 * period} updates, or on a volatility collapse or a trend of thousands of sigmas), so
 * O(1) amortised. Must never allocate per update.
 */
public final class BollingerBands implements Indicator {
    private static final double MIN_CANCELLATION_LIMIT = 1 << 16;
    private static final int REBUILD_CYCLES = 64;

    private final int period;
    private final double k;
    private final double cancellationLimit;
    private final long rebuildInterval;
    private final SlidingWindow window;
    private final CompensatedSum deviations = new CompensatedSum();
    private final CompensatedSum squaredDeviations = new CompensatedSum();
    private double reference;
    private long updatesSinceRebuild;
    private double middle = Double.NaN;
    private double sigma = Double.NaN;
    private int count;

    /**
     * @param period number of inputs in the window
     * @param k      width of the bands in standard deviations, usually 2
     * @throws IllegalArgumentException when {@code period < 1} or {@code k} is negative or not finite
     */
    public BollingerBands(int period, double k) {
        this.period = Periods.requirePositive(period);
        if (!(k >= 0.0) || k == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("k must be a finite number >= 0, was " + k);
        }
        this.k = k;
        this.cancellationLimit = Math.max(MIN_CANCELLATION_LIMIT, 2.0 * period);
        this.rebuildInterval = (long) REBUILD_CYCLES * period;
        this.window = new SlidingWindow(period);
    }

    public void update(double x) {
        if (count < Integer.MAX_VALUE) {
            count++;
        }
        if (window.isFull()) {
            double out = window.oldest() - reference;
            deviations.add(-out);
            squaredDeviations.add(-(out * out));
        }
        window.push(x);
        double d = x - reference;
        deviations.add(d);
        squaredDeviations.add(d * d);

        int n = window.size();
        double s1 = deviations.value();
        double s2 = squaredDeviations.value();
        double m2 = s2 - s1 * (s1 / n);
        // Also true when rounding has left m2 <= 0 while s2 > 0.
        if (s2 > cancellationLimit * m2 || ++updatesSinceRebuild >= rebuildInterval) {
            rebuildAbout(x);
            s1 = deviations.value();
            m2 = squaredDeviations.value() - s1 * (s1 / n);
        }
        if (n == period) {
            middle = reference + s1 / n;
            sigma = Math.sqrt(Math.max(m2, 0.0) / n);
        }
    }

    private void rebuildAbout(double newReference) {
        reference = newReference;
        updatesSinceRebuild = 0;
        deviations.reset();
        squaredDeviations.reset();
        int n = window.size();
        for (int i = 0; i < n; i++) {
            double d = window.slot(i) - newReference;
            deviations.add(d);
            squaredDeviations.add(d * d);
        }
    }

    public int period() {
        return period;
    }

    public double k() {
        return k;
    }

    /** The simple average of the window, or NaN while not ready. */
    public double middle() {
        return middle;
    }

    /** {@code middle + k * sigma}, or NaN while not ready. */
    public double upper() {
        return middle + k * sigma;
    }

    /** {@code middle - k * sigma}, or NaN while not ready. */
    public double lower() {
        return middle - k * sigma;
    }

    /** The population standard deviation sigma of the window, or NaN while not ready. */
    public double standardDeviation() {
        return sigma;
    }

    /**
     * {@code (upper - lower) / middle} as a fraction (John Bollinger's BandWidth; ta4j's
     * {@code BollingerBandWidthIndicator} reports the same quantity times 100). NaN while not ready.
     */
    public double bandwidth() {
        return 2.0 * k * sigma / middle;
    }

    /**
     * Where {@code price} sits relative to the bands: {@code (price - lower) / (upper - lower)}, so 0
     * at the lower band, 0.5 at the middle and 1 at the upper band. Computed as
     * {@code 0.5 + (price - middle) / (2 * k * sigma)} to avoid subtracting two rounded band values.
     * NaN while not ready, and NaN when the bands have zero width (constant window or {@code k == 0}).
     */
    public double percentB(double price) {
        double width = 2.0 * k * sigma;
        if (width == 0.0) {
            return Double.NaN;
        }
        return 0.5 + (price - middle) / width;
    }

    @Override
    public boolean isReady() {
        return window.isFull();
    }

    /** The middle band. */
    @Override
    public double value() {
        return middle;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public void reset() {
        window.clear();
        deviations.reset();
        squaredDeviations.reset();
        reference = 0.0;
        updatesSinceRebuild = 0;
        middle = Double.NaN;
        sigma = Double.NaN;
        count = 0;
    }
}
