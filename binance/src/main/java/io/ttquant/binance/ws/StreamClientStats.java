package io.ttquant.binance.ws;

/**
 * Plain counters of one {@link StreamClient}: connection attempts and completed handshakes,
 * reconnects by {@link DisconnectReason}, make-before-break switches, pings answered, control
 * messages sent and queued behind the rate limit, frames received and delivered.
 *
 * <p>Single writer: only the client's event loop increments them (so {@code x++} on a volatile
 * is safe); any thread may read. Never reset, never used for decisions.
 */
public final class StreamClientStats {
    private volatile long connectAttempts;
    private volatile long connects;
    private final long[] reconnects = new long[DisconnectReason.values().length];
    private volatile long reconnectsTotal;
    private volatile long switches;
    private volatile long pingsAnswered;
    private volatile long controlMessagesSent;
    private volatile long controlMessagesQueued;
    private volatile long framesReceived;
    private volatile long framesDelivered;
    private volatile long framesDiscarded;
    private volatile long bytesDelivered;
    private volatile long listenerErrors;
    private volatile long streamsRefused;
    private volatile long lastBackoffCeilingNanos;
    private volatile long lastBackoffNanos;
    private volatile long lastConnectAttemptNanos;

    void connectAttempt(long nowNanos) {
        connectAttempts++;
        lastConnectAttemptNanos = nowNanos;
    }

    void connected() {
        connects++;
    }

    void reconnect(DisconnectReason reason) {
        synchronized (reconnects) {
            reconnects[reason.ordinal()]++;
        }
        reconnectsTotal++;
    }

    void switched() {
        switches++;
    }

    void pingAnswered() {
        pingsAnswered++;
    }

    void controlMessageSent() {
        controlMessagesSent++;
    }

    void controlMessageQueued() {
        controlMessagesQueued++;
    }

    void frameReceived() {
        framesReceived++;
    }

    void frameDelivered(int bytes) {
        framesDelivered++;
        bytesDelivered += bytes;
    }

    void frameDiscarded() {
        framesDiscarded++;
    }

    void listenerError() {
        listenerErrors++;
    }

    void streamRefused() {
        streamsRefused++;
    }

    void backoff(long ceilingNanos, long delayNanos) {
        lastBackoffCeilingNanos = ceilingNanos;
        lastBackoffNanos = delayNanos;
    }

    /** TCP connects started (first connection, reconnects and make-before-break replacements). */
    public long connectAttempts() {
        return connectAttempts;
    }

    /** WebSocket handshakes completed. */
    public long connects() {
        return connects;
    }

    /** Connections given up for {@code reason} and replaced (or to be replaced). */
    public long reconnects(DisconnectReason reason) {
        synchronized (reconnects) {
            return reconnects[reason.ordinal()];
        }
    }

    public long reconnectsTotal() {
        return reconnectsTotal;
    }

    /** Make-before-break hand-overs from an old connection to its replacement. */
    public long switches() {
        return switches;
    }

    /** Server pings answered with a pong carrying the same payload. */
    public long pingsAnswered() {
        return pingsAnswered;
    }

    /** SUBSCRIBE, UNSUBSCRIBE and LIST_SUBSCRIPTIONS messages written. */
    public long controlMessagesSent() {
        return controlMessagesSent;
    }

    /** Control messages that had to wait for the 5-a-second limit before they could be written. */
    public long controlMessagesQueued() {
        return controlMessagesQueued;
    }

    /** Complete text messages received on any connection. */
    public long framesReceived() {
        return framesReceived;
    }

    /** Text messages handed to the listener. */
    public long framesDelivered() {
        return framesDelivered;
    }

    /** Text messages from a connection already replaced (make-before-break), not delivered. */
    public long framesDiscarded() {
        return framesDiscarded;
    }

    public long bytesDelivered() {
        return bytesDelivered;
    }

    /** Exceptions thrown by the listener (caught, logged once, the connection kept). */
    public long listenerErrors() {
        return listenerErrors;
    }

    /** Streams not subscribed because the connection already carried the maximum. */
    public long streamsRefused() {
        return streamsRefused;
    }

    /** Clock time of the last connection attempt, 0 before any. */
    public long lastConnectAttemptNanos() {
        return lastConnectAttemptNanos;
    }

    /** The jitter ceiling of the last reconnect backoff (it doubles per consecutive loss), 0 before any. */
    public long lastBackoffCeilingNanos() {
        return lastBackoffCeilingNanos;
    }

    /** The wait before the last reconnect attempt (jitter, or the one-a-second rule), 0 before any. */
    public long lastBackoffNanos() {
        return lastBackoffNanos;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("StreamClientStats{attempts=").append(connectAttempts)
                .append(" connects=").append(connects).append(" switches=").append(switches).append(" reconnects={");
        for (DisconnectReason r : DisconnectReason.values()) {
            long n = reconnects(r);
            if (n > 0) {
                b.append(r).append('=').append(n).append(' ');
            }
        }
        return b.append("} pings=").append(pingsAnswered).append(" control=").append(controlMessagesSent)
                .append('/').append(controlMessagesQueued).append(" frames=").append(framesReceived)
                .append('/').append(framesDelivered).append('}').toString();
    }
}
