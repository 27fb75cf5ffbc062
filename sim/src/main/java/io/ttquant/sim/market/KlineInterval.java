package io.ttquant.sim.market;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Binance kline intervals and how their buckets align in UTC: fixed lengths align to the epoch,
 * weeks start on Monday 00:00, months on the first day of the month. Everything here is pure
 * arithmetic on epoch milliseconds.
 */
public enum KlineInterval {
    S1("1s", 1_000L),
    M1("1m", 60_000L),
    M3("3m", 3 * 60_000L),
    M5("5m", 5 * 60_000L),
    M15("15m", 15 * 60_000L),
    M30("30m", 30 * 60_000L),
    H1("1h", 3_600_000L),
    H2("2h", 2 * 3_600_000L),
    H4("4h", 4 * 3_600_000L),
    H6("6h", 6 * 3_600_000L),
    H8("8h", 8 * 3_600_000L),
    H12("12h", 12 * 3_600_000L),
    D1("1d", 86_400_000L),
    D3("3d", 3 * 86_400_000L),
    W1("1w", 7 * 86_400_000L),
    MO1("1M", 0);

    private static final long DAY = 86_400_000L;
    /** 1970-01-01 was a Thursday: Monday-aligned weeks start 4 days after the epoch. */
    private static final long WEEK_OFFSET = 4 * DAY;

    private final String code;
    private final long millis;

    KlineInterval(String code, long millis) {
        this.code = code;
        this.millis = millis;
    }

    /** Binance's name, e.g. {@code "5m"}. */
    public String code() {
        return code;
    }

    /** Open time of the bucket holding {@code t}. */
    public long floor(long t) {
        if (this == MO1) {
            ZonedDateTime z = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC);
            return z.withDayOfMonth(1).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        if (this == W1) {
            return Math.floorDiv(t - WEEK_OFFSET, millis) * millis + WEEK_OFFSET;
        }
        return Math.floorDiv(t, millis) * millis;
    }

    /** Open time of the bucket after the one opening at {@code open}. */
    public long next(long open) {
        if (this == MO1) {
            return Instant.ofEpochMilli(open).atZone(ZoneOffset.UTC).plusMonths(1).toInstant().toEpochMilli();
        }
        return open + millis;
    }

    /** Open time of the bucket before the one opening at {@code open}. */
    public long previous(long open) {
        return floor(open - 1);
    }

    /** Smallest bucket open time at or after {@code t}. */
    public long ceil(long t) {
        long f = floor(t);
        return f == t ? t : next(f);
    }

    /** The interval named {@code code} exactly (Binance spelling), or null. */
    public static KlineInterval parse(String code) {
        if (code == null) {
            return null;
        }
        for (KlineInterval i : values()) {
            if (i.code.equals(code)) {
                return i;
            }
        }
        return null;
    }
}
