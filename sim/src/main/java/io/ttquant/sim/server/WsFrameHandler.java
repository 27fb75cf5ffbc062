package io.ttquant.sim.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The frames of one WebSocket connection, on its I/O thread: Binance's keep-alive (a ping every
 * interval; a connection whose ping stays unanswered past the timeout is closed; unsolicited pongs
 * do not count), the incoming-message limit (pings, pongs and control messages alike; a client
 * over the limit is disconnected), client pings answered with pongs, and control messages parsed
 * and handed to the engine thread.
 *
 * <p>Never touches exchange or subscription state itself, and never lets an exception escape to
 * Netty: a broken connection is closed.
 */
final class WsFrameHandler extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(WsFrameHandler.class.getName());

    private final WsConnection conn;
    private final SimEngine engine;
    private final SimServerStats stats;
    private final long pingIntervalNanos;
    private final long pongTimeoutNanos;
    private final int maxIncomingPerSecond;
    private long windowStart;
    private int windowCount;
    private long nextPingAt;
    private long pingOutstandingSince;
    private ScheduledFuture<?> keepAlive;

    WsFrameHandler(WsConnection conn, SimEngine engine, SimServerConfig config, SimServerStats stats) {
        this.conn = conn;
        this.engine = engine;
        this.stats = stats;
        this.pingIntervalNanos = TimeUnit.MILLISECONDS.toNanos(config.wsPingIntervalMillis());
        this.pongTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(config.wsPongTimeoutMillis());
        this.maxIncomingPerSecond = config.wsMaxIncomingPerSecond();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        long now = System.nanoTime();
        nextPingAt = now + pingIntervalNanos;
        long checkMillis = Math.max(5, Math.min(1000, Math.min(pingIntervalNanos, pongTimeoutNanos) / 4_000_000L));
        keepAlive = ctx.executor().scheduleAtFixedRate(() -> keepAlive(ctx), checkMillis, checkMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancelKeepAlive();
    }

    private void keepAlive(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            cancelKeepAlive();
            return;
        }
        long now = System.nanoTime();
        if (pingOutstandingSince != 0 && now - pingOutstandingSince > pongTimeoutNanos) {
            stats.pongTimeoutDisconnects.incrementAndGet();
            cancelKeepAlive();
            conn.close(WebSocketCloseStatus.POLICY_VIOLATION, "Pong timeout");
            return;
        }
        if (now - nextPingAt >= 0) {
            nextPingAt = now + pingIntervalNanos;
            if (pingOutstandingSince == 0) {
                pingOutstandingSince = now;
            }
            stats.pingsSent.incrementAndGet();
            ctx.writeAndFlush(new PingWebSocketFrame(Unpooled.EMPTY_BUFFER), ctx.voidPromise());
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (!(msg instanceof WebSocketFrame frame) || conn.isClosed()) {
                return;
            }
            if (!countIncoming()) {
                stats.messageRateDisconnects.incrementAndGet();
                conn.close(WebSocketCloseStatus.POLICY_VIOLATION, "Too many messages");
                return;
            }
            if (frame instanceof PingWebSocketFrame) {
                ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()), ctx.voidPromise());
            } else if (frame instanceof PongWebSocketFrame) {
                stats.pongsReceived.incrementAndGet();
                pingOutstandingSince = 0;
            } else if (frame instanceof CloseWebSocketFrame) {
                conn.markClosed();
                ctx.writeAndFlush(frame.retainedDuplicate()).addListener(ChannelFutureListener.CLOSE);
            } else if (frame instanceof TextWebSocketFrame text) {
                WsCommand cmd = WsCommand.parse(text.text());
                engine.executor().execute(() -> engine.command(conn, cmd));
            } else if (frame instanceof BinaryWebSocketFrame) {
                WsCommand cmd = WsCommand.error(3, "Invalid JSON: expected value at line 1 column 1", null);
                engine.executor().execute(() -> engine.command(conn, cmd));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "WebSocket frame handling failed; closing connection", e);
            ctx.close();
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /** Counts one incoming message in the current one-second window; false when over the limit. */
    private boolean countIncoming() {
        long now = System.nanoTime();
        if (windowCount == 0 || now - windowStart >= 1_000_000_000L) {
            windowStart = now;
            windowCount = 0;
        }
        return ++windowCount <= maxIncomingPerSecond;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelKeepAlive();
        conn.markClosed();
        engine.executor().execute(() -> engine.closed(conn));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, "WebSocket connection error", cause);
        ctx.close();
    }

    private void cancelKeepAlive() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
            keepAlive = null;
        }
    }
}
