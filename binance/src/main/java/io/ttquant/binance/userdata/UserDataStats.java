package io.ttquant.binance.userdata;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters of one user data stream and its decoder: events by {@link UserDataOutcome}, skipped
 * messages by {@link SkipReason}, reconnects and reported gaps by {@link StreamGapReason}, listen
 * keys created and deleted, keepalives sent, acknowledged and failed, connections, pings.
 *
 * <p>Written by the stream's event loop only; any thread may read them at any time. Never reset,
 * never used for decisions; counting never allocates.
 */
public final class UserDataStats {
    private static final int OUTCOMES = UserDataOutcome.values().length;
    private static final int SKIPS = SkipReason.values().length;
    private static final int GAPS = StreamGapReason.values().length;

    private static final int KEYS_CREATED = 0;
    private static final int KEY_REQUESTS_FAILED = 1;
    private static final int KEYS_DELETED = 2;
    private static final int KEEPALIVES_SENT = 3;
    private static final int KEEPALIVES_ACKNOWLEDGED = 4;
    private static final int KEEPALIVES_FAILED = 5;
    private static final int CONNECT_ATTEMPTS = 6;
    private static final int CONNECTS = 7;
    private static final int PINGS_ANSWERED = 8;
    private static final int FRAMES_DISCARDED = 9;
    private static final int LISTENER_ERRORS = 10;
    private static final int STALE_EXPIRY_EVENTS = 11;
    private static final int COUNTERS = 12;

    private final AtomicLongArray outcomes = new AtomicLongArray(OUTCOMES);
    private final AtomicLongArray skips = new AtomicLongArray(SKIPS);
    private final AtomicLongArray reconnects = new AtomicLongArray(GAPS);
    private final AtomicLongArray gaps = new AtomicLongArray(GAPS);
    private final AtomicLongArray counters = new AtomicLongArray(COUNTERS);

    void recordEvent(UserDataOutcome outcome) {
        outcomes.incrementAndGet(outcome.ordinal());
    }

    void recordSkip(SkipReason reason) {
        outcomes.incrementAndGet(UserDataOutcome.SKIPPED.ordinal());
        skips.incrementAndGet(reason.ordinal());
    }

    void reconnect(StreamGapReason reason) {
        reconnects.incrementAndGet(reason.ordinal());
    }

    void gapReported(StreamGapReason reason) {
        gaps.incrementAndGet(reason.ordinal());
    }

    void keyCreated() {
        counters.incrementAndGet(KEYS_CREATED);
    }

    void keyRequestFailed() {
        counters.incrementAndGet(KEY_REQUESTS_FAILED);
    }

    void keyDeleted() {
        counters.incrementAndGet(KEYS_DELETED);
    }

    void keepaliveSent() {
        counters.incrementAndGet(KEEPALIVES_SENT);
    }

    void keepaliveAcknowledged() {
        counters.incrementAndGet(KEEPALIVES_ACKNOWLEDGED);
    }

    void keepaliveFailed() {
        counters.incrementAndGet(KEEPALIVES_FAILED);
    }

    void connectAttempt() {
        counters.incrementAndGet(CONNECT_ATTEMPTS);
    }

    void connected() {
        counters.incrementAndGet(CONNECTS);
    }

    void pingAnswered() {
        counters.incrementAndGet(PINGS_ANSWERED);
    }

    void frameDiscarded() {
        counters.incrementAndGet(FRAMES_DISCARDED);
    }

    void listenerError() {
        counters.incrementAndGet(LISTENER_ERRORS);
    }

    void staleExpiryEvent() {
        counters.incrementAndGet(STALE_EXPIRY_EVENTS);
    }

    /** Messages that ended with {@code outcome} ({@link UserDataOutcome#SKIPPED} counts every skip). */
    public long events(UserDataOutcome outcome) {
        return outcomes.get(outcome.ordinal());
    }

    /** Messages skipped for {@code reason}. */
    public long skipped(SkipReason reason) {
        return skips.get(reason.ordinal());
    }

    /** Connections (or connection attempts) given up for {@code reason} and followed by a new attempt. */
    public long reconnects(StreamGapReason reason) {
        return reconnects.get(reason.ordinal());
    }

    public long reconnectsTotal() {
        long n = 0;
        for (int i = 0; i < GAPS; i++) {
            n += reconnects.get(i);
        }
        return n;
    }

    /** {@link UserDataListener#onStreamGap} calls made with {@code reason}. */
    public long gapsReported(StreamGapReason reason) {
        return gaps.get(reason.ordinal());
    }

    public long gapsReportedTotal() {
        long n = 0;
        for (int i = 0; i < GAPS; i++) {
            n += gaps.get(i);
        }
        return n;
    }

    /** Listen keys obtained by {@code POST} (Binance may hand back the key already active). */
    public long keysCreated() {
        return counters.get(KEYS_CREATED);
    }

    /** {@code POST}s that failed (transport, HTTP error, rate limit). */
    public long keyRequestsFailed() {
        return counters.get(KEY_REQUESTS_FAILED);
    }

    /** Listen keys deleted on close. */
    public long keysDeleted() {
        return counters.get(KEYS_DELETED);
    }

    public long keepalivesSent() {
        return counters.get(KEEPALIVES_SENT);
    }

    /** Keepalives Binance answered with success. */
    public long keepalivesAcknowledged() {
        return counters.get(KEEPALIVES_ACKNOWLEDGED);
    }

    /** Keepalives that failed, including those answered {@code -1125}. */
    public long keepalivesFailed() {
        return counters.get(KEEPALIVES_FAILED);
    }

    public long connectAttempts() {
        return counters.get(CONNECT_ATTEMPTS);
    }

    /** WebSocket handshakes completed. */
    public long connects() {
        return counters.get(CONNECTS);
    }

    /** Server pings answered with a pong carrying the same payload. */
    public long pingsAnswered() {
        return counters.get(PINGS_ANSWERED);
    }

    /** Messages of a connection already being closed, not decoded. */
    public long framesDiscarded() {
        return counters.get(FRAMES_DISCARDED);
    }

    /** Exceptions thrown by the listener (caught, logged once). */
    public long listenerErrors() {
        return counters.get(LISTENER_ERRORS);
    }

    /** {@code listenKeyExpired} events naming a key other than the one in use, ignored. */
    public long staleExpiryEvents() {
        return counters.get(STALE_EXPIRY_EVENTS);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("UserDataStats{");
        for (UserDataOutcome o : UserDataOutcome.values()) {
            b.append(o).append('=').append(events(o)).append(' ');
        }
        b.append("skipped={");
        for (SkipReason r : SkipReason.values()) {
            if (skipped(r) > 0) {
                b.append(r).append('=').append(skipped(r)).append(' ');
            }
        }
        b.append("} reconnects={");
        for (StreamGapReason r : StreamGapReason.values()) {
            if (reconnects(r) > 0) {
                b.append(r).append('=').append(reconnects(r)).append(' ');
            }
        }
        return b.append("} gaps=").append(gapsReportedTotal()).append(" keys=").append(keysCreated())
                .append(" keepalives=").append(keepalivesSent()).append('/').append(keepalivesFailed())
                .append(" connects=").append(connects()).append('}').toString();
    }
}
