package io.ttquant.bench.marketdata;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ttquant.app.marketdata.FeedPipeline;
import io.ttquant.app.marketdata.MarketDataConfig;
import io.ttquant.app.marketdata.MarketDataMetrics;
import io.ttquant.binance.book.BookCopies;
import io.ttquant.binance.stream.DecodeOutcome;
import io.ttquant.binance.stream.StreamEventSink;
import io.ttquant.binance.stream.StreamMessageDecoder;
import io.ttquant.binance.stream.SymbolTable;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.time.Clock;
import io.ttquant.core.time.SystemEpochClock;
import io.ttquant.transport.MarketDataPublisher;
import io.ttquant.transport.Topics;
import io.ttquant.transport.codec.MarketDataEncoder;
import io.ttquant.transport.zmq.ZmqPublisher;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.zeromq.ZContext;

/**
 * The market data hot path on one thread: a Binance combined-stream message (realistic mix, see
 * {@link BinanceMessageMix}) decoded without garbage, the local order book kept by Binance's
 * sequencing rules, trades sequenced, quotes de-duplicated, metrics counted, and every resulting
 * event published:
 * <ul>
 *   <li>{@code encode}: encoded to its Protobuf wire bytes with its topic, as the ZeroMQ publisher
 *       does just before the socket call (the zero-allocation claim is about this path);</li>
 *   <li>{@code zeromq}: sent on a real ZeroMQ PUB socket bound on 127.0.0.1 (JeroMQ allocates a
 *       message per frame; the gc profiler shows how much).</li>
 * </ul>
 * Run with {@code ./ttquant bench MarketDataPipelineBenchmarks -prof gc}; the score is messages
 * per second on one core.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@State(Scope.Benchmark)
public class MarketDataPipelineBenchmarks {
    @Param({"encode", "zeromq"})
    public String publish;

    private BinanceMessageMix mix;
    private FeedPipeline pipeline;
    private ZContext zmq;
    private ZmqPublisher zmqPublisher;
    private final Clock clock = SystemEpochClock.instance();

    @Setup(Level.Trial)
    public void setUp() {
        Instrument btc = Instruments.binanceSpot("BTCUSDT").withQtyScale(8);
        mix = new BinanceMessageMix("BTCUSDT", 100_000, 42);
        mix.startAt(100_000_000_001L);
        MarketDataPublisher target;
        if (publish.equals("zeromq")) {
            zmq = new ZContext(1);
            zmqPublisher = new ZmqPublisher(zmq, new ZmqPublisher.Config().endpoint("tcp://127.0.0.1:0").venue("binance"), clock);
            target = zmqPublisher;
        } else {
            target = new EncodingPublisher("binance", clock);
        }
        MarketDataMetrics metrics = new MarketDataMetrics(new PrometheusRegistry(), List.of(btc), clock);
        BookUpdate[] requested = new BookUpdate[1];
        pipeline = new FeedPipeline(List.of(btc), MarketDataConfig.TradeStream.AGG_TRADE, clock,
                instrument -> requested[0] = new BookUpdate(), (instrument, fromId, limit) -> {
                    throw new IllegalStateException("the mix never skips a trade id");
                }, target, metrics, new StreamEventSink() {
                });
        BookUpdate snapshot = snapshot(btc, mix.snapshotJson());
        while (requested[0] == null) {
            if (message() != DecodeOutcome.EVENT) {
                throw new IllegalStateException("a message did not decode");
            }
        }
        pipeline.onSnapshot(0, snapshot);
        for (int i = 0; i < 200_000; i++) {
            message();
        }
        if (!pipeline.book(0).isLive() || pipeline.book(0).resyncsTotal() != 0) {
            throw new IllegalStateException("the book did not stay in sync: " + pipeline.book(0).state());
        }
    }

    private static BookUpdate snapshot(Instrument btc, String json) {
        BookUpdate copy = new BookUpdate();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        DecodeOutcome o = new StreamMessageDecoder(new SymbolTable(List.of(btc))).decode(bytes, 0, bytes.length, 0, btc,
                new StreamEventSink() {
                    @Override
                    public void onPartialDepth(BookUpdate top) {
                        BookCopies.copy(top, copy);
                    }
                });
        if (o != DecodeOutcome.EVENT) {
            throw new IllegalStateException("snapshot did not decode: " + o);
        }
        return copy;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (pipeline.book(0).resyncsTotal() != 0 || pipeline.decoder().stats().rejected() != 0) {
            throw new IllegalStateException("the pipeline rejected messages or resynced: " + pipeline.decoder().stats());
        }
        if (zmqPublisher != null) {
            zmqPublisher.close();
            zmq.close();
        }
    }

    /** One message through decode, book or sequencer, metrics and publish. */
    @Benchmark
    public DecodeOutcome message() {
        byte[] m = mix.next();
        return pipeline.onMessage(m, 0, m.length, clock.nanos());
    }

    /** The ZeroMQ publisher up to the socket: topic lookup, sequence number and Protobuf encoding. */
    static final class EncodingPublisher implements MarketDataPublisher {
        private final Topics topics;
        private final MarketDataEncoder encoder;
        private final Clock clock;
        private final long[] sequences = new long[64];
        long bytes;

        EncodingPublisher(String venue, Clock clock) {
            this.topics = new Topics(venue);
            this.encoder = new MarketDataEncoder(venue);
            this.clock = clock;
        }

        @Override
        public boolean publish(MarketEvent event) {
            int topic = topics.topicId(event.instrument(), event.kind());
            byte[] topicBytes = topics.marketDataBytes(event.instrument(), event.kind());
            bytes += topicBytes.length + encoder.encode(event, ++sequences[topic], clock.nanos());
            return true;
        }
    }
}
