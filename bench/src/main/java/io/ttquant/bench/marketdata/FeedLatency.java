package io.ttquant.bench.marketdata;

import io.ttquant.app.marketdata.BinanceFeed;
import io.ttquant.app.marketdata.MarketDataConfig;
import io.ttquant.app.marketdata.MarketDataService;
import io.ttquant.bench.sim.InProcessSim;
import io.ttquant.bench.sim.LoadFlags;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.time.Clock;
import io.ttquant.core.time.SystemEpochClock;
import io.ttquant.sim.server.SimServer;
import io.ttquant.transport.MarketDataPublisher;
import io.ttquant.transport.zmq.ZmqPublisher;
import io.ttquant.transport.zmq.ZmqSubscriber;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.zeromq.ZContext;

/**
 * WebSocket receive to ZeroMQ publish latency of the live market data feed: the exchange simulator
 * streams BTCUSDT and ETHUSDT (aggTrade, bookTicker, depth@100ms, kline_1m) to the real
 * {@link BinanceFeed} over loopback; every event it publishes is timed from the moment its frame
 * was received (the time the feed stamps on it) to the moment the ZeroMQ send returned, with a
 * subscriber connected and reading. Prints the message rate and the latency percentiles
 * (HdrHistogram).
 *
 * <pre>java -cp bench/target/benchmarks.jar io.ttquant.bench.marketdata.FeedLatency [--intensity 2500] [--duration 30]</pre>
 */
public final class FeedLatency {
    private static final String USAGE = """
            usage: FeedLatency [flags]
              --intensity 2500   synthetic actions per second per symbol in the simulator (sets the message rate)
              --warmup 10        seconds before measuring
              --duration 30      seconds measured
              --sim-port PORT    use a simulator already running on 127.0.0.1:PORT (./ttquant exchange-sim) instead of one in this JVM
            """;

    private FeedLatency() {
    }

    public static void main(String[] args) throws Exception {
        LoadFlags f = new LoadFlags(args, USAGE, "intensity", "warmup", "duration", "sim-port");
        double intensity = f.decimal("intensity", 2_500);
        int warmup = f.integer("warmup", 10);
        int duration = f.integer("duration", 30);
        Clock clock = SystemEpochClock.instance();
        int simPort = f.integer("sim-port", 0);
        SimServer sim = simPort == 0 ? InProcessSim.start(intensity, 1) : null;
        String rest = sim != null ? sim.restUrl() : "http://127.0.0.1:" + simPort;
        String ws = sim != null ? sim.wsUrl() : "ws://127.0.0.1:" + simPort;
        TimedZmqPublisher publisher = new TimedZmqPublisher(clock);
        MarketDataConfig config = MarketDataConfig.builder().urls(rest, ws)
                .instrument(Instruments.binanceSpot("BTCUSDT")).instrument(Instruments.binanceSpot("ETHUSDT")).build();
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicLong received = new AtomicLong();
        try (MarketDataService service = MarketDataService.start(config, clock, List.of(publisher))) {
            String endpoint = service.onLoop(publisher::bind);
            Thread subscriber = new Thread(() -> {
                try (ZContext context = new ZContext(1);
                     ZmqSubscriber sub = new ZmqSubscriber(context, new ZmqSubscriber.Config().connect(endpoint).subscribe("md."))) {
                    ZmqSubscriber.MessageHandler count = (topic, topicLength, payload, payloadLength) -> received.incrementAndGet();
                    while (reading.get()) {
                        if (sub.receive(count)) {
                            sub.poll(count, 1_000);
                        }
                    }
                }
            }, "zmq-subscriber");
            subscriber.start();
            Thread.sleep(warmup * 1_000L);
            BinanceFeed feed = (BinanceFeed) service.feed();
            long framesBefore = service.onLoop(() -> feed.client().stats().framesDelivered());
            service.onLoop(() -> {
                publisher.histogram.reset();
                return null;
            });
            long start = System.nanoTime();
            Thread.sleep(duration * 1_000L);
            Histogram h = service.onLoop(() -> publisher.histogram.copy());
            long frames = service.onLoop(() -> feed.client().stats().framesDelivered()) - framesBefore;
            double seconds = (System.nanoTime() - start) / 1e9;
            reading.set(false);
            subscriber.join(2_000);
            System.out.printf(Locale.ROOT, "%s; feed received %.0f messages/s, published %.0f events/s%n",
                    sim != null ? String.format(Locale.ROOT, "simulator in this JVM at %.0f actions/s/symbol", intensity)
                            : "simulator at " + ws, frames / seconds, h.getTotalCount() / seconds);
            System.out.printf(Locale.ROOT, "receive -> ZeroMQ publish: p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us (%d events)%n",
                    h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3,
                    h.getMaxValue() / 1e3, h.getTotalCount());
            System.out.printf(Locale.ROOT, "subscriber received %d messages; publisher refused %d%n", received.get(),
                    service.onLoop(() -> publisher.zmq.refused()));
            service.onLoop(() -> {
                publisher.close();
                return null;
            });
        } finally {
            if (sim != null) {
                sim.close();
            }
        }
    }

    /** The ZeroMQ publisher, timing each event from its receive time to the return of the send. */
    private static final class TimedZmqPublisher implements MarketDataPublisher {
        final Histogram histogram = new Histogram(3_600_000_000_000L, 3);
        private final Clock clock;
        private ZContext context;
        ZmqPublisher zmq;

        TimedZmqPublisher(Clock clock) {
            this.clock = clock;
        }

        /** Binds the socket on the feed's thread, which is the only one that will use it. */
        String bind() {
            context = new ZContext(1);
            zmq = new ZmqPublisher(context, new ZmqPublisher.Config().endpoint("tcp://127.0.0.1:0").venue("binance"), clock);
            return zmq.endpoint();
        }

        @Override
        public boolean publish(MarketEvent event) {
            if (zmq == null) {
                return false;
            }
            boolean sent = zmq.publish(event);
            histogram.recordValue(Math.max(0, clock.nanos() - event.receiveTimeNanos()));
            return sent;
        }

        void close() {
            zmq.close();
            context.close();
        }
    }
}
