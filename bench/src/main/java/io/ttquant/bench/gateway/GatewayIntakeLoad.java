package io.ttquant.bench.gateway;

import io.ttquant.app.gateway.OrderGateway;
import io.ttquant.app.gateway.ZmqExecutionPublisher;
import io.ttquant.app.gateway.ZmqGatewayTransport;
import io.ttquant.bench.sim.LoadFlags;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.time.Clock;
import io.ttquant.core.time.SystemEpochClock;
import io.ttquant.transport.zmq.ZmqPublisher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Order throughput through the gateway's ZeroMQ intake: one or more PUSH clients on 127.0.0.1,
 * each on its own thread, send a realistic mix at full speed (see {@link OrderMix}: per round a
 * limit buy resting away from the market, the cancel of the order sent {@value #CANCEL_LAG} rounds
 * earlier, and every fifth round a marketable order) to the gateway's PULL socket; the gateway
 * runs its duty cycle ({@link ZmqGatewayTransport#doWork}) on the main thread, with the real paper
 * venue and risk engine, and publishes every report on its PUB socket ({@link ZmqExecutionPublisher}).
 * With {@code --drain true}, a SUB on its own thread subscribes to the strategy's reports and reads them
 * all; without it no subscriber is connected and the PUB socket discards them. Prints the commands
 * the gateway processed per second, each second and over the whole measured run (target: 200,000/s
 * on 2 cores).
 *
 * <pre>java -cp bench/target/benchmarks.jar io.ttquant.bench.gateway.GatewayIntakeLoad [--clients 1] [--duration 10] [--drain true]</pre>
 */
public final class GatewayIntakeLoad {
    private static final String USAGE = """
            usage: GatewayIntakeLoad [flags]
              --clients 1      PUSH clients, each on its own thread
              --warmup 3       seconds before measuring
              --duration 10    seconds measured
              --batch 256      frames per gateway duty cycle
              --drain false    true: connect a SUB that reads every report; false: no subscriber
              --io-threads 1   ZeroMQ I/O threads of the one context all sockets share
            """;
    /** A resting order is canceled this many rounds after it was sent: about that many stay open. */
    static final int CANCEL_LAG = 100;

    private GatewayIntakeLoad() {
    }

    public static void main(String[] args) throws Exception {
        LoadFlags f = new LoadFlags(args, USAGE, "clients", "warmup", "duration", "batch", "drain", "io-threads");
        int clients = f.integer("clients", 1);
        int warmup = f.integer("warmup", 3);
        int duration = f.integer("duration", 10);
        int batch = f.integer("batch", 256);
        boolean drain = Boolean.parseBoolean(f.string("drain", "false"));
        int ioThreads = f.integer("io-threads", 1);
        Clock clock = SystemEpochClock.instance();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong drained = new AtomicLong();
        try (ZContext ctx = new ZContext(ioThreads)) {
            ZmqPublisher pub = new ZmqPublisher(ctx, new ZmqPublisher.Config().endpoint("tcp://127.0.0.1:0").venue("paper"), clock);
            ZmqExecutionPublisher sink = new ZmqExecutionPublisher(pub);
            OrderGateway gateway = PaperGatewayRig.gateway(sink, clock.nanos());
            try (ZmqGatewayTransport transport = new ZmqGatewayTransport(ctx, "tcp://127.0.0.1:0", gateway, batch)) {
                List<Thread> threads = new ArrayList<>();
                if (drain) {
                    threads.add(start("report-reader", () -> readReports(ctx, pub.endpoint(), running, drained)));
                    Thread.sleep(200); // the SUB connects before orders flow (ZeroMQ's slow joiner)
                }
                for (int c = 0; c < clients; c++) {
                    int lane = c;
                    threads.add(start("push-client-" + c, () -> sendOrders(ctx, transport.endpoint(), lane, running)));
                }
                long warmupEnd = System.nanoTime() + warmup * 1_000_000_000L;
                while (System.nanoTime() < warmupEnd) {
                    transport.doWork(clock.nanos());
                }
                long startFrames = transport.intake().frames();
                long startPublished = sink.published();
                long startDrained = drained.get();
                long start = System.nanoTime();
                long second = start;
                long secondFrames = startFrames;
                for (int s = 1; s <= duration; ) {
                    transport.doWork(clock.nanos());
                    long t = System.nanoTime();
                    if (t - second >= 1_000_000_000L) {
                        long frames = transport.intake().frames();
                        System.out.printf(Locale.ROOT, "second %2d: %,10.0f commands/s%n", s, (frames - secondFrames) * 1e9 / (t - second));
                        second = t;
                        secondFrames = frames;
                        s++;
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long frames = transport.intake().frames() - startFrames;
                long published = sink.published() - startPublished;
                long read = drained.get() - startDrained;
                running.set(false);
                System.out.printf(Locale.ROOT, "%d client(s), %s: %,d commands in %.2f s = %,.0f commands/s processed by the gateway;"
                                + " %,d reports published (%,.0f/s), %,d read by the subscriber meanwhile; malformed %d, refused %d, fills %d,"
                                + " open orders %d%n",
                        clients, drain ? "a SUB draining the reports" : "no subscriber (PUB discards the reports)", frames, seconds,
                        frames / seconds, published, published / seconds, read, transport.intake().malformed(),
                        gateway.rejected(), gateway.fills(), gateway.risk().openOrders());
                StringBuilder reasons = new StringBuilder();
                for (RejectReason r : RejectReason.values()) {
                    if (gateway.rejections(r.code()) > 0) {
                        reasons.append(' ').append(r).append('=').append(gateway.rejections(r.code()));
                    }
                }
                if (reasons.length() > 0) {
                    System.out.println("refused by reason:" + reasons);
                }
                // Let the clients see the flag: they may be blocked on a full PUSH queue, so keep draining.
                long stopBy = System.nanoTime() + 2_000_000_000L;
                while (System.nanoTime() < stopBy && threads.stream().anyMatch(Thread::isAlive)) {
                    transport.doWork(clock.nanos());
                }
            } finally {
                pub.close();
            }
        }
    }

    private static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Sends rounds of the mix as fast as the PUSH socket takes them. */
    private static void sendOrders(ZContext ctx, String endpoint, int lane, AtomicBoolean running) {
        ZMQ.Socket push = ctx.createSocket(SocketType.PUSH);
        push.setLinger(0);
        push.setSndHWM(100_000);
        push.connect(endpoint);
        OrderMix mix = PaperGatewayRig.mix(lane);
        long round = 0;
        long marketable = 0;
        while (running.get()) {
            round++;
            send(push, mix.resting(round));
            if (round > CANCEL_LAG) {
                send(push, mix.cancel(round - CANCEL_LAG));
            }
            if (round % 5 == 0) {
                send(push, mix.marketable(++marketable));
            }
        }
        ctx.destroySocket(push);
    }

    /** JeroMQ keeps a whole array it is given until its I/O thread sends it; the mix rewrites its arrays, so send a copy. */
    private static void send(ZMQ.Socket push, byte[] frame) {
        push.send(frame, 0, frame.length, 0);
    }

    private static void readReports(ZContext ctx, String endpoint, AtomicBoolean running, AtomicLong drained) {
        ZMQ.Socket sub = ctx.createSocket(SocketType.SUB);
        sub.setLinger(0);
        sub.setRcvHWM(1_000_000);
        sub.setReceiveTimeOut(100);
        sub.subscribe(("exec." + PaperGatewayRig.STRATEGY).getBytes(StandardCharsets.US_ASCII));
        sub.connect(endpoint);
        while (running.get()) {
            if (sub.recv() != null && sub.hasReceiveMore() && sub.recv() != null) {
                drained.incrementAndGet();
            }
        }
        ctx.destroySocket(sub);
    }
}
