package io.ttquant.bench.sim;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.ttquant.sim.server.SimServer;
import org.HdrHistogram.Histogram;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Load generator for the simulator's order entry: N keep-alive HTTP/1.1 connections, each with a
 * fixed number of pipelined requests in flight, alternating a signed {@code POST /api/v3/order}
 * (a LIMIT buy far below the market, so it rests) and the signed {@code DELETE /api/v3/order}
 * that cancels it. Open orders therefore never exceed connections × pipeline depth, which must
 * stay under MAX_NUM_ORDERS (200).
 *
 * <p>Every response must be 200; any other status is counted by code and a few bodies are
 * printed. Requests are written as raw bytes (the client needs no HTTP encoder) and signed here
 * with HMAC-SHA256 over the query string, as Binance requires. All state of a connection lives on
 * its event loop; the main thread only reads it through tasks submitted to that loop.
 *
 * <p>Never run against a real exchange: it places orders as fast as the server answers.
 */
public final class OrderLoad {
    private static final String USAGE = """
            java -cp bench/target/benchmarks.jar io.ttquant.bench.sim.OrderLoad [flags]
              --url http://127.0.0.1:PORT   target a running simulator (default: start one in-process)
              --api-key K --api-secret S    credentials for --url (default: the in-process account)
              --connections 8               keep-alive connections
              --pipeline 16                 requests in flight per connection (HTTP/1.1 pipelining)
              --warmup 5 --duration 10      seconds
              --symbol BTCUSDT --price 30000.00 --qty 0.00100
              --resp-type ACK               newOrderRespType (ACK, RESULT, FULL, or DEFAULT to omit)
              --client-threads 1            client event-loop threads
              --server-io-threads 0         in-process server I/O threads (0: Netty's default)""";

    private static final int MAX_NUM_ORDERS = 200;

    private OrderLoad() {
    }

    public static void main(String[] args) throws Exception {
        LoadFlags f = new LoadFlags(args, USAGE, "url", "api-key", "api-secret", "connections", "pipeline", "warmup",
                "duration", "symbol", "price", "qty", "resp-type", "client-threads", "server-io-threads");
        int connections = f.integer("connections", 8);
        int pipeline = f.integer("pipeline", 16);
        int warmup = f.integer("warmup", 5);
        int duration = f.integer("duration", 10);
        if (connections < 1 || pipeline < 1 || connections * pipeline >= MAX_NUM_ORDERS) {
            throw new IllegalArgumentException("connections × pipeline must be 1.." + (MAX_NUM_ORDERS - 1)
                    + " to keep open orders under MAX_NUM_ORDERS");
        }
        String url = f.string("url", null);
        SimServer server = url == null ? InProcessSim.start(0, f.integer("server-io-threads", 0)) : null;
        URI base = URI.create(url == null ? server.restUrl() : url);
        String apiKey = f.string("api-key", InProcessSim.API_KEY);
        String secret = f.string("api-secret", InProcessSim.SECRET);
        String respType = f.string("resp-type", "ACK");
        OrderTemplate template = new OrderTemplate(f.string("symbol", "BTCUSDT"), f.string("price", "30000.00"),
                f.string("qty", "0.00100"), respType.equals("DEFAULT") ? null : respType,
                base.getHost() + ":" + base.getPort(), apiKey, secret);

        EventLoopGroup group = new MultiThreadIoEventLoopGroup(f.integer("client-threads", 1), NioIoHandler.newFactory());
        List<Connection> conns = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                Connection c = new Connection(i, pipeline, template);
                Channel ch = new Bootstrap().group(group).channel(NioSocketChannel.class)
                        .option(ChannelOption.TCP_NODELAY, true)
                        .handler(new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel sc) {
                                sc.pipeline().addLast(new HttpResponseDecoder()).addLast(c);
                            }
                        })
                        .connect(base.getHost(), base.getPort()).sync().channel();
                c.channel = ch;
                conns.add(c);
            }
            System.out.printf(Locale.ROOT, "target %s, %d connections × %d pipelined, newOrderRespType=%s, warm-up %d s, measure %d s%n",
                    base, connections, pipeline, respType, warmup, duration);
            for (Connection c : conns) {
                c.channel.eventLoop().execute(c::start);
            }
            TimeUnit.SECONDS.sleep(warmup);
            for (Connection c : conns) {
                c.channel.eventLoop().submit(c::reset).sync();
            }
            long t0 = System.nanoTime();
            TimeUnit.SECONDS.sleep(duration);
            Histogram all = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            long[] statuses = new long[600];
            List<String> samples = new ArrayList<>();
            for (Connection c : conns) {
                c.channel.eventLoop().submit(() -> c.drainInto(all, statuses, samples)).sync();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            report(all, statuses, samples, seconds);
            for (Connection c : conns) {
                c.channel.close().sync();
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            if (server != null) {
                server.close();
            }
        }
    }

    private static void report(Histogram h, long[] statuses, List<String> samples, double seconds) {
        long total = h.getTotalCount();
        long ok = statuses[200];
        System.out.printf(Locale.ROOT, "requests: %d in %.2f s = %.0f req/s (ok %d, non-200 %d)%n",
                total, seconds, total / seconds, ok, total - ok);
        System.out.printf(Locale.ROOT, "latency µs: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
        for (int s = 0; s < statuses.length; s++) {
            if (s != 200 && statuses[s] > 0) {
                System.out.printf(Locale.ROOT, "  status %d: %d%n", s, statuses[s]);
            }
        }
        for (String s : samples) {
            System.out.println("  sample: " + s);
        }
    }

    /** The fixed parts of every request, shared read-only by all connections. */
    private record OrderTemplate(String symbol, String price, String qty, String respType, String hostPort,
                                 String apiKey, String secret) {
    }

    /** One connection's duty: keep {@code depth} requests in flight, time each, count statuses. */
    private static final class Connection extends SimpleChannelInboundHandler<HttpObject> {
        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        private static final int MAX_SAMPLES = 5;

        private final int id;
        private final int depth;
        private final OrderTemplate t;
        private final Mac mac;
        private final byte[] digest = new byte[32];
        private final StringBuilder query = new StringBuilder(256);
        private final byte[] queryBytes = new byte[512];
        private final long[] sentAt;
        private final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        private final long[] statuses = new long[600];
        private final List<String> samples = new ArrayList<>();
        private Channel channel;
        private long sent;
        private long received;
        private int status;
        private StringBuilder errorBody;
        private boolean running;

        Connection(int id, int depth, OrderTemplate t) throws GeneralSecurityException {
            this.id = id;
            this.depth = depth;
            this.t = t;
            this.sentAt = new long[depth];
            this.mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(t.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        }

        void start() {
            running = true;
            while (sent - received < depth) {
                send();
            }
            channel.flush();
        }

        void reset() {
            histogram.reset();
            java.util.Arrays.fill(statuses, 0);
            samples.clear();
        }

        /** Stops sending and adds what was measured since {@link #reset()} into the totals. */
        void drainInto(Histogram all, long[] allStatuses, List<String> allSamples) {
            running = false;
            all.add(histogram);
            for (int i = 0; i < statuses.length; i++) {
                allStatuses[i] += statuses[i];
            }
            for (String s : samples) {
                if (allSamples.size() < MAX_SAMPLES) {
                    allSamples.add(s);
                }
            }
        }

        /** Even requests create order k of this connection, odd ones cancel it; both are pipelined in order. */
        private void send() {
            long n = sent;
            long k = n >>> 1;
            boolean create = (n & 1) == 0;
            StringBuilder q = query;
            q.setLength(0);
            q.append("symbol=").append(t.symbol());
            if (create) {
                q.append("&side=BUY&type=LIMIT&timeInForce=GTC&quantity=").append(t.qty())
                        .append("&price=").append(t.price()).append("&newClientOrderId=b").append(id).append('x').append(k);
                if (t.respType() != null) {
                    q.append("&newOrderRespType=").append(t.respType());
                }
            } else {
                q.append("&origClientOrderId=b").append(id).append('x').append(k);
            }
            q.append("&timestamp=").append(System.currentTimeMillis());
            int len = q.length();
            for (int i = 0; i < len; i++) {
                queryBytes[i] = (byte) q.charAt(i);
            }
            mac.update(queryBytes, 0, len);
            try {
                mac.doFinal(digest, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            q.append("&signature=");
            for (byte b : digest) {
                q.append((char) HEX[(b >> 4) & 0xF]).append((char) HEX[b & 0xF]);
            }
            q.insert(0, create ? "POST /api/v3/order?" : "DELETE /api/v3/order?");
            q.append(" HTTP/1.1\r\nHost: ").append(t.hostPort()).append("\r\nX-MBX-APIKEY: ").append(t.apiKey())
                    .append("\r\nContent-Length: 0\r\n\r\n");
            ByteBuf buf = channel.alloc().buffer(q.length());
            buf.writeCharSequence(q, StandardCharsets.US_ASCII);
            sentAt[(int) (n % depth)] = System.nanoTime();
            sent = n + 1;
            channel.write(buf, channel.voidPromise());
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (msg instanceof HttpResponse r) {
                status = r.status().code();
                errorBody = status != 200 && samples.size() < MAX_SAMPLES ? new StringBuilder() : null;
            }
            if (msg instanceof HttpContent c && errorBody != null) {
                errorBody.append(c.content().toString(StandardCharsets.UTF_8));
            }
            if (msg instanceof LastHttpContent) {
                long latency = System.nanoTime() - sentAt[(int) (received % depth)];
                received++;
                histogram.recordValue(Math.min(latency, histogram.getHighestTrackableValue()));
                statuses[status < statuses.length ? status : 599]++;
                if (errorBody != null) {
                    samples.add(status + " " + errorBody);
                    errorBody = null;
                }
                if (running) {
                    send();
                }
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (running) {
                System.err.println("connection " + id + " closed by the server after " + received + " responses");
                running = false;
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            System.err.println("connection " + id + ": " + cause);
            ctx.close();
        }
    }
}
