package io.ttquant.sim.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.ttquant.sim.market.Account;
import io.ttquant.sim.market.SimExchange;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Binance-compatible simulator's network server: REST under {@code /api/v3/...} and
 * WebSocket streams under {@code /ws/...} and {@code /stream?streams=...}, on one port of
 * 127.0.0.1. Netty I/O threads decode and encode; every exchange call runs on the single engine
 * thread ({@link SimEngine}), which also drives the synthetic market.
 *
 * <p>Binds the loopback address only, never a public interface. {@link #close()} stops accepting,
 * closes every connection and stops the engine; it is safe to call twice.
 */
public final class SimServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SimServer.class.getName());
    private static final String HOST = "127.0.0.1";

    private final SimServerConfig config;
    private final SimServerStats stats = new SimServerStats();
    private final SimEngine engine;
    private final Map<String, String> secrets;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel serverChannel;
    private int port = -1;
    private boolean closed;

    /** Call before the exchange is used by any other thread: the accounts' keys are read here. */
    public SimServer(SimExchange exchange, SimServerConfig config) {
        this.config = config;
        this.engine = new SimEngine(exchange, config, stats);
        Map<String, String> keys = new HashMap<>();
        for (Account a : exchange.accounts()) {
            keys.put(a.apiKey(), a.secret());
        }
        this.secrets = Map.copyOf(keys);
    }

    /**
     * Binds 127.0.0.1:{@code port} (0 picks a free port, see {@link #port()}) and starts the
     * engine. Throws {@link IllegalStateException} when the port cannot be bound.
     */
    public synchronized SimServer start(int port) {
        if (serverChannel != null || closed) {
            throw new IllegalStateException("server already started or closed");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(config.ioThreads(), NioIoHandler.newFactory());
        engine.start();
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        HttpDecoderConfig decoder = new HttpDecoderConfig()
                                .setMaxInitialLineLength(config.maxUriLength() + 32)
                                .setMaxHeaderSize(config.maxHeaderBytes());
                        ch.pipeline()
                                .addLast("http-codec", new HttpServerCodec(decoder))
                                .addLast("http-aggregator", new BoundedAggregator(config.maxBodyBytes(), engine))
                                .addLast("http", new HttpHandler(engine, config, stats, secrets));
                    }
                });
        try {
            serverChannel = b.bind(new InetSocketAddress(HOST, port)).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("cannot listen on " + HOST + ":" + port + ": " + e.getMessage(), e);
        }
        this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        LOG.log(System.Logger.Level.DEBUG, "exchange simulator listening on " + restUrl());
        return this;
    }

    /** The bound port (the ephemeral one when started with 0), -1 before {@link #start(int)}. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}, the REST base URL. */
    public String restUrl() {
        return "http://" + HOST + ":" + port;
    }

    /** {@code ws://127.0.0.1:PORT}, the WebSocket base URL ({@code /ws/<stream>}, {@code /stream?streams=}). */
    public String wsUrl() {
        return "ws://" + HOST + ":" + port;
    }

    public SimServerConfig config() {
        return config;
    }

    public SimServerStats stats() {
        return stats;
    }

    /**
     * Runs {@code task} on the engine thread and waits for its result: the only safe way for
     * another thread (a test, an admin tool) to look at or change the exchange while the server
     * runs.
     */
    public <T> T onEngine(Callable<T> task, long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        try {
            return engine.executor().submit(task).get(timeout, unit);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (boss != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        engine.stop();
    }

    /**
     * Aggregates a request's body up to the configured size; a larger one is answered 413 with
     * Binance-style error JSON and the connection closed.
     */
    private static final class BoundedAggregator extends HttpObjectAggregator {
        private final SimEngine engine;

        BoundedAggregator(int maxContentLength, SimEngine engine) {
            super(maxContentLength);
            this.engine = engine;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            RestExchange ex = new RestExchange("POST", "", "", "", null, HttpHandler.ip(ctx.channel().remoteAddress()));
            ex.error(RestError.of(413, -1101, "Too many parameters sent for this endpoint."), new JsonWriter(256));
            engine.executor().execute(() -> {
                engine.addWeightHeader(ex);
                byte[] body = ex.body;
                FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                        Unpooled.wrappedBuffer(body));
                resp.headers().set(HttpHeaderNames.CONTENT_TYPE, RestExchange.JSON);
                resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                for (int i = 0; i < ex.headerNames.size(); i++) {
                    resp.headers().set(ex.headerNames.get(i), ex.headerValues.get(i));
                }
                resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(resp).addListener(ChannelFutureListener.CLOSE);
            });
        }
    }
}
