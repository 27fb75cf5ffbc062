package io.ttquant.binance.userdata;

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
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.util.ReferenceCountUtil;
import io.ttquant.binance.ws.ConnectionHealth;

/**
 * One WebSocket connection of a {@link UserDataStream} to {@code /ws/<listenKey>}, and the Netty
 * handler at the end of its pipeline: completes the handshake (noting a refusal with Binance's
 * {@code -1125}, an unknown key), reassembles fragmented text messages into one reused buffer,
 * answers every ping with a pong carrying the same payload, and reports the rest to the stream,
 * which takes every decision.
 *
 * <p>Runs on the stream's event loop only. Sends nothing but pongs and the close frame that ends
 * it (the user data stream takes no requests). Owns and releases the buffers it holds. Never puts
 * the listen key into a log or a detail text.
 */
final class UserDataConnection extends ChannelInboundHandlerAdapter {
    final UserDataStream stream;
    final int id;
    final String listenKey;
    final WebSocketClientHandshaker handshaker;
    final ConnectionHealth health;
    private final int maxMessageBytes;
    Channel channel;
    boolean open;
    boolean closing;
    boolean ended;
    /** The server refused the handshake with {@code -1125}: the key is gone. */
    boolean refusedUnknownKey;
    StreamGapReason endReason;
    String endDetail;
    /** Stream clock time {@link #end} was first called. */
    long closingSinceNanos;
    private ByteBuf fragments;
    private boolean inText;

    UserDataConnection(UserDataStream stream, int id, String listenKey, WebSocketClientHandshaker handshaker,
                       ConnectionHealth health, int maxMessageBytes) {
        this.stream = stream;
        this.id = id;
        this.listenKey = listenKey;
        this.handshaker = handshaker;
        this.health = health;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Ends this connection for {@code reason} (null: closed by the owner) unless a reason is already recorded. */
    void end(StreamGapReason reason, String detail, boolean graceful) {
        if (!closing) {
            endReason = reason;
            endDetail = detail;
            closingSinceNanos = stream.now();
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
                end(StreamGapReason.CONNECT_FAILED, "handshake request failed: " + describe(f.cause()), false);
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
            ByteBuf body = resp.content();
            byte[] bytes = new byte[Math.min(body.readableBytes(), 4096)];
            body.getBytes(body.readerIndex(), bytes);
            BinanceErrorBody error = BinanceErrorBody.parse(bytes, 0, bytes.length);
            refusedUnknownKey = error != null && error.code() == ListenKeyResult.UNKNOWN_LISTEN_KEY;
            end(StreamGapReason.CONNECT_FAILED, "handshake refused: HTTP " + resp.status().code()
                    + (error == null ? "" : " code " + error.code() + " " + error.msg()), false);
            return;
        }
        open = true;
        stream.onOpened(this);
    }

    private void onFrame(ChannelHandlerContext ctx, WebSocketFrame frame) {
        long now = stream.now();
        health.onMessage(now);
        if (frame instanceof TextWebSocketFrame) {
            if (frame.isFinalFragment()) {
                inText = false;
                stream.onText(this, frame.content(), now);
            } else {
                inText = true;
                fragmentBuffer(ctx).clear();
                append(frame.content());
            }
        } else if (frame instanceof ContinuationWebSocketFrame) {
            if (inText && append(frame.content()) && frame.isFinalFragment()) {
                inText = false;
                stream.onText(this, fragments, now);
                fragments.clear();
            }
        } else if (frame instanceof PingWebSocketFrame) {
            if (!closing) {
                ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()), ctx.voidPromise());
                stream.onPingAnswered();
            }
        } else if (frame instanceof CloseWebSocketFrame close) {
            end(StreamGapReason.CONNECTION_LOST, "close frame " + close.statusCode() + " " + close.reasonText(), false);
        } else if (frame instanceof BinaryWebSocketFrame) {
            // Binance sends no binary frames on a JSON stream; one counts as life and is dropped.
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
            end(StreamGapReason.CONNECTION_LOST, "fragmented message larger than " + maxMessageBytes + " bytes", false);
            return false;
        }
        fragments.writeBytes(part, part.readerIndex(), part.readableBytes());
        return true;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stream.onEnded(this);
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
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        end(open ? StreamGapReason.CONNECTION_LOST : StreamGapReason.CONNECT_FAILED, describe(cause), false);
    }

    /** The failure's type and message, the message dropped if it quotes the listen key. */
    String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null || m.contains(listenKey) ? "" : ": " + m);
    }

    @Override
    public String toString() {
        return "user data connection " + id;
    }
}
