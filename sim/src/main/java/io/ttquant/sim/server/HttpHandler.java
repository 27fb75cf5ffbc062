package io.ttquant.sim.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Netty handler for one HTTP connection: decodes a request into a {@link RestExchange} and
 * hands it to the engine thread, routes token-checked {@code /admin/...} requests to the fault
 * controls, or upgrades {@code /ws/...} and {@code /stream?streams=...} to a
 * WebSocket. Malformed requests (too long a URI or headers, undecodable HTTP) get Binance-style
 * error JSON straight away.
 *
 * <p>Runs on an I/O thread and never touches exchange state. Requests are answered in the order
 * they arrived because every one goes through the single engine queue. Never lets an exception
 * escape to Netty: the last resort closes the connection.
 */
final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final System.Logger LOG = System.getLogger(HttpHandler.class.getName());
    static final String ADMIN_TOKEN_HEADER = "X-Admin-Token";
    private static final AtomicLong CONNECTION_IDS = new AtomicLong();
    private static final byte[] NOT_FOUND_HTML = "<html><body><h2>404 Not found</h2></body></html>".getBytes(StandardCharsets.US_ASCII);

    private final SimEngine engine;
    private final SimServerConfig config;
    private final SimServerStats stats;
    private final Map<String, String> secrets;
    private final HmacSignature hmac = new HmacSignature();

    /** {@code secrets}: API key to HMAC secret, immutable, so this I/O thread can check signatures. */
    HttpHandler(SimEngine engine, SimServerConfig config, SimServerStats stats, Map<String, String> secrets) {
        this.engine = engine;
        this.config = config;
        this.stats = stats;
        this.secrets = secrets;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        stats.restRequests.incrementAndGet();
        if (req.decoderResult().isFailure()) {
            rejectMalformed(ctx, req.decoderResult().cause());
            return;
        }
        String uri = req.uri();
        int hash = uri.indexOf('#');
        if (hash >= 0) {
            uri = uri.substring(0, hash);
        }
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String rawQuery = q < 0 ? "" : uri.substring(q + 1);
        if (path.equals("/admin") || path.startsWith("/admin/")) {
            admin(ctx, req, path, rawQuery);
            return;
        }
        if (isStreamPath(path) && isUpgrade(req)) {
            upgrade(ctx, req, path, rawQuery);
            return;
        }
        String body = req.content().isReadable() ? req.content().toString(StandardCharsets.UTF_8) : "";
        RestExchange ex = new RestExchange(req.method().name(), path, rawQuery, body,
                req.headers().get("X-MBX-APIKEY"), ip(ctx.channel().remoteAddress()));
        precompute(ex);
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        if (engine.pendingTasks() > config.maxPendingRequests()) {
            ex.error(RestError.of(503, -1008, "Server is currently overloaded with other requests. Please try again in a few minutes."),
                    new JsonWriter(256));
            write(ctx, ex, keepAlive);
            return;
        }
        engine.executor().execute(() -> {
            engine.handleRest(ex);
            try {
                ctx.executor().execute(() -> write(ctx, ex, keepAlive));
            } catch (RejectedExecutionException shuttingDown) {
                // the server is closing: the connection goes with it
            }
        });
    }

    /**
     * {@code /admin/...}: 404 when no token is configured (the endpoint does not exist), 401 when
     * {@code X-Admin-Token} is missing or wrong, else answered by the engine. Admin requests skip
     * the rate limits, the overload guard and every injected fault.
     */
    private void admin(ChannelHandlerContext ctx, FullHttpRequest req, String path, String rawQuery) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        String body = req.content().isReadable() ? req.content().toString(StandardCharsets.UTF_8) : "";
        RestExchange ex = new RestExchange(req.method().name(), path, rawQuery, body, null, ip(ctx.channel().remoteAddress()));
        String expected = config.adminToken();
        if (expected == null) {
            ex.status = 404;
            ex.contentType = RestExchange.HTML;
            ex.body = notFoundHtml();
            write(ctx, ex, keepAlive);
            return;
        }
        String given = req.headers().get(ADMIN_TOKEN_HEADER);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            ex.ok(new JsonWriter(128).beginObject()
                    .field("error", given == null ? "missing " + ADMIN_TOKEN_HEADER + " header" : "wrong " + ADMIN_TOKEN_HEADER)
                    .endObject());
            ex.status = 401;
            write(ctx, ex, keepAlive);
            return;
        }
        engine.executor().execute(() -> {
            engine.handleAdmin(ex);
            try {
                ctx.executor().execute(() -> write(ctx, ex, keepAlive));
            } catch (RejectedExecutionException shuttingDown) {
                // the server is closing: the connection goes with it
            }
        });
    }

    /**
     * Parses the parameters and checks the signature here, off the engine thread: both depend only
     * on the request and the immutable keys. The engine still decides what to do with the result,
     * in Binance's order (weight, parameters, key, timestamp, signature).
     */
    private void precompute(RestExchange ex) {
        ex.params = RequestParams.parse(ex.rawQuery, RestApi.bodyOf(ex));
        String secret = ex.apiKey == null ? null : secrets.get(ex.apiKey);
        String signature = ex.params.failed() ? null : ex.params.peek("signature");
        if (secret != null && signature != null && !signature.isEmpty()) {
            ex.signatureValid = hmac.verify(secret, ex.rawQuery, RestApi.bodyOf(ex), signature);
        }
    }

    /** Writes the engine's answer; safe from any thread. */
    void write(ChannelHandlerContext ctx, RestExchange ex, boolean keepAlive) {
        if (ex.status >= 400) {
            stats.restErrors.incrementAndGet();
        }
        byte[] body = ex.body == null ? new byte[0] : ex.body;
        FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(ex.status),
                Unpooled.wrappedBuffer(body));
        resp.headers().set(HttpHeaderNames.CONTENT_TYPE, ex.contentType);
        resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        for (int i = 0; i < ex.headerNames.size(); i++) {
            resp.headers().set(ex.headerNames.get(i), ex.headerValues.get(i));
        }
        if (keepAlive) {
            resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(resp, ctx.voidPromise());
        } else {
            resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(resp).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void rejectMalformed(ChannelHandlerContext ctx, Throwable cause) {
        RestError e;
        if (cause instanceof TooLongHttpLineException) {
            e = RestError.of(414, -1101, "Too many parameters sent for this endpoint.");
        } else if (cause instanceof TooLongHttpHeaderException) {
            e = RestError.of(431, -1100, "Illegal characters found in a parameter.");
        } else if (cause instanceof TooLongFrameException) {
            e = RestError.of(413, -1101, "Too many parameters sent for this endpoint.");
        } else {
            e = RestError.of(400, -1100, "Illegal characters found in a parameter.");
        }
        rejectViaEngine(ctx, e);
    }

    /**
     * Answers {@code e} and closes the connection, through the engine queue: the reply cannot
     * overtake an earlier request's, and it carries the weight header like every answer.
     */
    void rejectViaEngine(ChannelHandlerContext ctx, RestError e) {
        RestExchange ex = new RestExchange("GET", "", "", "", null, ip(ctx.channel().remoteAddress()));
        ex.error(e, new JsonWriter(256));
        engine.executor().execute(() -> {
            engine.addWeightHeader(ex);
            write(ctx, ex, false);
        });
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest req, String path, String rawQuery) {
        boolean combined;
        List<String> names = new ArrayList<>();
        if (path.equals("/ws") || path.startsWith("/ws/")) {
            combined = false;
            split(path.length() > 4 ? path.substring(4) : "", names);
        } else {
            combined = true;
            String streams = null;
            RequestParams params = RequestParams.parse(rawQuery, "");
            if (!params.failed()) {
                streams = params.raw("streams");
            }
            if (streams != null) {
                split(streams, names);
            }
        }
        List<StreamName> streams = new ArrayList<>(names.size());
        for (String n : names) {
            StreamName s = StreamName.parse(n);
            // Binance opens the connection for a path segment that names no stream (ccxt connects
            // to /ws/<n> and subscribes afterwards); such a segment subscribes to nothing.
            if (s != null) {
                streams.add(s);
            }
        }
        if (streams.size() > config.wsMaxStreams()) {
            rejectViaEngine(ctx, RestError.badRequest(-1101, "Too many streams; at most " + config.wsMaxStreams() + " per connection."));
            return;
        }
        req.retain();
        String wsUrl = "ws://" + req.headers().get(HttpHeaderNames.HOST, "127.0.0.1") + req.uri();
        engine.executor().execute(() -> {
            boolean keysActive = engine.listenKeysActive(streams);
            RestExchange refusal = new RestExchange("GET", "", "", "", null, ip(ctx.channel().remoteAddress()));
            if (!keysActive) {
                refusal.error(RestError.invalidListenKey(), new JsonWriter(256));
                engine.addWeightHeader(refusal);
            }
            try {
                ctx.channel().eventLoop().execute(() -> {
                    try {
                        if (!keysActive) {
                            write(ctx, refusal, false);
                        } else {
                            handshake(ctx, req, wsUrl, combined, streams);
                        }
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "WebSocket upgrade failed", e);
                        ctx.close();
                    } finally {
                        req.release();
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                req.release();
            }
        });
    }

    private void handshake(ChannelHandlerContext ctx, FullHttpRequest req, String wsUrl, boolean combined, List<StreamName> streams) {
        WebSocketServerHandshakerFactory factory = new WebSocketServerHandshakerFactory(wsUrl, null, false, config.maxWsFrameBytes());
        WebSocketServerHandshaker handshaker = factory.newHandshaker(req);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        int high = config.maxOutboundBytesPerConnection();
        ctx.channel().config().setWriteBufferWaterMark(new WriteBufferWaterMark(high / 2, high));
        WsConnection conn = new WsConnection(ctx.channel(), CONNECTION_IDS.incrementAndGet(), combined, high, stats);
        ChannelPipeline p = ctx.pipeline();
        handshaker.handshake(ctx.channel(), req).addListener(f -> {
            if (f.isSuccess()) {
                stats.wsConnectionsOpened.incrementAndGet();
                engine.executor().execute(() -> engine.open(conn, streams));
            } else {
                ctx.close();
            }
        });
        WsFrameHandler frames = new WsFrameHandler(conn, engine, config, stats);
        p.replace(this, "ws-frames", frames);
        p.addBefore("ws-frames", "ws-aggregator", new WebSocketFrameAggregator(config.maxWsFrameBytes()));
    }

    private static void split(String s, List<String> out) {
        int start = 0;
        while (start <= s.length()) {
            int slash = s.indexOf('/', start);
            int end = slash < 0 ? s.length() : slash;
            if (end > start) {
                out.add(s.substring(start, end));
            }
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
    }

    private static boolean isStreamPath(String path) {
        return path.equals("/ws") || path.startsWith("/ws/") || path.equals("/stream") || path.equals("/stream/");
    }

    private static boolean isUpgrade(FullHttpRequest req) {
        return req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    static String ip(SocketAddress a) {
        if (a instanceof InetSocketAddress isa && isa.getAddress() != null) {
            return isa.getAddress().getHostAddress();
        }
        return String.valueOf(a);
    }

    static byte[] notFoundHtml() {
        return NOT_FOUND_HTML.clone();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, "HTTP connection error", cause);
        ctx.close();
    }
}
