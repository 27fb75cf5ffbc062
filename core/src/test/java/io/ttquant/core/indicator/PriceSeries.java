package io.ttquant.core.indicator;

import java.util.Random;

/**
 * Deterministic OHLC test inputs: a seeded random walk whose bars are realistic
 * ({@code high >= max(open, close)}, {@code low <= min(open, close)}, opens gapping away from the
 * previous close so true range has to look back).
 */
final class PriceSeries {
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;

    private PriceSeries(int bars) {
        open = new double[bars];
        high = new double[bars];
        low = new double[bars];
        close = new double[bars];
    }

    /** Geometric random walk from {@code start}, each bar's log return having standard deviation {@code volatility}. */
    static PriceSeries randomWalk(long seed, int bars, double start, double volatility) {
        Random random = new Random(seed);
        PriceSeries s = new PriceSeries(bars);
        double previousClose = start;
        for (int i = 0; i < bars; i++) {
            double o = previousClose * (1.0 + 0.3 * volatility * random.nextGaussian());
            double c = o * Math.exp(volatility * random.nextGaussian());
            s.open[i] = o;
            s.close[i] = c;
            s.high[i] = Math.max(o, c) * (1.0 + 0.5 * volatility * Math.abs(random.nextGaussian()));
            s.low[i] = Math.min(o, c) * (1.0 - 0.5 * volatility * Math.abs(random.nextGaussian()));
            previousClose = c;
        }
        return s;
    }

    /**
     * Closes that move by -1, 0 or +1 {@code tick} per bar around {@code start}: a market quoted to
     * the cent at 60000, whose variance is tiny next to the square of its price.
     */
    static PriceSeries tickWalk(long seed, int bars, double start, double tick) {
        Random random = new Random(seed);
        PriceSeries s = new PriceSeries(bars);
        long ticks = 0;
        for (int i = 0; i < bars; i++) {
            double o = start + ticks * tick;
            ticks += random.nextInt(3) - 1;
            double c = start + ticks * tick;
            s.open[i] = o;
            s.close[i] = c;
            s.high[i] = Math.max(o, c) + random.nextInt(2) * tick;
            s.low[i] = Math.min(o, c) - random.nextInt(2) * tick;
        }
        return s;
    }

    int size() {
        return close.length;
    }

    double open(int i) {
        return open[i];
    }

    double high(int i) {
        return high[i];
    }

    double low(int i) {
        return low[i];
    }

    double close(int i) {
        return close[i];
    }
}
