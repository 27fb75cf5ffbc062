package io.ttquant.app.report;

import java.util.Arrays;

/**
 * Picks the samples worth drawing from a long series: the series is cut into {@code columns}
 * equal time buckets and each bucket keeps its first, lowest, highest and last sample (in time
 * order), so spikes and the line's continuity survive. The result has at most
 * {@code 4 * columns} points whatever the input length; a short series is kept whole.
 *
 * <p>It never reorders samples and never drops the first or the last one.
 */
final class MinMaxDownsampler {
    private MinMaxDownsampler() {
    }

    /**
     * @param times   sample times, non-decreasing
     * @param values  sample values, finite
     * @param n       number of samples used
     * @param columns number of buckets (e.g. pixel columns), {@code >= 1}
     * @return indices of the kept samples, increasing
     */
    static int[] indices(long[] times, double[] values, int n, int columns) {
        if (n <= 4L * columns) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        long t0 = times[0];
        double span = Math.max(1.0, (double) times[n - 1] - t0);
        int[] out = new int[4 * columns + 4];
        int size = 0;
        int i = 0;
        while (i < n) {
            int bucket = bucketOf(times[i], t0, span, columns);
            int first = i;
            int min = i;
            int max = i;
            int j = i + 1;
            while (j < n && bucketOf(times[j], t0, span, columns) == bucket) {
                if (values[j] < values[min]) {
                    min = j;
                }
                if (values[j] > values[max]) {
                    max = j;
                }
                j++;
            }
            int last = j - 1;
            int lo = Math.min(min, max);
            int hi = Math.max(min, max);
            size = add(out, size, first);
            size = add(out, size, lo);
            size = add(out, size, hi);
            size = add(out, size, last);
            i = j;
        }
        return Arrays.copyOf(out, size);
    }

    private static int bucketOf(long t, long t0, double span, int columns) {
        return Math.min(columns - 1, (int) ((t - t0) / span * columns));
    }

    private static int add(int[] out, int size, int index) {
        if (size > 0 && out[size - 1] == index) {
            return size;
        }
        out[size] = index;
        return size + 1;
    }
}
