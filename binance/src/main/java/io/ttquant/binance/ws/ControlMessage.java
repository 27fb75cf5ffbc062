package io.ttquant.binance.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One outgoing control message of Binance's market-data WebSocket:
 * {@code {"method":"SUBSCRIBE","params":[...],"id":n}}, its UNSUBSCRIBE twin, or
 * {@code {"method":"LIST_SUBSCRIPTIONS","id":n}}, waiting in a connection's queue until the rate
 * limit lets it go. Adjacent queued messages of the same method merge (up to a size), so a burst
 * of subscribe calls costs few messages.
 *
 * <p>Mutable only while queued; never re-sent once written. Stream names must already be checked
 * by {@link StreamNames#check}: they are written into the JSON unescaped.
 */
final class ControlMessage {
    /** The methods the client sends. */
    enum Method {
        SUBSCRIBE,
        UNSUBSCRIBE,
        LIST_SUBSCRIPTIONS
    }

    final Method method;
    final long id;
    final List<String> streams = new ArrayList<>();
    boolean sent;

    ControlMessage(Method method, long id) {
        this.method = method;
        this.id = id;
    }

    /** True when {@code extra} more streams of {@code m} can join this still-queued message. */
    boolean canMerge(Method m, int extra, int maxStreams) {
        return !sent && method == m && m != Method.LIST_SUBSCRIPTIONS && streams.size() + extra <= maxStreams;
    }

    String json() {
        StringBuilder b = new StringBuilder(32 + streams.size() * 24).append("{\"method\":\"").append(method.name()).append('"');
        if (method != Method.LIST_SUBSCRIPTIONS) {
            b.append(",\"params\":[");
            for (int i = 0; i < streams.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append('"').append(streams.get(i)).append('"');
            }
            b.append(']');
        }
        return b.append(",\"id\":").append(id).append('}').toString();
    }

    ByteBuf encode(ByteBufAllocator alloc) {
        byte[] bytes = json().getBytes(StandardCharsets.US_ASCII);
        return alloc.buffer(bytes.length).writeBytes(bytes);
    }

    @Override
    public String toString() {
        return json();
    }
}
