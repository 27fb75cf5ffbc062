package io.ttquant.binance.trading;

import io.ttquant.binance.rest.RetryAfterGate;
import java.util.List;
import java.util.Map;

/**
 * Binance's rate limits kept on this side, so that a request that would break one is refused
 * here, unsent, instead of earning a 429 (and, repeated, an IP ban).
 *
 * <p>For every limit it knows (from configuration or exchangeInfo, {@link #setLimits}) it keeps an
 * estimate of the count in the current window: each request let through adds its cost when it is
 * sent, and each answer's {@code X-MBX-USED-WEIGHT-<n><unit>} and
 * {@code X-MBX-ORDER-COUNT-<n><unit>} headers (any interval, names case-insensitive) raise it to
 * what Binance reported, which also counts other processes sharing the IP or the account. Windows
 * are fixed and aligned on the server clock, as Binance resets its counters at interval
 * boundaries; a header from a request sent in an earlier window is not applied to the current one.
 * Headers of intervals with no known limit are tracked for reading only.
 *
 * <p>After a 429 or 418 every request is refused until the {@code Retry-After} window has passed
 * ({@link RetryAfterGate}, on the injected clock); a 429 for too many orders without one blocks
 * new orders only. Refusals are counted per {@link LocalRefusal}.
 *
 * <p>Thread-safe (requests start on any thread, answers arrive on HTTP threads); the lock is held
 * for a few array reads per request. Never sends, sleeps or reads the wall clock.
 */
public final class VenueRateLimits {
    private static final String WEIGHT_PREFIX = "X-MBX-USED-WEIGHT-";
    private static final String ORDER_PREFIX = "X-MBX-ORDER-COUNT-";
    private static final int MAX_TRACKERS = 32;
    private static final LocalRefusal[] REFUSALS = LocalRefusal.values();

    private final RetryAfterGate gate = new RetryAfterGate();
    private final RetryAfterGate orderGate = new RetryAfterGate();
    private final Tracker[] trackers = new Tracker[MAX_TRACKERS];
    private final long[] refusals = new long[REFUSALS.length];
    private int trackerCount;

    /** One counted quantity over one window length. */
    private static final class Tracker {
        final RateLimit.Kind kind;
        final long intervalMillis;
        long limit = -1;
        long window = Long.MIN_VALUE;
        long estimate;
        long lastReported = -1;

        Tracker(RateLimit.Kind kind, long intervalMillis) {
            this.kind = kind;
            this.intervalMillis = intervalMillis;
        }

        /** Moves to the window holding {@code serverMillis}; a new window starts from zero. */
        void roll(long serverMillis) {
            long w = Math.floorDiv(serverMillis, intervalMillis);
            if (w > window) {
                window = w;
                estimate = 0;
            }
        }
    }

    public VenueRateLimits(List<RateLimit> limits) {
        setLimits(limits);
    }

    /** Installs {@code limits} (such as exchangeInfo's); limits not named keep their value. */
    public synchronized void setLimits(List<RateLimit> limits) {
        for (RateLimit l : limits) {
            Tracker t = tracker(l.kind(), l.intervalMillis());
            if (t != null) {
                t.limit = l.limit();
            }
        }
    }

    /**
     * Decides whether a request may go out now and, if so, counts it: {@code weight} against the
     * REQUEST_WEIGHT limits, one against the RAW_REQUESTS limits and, for a new order, one against
     * the ORDERS limits. Returns null when it may be sent, otherwise why not (counted).
     *
     * @param nowNanos     the local clock, for the Retry-After windows
     * @param serverMillis the server time estimated for now, for the counting windows
     */
    public synchronized LocalRefusal tryAcquire(int weight, boolean newOrder, long nowNanos, long serverMillis) {
        LocalRefusal refused = null;
        if (gate.isBlocked(nowNanos)) {
            refused = LocalRefusal.BACKING_OFF;
        } else if (newOrder && orderGate.isBlocked(nowNanos)) {
            refused = LocalRefusal.ORDERS_BACKING_OFF;
        } else {
            for (int i = 0; i < trackerCount && refused == null; i++) {
                Tracker t = trackers[i];
                t.roll(serverMillis);
                long cost = cost(t.kind, weight, newOrder);
                if (t.limit >= 0 && cost > 0 && t.estimate + cost > t.limit) {
                    refused = switch (t.kind) {
                        case REQUEST_WEIGHT -> LocalRefusal.WEIGHT_LIMIT;
                        case ORDERS -> LocalRefusal.ORDER_LIMIT;
                        case RAW_REQUESTS -> LocalRefusal.RAW_REQUEST_LIMIT;
                    };
                }
            }
        }
        if (refused != null) {
            refusals[refused.ordinal()]++;
            return refused;
        }
        for (int i = 0; i < trackerCount; i++) {
            Tracker t = trackers[i];
            t.estimate += cost(t.kind, weight, newOrder);
        }
        return null;
    }

    private static long cost(RateLimit.Kind kind, int weight, boolean newOrder) {
        return switch (kind) {
            case REQUEST_WEIGHT -> weight;
            case ORDERS -> newOrder ? 1 : 0;
            case RAW_REQUESTS -> 1;
        };
    }

    /** Counts a refusal decided elsewhere (such as {@link LocalRefusal#NO_SERVER_TIME}). */
    public synchronized void countRefusal(LocalRefusal reason) {
        refusals[reason.ordinal()]++;
    }

    /**
     * Reads an answer's usage headers. {@code headers} maps names (any case) to values, as
     * {@code java.net.http.HttpHeaders#map()} gives them; {@code sentServerMillis} is the server
     * time estimated when the request was sent, which tells the window the counts belong to.
     */
    public synchronized void onAnswer(Map<String, List<String>> headers, long sentServerMillis) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            String name = e.getKey();
            RateLimit.Kind kind;
            int at;
            if (name.regionMatches(true, 0, WEIGHT_PREFIX, 0, WEIGHT_PREFIX.length())) {
                kind = RateLimit.Kind.REQUEST_WEIGHT;
                at = WEIGHT_PREFIX.length();
            } else if (name.regionMatches(true, 0, ORDER_PREFIX, 0, ORDER_PREFIX.length())) {
                kind = RateLimit.Kind.ORDERS;
                at = ORDER_PREFIX.length();
            } else {
                continue;
            }
            long interval = headerInterval(name, at);
            long value = e.getValue().isEmpty() ? -1 : nonNegative(e.getValue().get(0));
            if (interval <= 0 || value < 0) {
                continue;
            }
            Tracker t = tracker(kind, interval);
            if (t == null) {
                continue;
            }
            t.lastReported = value;
            long sentWindow = Math.floorDiv(sentServerMillis, interval);
            if (sentWindow > t.window) {
                t.window = sentWindow;
                t.estimate = value;
            } else if (sentWindow == t.window) {
                t.estimate = Math.max(t.estimate, value);
            }
        }
    }

    /** The interval of a header name's suffix such as {@code 1M}, {@code 10S}, {@code 1D}, {@code 1H}, in ms; -1 when unreadable. */
    static long headerInterval(String name, int at) {
        int end = name.length() - 1;
        if (end <= at || end - at > 6) {
            return -1;
        }
        long n = 0;
        for (int i = at; i < end; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        long unit = switch (Character.toUpperCase(name.charAt(end))) {
            case 'S' -> 1_000L;
            case 'M' -> 60_000L;
            case 'H' -> 3_600_000L;
            case 'D' -> 86_400_000L;
            default -> -1;
        };
        return unit < 0 || n == 0 ? -1 : n * unit;
    }

    private static long nonNegative(String v) {
        String s = v.trim();
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Refuses every request until {@code untilNanos} (or a later end already in force); returns the end in force. */
    public long blockAllUntil(long untilNanos) {
        return gate.blockUntil(untilNanos);
    }

    /** Refuses new orders until {@code untilNanos} (or a later end already in force); returns the end in force. */
    public long blockOrdersUntil(long untilNanos) {
        return orderGate.blockUntil(untilNanos);
    }

    /** True while a 429/418 window runs. */
    public boolean isBackingOff(long nowNanos) {
        return gate.isBlocked(nowNanos);
    }

    /** The end of the latest 429/418 window on the clock, {@code Long.MIN_VALUE} when there never was one. */
    public long backingOffUntilNanos() {
        return gate.blockedUntilNanos();
    }

    /** The end of the latest new-order block, {@code Long.MIN_VALUE} when there never was one. */
    public long ordersBlockedUntilNanos() {
        return orderGate.blockedUntilNanos();
    }

    /**
     * The server time (ms) at which the current window of the shortest known ORDERS limit ends,
     * -1 when no ORDERS limit is known.
     */
    public synchronized long orderWindowEndMillis(long serverMillis) {
        long shortest = -1;
        for (int i = 0; i < trackerCount; i++) {
            Tracker t = trackers[i];
            if (t.kind == RateLimit.Kind.ORDERS && t.limit >= 0 && (shortest < 0 || t.intervalMillis < shortest)) {
                shortest = t.intervalMillis;
            }
        }
        return shortest < 0 ? -1 : (Math.floorDiv(serverMillis, shortest) + 1) * shortest;
    }

    /** The last value Binance reported for this kind and interval, -1 when no answer carried it. */
    public synchronized long lastReported(RateLimit.Kind kind, long intervalMillis) {
        Tracker t = find(kind, intervalMillis);
        return t == null ? -1 : t.lastReported;
    }

    /** The last {@code X-MBX-USED-WEIGHT-1M}, -1 when no answer carried it. */
    public long usedWeight1m() {
        return lastReported(RateLimit.Kind.REQUEST_WEIGHT, 60_000L);
    }

    /** The last {@code X-MBX-ORDER-COUNT-10S}, -1 when no answer carried it. */
    public long orderCount10s() {
        return lastReported(RateLimit.Kind.ORDERS, 10_000L);
    }

    /** The last {@code X-MBX-ORDER-COUNT-1D}, -1 when no answer carried it. */
    public long orderCount1d() {
        return lastReported(RateLimit.Kind.ORDERS, 86_400_000L);
    }

    /** The count estimated for the window holding {@code serverMillis} (sent requests plus reports), 0 when untracked. */
    public synchronized long estimate(RateLimit.Kind kind, long intervalMillis, long serverMillis) {
        Tracker t = find(kind, intervalMillis);
        if (t == null) {
            return 0;
        }
        t.roll(serverMillis);
        return t.estimate;
    }

    /** The known limit, -1 when none is known. */
    public synchronized long limit(RateLimit.Kind kind, long intervalMillis) {
        Tracker t = find(kind, intervalMillis);
        return t == null ? -1 : t.limit;
    }

    /** Requests refused here for {@code reason}. */
    public synchronized long refusals(LocalRefusal reason) {
        return refusals[reason.ordinal()];
    }

    /** Requests refused here, all reasons. */
    public synchronized long refusals() {
        long n = 0;
        for (long r : refusals) {
            n += r;
        }
        return n;
    }

    private Tracker find(RateLimit.Kind kind, long intervalMillis) {
        for (int i = 0; i < trackerCount; i++) {
            Tracker t = trackers[i];
            if (t.kind == kind && t.intervalMillis == intervalMillis) {
                return t;
            }
        }
        return null;
    }

    /** The tracker of this kind and interval, created when new; null when the table is full. */
    private Tracker tracker(RateLimit.Kind kind, long intervalMillis) {
        Tracker t = find(kind, intervalMillis);
        if (t == null && trackerCount < MAX_TRACKERS) {
            t = new Tracker(kind, intervalMillis);
            trackers[trackerCount++] = t;
        }
        return t;
    }

    @Override
    public synchronized String toString() {
        StringBuilder b = new StringBuilder("VenueRateLimits{");
        for (int i = 0; i < trackerCount; i++) {
            Tracker t = trackers[i];
            b.append(i == 0 ? "" : ", ").append(t.kind).append('/').append(t.intervalMillis).append("ms=")
                    .append(t.estimate).append('/').append(t.limit < 0 ? "?" : Long.toString(t.limit));
        }
        return b.append('}').toString();
    }
}
