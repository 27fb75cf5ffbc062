package io.ttquant.bench.pipeline;

import io.ttquant.app.strategy.StrategyEngine;
import io.ttquant.bench.sim.LoadFlags;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.time.Clock;
import io.ttquant.core.time.SystemEpochClock;
import io.ttquant.transport.zmq.ZmqPublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.zeromq.ZContext;

/**
 * Tick-to-trade latency of the whole pipeline (issue 7): a market trade leaves the market data side,
 * the strategy engine's {@link TickToTradeStrategy} answers it with a marketable order, the gateway
 * decodes it and runs its risk checks ((i): the order passed them, timed by {@link AcceptClock}),
 * the paper venue fills it and the fill travels back to the strategy's {@code onFill} ((ii)). Both
 * intervals are measured from the {@link System#nanoTime()} just before the trade is handed to the
 * publisher, per event, at a fixed rate after a warm-up, into HdrHistograms; it prints p50, p99,
 * p99.9 and max, and the machine.
 *
 * <ul>
 *   <li>{@code --mode inproc}: one JVM, one thread ({@link InProcessPipeline}): in-process bus →
 *       engine → FrameRing → gateway → RingExecutionSink → engine.</li>
 *   <li>{@code --mode zmq}: three JVMs over TCP on 127.0.0.1: this one publishes the trades on a
 *       ZeroMQ PUB socket (paced by parking, so that it takes no core from the others); the
 *       gateway ({@link PipelineGatewayProcess}) and the strategy engine
 *       ({@link PipelineEngineProcess}, the real {@code StrategyService}) run as child JVMs on this
 *       classpath, their loops parking when idle ({@code --idle park}, the default) or spinning;
 *       the children write their timestamps to files the benchmark joins at the end (nanoTime is
 *       one clock on one host).</li>
 * </ul>
 *
 * <pre>java -cp bench/target/benchmarks.jar io.ttquant.bench.pipeline.TickToTrade --mode zmq --rate 10000 --duration 30</pre>
 */
public final class TickToTrade {
    private static final String USAGE = """
            usage: TickToTrade [flags]
              --mode inproc|zmq   one JVM on one thread, or three JVMs over TCP loopback (default inproc)
              --rate 10000        market events per second
              --warmup 10         seconds of events before measuring
              --duration 30       seconds of events measured
              --idle park|spin    how the gateway's and the engine's loops wait when idle (zmq; default park:
                                  spinning children starve ZeroMQ's I/O threads unless each has a core of its own)
            """;
    private static final List<String> CHILD_JVM = List.of("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch");

    private TickToTrade() {
    }

    public static void main(String[] args) throws Exception {
        LoadFlags f = new LoadFlags(args, USAGE, "mode", "rate", "warmup", "duration", "idle");
        String mode = f.string("mode", "inproc");
        int rate = f.integer("rate", 10_000);
        int warmup = f.integer("warmup", 10);
        int duration = f.integer("duration", 30);
        String idle = f.string("idle", "park");
        if (rate < 1 || warmup < 0 || duration < 1 || !mode.matches("inproc|zmq") || !idle.matches("spin|park")) {
            throw new IllegalArgumentException("bad flags\n" + USAGE);
        }
        int events = Math.toIntExact((long) rate * (warmup + duration));
        long firstMeasured = (long) rate * warmup;
        System.out.println(LatencyReport.machine());
        System.out.printf(Locale.ROOT, "mode %s, %d events/s, %d s warm-up + %d s measured%s%n", mode, rate, warmup, duration,
                mode.equals("zmq") ? ", children idle " + idle : "");
        LatencyReport report = mode.equals("inproc") ? inProcess(rate, events, firstMeasured) : zmq(rate, events, firstMeasured, idle);
        report.print(mode.equals("inproc") ? "one JVM, one thread" : "three JVMs over TCP loopback, " + idle);
    }

    private static LatencyReport inProcess(int rate, int events, long firstMeasured) {
        Clock clock = SystemEpochClock.instance();
        InProcessPipeline pipeline = new InProcessPipeline(clock, System::nanoTime, events + 1_000);
        pipeline.doWork();
        if (pipeline.engine.state(PipelineSetup.STRATEGY) != StrategyEngine.State.ACTIVE) {
            throw new IllegalStateException("the strategy did not sync with the gateway: "
                    + pipeline.engine.syncProblem(PipelineSetup.STRATEGY));
        }
        TradeTick trade = new TradeTick();
        long[] published = new long[events];
        Pacer pacer = new Pacer(rate, true);
        for (int k = 0; k < events; k++) {
            pacer.awaitEvent(k);
            PipelineSetup.trade(trade, k, clock.nanos());
            published[k] = System.nanoTime();
            pipeline.publish(trade);
            pipeline.doWork();
        }
        pacer.printAchieved(events);
        TickToTradeStrategy s = pipeline.strategy;
        System.out.printf(Locale.ROOT, "orders sent %d, refused by the engine %d, gateway fills %d, gateway refusals: %s%n", s.sent(),
                s.refused(), pipeline.gateway.fills(), pipeline.accept.rejections());
        LatencyReport report = new LatencyReport();
        long[][] left = s.leftOrders();
        report.join(published, left[0], Arrays.copyOf(pipeline.accept.acceptedNanos(), pipeline.accept.received()), left[1],
                firstMeasured);
        return report;
    }

    private static LatencyReport zmq(int rate, int events, long firstMeasured, String idle) throws Exception {
        Path dir = Files.createTempDirectory("ttquant-tick-to-trade");
        Path gatewayTimes = dir.resolve("gateway.times");
        Path engineTimes = dir.resolve("engine.times");
        String capacity = String.valueOf(events + 1_000);
        Clock clock = SystemEpochClock.instance();
        long[] published = new long[events];
        try (ZContext zmq = new ZContext(1);
             ZmqPublisher md = new ZmqPublisher(zmq, new ZmqPublisher.Config().endpoint("tcp://127.0.0.1:0")
                     .venue(PipelineSetup.VENUE), clock);
             ChildJvm gateway = new ChildJvm("gateway", PipelineGatewayProcess.class, CHILD_JVM, List.of("--marketdata",
                     md.endpoint(), "--out", gatewayTimes.toString(), "--capacity", capacity, "--idle", idle))) {
            String ready = gateway.await("READY", 60);
            try (ChildJvm engine = new ChildJvm("engine", PipelineEngineProcess.class, CHILD_JVM, List.of(
                    "--orders", ChildJvm.field(ready, "orders"), "--executions", ChildJvm.field(ready, "executions"),
                    "--state", ChildJvm.field(ready, "state"), "--marketdata", md.endpoint(), "--out", engineTimes.toString(),
                    "--capacity", capacity, "--idle", idle))) {
                engine.await("READY", 60);
                TradeTick trade = new TradeTick();
                Pacer pacer = new Pacer(rate, false);
                for (int k = 0; k < events; k++) {
                    pacer.awaitEvent(k);
                    PipelineSetup.trade(trade, k, clock.nanos());
                    published[k] = System.nanoTime();
                    if (!md.publish(trade)) {
                        published[k] = 0;
                    }
                }
                pacer.printAchieved(events);
                engine.stop();
                engine.await("DONE", 60);
            }
            gateway.stop();
            gateway.await("DONE", 60);
        }
        long[][] fromEngine = TimesFile.read(engineTimes);
        long[][] fromGateway = TimesFile.read(gatewayTimes);
        if (fromEngine[0].length != fromGateway[0].length) {
            System.out.printf(Locale.ROOT, "note: the engine sent %d orders, the gateway received %d%n", fromEngine[0].length,
                    fromGateway[0].length);
        }
        LatencyReport report = new LatencyReport();
        report.join(published, fromEngine[0], fromGateway[0], fromEngine[1], firstMeasured);
        return report;
    }

    /**
     * Releases event k at {@code start + k / rate}. Spinning, it waits out the time to the
     * nanosecond (the one-thread mode, whose thread has nothing else to do); parking, it leaves the
     * cores to the other processes and an event goes out up to some 60 µs late (a parked thread
     * wakes late), the rate held on average. A late event goes out at once; latency is timed from
     * the real publish time either way, and the achieved rate is printed.
     */
    private static final class Pacer {
        private final double periodNanos;
        private final boolean spin;
        private final long start;

        Pacer(int rate, boolean spin) {
            this.periodNanos = 1e9 / rate;
            this.spin = spin;
            this.start = System.nanoTime() + 1_000_000;
        }

        void awaitEvent(int k) {
            long due = start + (long) (k * periodNanos);
            for (long left; (left = due - System.nanoTime()) > 0; ) {
                if (spin) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(left);
                }
            }
        }

        void printAchieved(int events) {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "published %d events in %.2f s (%.0f/s)%n", events, seconds, events / seconds);
        }
    }
}
