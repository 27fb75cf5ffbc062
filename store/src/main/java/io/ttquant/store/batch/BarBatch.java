package io.ttquant.store.batch;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;

/**
 * Up to {@code capacity} OHLCV bars in columns (the row time is the open time); reused after
 * {@link #clear()}, no allocation when adding. Holds only intervals the schema can store (see
 * {@link #isValidInterval}).
 */
public final class BarBatch extends MarketBatch {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long[] intervalNanos;
    private final long[] open;
    private final long[] high;
    private final long[] low;
    private final long[] close;
    private final long[] volume;

    public BarBatch(int capacity) {
        super(capacity);
        intervalNanos = new long[capacity];
        open = new long[capacity];
        high = new long[capacity];
        low = new long[capacity];
        close = new long[capacity];
        volume = new long[capacity];
    }

    /**
     * Whether a bar interval fits the schema's {@code interval_s INT}: a positive whole number of
     * seconds, at most {@link Integer#MAX_VALUE} of them. The one rule for writing, recording and
     * reading bars.
     */
    public static boolean isValidInterval(long intervalNanos) {
        return intervalNanos > 0 && intervalNanos % NANOS_PER_SECOND == 0
                && intervalNanos / NANOS_PER_SECOND <= Integer.MAX_VALUE;
    }

    /** The interval in whole seconds; throws IllegalArgumentException when it is not {@link #isValidInterval valid}. */
    public static int toIntervalSeconds(long intervalNanos) {
        if (!isValidInterval(intervalNanos)) {
            throw new IllegalArgumentException("bar interval must be a positive whole number of seconds (at most "
                    + Integer.MAX_VALUE + "): " + intervalNanos + " ns");
        }
        return (int) (intervalNanos / NANOS_PER_SECOND);
    }

    /** Adds a row; false when full. Throws IllegalArgumentException for an interval that is not valid. */
    public boolean add(String venue, Instrument instrument, long openTimeNanos, long intervalNanos,
                       long open, long high, long low, long close, long volume) {
        int i = nextRow();
        if (i < 0) {
            return false;
        }
        toIntervalSeconds(intervalNanos);
        this.intervalNanos[i] = intervalNanos;
        this.open[i] = open;
        this.high[i] = high;
        this.low[i] = low;
        this.close[i] = close;
        this.volume[i] = volume;
        addRow(i, venue, instrument, openTimeNanos);
        return true;
    }

    public boolean add(String venue, Bar b) {
        return add(venue, b.instrument(), b.openTimeNanos(), b.intervalNanos(), b.open(), b.high(), b.low(), b.close(),
                b.volume());
    }

    public long openTimeNanos(int i) {
        return timeNanos(i);
    }

    public long intervalNanos(int i) {
        return intervalNanos[i];
    }

    /** The interval of row i in whole seconds (always valid: checked when the row was added). */
    public int intervalSeconds(int i) {
        return (int) (intervalNanos[i] / NANOS_PER_SECOND);
    }

    public long open(int i) {
        return open[i];
    }

    public long high(int i) {
        return high[i];
    }

    public long low(int i) {
        return low[i];
    }

    public long close(int i) {
        return close[i];
    }

    public long volume(int i) {
        return volume[i];
    }

    @Override
    public String table() {
        return "market_bars";
    }
}
