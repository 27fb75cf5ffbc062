package io.ttquant.binance.ws;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.util.ArrayDeque;

/**
 * One WebSocket connection to a Binance stream endpoint (any path: the market-data
 * {@code /stream?streams=...}, the user data {@code /ws/<listenKey>}), and the Netty handler at
 * the end of its pipeline: completes the handshake, reassembles fragmented text messages into one
 * reused buffer, keeps the pongs owed to the server's pings (the owner decides when they go out,
 * so that they can pass a rate limit), and reports every event to its {@link WebSocketClient},
 * which takes every decision: when to answer, when to end, whether to reconnect. The subclass
 * adds what its client keeps per connection.
 *
 * <p>Failures the connection meets itself ({@link Failure}) are named in the client's terms by
 * {@link #reasonFor}; the first reason given to {@link #end} wins.
 *
 * <p>Runs on its event loop only. Never writes except what the owner asks for and the close frame
 * that ends it. Never puts its URL into a detail text itself (a path can carry a secret such as a
 * listen key: a subclass whose path does overrides {@link #describe}, through which every
 * exception goes into a detail). Owns and releases the buffers it holds.
 *
 * @param <R> the client's type of reason why a connection ends
 * @param <C> the subclass itself, as its client knows it
 */
public abstract class WebSocketConnection<R, C extends WebSocketConnection<R, C>> extends ChannelInboundHandlerAdapter {
    private static final int MAX_PENDING_PONGS = 4;

    /** A failure the connection meets itself. */
    public enum Failure {
        /** The TCP connect (or its timeout) failed. */
        CONNECT_FAILED,
        /** The handshake request could not be sent. */
        HANDSHAKE_FAILED,
        /** The server answered the handshake with an HTTP status instead of switching protocols. */
        HANDSHAKE_REFUSED,
        /** A fragmented text message grew past the largest message allowed. */
        MESSAGE_TOO_LARGE,
        /** The server sent a close frame. */
        CLOSE_FRAME,
        /** The channel failed (TLS, I/O, WebSocket protocol). */
        CHANNEL_ERROR
    }

    private final WebSocketClient<C> owner;
    private final int id;
    private final ConnectionHealth health;
    private final int maxMessageBytes;
    private final WebSocketClientHandshaker handshaker;
    private final ArrayDeque<ByteBuf> pongs = new ArrayDeque<>();
    private Channel channel;
    private boolean open;
    private boolean closing;
    private boolean ended;
    private R endReason;
    private String endDetail;
    private long closingSinceNanos;
    private ByteBuf fragments;
    private boolean inText;

    /**
     * {@code owner}'s connection {@code id} to {@code uri}, watched and limited as the owner's
     * configuration says. Opened by {@link WebSocketClient#connect}.
     */
    protected WebSocketConnection(WebSocketClient<C> owner, int id, URI uri) {
        this.owner = owner;
        this.id = id;
        this.health = owner.newHealth();
        this.maxMessageBytes = owner.config().maxMessageBytes();
        this.handshaker = WebSocketClientHandshakerFactory.newHandshaker(
                uri, WebSocketVersion.V13, null, false, new DefaultHttpHeaders(), maxMessageBytes);
    }

    // ---- what the subclass implements ------------------------------------------------------

    /** The client's reason for a failure the connection met itself. */
    protected abstract R reasonFor(Failure failure);

    /**
     * The server refused the handshake with HTTP {@code status} and {@code body} (Binance puts its
     * {@code {"code":..,"msg":..}} there), which made Netty say {@code handshakeError}; the
     * connection ends right after. Returns what the detail text says after
     * {@code "handshake refused: HTTP <status>"}: by default Netty's words.
     */
    protected String onHandshakeRefused(int status, ByteBuf body, String handshakeError) {
        return " " + handshakeError;
    }

    /** {@code t} for a detail text; override to keep a secret that a message may quote out of it. */
    protected String describe(Throwable t) {
        return String.valueOf(t);
    }

    // ---- what the client calls -------------------------------------------------------------

    public final int id() {
        return id;
    }

    public final ConnectionHealth health() {
        return health;
    }

    /** The channel, null until the connector started the connect. */
    public final Channel channel() {
        return channel;
    }

    /** True once the handshake completed. */
    public final boolean isOpen() {
        return open;
    }

    /** True once {@link #end} was called. */
    public final boolean isClosing() {
        return closing;
    }

    /** True once the connection is gone and its client was told ({@link WebSocketClient#onEnded}). */
    public final boolean isEnded() {
        return ended;
    }

    /** The first reason given to {@link #end}, null before (or when the owner gave null). */
    public final R endReason() {
        return endReason;
    }

    /** The detail that came with {@link #endReason()}. */
    public final String endDetail() {
        return endDetail;
    }

    /** Clock time {@link #end} was first called. */
    public final long closingSinceNanos() {
        return closingSinceNanos;
    }

    public final boolean hasPong() {
        return !pongs.isEmpty();
    }

    /** The payload of the oldest pending pong (the caller writes or releases it), null when none is pending. */
    public final ByteBuf pollPong() {
        return pongs.poll();
    }

    /**
     * Ends this connection for {@code reason}, unless a reason is already recorded: with a close
     * frame when {@code graceful} and the connection is open, otherwise by closing the channel.
     */
    public final void end(R reason, String detail, boolean graceful) {
        if (!closing) {
            endReason = reason;
            endDetail = detail;
            closingSinceNanos = owner.now();
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

    // ---- the connector's part --------------------------------------------------------------

    void connecting(Channel ch) {
        this.channel = ch;
    }

    void connectFailed(String host, int port, Throwable cause) {
        fail(Failure.CONNECT_FAILED, "connect to " + host + ":" + port + " failed: " + describe(cause));
        finish();
    }

    // ---- Netty -----------------------------------------------------------------------------

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        handshaker.handshake(ctx.channel()).addListener(f -> {
            if (!f.isSuccess()) {
                fail(Failure.HANDSHAKE_FAILED, "handshake request failed: " + describe(f.cause()));
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
            int status = resp.status().code();
            String said = onHandshakeRefused(status, resp.content(), e.getMessage());
            fail(Failure.HANDSHAKE_REFUSED, "handshake refused: HTTP " + status + said);
            return;
        }
        open = true;
        owner.onOpened(self());
    }

    private void onFrame(ChannelHandlerContext ctx, WebSocketFrame frame) {
        long now = owner.now();
        health.onMessage(now);
        if (frame instanceof TextWebSocketFrame) {
            if (frame.isFinalFragment()) {
                inText = false;
                owner.onText(self(), frame.content(), now);
            } else {
                inText = true;
                fragmentBuffer(ctx).clear();
                append(frame.content());
            }
        } else if (frame instanceof ContinuationWebSocketFrame) {
            if (inText && append(frame.content()) && frame.isFinalFragment()) {
                inText = false;
                owner.onText(self(), fragments, now);
                fragments.clear();
            }
        } else if (frame instanceof PingWebSocketFrame) {
            if (pongs.size() == MAX_PENDING_PONGS) {
                pongs.poll().release();
            }
            pongs.add(frame.content().retain());
            owner.onPing(self(), now);
        } else if (frame instanceof CloseWebSocketFrame close) {
            fail(Failure.CLOSE_FRAME, "close frame " + close.statusCode() + " " + close.reasonText());
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
            fail(Failure.MESSAGE_TOO_LARGE, "fragmented message larger than " + maxMessageBytes + " bytes");
            return false;
        }
        fragments.writeBytes(part, part.readerIndex(), part.readableBytes());
        return true;
    }

    private void fail(Failure failure, String detail) {
        end(reasonFor(failure), detail, false);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        finish();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseBuffers();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(Failure.CHANNEL_ERROR, describe(cause));
    }

    /** Marks the connection ended, releases its buffers and tells the owner, once. */
    private void finish() {
        if (ended) {
            return;
        }
        ended = true;
        releaseBuffers();
        owner.onEnded(self());
    }

    @SuppressWarnings("unchecked")
    private C self() {
        // Safe: every subclass declares itself as C.
        return (C) this;
    }

    private void releaseBuffers() {
        if (fragments != null) {
            fragments.release();
            fragments = null;
        }
        ByteBuf p;
        while ((p = pongs.poll()) != null) {
            p.release();
        }
    }
}
