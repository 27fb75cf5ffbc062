package io.ttquant.sim.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Who listens to which stream, and the fan-out of one encoded event to all of them. An event is
 * encoded once; the combined-stream envelope ({@code {"stream":..,"data":..}}) is built once more
 * only when some subscriber asked for combined payloads. Connections that received data during an
 * engine task are flushed together at its end ({@link #flushAll()}).
 *
 * <p>Confined to the engine thread. Never blocks: slow connections drop themselves in
 * {@link WsConnection#send(byte[])}. Injected message faults ({@link FaultInjector}) apply to
 * published stream events only, never to direct answers of control messages.
 */
final class StreamHub {
    private final Map<String, List<WsConnection>> subscribers = new HashMap<>();
    private final Map<Long, WsConnection> connections = new HashMap<>();
    private final List<WsConnection> dirty = new ArrayList<>();
    private final int maxStreamsPerConnection;
    private final JsonWriter envelope = new JsonWriter(4096);
    private final FaultInjector faults;
    private final LongSupplier clock;

    /** {@code clock}: the engine's time in milliseconds, for fault windows and delays. */
    StreamHub(int maxStreamsPerConnection, FaultInjector faults, LongSupplier clock) {
        this.maxStreamsPerConnection = maxStreamsPerConnection;
        this.faults = faults;
        this.clock = clock;
    }

    void add(WsConnection c) {
        connections.put(c.id, c);
    }

    Collection<WsConnection> connections() {
        return connections.values();
    }

    /** Subscribes {@code c} to every stream; false (and nothing changed) when it would pass the per-connection limit. */
    boolean subscribe(WsConnection c, List<StreamName> streams) {
        int added = 0;
        for (StreamName s : streams) {
            if (!c.streams().containsKey(s.name())) {
                added++;
            }
        }
        if (c.streams().size() + added > maxStreamsPerConnection) {
            return false;
        }
        for (StreamName s : streams) {
            if (c.streams().putIfAbsent(s.name(), s) == null) {
                subscribers.computeIfAbsent(s.name(), k -> new ArrayList<>(2)).add(c);
            }
        }
        return true;
    }

    void unsubscribe(WsConnection c, List<StreamName> streams) {
        for (StreamName s : streams) {
            if (c.streams().remove(s.name()) != null) {
                removeSubscriber(s.name(), c);
            }
        }
    }

    /** Forgets a closed connection. */
    void remove(WsConnection c) {
        c.markClosed();
        if (connections.remove(c.id) == null) {
            return;
        }
        for (String name : c.streams().keySet()) {
            removeSubscriber(name, c);
        }
        c.streams().clear();
    }

    boolean hasSubscribers(String stream) {
        List<WsConnection> l = subscribers.get(stream);
        return l != null && !l.isEmpty();
    }

    /** Subscribers of {@code stream} (a live view; do not modify). */
    List<WsConnection> subscribers(String stream) {
        List<WsConnection> l = subscribers.get(stream);
        return l == null ? List.of() : l;
    }

    /** Sends one raw payload to every subscriber of {@code stream}, enveloped for combined ones. */
    void publish(String stream, byte[] raw) {
        List<WsConnection> l = subscribers.get(stream);
        if (l == null || l.isEmpty()) {
            return;
        }
        if (faults.wsActive()) {
            publishFaulted(stream, raw, l);
            return;
        }
        byte[] wrapped = null;
        for (int i = 0; i < l.size(); i++) {
            WsConnection c = l.get(i);
            byte[] payload;
            if (c.combined()) {
                if (wrapped == null) {
                    wrapped = envelope(stream, raw);
                }
                payload = wrapped;
            } else {
                payload = raw;
            }
            send(c, payload);
        }
    }

    /** {@link #publish} while a message fault is set: stalled, dropped or delayed per subscriber. */
    private void publishFaulted(String stream, byte[] raw, List<WsConnection> l) {
        long now = clock.getAsLong();
        if (faults.stalled(stream, now)) {
            return;
        }
        byte[] wrapped = null;
        for (int i = 0; i < l.size(); i++) {
            WsConnection c = l.get(i);
            int action = faults.decide(stream);
            if (action == FaultInjector.DROP) {
                continue;
            }
            byte[] payload = raw;
            if (c.combined()) {
                if (wrapped == null) {
                    wrapped = envelope(stream, raw);
                }
                payload = wrapped;
            }
            if (action == FaultInjector.DELAY) {
                faults.delay(c, payload, now);
            } else {
                send(c, payload);
            }
        }
    }

    /** Sends a direct answer (a SUBSCRIBE result, an error) to one connection. */
    void send(WsConnection c, byte[] payload) {
        if (c.send(payload)) {
            dirty.add(c);
        }
    }

    /** Flushes every connection that received something since the last call. */
    void flushAll() {
        for (int i = 0; i < dirty.size(); i++) {
            dirty.get(i).flush();
        }
        dirty.clear();
    }

    private byte[] envelope(String stream, byte[] raw) {
        envelope.reset().beginObject().field("stream", stream).name("data").rawValue(raw, 0, raw.length).endObject();
        return envelope.toBytes();
    }

    private void removeSubscriber(String name, WsConnection c) {
        List<WsConnection> l = subscribers.get(name);
        if (l != null) {
            l.remove(c);
            if (l.isEmpty()) {
                subscribers.remove(name);
            }
        }
    }
}
