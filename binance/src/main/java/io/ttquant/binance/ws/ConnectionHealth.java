package io.ttquant.binance.ws;

/**
 * The timing verdicts on one WebSocket connection: the handshake took too long, nothing arrived
 * for the silence timeout (a half-open TCP connection looks exactly like a quiet one, so any
 * frame, ping included, counts as life), or the connection is old enough to be replaced ahead
 * of Binance's 24-hour cut.
 *
 * <p>A pure state machine driven by the caller's timestamps; it never reads a clock and never
 * acts on the connection itself. Single-threaded.
 */
public final class ConnectionHealth {
    /** What {@link #check} found; {@code OK} when nothing is due. */
    public enum Verdict {
        OK,
        HANDSHAKE_TIMEOUT,
        SILENCE,
        MAX_AGE
    }

    private final long handshakeTimeoutNanos;
    private final long silenceTimeoutNanos;
    private final long maxAgeNanos;
    private long attemptNanos;
    private long openedNanos = -1;
    private long lastMessageNanos;

    public ConnectionHealth(long handshakeTimeoutNanos, long silenceTimeoutNanos, long maxAgeNanos) {
        if (handshakeTimeoutNanos <= 0 || silenceTimeoutNanos <= 0 || maxAgeNanos <= 0) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        this.handshakeTimeoutNanos = handshakeTimeoutNanos;
        this.silenceTimeoutNanos = silenceTimeoutNanos;
        this.maxAgeNanos = maxAgeNanos;
    }

    /** The TCP connect and WebSocket handshake start now. */
    public void onAttempt(long nowNanos) {
        attemptNanos = nowNanos;
        openedNanos = -1;
    }

    /** The handshake completed now: the age and the silence are measured from here. */
    public void onOpened(long nowNanos) {
        openedNanos = nowNanos;
        lastMessageNanos = nowNanos;
    }

    /** A frame of any kind arrived now. */
    public void onMessage(long nowNanos) {
        lastMessageNanos = nowNanos;
    }

    public boolean isOpen() {
        return openedNanos >= 0;
    }

    /** When the handshake completed, -1 before. */
    public long openedNanos() {
        return openedNanos;
    }

    public long lastMessageNanos() {
        return lastMessageNanos;
    }

    /** The verdict at {@code nowNanos}; silence wins over age, as a silent connection is already lost. */
    public Verdict check(long nowNanos) {
        if (openedNanos < 0) {
            return nowNanos - attemptNanos >= handshakeTimeoutNanos ? Verdict.HANDSHAKE_TIMEOUT : Verdict.OK;
        }
        if (nowNanos - lastMessageNanos >= silenceTimeoutNanos) {
            return Verdict.SILENCE;
        }
        if (nowNanos - openedNanos >= maxAgeNanos) {
            return Verdict.MAX_AGE;
        }
        return Verdict.OK;
    }
}
