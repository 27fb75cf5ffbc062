package io.ttquant.sim.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * One stream name and the connections subscribed to it, with the constant start of its
 * combined-stream envelope ({@code {"stream":"<name>","data":}) encoded once, so that an event
 * encoded once can be sent raw to some subscribers and enveloped to others without a second
 * encoding.
 *
 * <p>Confined to the engine thread ({@link StreamHub} owns the subscriber list). Must never hold a
 * closed connection after {@link StreamHub#remove(WsConnection)}.
 */
final class StreamTopic {
    final String name;
    /** {@code {"stream":"<name>","data":} in UTF-8: the bytes before the payload in a combined stream. */
    final byte[] envelopePrefix;
    final ArrayList<WsConnection> subscribers = new ArrayList<>(2);
    /** Kept while nobody listens (the engine holds it); other topics go when their last subscriber does. */
    final boolean pinned;

    StreamTopic(String name, boolean pinned) {
        this.name = name;
        this.pinned = pinned;
        this.envelopePrefix = new JsonWriter(name.length() + 32).beginObject().field("stream", name).name("data")
                .toString().getBytes(StandardCharsets.UTF_8);
    }

    boolean hasSubscribers() {
        return !subscribers.isEmpty();
    }

    @Override
    public String toString() {
        return name + " (" + subscribers.size() + " subscribers)";
    }
}
