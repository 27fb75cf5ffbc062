package io.ttquant.sim.server;

import java.util.HashMap;
import java.util.Map;

/**
 * Binance's REST rate limits: request weight per IP per minute (with 429, then an escalating IP
 * ban answered with 418), and new orders per account per 10 seconds and per day (429, -1015).
 * Windows are fixed, aligned on the server clock the way Binance resets its counters on interval
 * boundaries; counts are read back into the {@code X-MBX-USED-WEIGHT-1M} and
 * {@code X-MBX-ORDER-COUNT-10S/1D} headers.
 *
 * <p>Confined to the engine thread (no locks). Never throws for a client's behaviour: every
 * outcome is a returned value.
 */
final class RateLimits {
    static final long MINUTE = 60_000L;
    static final long TEN_SECONDS = 10_000L;
    static final long DAY = 86_400_000L;
    static final long FIRST_BAN_MILLIS = 2 * MINUTE;
    static final long MAX_BAN_MILLIS = 3 * DAY;

    private final int weightPerMinute;
    private final int ordersPer10s;
    private final int ordersPerDay;
    private final int rejectionsBeforeBan;
    private final Map<String, IpState> ips = new HashMap<>();
    private final Map<String, OrderState> accounts = new HashMap<>();
    private long rejected429;
    private long rejected418;

    RateLimits(int weightPerMinute, int ordersPer10s, int ordersPerDay, int rejectionsBeforeBan) {
        this.weightPerMinute = weightPerMinute;
        this.ordersPer10s = ordersPer10s;
        this.ordersPerDay = ordersPerDay;
        this.rejectionsBeforeBan = rejectionsBeforeBan;
    }

    int weightPerMinute() {
        return weightPerMinute;
    }

    int ordersPer10s() {
        return ordersPer10s;
    }

    int ordersPerDay() {
        return ordersPerDay;
    }

    long rejected429() {
        return rejected429;
    }

    long rejected418() {
        return rejected418;
    }

    /**
     * Charges {@code weight} to {@code ip} at {@code now}. Returns null when the request may
     * proceed, otherwise the 429 or 418 answer. The weight counts either way, as on Binance.
     */
    RestError chargeWeight(String ip, int weight, long now) {
        IpState s = ips.computeIfAbsent(ip, k -> new IpState());
        long minute = Math.floorDiv(now, MINUTE);
        if (minute != s.minute) {
            s.minute = minute;
            s.used = 0;
            s.rejectedThisMinute = 0;
        }
        s.used += weight;
        if (now < s.bannedUntil) {
            rejected418++;
            return RestError.ipBanned(s.bannedUntil, ceilSeconds(s.bannedUntil - now));
        }
        if (s.used <= weightPerMinute) {
            return null;
        }
        s.rejectedThisMinute++;
        if (s.rejectedThisMinute > rejectionsBeforeBan) {
            long duration = Math.min(MAX_BAN_MILLIS, FIRST_BAN_MILLIS << Math.min(s.bans, 20));
            s.bans++;
            s.bannedUntil = now + duration;
            s.rejectedThisMinute = 0;
            rejected418++;
            return RestError.ipBanned(s.bannedUntil, ceilSeconds(duration));
        }
        rejected429++;
        return RestError.tooMuchWeight(weightPerMinute, ceilSeconds((minute + 1) * MINUTE - now));
    }

    /** The weight {@code ip} used in the current minute. */
    int usedWeight(String ip, long now) {
        IpState s = ips.get(ip);
        if (s == null || s.minute != Math.floorDiv(now, MINUTE)) {
            return 0;
        }
        return s.used;
    }

    /** Counts one new order for {@code apiKey}; returns null, or the 429 -1015 answer past a limit. */
    RestError countOrder(String apiKey, long now) {
        OrderState s = orderState(apiKey, now);
        s.count10s++;
        s.countDay++;
        if (s.count10s > ordersPer10s) {
            return RestError.tooManyOrders(ordersPer10s, "10 SECOND");
        }
        if (s.countDay > ordersPerDay) {
            return RestError.tooManyOrders(ordersPerDay, "1 DAY");
        }
        return null;
    }

    int orderCount10s(String apiKey, long now) {
        return orderState(apiKey, now).count10s;
    }

    int orderCountDay(String apiKey, long now) {
        return orderState(apiKey, now).countDay;
    }

    private OrderState orderState(String apiKey, long now) {
        OrderState s = accounts.computeIfAbsent(apiKey, k -> new OrderState());
        long w10 = Math.floorDiv(now, TEN_SECONDS);
        if (w10 != s.window10s) {
            s.window10s = w10;
            s.count10s = 0;
        }
        long day = Math.floorDiv(now, DAY);
        if (day != s.day) {
            s.day = day;
            s.countDay = 0;
        }
        return s;
    }

    private static long ceilSeconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }

    private static final class IpState {
        long minute = Long.MIN_VALUE;
        int used;
        int rejectedThisMinute;
        int bans;
        long bannedUntil = Long.MIN_VALUE;
    }

    private static final class OrderState {
        long window10s = Long.MIN_VALUE;
        long day = Long.MIN_VALUE;
        int count10s;
        int countDay;
    }
}
