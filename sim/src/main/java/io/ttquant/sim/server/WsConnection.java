package io.ttquant.sim.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebSocket client: its subscriptions and its outbound batch. During an engine task the engine
 * thread writes each message straight into one pooled direct buffer per connection, already framed
 * (a server-to-client WebSocket text frame needs no mask: two to ten header bytes, then the
 * payload), and hands the whole batch to the channel's event loop once at the end of the task
 * ({@link #flush()}): a burst of messages costs one buffer, one event-loop task and one socket
 * write per connection, and no object per message. An event for a combined-stream client is
 * written as the topic's constant envelope prefix, the payload and a closing brace, so the payload
 * is encoded once for raw and combined subscribers alike.
 *
 * <p>The engine never blocks on a client: when the channel is not writable or more than the
 * configured bytes wait for the network, the connection is closed and counted as a slow consumer
 * instead of buffering without bound. Subscription state and the batch are engine-thread only; the
 * handed-over byte count and the closed flag are the only fields shared with the I/O thread.
 */
final class WsConnection {
    private static final int MIN_BATCH = 1024;
    private static final int MAX_INITIAL_BATCH = 256 * 1024;
    private static final byte TEXT_FIN = (byte) 0x81;

    final Channel channel;
    final long id;
    private final long maxQueuedBytes;
    private final SimServerStats stats;
    private final Map<String, StreamName> streams = new LinkedHashMap<>();
    /** Bytes handed to the event loop and not yet written into the channel (the channel's own buffer is bounded by its watermark). */
    private final AtomicLong handedOver = new AtomicLong();
    private boolean combined;
    private ByteBuf batch;
    private int batchMessages;
    private int nextBatchCapacity = MIN_BATCH;
    private boolean dirty;
    private volatile boolean closed;

    /** Engine time the connection opened (set by the engine when it registers the connection). */
    long openedAt;
    /** Engine time at which the engine closes the connection (its maximum age, or a server shutdown). */
    long closeAt = Long.MAX_VALUE;
    /** Whether this connection already received the {@code serverShutdown} event. */
    boolean shutdownNoticeSent;
    /** Whether {@link #closeAt} comes from a triggered server shutdown rather than the maximum age. */
    boolean closeForShutdown;

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
     * Queues one stream event of {@code topic} (its payload encoded once, raw): enveloped for a
     * combined-stream client. Returns true when the connection became dirty (the caller lists it
     * for {@link #flush()}); drops the connection when it is too slow. Engine thread.
     */
    boolean sendEvent(StreamTopic topic, byte[] payload, int offset, int length) {
        return combined ? append(topic.envelopePrefix, payload, offset, length) : append(null, payload, offset, length);
    }

    /** Queues one text frame exactly as given (a direct answer, an already enveloped message). Engine thread. */
    boolean send(byte[] payload, int offset, int length) {
        return append(null, payload, offset, length);
    }

    boolean send(byte[] payload) {
        return append(null, payload, 0, payload.length);
    }

    private boolean append(byte[] prefix, byte[] payload, int offset, int length) {
        if (closed) {
            return false;
        }
        ByteBuf b = batch;
        long waiting = handedOver.get() + (b == null ? 0 : b.readableBytes());
        if (waiting > maxQueuedBytes || !channel.isWritable()) {
            stats.slowConsumerDisconnects.incrementAndGet();
            close(WebSocketCloseStatus.POLICY_VIOLATION, "Slow consumer");
            return false;
        }
        int n = prefix == null ? length : prefix.length + length + 1;
        if (b == null) {
            b = channel.alloc().directBuffer(Math.max(nextBatchCapacity, n + 10));
            batch = b;
        }
        if (n < 126) {
            b.writeShort(((TEXT_FIN & 0xff) << 8) | n);
        } else if (n < 65_536) {
            b.writeByte(TEXT_FIN).writeByte(126).writeShort(n);
        } else {
            b.writeByte(TEXT_FIN).writeByte(127).writeLong(n);
        }
        if (prefix != null) {
            b.writeBytes(prefix).writeBytes(payload, offset, length).writeByte('}');
        } else {
            b.writeBytes(payload, offset, length);
        }
        batchMessages++;
        if (!dirty) {
            dirty = true;
            return true;
        }
        return false;
    }

    /** Hands the batch to the event loop: one task, one write, one flush. Engine thread. */
    void flush() {
        dirty = false;
        ByteBuf b = batch;
        if (b == null) {
            return;
        }
        batch = null;
        int messages = batchMessages;
        batchMessages = 0;
        int bytes = b.readableBytes();
        nextBatchCapacity = Math.max(MIN_BATCH, Math.min(MAX_INITIAL_BATCH, bytes + (bytes >> 2)));
        if (closed) {
            b.release();
            return;
        }
        handedOver.addAndGet(bytes);
        if (!execute(() -> write(b, bytes, messages))) {
            handedOver.addAndGet(-bytes);
            b.release();
        }
    }

    private void write(ByteBuf b, int bytes, int messages) {
        handedOver.addAndGet(-bytes);
        if (channel.isActive()) {
            channel.writeAndFlush(b, channel.voidPromise());
            stats.messagesSent.addAndGet(messages);
        } else {
            b.release();
        }
    }

    /** Sends a close frame with {@code status} and closes the channel; what was not flushed yet is discarded. Any thread. */
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

    private boolean execute(Runnable task) {
        try {
            channel.eventLoop().execute(task);
            return true;
        } catch (RejectedExecutionException shuttingDown) {
            closed = true;
            return false;
        }
    }

    void markClosed() {
        closed = true;
    }

    /** Releases a batch that will never be flushed (the connection is gone). Engine thread. */
    void discard() {
        closed = true;
        dirty = false;
        if (batch != null) {
            batch.release();
            batch = null;
            batchMessages = 0;
        }
    }
}
