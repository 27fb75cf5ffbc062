package io.ttquant.bench.sim;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.ttquant.sim.server.SimServer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Measures how many stream messages the simulator delivers to ONE WebSocket client: a combined
 * stream ({@code /stream?streams=...}) of every symbol × every stream kind, with the synthetic flow
 * raised so the server produces as much as it can. One text frame is one message; the count is
 * taken on the client, after the network and Netty's WebSocket decoder, so it is what a consumer
 * really receives; every message is classified by the stream name of its envelope, and the mix is
 * printed with one sample of each kind.
 *
 * <p>With {@code --serve SECONDS} it only runs the simulator (for a client in another process,
 * started with {@code --url}), so the client's and the server's JVMs do not share a heap and GC.
 * Pings are answered by Netty's protocol handler, so the server never drops the client for a
 * missing pong. The client skips UTF-8 validation of the payloads (the server writes only JSON it
 * encoded itself). The counters live on the client's event loop; the main thread reads them through
 * tasks submitted to it.
 */
public final class StreamLoad {
    private static final String USAGE = """
            java -cp bench/target/benchmarks.jar io.ttquant.bench.sim.StreamLoad [flags]
              --url ws://127.0.0.1:PORT     target a running simulator (default: start one in-process)
              --symbols BTCUSDT,ETHUSDT,... default: all six symbols with built-in rules
              --kinds trade,aggTrade,bookTicker,depth@100ms,depth20@100ms,kline_1m
              --intensity 60000             in-process synthetic actions per second per symbol (SimConfig allows up to 100000)
              --warmup 5 --duration 10      seconds
              --server-io-threads 1         in-process server I/O threads (0: Netty's default)
              --serve SECONDS               only run the in-process simulator that long and print its URL (no client)""";

    private StreamLoad() {
    }

    public static void main(String[] args) throws Exception {
        LoadFlags f = new LoadFlags(args, USAGE, "url", "symbols", "kinds", "intensity", "warmup", "duration",
                "server-io-threads", "serve");
        StringBuilder all = new StringBuilder();
        for (String[] s : InProcessSim.SYMBOLS) {
            all.append(all.length() == 0 ? "" : ",").append(s[0]);
        }
        String[] symbols = f.string("symbols", all.toString()).split(",");
        String[] kinds = f.string("kinds", "trade,aggTrade,bookTicker,depth@100ms,depth20@100ms,kline_1m").split(",");
        int warmup = f.integer("warmup", 5);
        int duration = f.integer("duration", 10);
        double intensity = f.decimal("intensity", 60_000);
        String url = f.string("url", null);
        int serve = f.integer("serve", 0);
        SimServer server = url == null ? InProcessSim.start(intensity, f.integer("server-io-threads", 1)) : null;
        if (serve > 0) {
            if (server == null) {
                throw new IllegalArgumentException("--serve runs the in-process simulator; it cannot be combined with --url");
            }
            System.out.printf(Locale.ROOT, "simulator at %s, intensity %.0f/s/symbol, for %d s%n", server.wsUrl(), intensity, serve);
            System.out.flush();
            TimeUnit.SECONDS.sleep(serve);
            printServerStats(server);
            server.close();
            return;
        }

        StringBuilder streams = new StringBuilder();
        for (String s : symbols) {
            for (String k : kinds) {
                streams.append(streams.length() == 0 ? "" : "/").append(s.toLowerCase(Locale.ROOT)).append('@').append(k);
            }
        }
        URI uri = URI.create((url == null ? server.wsUrl() : url) + "/stream?streams=" + streams);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        Counter counter = new Counter();
        try {
            WebSocketClientProtocolConfig ws = WebSocketClientProtocolConfig.newBuilder().webSocketUri(uri)
                    .maxFramePayloadLength(1 << 20).handshakeTimeoutMillis(10_000).withUTF8Validator(false).build();
            Channel ch = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.SO_RCVBUF, 1 << 20)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel sc) {
                            sc.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 16),
                                    new WebSocketClientProtocolHandler(ws), counter);
                        }
                    })
                    .connect(uri.getHost(), uri.getPort()).sync().channel();
            counter.handshake.await(10, TimeUnit.SECONDS);
            if (!counter.handshake.isSuccess()) {
                throw new IllegalStateException("WebSocket handshake failed: " + counter.handshake.cause());
            }
            System.out.printf(Locale.ROOT, "target %s: %d streams (%d symbols × %s), %s, warm-up %d s, measure %d s%n",
                    uri.getHost() + ":" + uri.getPort(), symbols.length * kinds.length, symbols.length,
                    String.join(",", kinds), server == null ? "simulator in another process"
                            : String.format(Locale.ROOT, "in-process simulator at %.0f actions/s/symbol", intensity),
                    warmup, duration);
            TimeUnit.SECONDS.sleep(warmup);
            long[] start = ch.eventLoop().submit(counter::read).get();
            long t0 = System.nanoTime();
            long[] prev = start;
            for (int s = 1; s <= duration; s++) {
                TimeUnit.NANOSECONDS.sleep(t0 + s * 1_000_000_000L - System.nanoTime());
                long[] now = ch.eventLoop().submit(counter::read).get();
                System.out.printf(Locale.ROOT, "  second %2d: %,9d msg/s  %,12d B/s%n", s, now[0] - prev[0], now[1] - prev[1]);
                prev = now;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long msgs = prev[0] - start[0];
            long bytes = prev[1] - start[1];
            System.out.printf(Locale.ROOT, "messages: %d in %.2f s = %.0f msg/s, %.1f MB/s, mean %.0f B/message%n",
                    msgs, seconds, msgs / seconds, bytes / seconds / 1e6, msgs == 0 ? 0.0 : (double) bytes / msgs);
            String mix = ch.eventLoop().submit(counter::mix).get();
            System.out.println(mix);
            if (server != null) {
                printServerStats(server);
            }
            if (!ch.isActive()) {
                System.err.println("the server closed the connection during the run");
            }
            ch.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            if (server != null) {
                server.close();
            }
        }
    }

    private static void printServerStats(SimServer server) {
        System.out.printf(Locale.ROOT, "server: messages sent %d, slow-consumer disconnects %d, flow time shed %d ms, "
                        + "ticks over budget %d%n", server.stats().messagesSent(), server.stats().slowConsumerDisconnects(),
                server.stats().flowSkippedMillis(), server.stats().flowBudgetExhausted());
    }

    /**
     * Counts text frames (one frame is one message) and their payload bytes, and classifies each
     * by the stream name of its combined envelope; runs on the event loop.
     */
    private static final class Counter extends SimpleChannelInboundHandler<WebSocketFrame> {
        private static final String[] KINDS = {"trade", "aggTrade", "bookTicker", "depth diff", "partial depth", "kline", "other"};
        private static final int PREFIX = "{\"stream\":\"".length();
        private ChannelPromise handshake;
        private long messages;
        private long bytes;
        private final long[] byKind = new long[KINDS.length];
        private final String[] samples = new String[KINDS.length];

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            handshake = ctx.newPromise();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                handshake.trySuccess();
            } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                handshake.tryFailure(new IllegalStateException("handshake timed out"));
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame) {
                ByteBuf c = frame.content();
                messages++;
                bytes += c.readableBytes();
                int kind = kind(c);
                if (byKind[kind]++ == 0) {
                    samples[kind] = c.toString(StandardCharsets.UTF_8);
                }
            }
        }

        /** The kind from the stream name: {@code {"stream":"<symbol>@<kind>...}. */
        private static int kind(ByteBuf c) {
            int from = c.readerIndex() + PREFIX;
            int end = c.writerIndex();
            int at = c.indexOf(from, Math.min(end, from + 32), (byte) '@');
            if (at < 0 || at + 6 >= end) {
                return KINDS.length - 1;
            }
            switch (c.getByte(at + 1)) {
                case 't':
                    return 0;
                case 'a':
                    return 1;
                case 'b':
                    return 2;
                case 'k':
                    return 5;
                case 'd':
                    byte next = c.getByte(at + 6);
                    return next == '@' || next == '"' ? 3 : 4;
                default:
                    return KINDS.length - 1;
            }
        }

        String mix() {
            StringBuilder sb = new StringBuilder("mix since the start:");
            for (int i = 0; i < KINDS.length; i++) {
                if (byKind[i] > 0) {
                    sb.append(String.format(Locale.ROOT, " %s %.1f%%", KINDS[i], 100.0 * byKind[i] / Math.max(1, messages)));
                }
            }
            for (int i = 0; i < KINDS.length; i++) {
                if (samples[i] != null) {
                    String s = samples[i];
                    sb.append("\n  e.g. ").append(s.length() > 300 ? s.substring(0, 300) + "..." : s);
                }
            }
            return sb.toString();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            handshake.tryFailure(cause);
            System.err.println("stream client: " + cause);
            ctx.close();
        }

        long[] read() {
            return new long[] {messages, bytes};
        }
    }
}
