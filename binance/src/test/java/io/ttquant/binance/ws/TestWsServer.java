package io.ttquant.binance.ws;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny Binance-like combined-stream WebSocket server on 127.0.0.1 for the behaviours the
 * simulator cannot show on demand: it pings with a payload and records the pongs, goes silent,
 * sends fragmented messages, and publishes a numbered stream ({@code seq@test}, one number every
 * few milliseconds to every connection subscribed, all on one thread) so a test can prove no
 * number is lost across a connection switch.
 *
 * <p>Test-only. One I/O thread owns every connection. It answers SUBSCRIBE, UNSUBSCRIBE and
 * LIST_SUBSCRIPTIONS like Binance and records every text message with its arrival time.
 */
final class TestWsServer implements AutoCloseable {
    static final String SEQ = "seq@test";
    private static final Pattern METHOD = Pattern.compile("\"method\":\"([A-Z_]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern PARAMS = Pattern.compile("\"params\":\\[([^\\]]*)\\]");

    /** One accepted connection as the server sees it. */
    static final class Conn {
        final int index;
        final Channel channel;
        final String uri;
        final Set<String> streams = ConcurrentHashMap.newKeySet();
        final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final List<Long> textArrivalNanos = new CopyOnWriteArrayList<>();
        final LinkedBlockingQueue<String> pongs = new LinkedBlockingQueue<>();
        volatile boolean closed;

        Conn(int index, Channel channel, String uri) {
            this.index = index;
            this.channel = channel;
            this.uri = uri;
        }
    }

    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup worker = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    final List<Conn> conns = new CopyOnWriteArrayList<>();
    private final Channel server;
    private volatile boolean muted;
    private long seq;
    private ScheduledFuture<?> seqTask;

    TestWsServer() {
        WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder().websocketPath("/stream")
                .checkStartsWith(true).dropPongFrames(false).handleCloseFrames(true).build();
        server = new ServerBootstrap().group(boss, worker).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler(ws), new Handler());
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Publishes {@code {"stream":"seq@test","data":{"n":N}}} every {@code periodMillis}, N counting from 1. */
    void startSequence(long periodMillis) {
        // The worker group has one thread: the numbers reach every connection from that thread, in order.
        seqTask = worker.next().scheduleAtFixedRate(this::publishNext, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void publishNext() {
        if (muted) {
            return;
        }
        seq++;
        String text = "{\"stream\":\"" + SEQ + "\",\"data\":{\"n\":" + seq + "}}";
        for (Conn c : conns) {
            if (!c.closed && c.streams.contains(SEQ)) {
                c.channel.writeAndFlush(new TextWebSocketFrame(text));
            }
        }
    }

    /** Sends {@code data} on {@code stream} to every connection subscribed to it. */
    void publish(String stream, String data) {
        String text = "{\"stream\":\"" + stream + "\",\"data\":" + data + "}";
        for (Conn c : conns) {
            if (!c.closed && c.streams.contains(stream)) {
                c.channel.writeAndFlush(new TextWebSocketFrame(text));
            }
        }
    }

    /** While muted the server sends nothing at all: no data, no answers. */
    void mute(boolean m) {
        muted = m;
    }

    void ping(Conn c, String payload) {
        c.channel.writeAndFlush(new PingWebSocketFrame(Unpooled.copiedBuffer(payload, StandardCharsets.UTF_8)));
    }

    /** Sends {@code parts} as one fragmented text message, with a ping between the first two fragments. */
    void sendFragmented(Conn c, String pingPayload, String... parts) {
        c.channel.eventLoop().execute(() -> {
            for (int i = 0; i < parts.length; i++) {
                ByteBuf b = Unpooled.copiedBuffer(parts[i], StandardCharsets.UTF_8);
                boolean last = i == parts.length - 1;
                c.channel.write(i == 0 ? new TextWebSocketFrame(last, 0, b) : new ContinuationWebSocketFrame(last, 0, b));
                if (i == 0 && pingPayload != null) {
                    c.channel.write(new PingWebSocketFrame(Unpooled.copiedBuffer(pingPayload, StandardCharsets.UTF_8)));
                }
            }
            c.channel.flush();
        });
    }

    /** Closes every open connection with a close frame, as a server going away would. */
    void closeAll() {
        for (Conn c : conns) {
            if (!c.closed) {
                c.channel.writeAndFlush(new CloseWebSocketFrame(1001, "going away")).addListener(f -> c.channel.close());
            }
        }
    }

    List<Conn> open() {
        List<Conn> out = new ArrayList<>();
        for (Conn c : conns) {
            if (!c.closed) {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (seqTask != null) {
            seqTask.cancel(false);
        }
        server.close().syncUninterruptibly();
        worker.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Handler extends SimpleChannelInboundHandler<WebSocketFrame> {
        private Conn conn;

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete hc) {
                conn = new Conn(conns.size() + 1, ctx.channel(), hc.requestUri());
                List<String> streams = new QueryStringDecoder(hc.requestUri()).parameters().get("streams");
                if (streams != null) {
                    for (String s : streams.get(0).split("/")) {
                        if (!s.isEmpty()) {
                            conn.streams.add(s);
                        }
                    }
                }
                conns.add(conn);
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof PongWebSocketFrame) {
                conn.pongs.add(frame.content().toString(StandardCharsets.UTF_8));
            } else if (frame instanceof TextWebSocketFrame t) {
                String text = t.text();
                conn.textArrivalNanos.add(System.nanoTime());
                conn.texts.add(text);
                if (!muted) {
                    answer(ctx, text);
                }
            }
        }

        private void answer(ChannelHandlerContext ctx, String text) {
            Matcher m = METHOD.matcher(text);
            Matcher id = ID.matcher(text);
            if (!m.find() || !id.find()) {
                return;
            }
            List<String> params = new ArrayList<>();
            Matcher p = PARAMS.matcher(text);
            if (p.find()) {
                for (String s : p.group(1).split(",")) {
                    String name = s.trim().replace("\"", "");
                    if (!name.isEmpty()) {
                        params.add(name);
                    }
                }
            }
            String result = "null";
            switch (m.group(1)) {
                case "SUBSCRIBE" -> conn.streams.addAll(params);
                case "UNSUBSCRIBE" -> params.forEach(conn.streams::remove);
                case "LIST_SUBSCRIPTIONS" -> {
                    StringBuilder b = new StringBuilder("[");
                    for (String s : conn.streams) {
                        b.append(b.length() > 1 ? "," : "").append('"').append(s).append('"');
                    }
                    result = b.append(']').toString();
                }
                default -> result = "null";
            }
            ctx.writeAndFlush(new TextWebSocketFrame("{\"result\":" + result + ",\"id\":" + id.group(1) + "}"));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (conn != null) {
                conn.closed = true;
            }
            ctx.fireChannelInactive();
        }
    }
}
