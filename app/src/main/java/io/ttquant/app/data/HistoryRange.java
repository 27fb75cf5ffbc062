package io.ttquant.app.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A half-open time range [from, to) in epoch nanoseconds, read from {@code --from}/{@code --to}:
 * an ISO date ({@code 2024-01-01}) or date-time ({@code 2024-01-01T12:00}, {@code 2024-01-01T12:00:00Z},
 * {@code 2024-01-01T12:00+02:00}), UTC unless an offset is given. A date as {@code --to} means the
 * end of that day, so {@code --from 2024-01-01 --to 2024-01-31} is all of January. Either bound may
 * be absent: the whole history on that side. Only parses; never touches data.
 */
public record HistoryRange(long fromNanos, long toNanos) {
    /** The earliest and latest times a range can name (the store keeps microseconds up to 2262). */
    public static final long START = 0L;
    public static final long END = Long.MAX_VALUE / 1_000 * 1_000;

    public HistoryRange {
        if (toNanos <= fromNanos) {
            throw new IllegalArgumentException("the time range is empty: --to " + Instant.ofEpochSecond(0, toNanos)
                    + " is not after --from " + Instant.ofEpochSecond(0, fromNanos));
        }
    }

    /** The range the two options name; null text means unbounded on that side. */
    public static HistoryRange parse(String from, String to) {
        long f = from == null ? START : parse("--from", from, false);
        long t = to == null ? END : parse("--to", to, true);
        return new HistoryRange(f, t);
    }

    public boolean unbounded() {
        return fromNanos == START && toNanos == END;
    }

    /** "from 2024-01-01T00:00:00Z to 2024-02-01T00:00:00Z", or "over the whole history" and the like, for messages. */
    public String describe() {
        String f = fromNanos == START ? null : Instant.ofEpochSecond(0, fromNanos).toString();
        String t = toNanos == END ? null : Instant.ofEpochSecond(0, toNanos).toString();
        if (f == null && t == null) {
            return "over the whole history";
        }
        return (f == null ? "" : "from " + f) + (f != null && t != null ? " " : "") + (t == null ? "" : "until " + t);
    }

    private static long parse(String option, String text, boolean endOfDay) {
        String s = text.trim();
        Instant instant;
        try {
            if (s.indexOf('T') < 0 && s.indexOf(' ') < 0) {
                LocalDate day = LocalDate.parse(s);
                instant = (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                String iso = s.replace(' ', 'T');
                if (iso.endsWith("Z") || iso.matches(".*[+-][0-9]{2}:[0-9]{2}$")) {
                    instant = OffsetDateTime.parse(iso).toInstant();
                } else {
                    instant = LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
                }
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be an ISO date or date-time (e.g. 2024-01-01 or "
                    + "2024-01-01T12:00:00Z), got '" + text + "'");
        }
        if (instant.isBefore(Instant.EPOCH) || instant.getEpochSecond() > END / 1_000_000_000L) {
            throw new IllegalArgumentException(option + " is out of range (1970 to 2262): " + text);
        }
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
