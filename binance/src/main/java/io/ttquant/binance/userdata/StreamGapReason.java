package io.ttquant.binance.userdata;

/**
 * Why the user data stream may have missed events (the {@code reason} of
 * {@link UserDataListener#onStreamGap}), and why a connection was given up (the reconnect counters
 * of {@link UserDataStats}).
 */
public enum StreamGapReason {
    /** The server closed the connection or the transport failed. */
    CONNECTION_LOST,
    /** A connection attempt failed (connect, TLS or WebSocket handshake, handshake timeout). */
    CONNECT_FAILED,
    /** Nothing, not even a ping, arrived for the silence timeout: the connection was cut. */
    SILENCE,
    /** Replaced ahead of Binance's 24-hour connection limit. */
    MAX_AGE,
    /** The stream announced {@code listenKeyExpired}: a new key was created. */
    LISTEN_KEY_EXPIRED,
    /** The server refused to connect with the key ({@code -1125}): a new key was created. */
    LISTEN_KEY_UNKNOWN,
    /** A keepalive was answered {@code -1125}: a new key was created. */
    KEEPALIVE_REJECTED,
    /** No keepalive succeeded within the key's validity: a new key was created. */
    LISTEN_KEY_LAPSED,
    /**
     * A message that may have carried an order or balance update could not be read (see
     * {@link SkipReason}); the connection stays up. Reported without a reconnect.
     */
    UNREADABLE_MESSAGE
}
