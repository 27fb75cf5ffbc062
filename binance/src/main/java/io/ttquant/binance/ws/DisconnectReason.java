package io.ttquant.binance.ws;

/**
 * Why a market-data WebSocket connection ended; each has its own reconnect counter in
 * {@link StreamClientStats}.
 */
public enum DisconnectReason {
    /** Nothing arrived for the silence timeout: the connection is presumed dead and is cut. */
    SILENCE,
    /** The server closed the connection (a close frame or the TCP connection ending). */
    CLOSED_BY_SERVER,
    /** The connect, the TLS or WebSocket handshake, or the transport failed. */
    ERROR,
    /** Replaced ahead of Binance's 24-hour connection limit (make-before-break). */
    MAX_AGE,
    /** Replaced because the server announced a shutdown (make-before-break). */
    SERVER_SHUTDOWN,
    /** The client was closed by its owner; no reconnect follows. */
    CLOSED_BY_CLIENT
}
