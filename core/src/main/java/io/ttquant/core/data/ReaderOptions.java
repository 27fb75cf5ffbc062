package io.ttquant.core.data;

import java.util.Objects;

/**
 * How the file readers treat bad rows and bars without an explicit interval. Immutable and
 * validated when built; the readers never re-check it per row.
 *
 * <p>The bar interval override ({@code 0} = none) is used for bar layouts that carry no close
 * time (the 6-column kline layout, project CSV bars without an {@code interval} column). When set,
 * a bar row whose own interval (Binance {@code close_time}, CSV {@code interval}) disagrees is a
 * bad row. Without it, such layouts take the interval from the first two bars' open times.
 */
public final class ReaderOptions {
    private static final ReaderOptions DEFAULTS = new ReaderOptions(BadRowPolicy.FAIL, 0, null);

    private static final long MS = 1_000_000L;

    private final BadRowPolicy badRowPolicy;
    private final long barIntervalNanos;
    private final SkippedRowListener skippedRowListener;

    private ReaderOptions(BadRowPolicy badRowPolicy, long barIntervalNanos, SkippedRowListener listener) {
        this.badRowPolicy = Objects.requireNonNull(badRowPolicy, "badRowPolicy");
        if (barIntervalNanos < 0) {
            throw new IllegalArgumentException("bar interval must be positive (or 0 for none): " + barIntervalNanos);
        }
        this.barIntervalNanos = barIntervalNanos;
        this.skippedRowListener = listener;
    }

    /** FAIL on bad rows, no interval override, no listener. */
    public static ReaderOptions defaults() {
        return DEFAULTS;
    }

    public ReaderOptions withBadRowPolicy(BadRowPolicy policy) {
        return new ReaderOptions(policy, barIntervalNanos, skippedRowListener);
    }

    /** Sets the bar interval in nanoseconds; 0 removes the override. */
    public ReaderOptions withBarIntervalNanos(long intervalNanos) {
        return new ReaderOptions(badRowPolicy, intervalNanos, skippedRowListener);
    }

    /** Sets a listener told about each skipped row (only under {@link BadRowPolicy#SKIP}); null for none. */
    public ReaderOptions withSkippedRowListener(SkippedRowListener listener) {
        return new ReaderOptions(badRowPolicy, barIntervalNanos, listener);
    }

    public BadRowPolicy badRowPolicy() {
        return badRowPolicy;
    }

    /** The bar interval override in nanoseconds, 0 when none. */
    public long barIntervalNanos() {
        return barIntervalNanos;
    }

    /** The skipped-row listener, or null. */
    public SkippedRowListener skippedRowListener() {
        return skippedRowListener;
    }

    /**
     * Parses a bar interval: a positive integer with a unit ({@code 1s}, {@code 1m}, {@code 5m},
     * {@code 1h}, {@code 1d}, {@code 1w}, {@code 500ms}) or a plain integer meaning milliseconds.
     * Months ({@code 1M}) have no fixed length and are refused.
     *
     * @throws IllegalArgumentException with the reason when the text is not such an interval
     */
    public static long parseIntervalNanos(CharSequence text) {
        long v = parseInterval(text, 0, text.length());
        if (v < 0) {
            throw new IllegalArgumentException(intervalError(text.toString()));
        }
        return v;
    }

    static String intervalError(String text) {
        return "not a bar interval: '" + text + "' (use e.g. 1s, 1m, 5m, 1h, 1d, 1w, or milliseconds)";
    }

    /** Allocation-free interval parse of {@code s[start, end)}; returns -1 when it is not a valid interval. */
    static long parseInterval(CharSequence s, int start, int end) {
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        long n = 0;
        int i = start;
        for (; i < end; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                break;
            }
            if (n > 1_000_000_000_000L) {
                return -1;
            }
            n = n * 10 + d;
        }
        if (i == start || n <= 0) {
            return -1;
        }
        int unitLength = end - i;
        long unit;
        if (unitLength == 0) {
            unit = MS;
        } else if (unitLength == 1) {
            switch (s.charAt(i)) {
                case 's':
                    unit = 1_000 * MS;
                    break;
                case 'm':
                    unit = 60_000 * MS;
                    break;
                case 'h':
                    unit = 3_600_000 * MS;
                    break;
                case 'd':
                    unit = 86_400_000 * MS;
                    break;
                case 'w':
                    unit = 7 * 86_400_000 * MS;
                    break;
                default:
                    return -1;
            }
        } else if (unitLength == 2 && s.charAt(i) == 'm' && s.charAt(i + 1) == 's') {
            unit = MS;
        } else {
            return -1;
        }
        if (n > Long.MAX_VALUE / unit) {
            return -1;
        }
        return n * unit;
    }

    /** Formats an interval compactly ({@code 1m}, {@code 4h}, {@code 1500ms}, {@code 17ns}); for messages. */
    public static String formatInterval(long nanos) {
        long[] units = {7 * 86_400_000 * MS, 86_400_000 * MS, 3_600_000 * MS, 60_000 * MS, 1_000 * MS, MS, 1_000, 1};
        String[] names = {"w", "d", "h", "m", "s", "ms", "us", "ns"};
        for (int i = 0; i < units.length; i++) {
            if (nanos != 0 && nanos % units[i] == 0) {
                return nanos / units[i] + names[i];
            }
        }
        return nanos + "ns";
    }

    @Override
    public String toString() {
        return "ReaderOptions{" + badRowPolicy + (barIntervalNanos > 0 ? ", interval=" + formatInterval(barIntervalNanos) : "") + "}";
    }
}
