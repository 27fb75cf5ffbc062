package io.ttquant.binance.trading;

import io.ttquant.core.time.Clock;

/**
 * The venue's clock as seen from here: an estimate of (Binance time − local clock time) from
 * {@code GET /api/v3/time} samples, so that a SIGNED request's {@code timestamp} lands inside
 * Binance's window (at most 1000 ms ahead of the server, at most {@code recvWindow} behind it).
 *
 * <p>Each sample assumes the server read its clock at the midpoint of the round trip (plus half a
 * millisecond, since it reports whole milliseconds rounded down); of the samples of one
 * {@link Round} the one with the smallest round trip wins, as its midpoint is the tightest bound.
 * A sync is due when none has succeeded yet, after {@link #invalidate()} (Binance answered -1021)
 * and once the resync interval has passed on the injected clock.
 *
 * <p>Pure bookkeeping: it never sends a request and never reads the wall clock. Thread-safe: the
 * offset is read by any thread that builds a request, rounds are applied by the one sync in flight.
 */
public final class ServerTimeOffset {
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final Clock clock;
    private final long resyncIntervalNanos;
    private volatile long offsetNanos;
    private volatile long roundTripNanos = -1;
    private volatile long syncedAtNanos;
    private volatile boolean synced;
    private volatile long syncs;
    private volatile long invalidations;

    /** The samples of one sync: only the one with the smallest round trip is kept. */
    public static final class Round {
        private long bestRoundTrip = Long.MAX_VALUE;
        private long bestOffset;
        private int samples;

        /**
         * One answer: the local clock when the request was sent and when the answer arrived, and
         * the server time it carried (epoch milliseconds). A sample with a negative round trip (a
         * clock that went backwards) is ignored.
         */
        public synchronized void add(long sentNanos, long serverTimeMillis, long receivedNanos) {
            long rtt = receivedNanos - sentNanos;
            if (rtt < 0) {
                return;
            }
            samples++;
            if (rtt < bestRoundTrip) {
                bestRoundTrip = rtt;
                long midpoint = sentNanos + rtt / 2;
                bestOffset = Math.subtractExact(Math.addExact(Math.multiplyExact(serverTimeMillis, NANOS_PER_MILLI), NANOS_PER_MILLI / 2),
                        midpoint);
            }
        }

        public synchronized int samples() {
            return samples;
        }
    }

    /**
     * @param clock               the local clock requests are timed with
     * @param resyncIntervalNanos how long an estimate is trusted before a new sync is due (positive)
     */
    public ServerTimeOffset(Clock clock, long resyncIntervalNanos) {
        if (clock == null || resyncIntervalNanos <= 0) {
            throw new IllegalArgumentException("a clock and a positive resync interval are required");
        }
        this.clock = clock;
        this.resyncIntervalNanos = resyncIntervalNanos;
    }

    /** A new, empty round of samples. */
    public Round newRound() {
        return new Round();
    }

    /**
     * Makes the best sample of {@code round} the estimate in force. Returns false (and changes
     * nothing) when the round holds no usable sample.
     */
    public synchronized boolean apply(Round round, long nowNanos) {
        long rtt;
        long offset;
        synchronized (round) {
            if (round.samples == 0) {
                return false;
            }
            rtt = round.bestRoundTrip;
            offset = round.bestOffset;
        }
        offsetNanos = offset;
        roundTripNanos = rtt;
        syncedAtNanos = nowNanos;
        syncs++;
        synced = true;
        return true;
    }

    /** Marks the estimate as wrong (Binance refused a timestamp with -1021): a sync is due now. */
    public synchronized void invalidate() {
        if (synced) {
            invalidations++;
        }
        synced = false;
    }

    /** True while an estimate is in force (a sync succeeded and nothing invalidated it since). */
    public boolean isSynced() {
        return synced;
    }

    /** True when a sync should run: never synced, invalidated, or the resync interval has passed. */
    public boolean isDue(long nowNanos) {
        return !synced || nowNanos - syncedAtNanos >= resyncIntervalNanos;
    }

    /** The {@code timestamp} for a request sent now: the local clock plus the offset, in epoch milliseconds. */
    public long timestampMillis() {
        return Math.floorDiv(clock.nanos() + offsetNanos, NANOS_PER_MILLI);
    }

    /** The server time (epoch ms) estimated for a local clock reading. */
    public long serverMillisAt(long localNanos) {
        return Math.floorDiv(localNanos + offsetNanos, NANOS_PER_MILLI);
    }

    /** The local clock reading (ns) estimated for a server time (epoch ms). */
    public long localNanosAt(long serverMillis) {
        return serverMillis * NANOS_PER_MILLI - offsetNanos;
    }

    /** Binance time minus local time, in nanoseconds (0 before the first sync). */
    public long offsetNanos() {
        return offsetNanos;
    }

    /** The round trip of the sample in force, -1 before the first sync. */
    public long roundTripNanos() {
        return roundTripNanos;
    }

    /** Syncs applied so far. */
    public long syncs() {
        return syncs;
    }

    /** Estimates invalidated by a -1021 so far. */
    public long invalidations() {
        return invalidations;
    }

    @Override
    public String toString() {
        return "ServerTimeOffset{offset=" + offsetNanos / NANOS_PER_MILLI + " ms, rtt=" + roundTripNanos / NANOS_PER_MILLI
                + " ms, synced=" + synced + "}";
    }
}
