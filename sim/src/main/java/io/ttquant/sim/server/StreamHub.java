package io.ttquant.sim.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Who listens to which stream, and the fan-out of one encoded event to all of them. An event is
 * encoded once, by the engine, into its reusable writer; each subscriber's connection copies the
 * bytes into its outbound batch, raw or inside the topic's pre-encoded combined-stream envelope
 * ({@link StreamTopic#envelopePrefix}), so nothing is encoded twice and nothing is allocated per
 * message. Connections that received data during an engine task are flushed together at its end
 * ({@link #flushAll()}).
 *
 * <p>Confined to the engine thread. Never blocks: slow connections drop themselves in
 * {@link WsConnection#sendEvent}. Injected message faults ({@link FaultInjector}) apply to
 * published stream events only, never to direct answers of control messages.
 */
final class StreamHub {
    private final Map<String, StreamTopic> topics = new HashMap<>();
    private final Map<Long, WsConnection> connections = new HashMap<>();
    private final List<WsConnection> dirty = new ArrayList<>();
    private final int maxStreamsPerConnection;
    private final FaultInjector faults;
    private final LongSupplier clock;

    /** {@code clock}: the engine's time in milliseconds, for fault windows and delays. */
    StreamHub(int maxStreamsPerConnection, FaultInjector faults, LongSupplier clock) {
        this.maxStreamsPerConnection = maxStreamsPerConnection;
        this.faults = faults;
        this.clock = clock;
    }

    /** The topic of {@code name}, created and kept for the engine's own streams. */
    StreamTopic pinnedTopic(String name) {
        StreamTopic t = topics.get(name);
        if (t == null || !t.pinned) {
            StreamTopic pinned = new StreamTopic(name, true);
            if (t != null) {
                pinned.subscribers.addAll(t.subscribers);
            }
            topics.put(name, pinned);
            t = pinned;
        }
        return t;
    }

    /** The topic of {@code name}, or null when nobody subscribes to it and the engine does not keep it. */
    StreamTopic topic(String name) {
        return topics.get(name);
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
                topics.computeIfAbsent(s.name(), k -> new StreamTopic(k, false)).subscribers.add(c);
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

    /** Forgets a closed connection and drops what it had not flushed. */
    void remove(WsConnection c) {
        c.markClosed();
        if (connections.remove(c.id) == null) {
            return;
        }
        for (String name : c.streams().keySet()) {
            removeSubscriber(name, c);
        }
        c.streams().clear();
        c.discard();
    }

    boolean hasSubscribers(String stream) {
        StreamTopic t = topics.get(stream);
        return t != null && t.hasSubscribers();
    }

    /** Subscribers of {@code stream} (a live view; do not modify). */
    List<WsConnection> subscribers(String stream) {
        StreamTopic t = topics.get(stream);
        return t == null ? List.of() : t.subscribers;
    }

    /** Sends the event encoded in {@code w} to every subscriber of {@code topic}, enveloped for combined ones. */
    void publish(StreamTopic topic, JsonWriter w) {
        publish(topic, w.buffer(), 0, w.size());
    }

    /** Sends one raw payload to every subscriber of {@code topic}, enveloped for combined ones. */
    void publish(StreamTopic topic, byte[] raw, int offset, int length) {
        List<WsConnection> l = topic.subscribers;
        int n = l.size();
        if (n == 0) {
            return;
        }
        if (faults.wsActive()) {
            publishFaulted(topic, raw, offset, length);
            return;
        }
        for (int i = 0; i < n; i++) {
            WsConnection c = l.get(i);
            if (c.sendEvent(topic, raw, offset, length)) {
                dirty.add(c);
            }
        }
    }

    /** {@link #publish} while a message fault is set: stalled, dropped or delayed per subscriber. */
    private void publishFaulted(StreamTopic topic, byte[] raw, int offset, int length) {
        long now = clock.getAsLong();
        if (faults.stalled(topic.name, now)) {
            return;
        }
        List<WsConnection> l = topic.subscribers;
        for (int i = 0; i < l.size(); i++) {
            WsConnection c = l.get(i);
            int action = faults.decide(topic.name);
            if (action == FaultInjector.DROP) {
                continue;
            }
            if (action == FaultInjector.DELAY) {
                faults.delay(c, message(topic, raw, offset, length, c.combined()), now);
            } else if (c.sendEvent(topic, raw, offset, length)) {
                dirty.add(c);
            }
        }
    }

    /** A copy of one message as {@code c} would receive it (for a delayed send). */
    private static byte[] message(StreamTopic topic, byte[] raw, int offset, int length, boolean combined) {
        if (!combined) {
            return java.util.Arrays.copyOfRange(raw, offset, offset + length);
        }
        byte[] prefix = topic.envelopePrefix;
        byte[] out = new byte[prefix.length + length + 1];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(raw, offset, out, prefix.length, length);
        out[out.length - 1] = '}';
        return out;
    }

    /** Sends a direct answer (a SUBSCRIBE result, an error, a released delayed message) to one connection. */
    void send(WsConnection c, byte[] payload) {
        send(c, payload, 0, payload.length);
    }

    void send(WsConnection c, byte[] payload, int offset, int length) {
        if (c.send(payload, offset, length)) {
            dirty.add(c);
        }
    }

    /** Sends one event that belongs to no subscription (a {@code serverShutdown}) to {@code c}, enveloped when combined. */
    void sendEvent(WsConnection c, StreamTopic pseudoTopic, JsonWriter w) {
        if (c.sendEvent(pseudoTopic, w.buffer(), 0, w.size())) {
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

    private void removeSubscriber(String name, WsConnection c) {
        StreamTopic t = topics.get(name);
        if (t != null) {
            t.subscribers.remove(c);
            if (t.subscribers.isEmpty() && !t.pinned) {
                topics.remove(name);
            }
        }
    }
}
