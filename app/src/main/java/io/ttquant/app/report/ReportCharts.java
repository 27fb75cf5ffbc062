package io.ttquant.app.report;

import io.ttquant.core.analytics.RoundTrip;
import io.ttquant.core.backtest.SampledSeries;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The three charts of the HTML report, as inline SVG: equity curve, underwater drawdown, and price
 * with round-trip markers (green up-triangles at entries, red down-triangles at exits).
 *
 * <p>Page size stays bounded whatever the run: lines are downsampled by {@link MinMaxDownsampler}
 * (at most {@code 4 * COLUMNS} points), and when there are more than {@link #MARKER_TOOLTIP_LIMIT}
 * trades the markers lose their tooltips and markers falling on the same pixel are drawn once.
 * It never drops a trade from the chart: every marker position is drawn.
 */
final class ReportCharts {
    static final int COLUMNS = 500;
    static final int MARKER_TOOLTIP_LIMIT = 1000;
    private static final int HEIGHT = 340;
    private static final int SMALL_HEIGHT = 220;

    private ReportCharts() {
    }

    static String equity(ReportModel m) {
        SampledSeries s = m.series;
        int n = s.size();
        long[] t = new long[n];
        double[] e = new double[n];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            t[i] = s.time(i);
            e[i] = s.equity(i);
            min = Math.min(min, e[i]);
            max = Math.max(max, e[i]);
        }
        double initial = m.report.initialEquity();
        if (n == 0) {
            return empty("Equity curve", HEIGHT, m);
        }
        min = Math.min(min, initial);
        max = Math.max(max, initial);
        SvgChart c = new SvgChart("Equity curve", HEIGHT, t[0], t[n - 1], min, max, false);
        int[] idx = MinMaxDownsampler.indices(t, e, n, COLUMNS);
        c.area(t, e, idx, Double.NaN, "eq");
        c.line(t, e, idx, "eq");
        c.reference(initial, "initial " + ValueFormat.human(initial, 2));
        return c.render();
    }

    static String drawdown(ReportModel m) {
        SampledSeries s = m.series;
        int n = Math.min(s.size(), m.drawdown.length);
        if (n == 0) {
            return empty("Drawdown", SMALL_HEIGHT, m);
        }
        long[] t = new long[n];
        double[] d = new double[n];
        double min = 0;
        for (int i = 0; i < n; i++) {
            t[i] = s.time(i);
            d[i] = Double.isFinite(m.drawdown[i]) ? -m.drawdown[i] : 0.0;
            min = Math.min(min, d[i]);
        }
        SvgChart c = new SvgChart("Drawdown (underwater)", SMALL_HEIGHT, t[0], t[n - 1], min, 0.0, true);
        int[] idx = MinMaxDownsampler.indices(t, d, n, COLUMNS);
        c.area(t, d, idx, 0.0, "dd");
        c.line(t, d, idx, "dd");
        return c.render();
    }

    static String price(ReportModel m) {
        SampledSeries s = m.series;
        List<RoundTrip> trips = m.strategy.roundTrips();
        long[] t = new long[s.size()];
        double[] p = new double[s.size()];
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            double v = s.price(i);
            if (v > 0 && Double.isFinite(v)) {
                t[n] = s.time(i);
                p[n] = v;
                n++;
            }
        }
        if (n == 0 && trips.isEmpty()) {
            return empty("Price and trades", HEIGHT, m);
        }
        long tMin = n > 0 ? t[0] : Long.MAX_VALUE;
        long tMax = n > 0 ? t[n - 1] : Long.MIN_VALUE;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, p[i]);
            max = Math.max(max, p[i]);
        }
        for (RoundTrip r : trips) {
            tMin = Math.min(tMin, r.entryTimeNanos());
            tMax = Math.max(tMax, r.exitTimeNanos());
            min = Math.min(min, Math.min(r.entryPrice(), r.exitPrice()));
            max = Math.max(max, Math.max(r.entryPrice(), r.exitPrice()));
        }
        SvgChart c = new SvgChart("Price with trade entries and exits", HEIGHT, tMin, tMax, min, max, false);
        if (n > 0) {
            c.line(t, p, MinMaxDownsampler.indices(t, p, n, COLUMNS), "px");
        }
        c.raw(markers(c, trips, m));
        return c.render();
    }

    private static String markers(SvgChart c, List<RoundTrip> trips, ReportModel m) {
        StringBuilder sb = new StringBuilder();
        if (trips.size() <= MARKER_TOOLTIP_LIMIT) {
            int k = 0;
            for (RoundTrip r : trips) {
                k++;
                String side = r.side().name();
                sb.append("<path class=\"mk en\" d=\"");
                up(sb, c.x(r.entryTimeNanos()), c.y(r.entryPrice()));
                sb.append("\"><title>").append(Html.text("#" + k + " " + side + " entry " + qty(r, m) + " @ "
                        + price(r.entryPrice(), m) + " · " + ValueFormat.isoTime(r.entryTimeNanos()))).append("</title></path>");
                sb.append("<path class=\"mk ex\" d=\"");
                down(sb, c.x(r.exitTimeNanos()), c.y(r.exitPrice()));
                sb.append("\"><title>").append(Html.text("#" + k + " " + side + " exit " + qty(r, m) + " @ "
                        + price(r.exitPrice(), m) + " · " + ValueFormat.isoTime(r.exitTimeNanos())
                        + " · pnl " + ValueFormat.human(r.pnl(), 2))).append("</title></path>\n");
            }
            return sb.toString();
        }
        Set<Long> seenEntries = new HashSet<>();
        Set<Long> seenExits = new HashSet<>();
        StringBuilder entries = new StringBuilder();
        StringBuilder exits = new StringBuilder();
        for (RoundTrip r : trips) {
            double ex = c.x(r.entryTimeNanos());
            double ey = c.y(r.entryPrice());
            if (seenEntries.add(key(ex, ey))) {
                up(entries, ex, ey);
            }
            double xx = c.x(r.exitTimeNanos());
            double xy = c.y(r.exitPrice());
            if (seenExits.add(key(xx, xy))) {
                down(exits, xx, xy);
            }
        }
        sb.append("<path class=\"mk en\" d=\"").append(entries).append("\"><title>")
                .append(trips.size()).append(" entries</title></path>\n");
        sb.append("<path class=\"mk ex\" d=\"").append(exits).append("\"><title>")
                .append(trips.size()).append(" exits</title></path>\n");
        return sb.toString();
    }

    /** Pixel cell of a marker (markers are 11 px wide), to draw coinciding markers once. */
    private static long key(double x, double y) {
        return Math.round(x) * 1_000_003L + Math.round(y);
    }

    private static void up(StringBuilder sb, double x, double y) {
        SvgChart.coord(sb.append('M'), x);
        SvgChart.coord(sb.append(','), y - 5);
        sb.append("l5.5,10h-11z");
    }

    private static void down(StringBuilder sb, double x, double y) {
        SvgChart.coord(sb.append('M'), x);
        SvgChart.coord(sb.append(','), y + 5);
        sb.append("l5.5,-10h-11z");
    }

    private static String qty(RoundTrip r, ReportModel m) {
        return ValueFormat.plain(r.qty(), m.qtyDecimals());
    }

    private static String price(double v, ReportModel m) {
        return ValueFormat.plain(v, m.priceDecimals());
    }

    private static String empty(String label, int height, ReportModel m) {
        long t0 = m.hasPeriod ? m.startNanos : 0;
        long t1 = m.hasPeriod ? m.endNanos : 0;
        SvgChart c = new SvgChart(label, height, t0, t1, 0, 1, false);
        c.note("no data");
        return c.render();
    }
}
