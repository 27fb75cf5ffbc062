package io.ttquant.app.report;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One time-series chart as inline SVG: a plot area with time on x (UTC dates) and values on y,
 * "nice" gridlines and axis labels, and the layers the caller adds (lines, areas, markers) in data
 * coordinates. The viewBox is fixed and the page scales it, so the chart is responsive.
 *
 * <p>It never refers to anything outside the page (no fonts, images or scripts) and never writes
 * caller text without escaping it. It does not downsample: callers hand it at most a few thousand
 * points (see {@link MinMaxDownsampler}).
 */
final class SvgChart {
    static final int WIDTH = 1000;
    static final double LEFT = 84;
    static final double RIGHT = WIDTH - 16;
    static final double TOP = 12;

    private static final long SECOND = 1_000_000_000L;
    private static final long[] FIXED_STEPS_SECONDS = {
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200,
        86400, 2 * 86400, 7 * 86400, 14 * 86400};
    private static final int[] MONTH_STEPS = {1, 2, 3, 6, 12, 24, 60, 120, 240};

    private final String label;
    private final int height;
    private final double bottom;
    private final long t0;
    private final long t1;
    private final double lo;
    private final double hi;
    private final double yStep;
    private final boolean percent;
    private final StringBuilder layers = new StringBuilder();

    /**
     * @param label   accessible name of the chart
     * @param height  viewBox height
     * @param t0      first time shown (nanoseconds)
     * @param t1      last time shown (nanoseconds)
     * @param min     lowest value to show
     * @param max     highest value to show
     * @param percent whether values are fractions to label as percentages
     */
    SvgChart(String label, int height, long t0, long t1, double min, double max, boolean percent) {
        this.label = label;
        this.height = height;
        this.bottom = height - 30.0;
        this.t0 = t0;
        this.t1 = Math.max(t1, t0);
        this.percent = percent;
        double a = min;
        double b = max;
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            a = 0;
            b = 1;
        }
        if (b - a <= Math.abs(b) * 1e-12) {
            double pad = a == 0 ? (percent ? 0.01 : 1.0) : Math.abs(a) * 0.01;
            a -= pad;
            b += pad;
        }
        double step = niceStep((b - a) / 5.0);
        this.yStep = step;
        this.lo = Math.floor(a / step) * step;
        this.hi = Math.ceil(b / step) * step;
    }

    double x(long t) {
        if (t1 == t0) {
            return (LEFT + RIGHT) / 2;
        }
        return LEFT + (double) (t - t0) / (double) (t1 - t0) * (RIGHT - LEFT);
    }

    double y(double v) {
        return bottom - (v - lo) / (hi - lo) * (bottom - TOP);
    }

    double bottom() {
        return bottom;
    }

    /** A polyline through the chosen samples; the first line added is the one the hover readout follows. */
    void line(long[] times, double[] values, int[] idx, String cssClass) {
        layers.append("<polyline class=\"ln ").append(cssClass).append("\" points=\"");
        points(times, values, idx);
        layers.append("\"/>\n");
    }

    /** A filled area between the chosen samples and the horizontal line at {@code base} (NaN: the bottom of the plot). */
    void area(long[] times, double[] values, int[] idx, double base, String cssClass) {
        if (idx.length == 0) {
            return;
        }
        layers.append("<polygon class=\"ar ").append(cssClass).append("\" points=\"");
        points(times, values, idx);
        double yb = Double.isNaN(base) ? bottom : clampY(y(base));
        coord(layers.append(' '), x(times[idx[idx.length - 1]]));
        coord(layers.append(','), yb);
        coord(layers.append(' '), x(times[idx[0]]));
        coord(layers.append(','), yb);
        layers.append("\"/>\n");
    }

    /** A dashed reference line at {@code value} with a short label. */
    void reference(double value, String text) {
        double yy = y(value);
        if (yy < TOP || yy > bottom) {
            return;
        }
        layers.append("<line class=\"ref\" x1=\"").append(LEFT).append("\" x2=\"").append(RIGHT).append("\" y1=\"");
        coord(layers, yy);
        layers.append("\" y2=\"");
        coord(layers, yy);
        layers.append("\"/><text class=\"reflbl\" x=\"").append(RIGHT - 4).append("\" y=\"");
        coord(layers, yy - 4);
        layers.append("\">").append(Html.text(text)).append("</text>\n");
    }

    /** Raw SVG markup in viewBox coordinates (already escaped by the caller). */
    void raw(String svg) {
        layers.append(svg);
    }

    /** A centred note (e.g. "no data"). */
    void note(String text) {
        layers.append("<text class=\"note\" x=\"").append((LEFT + RIGHT) / 2).append("\" y=\"");
        coord(layers, (TOP + bottom) / 2);
        layers.append("\" text-anchor=\"middle\">").append(Html.text(text)).append("</text>\n");
    }

    String render() {
        StringBuilder sb = new StringBuilder(layers.length() + 4096);
        sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.attr(label)).append('"')
                .append(" data-t0=\"").append(Math.floorDiv(t0, 1_000_000L)).append('"')
                .append(" data-t1=\"").append(Math.floorDiv(t1, 1_000_000L)).append('"')
                .append(" data-x0=\"").append(LEFT).append("\" data-x1=\"").append(RIGHT).append('"')
                .append(" data-y0=\"").append(bottom).append("\" data-y1=\"").append(TOP).append('"')
                .append(" data-v0=\"").append(lo).append("\" data-v1=\"").append(hi).append('"')
                .append(" data-fmt=\"").append(percent ? "pct" : "num").append('"')
                .append(" data-dec=\"").append(valueDecimals() + 1).append("\">\n");
        yGrid(sb);
        xGrid(sb);
        sb.append(layers);
        sb.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(TOP)
                .append("\" width=\"").append(RIGHT - LEFT).append("\" height=\"").append(bottom - TOP).append("\"/>\n");
        sb.append("<g class=\"hover\" style=\"display:none\"><line y1=\"").append(TOP).append("\" y2=\"").append(bottom)
                .append("\"/><circle r=\"3.5\"/><rect class=\"tipbg\" height=\"20\" rx=\"3\"/><text class=\"tip\"></text></g>\n");
        sb.append("</svg>");
        return sb.toString();
    }

    private void yGrid(StringBuilder sb) {
        sb.append("<g class=\"grid\">");
        int decimals = valueDecimals();
        int count = (int) Math.round((hi - lo) / yStep);
        for (int i = 0; i <= count; i++) {
            double v = lo + i * yStep;
            double yy = y(v);
            sb.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(RIGHT).append("\" y1=\"");
            coord(sb, yy);
            sb.append("\" y2=\"");
            coord(sb, yy);
            sb.append("\"/><text class=\"yl\" x=\"").append(LEFT - 6).append("\" y=\"");
            coord(sb, yy + 4);
            sb.append("\">").append(Html.text(valueLabel(v, decimals))).append("</text>");
        }
        sb.append("</g>\n");
    }

    private void xGrid(StringBuilder sb) {
        sb.append("<g class=\"grid\">");
        long span = t1 - t0;
        if (span <= 0) {
            sb.append("<text class=\"xl\" x=\"").append((LEFT + RIGHT) / 2).append("\" y=\"").append(bottom + 18).append("\">")
                    .append(ValueFormat.isoTime(t0)).append("</text></g>\n");
            return;
        }
        TimeTicks ticks = TimeTicks.choose(t0, t1, 8);
        for (long t = ticks.first(t0); t <= t1; t = ticks.next(t)) {
            double xx = x(t);
            sb.append("<line x1=\"");
            coord(sb, xx);
            sb.append("\" x2=\"");
            coord(sb, xx);
            sb.append("\" y1=\"").append(TOP).append("\" y2=\"").append(bottom).append("\"/><text class=\"xl\" x=\"");
            coord(sb, xx);
            sb.append("\" y=\"").append(bottom + 18).append("\">")
                    .append(ticks.format.format(ValueFormat.instant(t).atZone(ZoneOffset.UTC))).append("</text>");
        }
        String zone = ticks.dated() ? "UTC" : "UTC, from " + ValueFormat.isoTime(t0).substring(0, 10);
        sb.append("<text class=\"utc\" x=\"").append(RIGHT).append("\" y=\"").append(bottom + 29).append("\">")
                .append(zone).append("</text>");
        sb.append("</g>\n");
    }

    private int valueDecimals() {
        double step = percent ? yStep * 100 : yStep;
        return Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    }

    private String valueLabel(double v, int decimals) {
        if (Math.abs(v) < yStep * 1e-6) {
            v = 0;
        }
        return percent ? ValueFormat.human(v * 100, decimals) + "%" : ValueFormat.human(v, decimals);
    }

    private void points(long[] times, double[] values, int[] idx) {
        for (int k = 0; k < idx.length; k++) {
            if (k > 0) {
                layers.append(' ');
            }
            int i = idx[k];
            coord(layers, x(times[i]));
            layers.append(',');
            coord(layers, clampY(y(values[i])));
        }
    }

    private double clampY(double yy) {
        return Math.max(TOP - 2, Math.min(bottom + 2, yy));
    }

    /** Appends a coordinate with one decimal, the integer alone when it is whole. */
    static StringBuilder coord(StringBuilder sb, double v) {
        long tenths = Math.round(v * 10);
        if (tenths < 0) {
            sb.append('-');
            tenths = -tenths;
        }
        sb.append(tenths / 10);
        if (tenths % 10 != 0) {
            sb.append('.').append(tenths % 10);
        }
        return sb;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        double nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nf * p;
    }

    /** Calendar-aware steps for the time axis: fixed durations up to two weeks, then whole months. */
    private record TimeTicks(long stepNanos, int months, DateTimeFormatter format, boolean dated) {
        static TimeTicks choose(long t0, long t1, int target) {
            long span = t1 - t0;
            for (long s : FIXED_STEPS_SECONDS) {
                long step = s * SECOND;
                if (span / step <= target) {
                    String pattern = s < 60 ? "HH:mm:ss" : s < 86400 ? (span >= 86400 * SECOND ? "MM-dd HH:mm" : "HH:mm") : "uuuu-MM-dd";
                    return new TimeTicks(step, 0, DateTimeFormatter.ofPattern(pattern), pattern.startsWith("uuuu"));
                }
            }
            double monthNanos = 30.44 * 86400 * SECOND;
            for (int m : MONTH_STEPS) {
                if (span / (m * monthNanos) <= target) {
                    return new TimeTicks(0, m, DateTimeFormatter.ofPattern(m < 12 ? "uuuu-MM" : "uuuu"), true);
                }
            }
            int m = (int) Math.ceil(span / (monthNanos * 12 * target)) * 12;
            return new TimeTicks(0, m, DateTimeFormatter.ofPattern("uuuu"), true);
        }

        long first(long t0) {
            if (months == 0) {
                return -Math.floorDiv(-t0, stepNanos) * stepNanos;
            }
            ZonedDateTime z = ValueFormat.instant(t0).atZone(ZoneOffset.UTC);
            ZonedDateTime start = z.withDayOfMonth(1).toLocalDate().atStartOfDay(ZoneOffset.UTC);
            int index = start.getYear() * 12 + start.getMonthValue() - 1;
            int aligned = -Math.floorDiv(-index, months) * months;
            ZonedDateTime first = start.plusMonths(aligned - index);
            if (nanos(first) < t0) {
                first = first.plusMonths(months);
            }
            return nanos(first);
        }

        long next(long t) {
            if (months == 0) {
                return t + stepNanos;
            }
            return nanos(ValueFormat.instant(t).atZone(ZoneOffset.UTC).plusMonths(months));
        }

        private static long nanos(ZonedDateTime z) {
            return z.toEpochSecond() * SECOND;
        }
    }
}
