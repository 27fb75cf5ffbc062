package io.ttquant.app.report;

import io.ttquant.core.backtest.SampledSeries;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calendar-month returns (UTC) of an equity series: the return of month {@code m} is its last
 * sampled equity over the previous month's last sampled equity, minus one; the first month is
 * measured from the base equity (the run's initial equity). A month without a sample has no value
 * and the next month's return spans the gap. The year column compounds the months, i.e. the year's
 * last equity over the previous year's.
 *
 * <p>Resolution is the sampling interval: a month boundary falls at the last sample before it. It
 * never interpolates and never invents a value for a month without data.
 */
final class MonthlyReturns {
    private final TreeMap<Integer, double[]> years = new TreeMap<>();

    private MonthlyReturns() {
    }

    /** Index 0..11 are January..December, index 12 the whole year; NaN where there is no value. */
    Map<Integer, double[]> byYear() {
        return years;
    }

    boolean isEmpty() {
        return years.isEmpty();
    }

    static MonthlyReturns of(SampledSeries s, double baseEquity) {
        int n = s.size();
        long[] t = new long[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = s.time(i);
            e[i] = s.equity(i);
        }
        return of(t, e, n, baseEquity);
    }

    static MonthlyReturns of(long[] times, double[] equity, int n, double baseEquity) {
        MonthlyReturns out = new MonthlyReturns();
        if (n == 0) {
            return out;
        }
        double prevClose = baseEquity > 0 ? baseEquity : equity[0];
        int month = -1;
        long monthEnd = Long.MIN_VALUE;
        double close = Double.NaN;
        for (int i = 0; i < n; i++) {
            if (times[i] >= monthEnd) {
                if (month >= 0) {
                    out.set(month, close / prevClose - 1.0, prevClose);
                    prevClose = close;
                }
                ZonedDateTime z = ValueFormat.instant(times[i]).atZone(ZoneOffset.UTC);
                month = z.getYear() * 12 + z.getMonthValue() - 1;
                LocalDate next = LocalDate.of(z.getYear(), z.getMonthValue(), 1).plusMonths(1);
                monthEnd = next.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
            }
            close = equity[i];
        }
        out.set(month, close / prevClose - 1.0, prevClose);
        out.compoundYears();
        return out;
    }

    private void set(int monthIndex, double ret, double prevClose) {
        double[] row = years.computeIfAbsent(Math.floorDiv(monthIndex, 12), y -> {
            double[] r = new double[13];
            Arrays.fill(r, Double.NaN);
            return r;
        });
        row[Math.floorMod(monthIndex, 12)] = prevClose > 0 ? ret : Double.NaN;
    }

    private void compoundYears() {
        for (double[] row : years.values()) {
            double growth = 1.0;
            boolean any = false;
            for (int m = 0; m < 12; m++) {
                if (!Double.isNaN(row[m])) {
                    growth *= 1.0 + row[m];
                    any = true;
                }
            }
            row[12] = any ? growth - 1.0 : Double.NaN;
        }
    }
}
