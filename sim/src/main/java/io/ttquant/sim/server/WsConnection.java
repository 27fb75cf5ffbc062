package io.ttquant.sim.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebSocket client: its subscriptions and its outbound queue. The engine thread appends
 * encoded payloads during a task and hands the batch to the channel's event loop once at the end
 * ({@link #flush()}), so a burst costs one event-loop task and one socket flush per connection.
 *
 * <p>The engine never blocks on a client: when the channel is not writable or more than the
 * configured bytes are queued, the connection is closed and counted as a slow consumer instead of
 * buffering without bound. Subscription state is engine-thread only; the pending-byte counter and
 * the closed flag are the only fields shared with the I/O thread.
 */
final class WsConnection {
    final Channel channel;
    final long id;
    private final long maxQueuedBytes;
    private final SimServerStats stats;
    private final Map<String, StreamName> streams = new LinkedHashMap<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private boolean combined;
    private List<byte[]> pending = new ArrayList<>();
    private boolean dirty;
    private volatile boolean closed;

    WsConnection(Channel channel, long id, boolean combined, long maxQueuedBytes, SimServerStats stats) {
        this.channel = channel;
        this.id = id;
        this.combined = combined;
        this.maxQueuedBytes = maxQueuedBytes;
        this.stats = stats;
    }

    boolean combined() {
        return combined;
    }

    void combined(boolean v) {
        combined = v;
    }

    Map<String, StreamName> streams() {
        return streams;
    }

    boolean isClosed() {
        return closed || !channel.isActive();
    }

    /**
     * Queues one text frame. Returns true when the connection became dirty (the caller lists it for
     * {@link #flush()}); drops the connection when it is too slow.
     */
    boolean send(byte[] payload) {
        if (closed) {
            return false;
        }
        if (!channel.isWritable() || queuedBytes.get() > maxQueuedBytes) {
            stats.slowConsumerDisconnects.incrementAndGet();
            close(WebSocketCloseStatus.POLICY_VIOLATION, "Slow consumer");
            return false;
        }
        queuedBytes.addAndGet(payload.length);
        pending.add(payload);
        if (!dirty) {
            dirty = true;
            return true;
        }
        return false;
    }

    /** Hands the queued frames to the event loop: one task, one flush. Engine thread. */
    void flush() {
        dirty = false;
        if (pending.isEmpty()) {
            return;
        }
        List<byte[]> batch = pending;
        pending = new ArrayList<>(Math.max(4, batch.size()));
        if (closed) {
            return;
        }
        execute(() -> {
            long bytes = 0;
            for (int i = 0; i < batch.size(); i++) {
                byte[] b = batch.get(i);
                bytes += b.length;
                if (channel.isActive()) {
                    channel.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(b)), channel.voidPromise());
                }
            }
            queuedBytes.addAndGet(-bytes);
            stats.messagesSent.addAndGet(batch.size());
            channel.flush();
        });
    }

    /** Sends a close frame with {@code status} and closes the channel. Any thread. */
    void close(WebSocketCloseStatus status, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        execute(() -> {
            if (channel.isActive()) {
                channel.writeAndFlush(new CloseWebSocketFrame(status, reason))
                        .addListener(f -> channel.close());
            }
        });
    }

    /** Closes the channel without a close frame, as a network failure would. Any thread. */
    void abort() {
        if (closed) {
            return;
        }
        closed = true;
        execute(channel::close);
    }

    private void execute(Runnable task) {
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException shuttingDown) {
            closed = true;
        }
    }

    void markClosed() {
        closed = true;
    }
}
