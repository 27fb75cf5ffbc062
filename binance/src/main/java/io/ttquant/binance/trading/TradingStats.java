package io.ttquant.binance.trading;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters of a {@link TradingRestClient}, readable from any thread (a metrics scrape): requests
 * sent, answers by outcome, requests refused here by reason, the usage Binance last reported, and
 * server-time syncs. Never holds a key, a secret or a request.
 */
public final class TradingStats {
    private static final TradingFailure.Outcome[] OUTCOMES = TradingFailure.Outcome.values();

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLongArray failed = new AtomicLongArray(OUTCOMES.length);
    private final VenueRateLimits limits;
    private final ServerTimeOffset time;

    TradingStats(VenueRateLimits limits, ServerTimeOffset time) {
        this.limits = limits;
        this.time = time;
    }

    void sent() {
        sent.incrementAndGet();
    }

    void record(TradingResult<?> r) {
        if (r.isOk()) {
            succeeded.incrementAndGet();
        } else {
            failed.incrementAndGet(r.failure().outcome().ordinal());
        }
    }

    /** Requests that went out on the network (including server-time samples). */
    public long requestsSent() {
        return sent.get();
    }

    /** Calls answered with a readable success. */
    public long succeeded() {
        return succeeded.get();
    }

    /** Calls that ended with {@code outcome} (local refusals count as NOT_SENT). */
    public long failed(TradingFailure.Outcome outcome) {
        return failed.get(outcome.ordinal());
    }

    /** Requests refused here, unsent, for {@code reason}. */
    public long refusedLocally(LocalRefusal reason) {
        return limits.refusals(reason);
    }

    /** Requests refused here, unsent, for any reason. */
    public long refusedLocally() {
        return limits.refusals();
    }

    /** The last {@code X-MBX-USED-WEIGHT-1M}, -1 before any answer carried it. */
    public long usedWeight1m() {
        return limits.usedWeight1m();
    }

    /** The last {@code X-MBX-ORDER-COUNT-10S}, -1 before any answer carried it. */
    public long orderCount10s() {
        return limits.orderCount10s();
    }

    /** The last {@code X-MBX-ORDER-COUNT-1D}, -1 before any answer carried it. */
    public long orderCount1d() {
        return limits.orderCount1d();
    }

    /** Server-time syncs applied. */
    public long timeSyncs() {
        return time.syncs();
    }

    /** Server-time estimates invalidated by a -1021. */
    public long timestampResyncs() {
        return time.invalidations();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("TradingStats{sent=").append(sent.get()).append(", ok=").append(succeeded.get());
        for (TradingFailure.Outcome o : OUTCOMES) {
            long n = failed.get(o.ordinal());
            if (n > 0) {
                b.append(", ").append(o).append('=').append(n);
            }
        }
        return b.append(", refusedLocally=").append(limits.refusals()).append('}').toString();
    }
}
