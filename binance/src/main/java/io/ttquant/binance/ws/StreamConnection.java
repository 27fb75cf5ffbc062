package io.ttquant.binance.ws;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * One WebSocket connection of a {@link StreamClient}, and the Netty handler at the end of its
 * pipeline: completes the handshake, reassembles fragmented text messages into one reused buffer,
 * queues pong answers, and reports every event to the client, which takes all decisions.
 *
 * <p>Runs on the client's event loop only. Never answers a ping itself and never writes except
 * through the client's flush (so every outgoing message passes the rate limit), apart from the
 * close frame that ends the connection. Owns and releases the buffers it holds.
 */
final class StreamConnection extends ChannelInboundHandlerAdapter {
    private static final int MAX_PENDING_PONGS = 4;

    final StreamClient client;
    final int id;
    final DisconnectReason replaces;
    final WebSocketClientHandshaker handshaker;
    final ConnectionHealth health;
    final ControlMessageThrottle throttle;
    /** Streams this connection carries or has asked for (connect URL plus queued and sent SUBSCRIBEs). */
    final Set<String> requested = new HashSet<>();
    final ArrayDeque<ControlMessage> queue = new ArrayDeque<>();
    private final ArrayDeque<ByteBuf> pongs = new ArrayDeque<>();
    private final int maxMessageBytes;
    Channel channel;
    boolean open;
    boolean closing;
    boolean ended;
    DisconnectReason endReason;
    String endDetail;
    private ByteBuf fragments;
    private boolean inText;

    StreamConnection(StreamClient client, int id, DisconnectReason replaces, WebSocketClientHandshaker handshaker,
                     ConnectionHealth health, ControlMessageThrottle throttle, int maxMessageBytes) {
        this.client = client;
        this.id = id;
        this.replaces = replaces;
        this.handshaker = handshaker;
        this.health = health;
        this.throttle = throttle;
        this.maxMessageBytes = maxMessageBytes;
    }

    boolean hasOutgoing() {
        return !pongs.isEmpty() || !queue.isEmpty();
    }

    boolean hasPong() {
        return !pongs.isEmpty();
    }

    ByteBuf pollPong() {
        return pongs.poll();
    }

    /** Ends this connection for {@code reason} unless an earlier reason is already recorded. */
    void end(DisconnectReason reason, String detail, boolean graceful) {
        if (endReason == null) {
            endReason = reason;
            endDetail = detail;
        }
        closing = true;
        if (channel == null) {
            return;
        }
        if (graceful && open && channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        handshaker.handshake(ctx.channel()).addListener(f -> {
            if (!f.isSuccess()) {
                end(DisconnectReason.ERROR, "handshake request failed: " + f.cause(), false);
            }
        });
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (!handshaker.isHandshakeComplete()) {
                if (msg instanceof FullHttpResponse resp) {
                    finishHandshake(ctx, resp);
                }
                return;
            }
            if (msg instanceof WebSocketFrame frame && !ended) {
                onFrame(ctx, frame);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void finishHandshake(ChannelHandlerContext ctx, FullHttpResponse resp) {
        try {
            handshaker.finishHandshake(ctx.channel(), resp);
        } catch (WebSocketHandshakeException e) {
            end(DisconnectReason.ERROR, "handshake refused: HTTP " + resp.status().code() + " " + e.getMessage(), false);
            return;
        }
        open = true;
        client.onOpened(this);
    }

    private void onFrame(ChannelHandlerContext ctx, WebSocketFrame frame) {
        long now = client.now();
        health.onMessage(now);
        if (frame instanceof TextWebSocketFrame) {
            if (frame.isFinalFragment()) {
                inText = false;
                client.onText(this, frame.content(), now);
            } else {
                inText = true;
                fragmentBuffer(ctx).clear();
                append(frame.content());
            }
        } else if (frame instanceof ContinuationWebSocketFrame) {
            if (inText) {
                if (!append(frame.content())) {
                    return;
                }
                if (frame.isFinalFragment()) {
                    inText = false;
                    client.onText(this, fragments, now);
                    fragments.clear();
                }
            }
        } else if (frame instanceof PingWebSocketFrame) {
            if (pongs.size() == MAX_PENDING_PONGS) {
                pongs.poll().release();
            }
            pongs.add(frame.content().retain());
            client.onPing(this, now);
        } else if (frame instanceof CloseWebSocketFrame close) {
            end(DisconnectReason.CLOSED_BY_SERVER, "close frame " + close.statusCode() + " " + close.reasonText(), false);
        } else if (frame instanceof BinaryWebSocketFrame) {
            // Binance sends no binary frames on JSON streams; one counts as life and is dropped.
            inText = false;
        }
    }

    private ByteBuf fragmentBuffer(ChannelHandlerContext ctx) {
        if (fragments == null) {
            fragments = ctx.alloc().buffer(8192, maxMessageBytes);
        }
        return fragments;
    }

    private boolean append(ByteBuf part) {
        if (fragments.readableBytes() + part.readableBytes() > maxMessageBytes) {
            inText = false;
            fragments.clear();
            end(DisconnectReason.ERROR, "fragmented message larger than " + maxMessageBytes + " bytes", false);
            return false;
        }
        fragments.writeBytes(part, part.readerIndex(), part.readableBytes());
        return true;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        client.onEnded(this);
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseBuffers();
    }

    void releaseBuffers() {
        if (fragments != null) {
            fragments.release();
            fragments = null;
        }
        ByteBuf p;
        while ((p = pongs.poll()) != null) {
            p.release();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        end(DisconnectReason.ERROR, String.valueOf(cause), false);
    }

    @Override
    public String toString() {
        return "connection " + id;
    }
}
