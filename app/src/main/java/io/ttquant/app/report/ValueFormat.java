package io.ttquant.app.report;

import io.ttquant.core.num.Fixed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Turns the report's values into text: times as ISO-8601 UTC with milliseconds, exact fixed-point
 * money as plain decimals, and analytics doubles as plain decimals for files or rounded for people.
 *
 * <p>It never formats exact money through a {@code double}, never writes scientific notation into
 * a CSV cell, and never reads the clock.
 */
final class ValueFormat {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private ValueFormat() {
    }

    /** Nanoseconds since the epoch as ISO-8601 UTC, truncated to the millisecond: {@code 2021-04-20T20:42:00.000Z}. */
    static String isoTime(long epochNanos) {
        long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        int millis = (int) (Math.floorMod(epochNanos, NANOS_PER_SECOND) / 1_000_000L);
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        if (day.getYear() < 0 || day.getYear() > 9999) {
            return ISO_MILLIS.format(instant(epochNanos));
        }
        // Hand-rolled: the equity file writes one timestamp per sample, up to millions.
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        char[] c = new char[24];
        digits(c, 0, day.getYear(), 4);
        c[4] = '-';
        digits(c, 5, day.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, day.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, secondOfDay / 3600, 2);
        c[13] = ':';
        digits(c, 14, secondOfDay / 60 % 60, 2);
        c[16] = ':';
        digits(c, 17, secondOfDay % 60, 2);
        c[19] = '.';
        digits(c, 20, millis, 3);
        c[23] = 'Z';
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND), Math.floorMod(epochNanos, NANOS_PER_SECOND));
    }

    /** An exact cash amount (raw at {@link Fixed#CASH_SCALE}) as a plain decimal without trailing zeros. */
    /** An exact cash amount rounded half-up to two decimals, for headline figures (the tables keep every digit). */
    static String cents(long raw) {
        return Fixed.toBigDecimal(raw, Fixed.CASH_SCALE)
                .setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String cash(long raw) {
        return Fixed.formatCompact(raw, Fixed.CASH_SCALE);
    }

    /** A duration in nanoseconds as exact seconds, e.g. {@code 90.5}. */
    static String seconds(long nanos) {
        BigDecimal d = BigDecimal.valueOf(nanos, 9).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /**
     * A finite double as a plain decimal (no exponent), rounded half-even to at most {@code maxDecimals}
     * decimals, without trailing zeros. Uses the shortest decimal that reads back as the same double,
     * so a value that came from a fixed-point long prints as that decimal.
     *
     * @throws IllegalArgumentException for a non-finite value: the caller decides what it means
     */
    static String plain(double v, int maxDecimals) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        String text = Double.toString(v);
        int dot = text.indexOf('.');
        if (text.indexOf('E') < 0 && text.length() - dot - 1 <= maxDecimals) {
            // Fast path for the common case, same result as the BigDecimal route below.
            if (text.endsWith(".0")) {
                text = text.substring(0, text.length() - 2);
            }
            return text.equals("-0") ? "0" : text;
        }
        BigDecimal d = new BigDecimal(text);
        if (d.scale() > maxDecimals) {
            d = d.setScale(maxDecimals, RoundingMode.HALF_EVEN);
        }
        d = d.stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /**
     * A finite double as a JSON number: the shortest decimal that reads back as the same double,
     * plain between 1e-7 and 1e15, with an exponent outside (which JSON allows).
     */
    static String jsonNumber(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        double a = Math.abs(v);
        if (a != 0.0 && (a < 1e-7 || a >= 1e15)) {
            return Double.toString(v);
        }
        return plain(v, 340);
    }

    /** Like {@link #plain(double, int)} but an empty string for a non-finite value (an empty CSV cell). */
    static String plainOrEmpty(double v, int maxDecimals) {
        return Double.isFinite(v) ? plain(v, maxDecimals) : "";
    }

    /** A plain decimal text with thousands separators in its integer part: {@code -12345.6} → {@code -12,345.6}. */
    static String grouped(String plainDecimal) {
        int start = plainDecimal.startsWith("-") ? 1 : 0;
        int dot = plainDecimal.indexOf('.');
        int intEnd = dot < 0 ? plainDecimal.length() : dot;
        StringBuilder sb = new StringBuilder(plainDecimal.length() + 8);
        sb.append(plainDecimal, 0, start);
        for (int i = start; i < intEnd; i++) {
            if (i > start && (intEnd - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(plainDecimal.charAt(i));
        }
        sb.append(plainDecimal, intEnd, plainDecimal.length());
        return sb.toString();
    }

    /** A double for people: fixed {@code decimals}, grouped; a dash for undefined (NaN), ∞ for unbounded. */
    static String human(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        return grouped(BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString());
    }

    /** A fraction as a percentage for people: {@code 0.1234} → {@code 12.34 %}. */
    static String percent(double fraction) {
        return percent(fraction, 2);
    }

    /** A fraction as a percentage with {@code decimals} decimals. */
    static String percent(double fraction, int decimals) {
        if (!Double.isFinite(fraction)) {
            return human(fraction, decimals);
        }
        return human(fraction * 100.0, decimals) + " %";
    }

    /** A duration for people: {@code 3d 4h 05m}, {@code 2h 10m}, {@code 45s}. */
    static String duration(long nanos) {
        if (nanos < 0) {
            return "−" + duration(-nanos);
        }
        long s = nanos / NANOS_PER_SECOND;
        long d = s / 86_400;
        long h = s % 86_400 / 3_600;
        long m = s % 3_600 / 60;
        long sec = s % 60;
        if (d > 0) {
            return d + "d " + h + "h " + pad2(m) + "m";
        }
        if (h > 0) {
            return h + "h " + pad2(m) + "m";
        }
        if (m > 0) {
            return m + "m " + pad2(sec) + "s";
        }
        if (s > 0) {
            return sec + "s";
        }
        return nanos / 1_000_000 + "ms";
    }

    private static String pad2(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }
}
