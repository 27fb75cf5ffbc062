package io.ttquant.binance.trading;

import java.util.List;

/**
 * One of Binance's rate limits, as {@code exchangeInfo} lists them: what is counted, over which
 * fixed window (aligned on the server clock, reset at each interval boundary), and the most
 * allowed in one window. REQUEST_WEIGHT is counted per IP and reported in
 * {@code X-MBX-USED-WEIGHT-<interval>}; ORDERS per account, in {@code X-MBX-ORDER-COUNT-<interval>};
 * RAW_REQUESTS has no header and is only counted locally.
 *
 * <p>Immutable value.
 */
public record RateLimit(Kind kind, long intervalMillis, long limit) {
    /** What a limit counts. */
    public enum Kind {
        /** The sum of the endpoints' weights. */
        REQUEST_WEIGHT,
        /** New orders (placed or rejected by the matching engine). */
        ORDERS,
        /** Requests, whatever their weight. */
        RAW_REQUESTS
    }

    /** Binance spot's published defaults: 6000 weight a minute, 100 orders in 10 s, 200,000 a day, 61,000 requests in 5 minutes. */
    public static final List<RateLimit> BINANCE_SPOT_DEFAULTS = List.of(
            new RateLimit(Kind.REQUEST_WEIGHT, 60_000L, 6000),
            new RateLimit(Kind.ORDERS, 10_000L, 100),
            new RateLimit(Kind.ORDERS, 86_400_000L, 200_000),
            new RateLimit(Kind.RAW_REQUESTS, 300_000L, 61_000));

    public RateLimit {
        if (kind == null || intervalMillis <= 0 || limit <= 0) {
            throw new IllegalArgumentException("a rate limit needs a kind, a positive interval and a positive limit");
        }
    }

    /**
     * The interval of exchangeInfo's {@code interval} ({@code SECOND}, {@code MINUTE}, {@code HOUR},
     * {@code DAY}) times {@code intervalNum}, in milliseconds; -1 for an unknown unit.
     */
    public static long intervalMillis(String unit, long intervalNum) {
        long unitMillis = switch (unit) {
            case "SECOND" -> 1_000L;
            case "MINUTE" -> 60_000L;
            case "HOUR" -> 3_600_000L;
            case "DAY" -> 86_400_000L;
            default -> -1;
        };
        return unitMillis < 0 || intervalNum <= 0 ? -1 : Math.multiplyExact(unitMillis, intervalNum);
    }
}
