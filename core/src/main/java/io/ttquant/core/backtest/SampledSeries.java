package io.ttquant.core.backtest;

import java.util.Arrays;

/**
 * Equity, exposure and price sampled on a time grid, for analytics and charts. Memory is bounded:
 * when the series reaches its capacity it drops every other sample and doubles the sampling
 * interval, so a ten-million-bar run keeps at most {@code capacity} samples. Appends never allocate
 * except when the arrays first grow to capacity.
 */
public final class SampledSeries {
    private final int capacity;
    private long interval;
    private long nextSample = Long.MIN_VALUE;
    private long[] times = new long[1024];
    private double[] equity = new double[1024];
    private double[] exposure = new double[1024];
    private double[] price = new double[1024];
    private int size;
    private int compactions;

    public SampledSeries(long intervalNanos, int capacity) {
        if (intervalNanos <= 0 || capacity < 16) {
            throw new IllegalArgumentException("sampling interval must be positive and capacity at least 16");
        }
        this.interval = intervalNanos;
        this.capacity = capacity;
    }

    /** True when a sample is due at {@code t} (the first call always is). */
    public boolean due(long t) {
        return t >= nextSample;
    }

    /** Records a sample at {@code t} and schedules the next grid point after it. */
    public void add(long t, double equityValue, double exposureFraction, double priceValue) {
        if (size > 0 && t == times[size - 1]) {
            size--;
        }
        if (size == times.length) {
            if (size >= capacity) {
                compact();
            } else {
                int n = Math.min(capacity, size * 2);
                times = Arrays.copyOf(times, n);
                equity = Arrays.copyOf(equity, n);
                exposure = Arrays.copyOf(exposure, n);
                price = Arrays.copyOf(price, n);
            }
        }
        times[size] = t;
        equity[size] = equityValue;
        exposure[size] = exposureFraction;
        price[size] = priceValue;
        size++;
        nextSample = Math.floorDiv(t, interval) * interval + interval;
    }

    private void compact() {
        int j = 0;
        for (int i = 0; i < size; i += 2) {
            times[j] = times[i];
            equity[j] = equity[i];
            exposure[j] = exposure[i];
            price[j] = price[i];
            j++;
        }
        size = j;
        interval *= 2;
        compactions++;
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return times[i];
    }

    public double equity(int i) {
        return equity[i];
    }

    public double exposure(int i) {
        return exposure[i];
    }

    public double price(int i) {
        return price[i];
    }

    /** The current sampling interval (grows when the series is compacted). */
    public long intervalNanos() {
        return interval;
    }

    public int compactions() {
        return compactions;
    }
}
