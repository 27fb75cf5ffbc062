package io.ttquant.core.analytics;

import java.util.Arrays;
import java.util.Objects;

/**
 * Append-only series of account equity samples, recorded by the engine at each sample point (every
 * bar, or at a fixed sampling interval), each with the exposure held from that sample until the
 * next. It is the input from which {@link PerformanceAnalyzer} derives returns, drawdowns and time in
 * market.
 *
 * <p>Storage is three parallel primitive arrays that double in capacity when full, so
 * {@link #append} allocates nothing except on a growth step; size the initial capacity to the
 * expected number of samples to avoid growth altogether. {@link #clear()} keeps the arrays so the
 * next run can reuse them.
 *
 * <p>Contract for the writer (a violation is a bug in the caller and throws
 * {@link IllegalArgumentException}: corrupt data is worse than no data):
 * <ul>
 *   <li>time is in nanoseconds and never decreases; a sample with the same time as the last one
 *       <em>replaces</em> it (the latest state at an instant wins), so stored times are strictly
 *       increasing;</li>
 *   <li>equity is finite; it may be zero or negative after a blow-up;</li>
 *   <li>exposure is the value of open positions as a fraction of equity, finite and {@code >= 0}:
 *       0 means flat, 1 fully invested, above 1 leveraged. The exposure of sample {@code i} is taken
 *       to hold over {@code [time(i), time(i + 1))}.</li>
 * </ul>
 *
 * <p>It must never be written by more than one thread, nor read by another thread while being
 * written (no synchronisation); it never boxes, reorders or drops samples.
 */
public final class EquityCurve {
    /** Default number of samples held before the first growth step. */
    public static final int DEFAULT_CAPACITY = 1024;

    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private long[] times;
    private double[] equities;
    private double[] exposures;
    private int size;

    /** Creates an empty curve with {@link #DEFAULT_CAPACITY}. */
    public EquityCurve() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * Creates an empty curve.
     *
     * @param initialCapacity number of samples held before the first growth step, at least 1.
     */
    public EquityCurve(final int initialCapacity) {
        if (initialCapacity < 1 || initialCapacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("initialCapacity must be in [1, " + MAX_CAPACITY + "]: " + initialCapacity);
        }
        times = new long[initialCapacity];
        equities = new double[initialCapacity];
        exposures = new double[initialCapacity];
    }

    /**
     * Records one sample. A sample at the same time as the last one replaces it.
     *
     * @param timeNanos time of the sample in nanoseconds, not earlier than the last sample.
     * @param equity    account equity (cash plus marked-to-market positions), finite.
     * @param exposure  value of open positions as a fraction of equity, finite and {@code >= 0}.
     * @throws IllegalArgumentException if time goes backwards or a value is not finite / negative exposure.
     */
    public void append(final long timeNanos, final double equity, final double exposure) {
        if (!Double.isFinite(equity)) {
            throw new IllegalArgumentException("equity must be finite: " + equity);
        }
        if (!(exposure >= 0.0) || exposure == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("exposure must be finite and >= 0: " + exposure);
        }

        int index = size;
        if (index > 0) {
            final long lastTime = times[index - 1];
            if (timeNanos < lastTime) {
                throw new IllegalArgumentException("time went backwards: " + timeNanos + " < " + lastTime);
            }
            if (timeNanos == lastTime) {
                index--;
            }
        }
        if (index == times.length) {
            grow();
        }

        times[index] = timeNanos;
        equities[index] = equity;
        exposures[index] = exposure;
        size = index + 1;
    }

    /** Forgets all samples and keeps the storage for reuse. */
    public void clear() {
        size = 0;
    }

    /** @return number of samples recorded. */
    public int size() {
        return size;
    }

    /** @return true when no sample has been recorded. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** @return time of sample {@code index} in nanoseconds. */
    public long time(final int index) {
        return times[Objects.checkIndex(index, size)];
    }

    /** @return equity at sample {@code index}. */
    public double equity(final int index) {
        return equities[Objects.checkIndex(index, size)];
    }

    /** @return exposure held from sample {@code index} until the next sample. */
    public double exposure(final int index) {
        return exposures[Objects.checkIndex(index, size)];
    }

    private void grow() {
        final int capacity = times.length;
        final int newCapacity = (int) Math.min((long) capacity << 1, MAX_CAPACITY);
        if (newCapacity == capacity) {
            throw new IllegalStateException("equity curve is full at " + capacity + " samples");
        }
        times = Arrays.copyOf(times, newCapacity);
        equities = Arrays.copyOf(equities, newCapacity);
        exposures = Arrays.copyOf(exposures, newCapacity);
    }
}
