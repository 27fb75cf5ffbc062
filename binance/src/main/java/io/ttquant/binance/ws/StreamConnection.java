package io.ttquant.binance.ws;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * One combined-stream connection of a {@link StreamClient}: a {@link WebSocketConnection} plus the
 * subscriptions it carries, its queue of control messages and their rate limit, and the reason it
 * replaces the connection before it (null for a first connection or a reconnect).
 *
 * <p>Runs on the client's event loop only. Never answers a ping itself and never writes except
 * through the client's flush (so every outgoing message passes the rate limit), apart from the
 * close frame that ends the connection.
 */
final class StreamConnection extends WebSocketConnection<DisconnectReason, StreamConnection> {
    final DisconnectReason replaces;
    final ControlMessageThrottle throttle;
    /** Streams this connection carries or has asked for (connect URL plus queued and sent SUBSCRIBEs). */
    final Set<String> requested = new HashSet<>();
    final ArrayDeque<ControlMessage> queue = new ArrayDeque<>();

    StreamConnection(StreamClient client, int id, DisconnectReason replaces, URI uri, ControlMessageThrottle throttle) {
        super(client, id, uri);
        this.replaces = replaces;
        this.throttle = throttle;
    }

    boolean hasOutgoing() {
        return hasPong() || !queue.isEmpty();
    }

    @Override
    protected DisconnectReason reasonFor(Failure failure) {
        return failure == Failure.CLOSE_FRAME ? DisconnectReason.CLOSED_BY_SERVER : DisconnectReason.ERROR;
    }

    @Override
    public String toString() {
        return "connection " + id();
    }
}
