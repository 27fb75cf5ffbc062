package io.ttquant.binance.rest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Binance's "back off" rule for REST: after a 429 or 418 with {@code Retry-After}, no request may
 * go out before the window passes (hammering turns a 429 into an IP ban). Remembers the latest
 * end of any window; only ever extends it.
 *
 * <p>Pure: driven by the caller's clock readings, never sleeps. Thread-safe (answers arrive on
 * HTTP threads while requests start on the event loop).
 */
public final class RetryAfterGate {
    private final AtomicLong blockedUntilNanos = new AtomicLong(Long.MIN_VALUE);

    /** True while a window runs at {@code nowNanos}. */
    public boolean isBlocked(long nowNanos) {
        long until = blockedUntilNanos.get();
        return until != Long.MIN_VALUE && nowNanos < until;
    }

    /** Blocks requests until {@code untilNanos} (or a later end already known). Returns the end now in force. */
    public long blockUntil(long untilNanos) {
        return blockedUntilNanos.accumulateAndGet(untilNanos, Math::max);
    }

    /** The end of the latest window, {@code Long.MIN_VALUE} when there never was one. */
    public long blockedUntilNanos() {
        return blockedUntilNanos.get();
    }

    /**
     * The wait a {@code Retry-After} header asks for, in nanoseconds: Binance sends whole seconds;
     * a missing, negative or unreadable value (such as an HTTP date) gives {@code defaultNanos}.
     */
    public static long retryAfterNanos(String header, long defaultNanos) {
        if (header == null) {
            return defaultNanos;
        }
        String v = header.trim();
        if (v.isEmpty() || v.length() > 9) {
            return defaultNanos;
        }
        long seconds = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return defaultNanos;
            }
            seconds = seconds * 10 + (c - '0');
        }
        return seconds * 1_000_000_000L;
    }
}
