package io.ttquant.app.parity;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.ttquant.app.gateway.GatewayConfig;
import io.ttquant.app.gateway.GatewayConfigFile;
import io.ttquant.app.gateway.GatewayService;
import io.ttquant.app.marketdata.MarketDataConfig;
import io.ttquant.app.marketdata.MarketDataService;
import io.ttquant.app.strategy.StrategyEngineConfig;
import io.ttquant.app.strategy.StrategyService;
import io.ttquant.core.data.FileFormat;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.time.Clock;
import io.ttquant.transport.zmq.ZmqPublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.zeromq.ZContext;

/**
 * The live pipeline of the parity test, each service as its own object in this JVM and all of them
 * talking ZeroMQ over TCP on 127.0.0.1 (ports 0): the market data service replaying a recorded file
 * (at speed 0, paced by a {@link LockStepPublisher} that publishes on two PUB sockets, one the
 * gateway subscribes to and one the engine subscribes to), the gateway service with the paper
 * venue configured from YAML as {@code ttquant gateway} would read it (journal in a temporary
 * folder), and the strategy service running the strategy under test by its catalog name plus an
 * {@link EventCounter}. Every service runs on the one {@link EventClock}; callbacks are timed with a
 * clock that stands still (callback budgets are not what this test is about). An
 * {@link ExecutionTap} listens to the strategy's execution reports. Built on the test's thread,
 * which owns the tap; {@link #close()} stops everything, the replay first.
 */
final class LivePipeline implements AutoCloseable {
    static final String STRATEGY = "alpha";
    static final String COUNTER = "counter";
    /** The symbol only the counter trades: the probes' (ZeroMQ subscriptions) and nothing else's. */
    static final String PROBE_SYMBOL = "ETHUSDT";

    final EventClock clock;
    final ZContext zmq = new ZContext(1);
    final ZmqPublisher toGateway;
    final ZmqPublisher toEngine;
    final GatewayService gateway;
    final ExecutionTap tap;
    final StrategyService engine;
    final LockStepPublisher lockStep;
    MarketDataService marketData;

    /**
     * Starts the gateway and the engine; {@link #replay} then starts the market data service.
     *
     * @param paperYaml the gateway's {@code paper:} section, e.g. {@code {fee-bps: 10, latency-ms: 5}}
     * @param params    the strategy's parameters
     */
    LivePipeline(Path dir, long startNanos, String paperYaml, String strategyName, Map<String, String> params, String cash)
            throws Exception {
        clock = new EventClock(startNanos);
        try {
            toGateway = publisher();
            toEngine = publisher();
            gateway = GatewayService.start(gatewayConfig(dir, toGateway.endpoint(), paperYaml), clock);
            tap = new ExecutionTap(zmq, gateway.executionsEndpoint(), STRATEGY);
            StrategyEngineConfig.Builder eb = StrategyEngineConfig.builder()
                    .ordersEndpoint("test", gateway.ordersEndpoint())
                    .executionsEndpoint("test", gateway.executionsEndpoint())
                    .stateEndpoint("test", gateway.stateEndpoint())
                    .marketDataEndpoint("test", toEngine.endpoint())
                    .marketDataKinds("test", List.of("bar"))
                    .qtyScale("test", String.valueOf(PipelineParityTest.QTY_SCALE))
                    .takerFeeBps("test", String.valueOf(gateway.config().paper().takerFeePpm() / 100))
                    .marketBufferBps("test", String.valueOf(PipelineParityTest.MARKET_BUFFER_PPM / 100))
                    .syncDelayMillis("test", "0")
                    .metricsPort("test", "-1")
                    .idleParkMicros("test", "20")
                    .strategy("test", STRATEGY)
                    .strategyName("test", STRATEGY, strategyName)
                    .strategySymbol("test", STRATEGY, PipelineParityTest.SYMBOL)
                    .strategyCash("test", STRATEGY, PipelineParityTest.QUOTE, cash)
                    .strategy("test", COUNTER)
                    .strategyClass("test", COUNTER, EventCounter.class.getName())
                    .strategySymbol("test", COUNTER, PipelineParityTest.SYMBOL)
                    .strategySymbol("test", COUNTER, PROBE_SYMBOL)
                    .strategyCash("test", COUNTER, PipelineParityTest.QUOTE, "1");
            for (Map.Entry<String, String> p : params.entrySet()) {
                eb.strategyParam("test", STRATEGY, p.getKey(), p.getValue());
            }
            Clock standingStill = () -> 0L;
            engine = StrategyService.start(eb.build(), clock, standingStill);
            lockStep = new LockStepPublisher(clock, toGateway, toEngine, new LockStepPublisher.StateReader() {
                @Override
                public PipelineState read(long requestId) throws Exception {
                    return PipelineState.read(gateway, engine, STRATEGY, COUNTER, requestId);
                }

                @Override
                public boolean gatewayGotMarketData() throws Exception {
                    return gatewayDecodedMarketData();
                }
            }, probe(startNanos));
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** Starts the market data service replaying {@code file} ({@code format}) through the lock-step. */
    void replay(Instrument instrument, Path file, FileFormat format) {
        marketData = MarketDataService.start(MarketDataConfig.builder()
                .instrument(instrument)
                .replay(instrument.symbol(), file)
                .replayFormat(format)
                .speed(0)
                .metrics("127.0.0.1", -1)
                .build(), clock, List.of(lockStep));
    }

    private ZmqPublisher publisher() {
        return new ZmqPublisher(zmq, new ZmqPublisher.Config().endpoint("tcp://127.0.0.1:0").venue("binance"), clock);
    }

    private static GatewayConfig gatewayConfig(Path dir, String marketData, String paperYaml) throws Exception {
        Path yaml = dir.resolve("gateway.yaml");
        Files.writeString(yaml, String.join("\n",
                "gateway:",
                "  orders: tcp://127.0.0.1:0",
                "  executions: tcp://127.0.0.1:0",
                "  marketdata: {endpoint: '" + marketData + "', venue: binance, qty-scale: " + PipelineParityTest.QTY_SCALE
                        + ", kinds: [bar]}",
                "  paper: " + paperYaml,
                "  risk: {duplicate-window-ms: 0}",
                "  instruments: {" + PipelineParityTest.SYMBOL + ": {}, " + PROBE_SYMBOL + ": {}}",
                "  strategies: {" + STRATEGY + ": {}, " + COUNTER + ": {}}",
                "  metrics: {port: -1}",
                "  idle-park-us: 20",
                "  journal: {dir: journal}",
                ""));
        GatewayConfig.Builder b = GatewayConfig.builder();
        GatewayConfigFile.read(yaml, b);
        return b.build();
    }

    /** A flat one-minute probe bar of the probe symbol closing at {@code time}, before any recorded event. */
    private Bar probe(long time) {
        Instrument eth = null;
        for (Instrument i : gateway.config().instruments()) {
            if (i.symbol().equals(PROBE_SYMBOL)) {
                eth = i;
            }
        }
        long minute = TimeUnit.MINUTES.toNanos(1);
        long price = eth.price("2000");
        Bar bar = new Bar().set(eth, time - minute, minute, price, price, price, price, eth.qty("1"));
        bar.stampReceiveTime(time);
        return bar;
    }

    private boolean gatewayDecodedMarketData() throws Exception {
        gateway.sampleMetrics().get(10, TimeUnit.SECONDS);
        for (MetricSnapshot s : gateway.registry().scrape()) {
            if (s instanceof CounterSnapshot c && c.getMetadata().getName().equals("ttquant_gateway_marketdata_messages")) {
                for (CounterSnapshot.CounterDataPointSnapshot d : c.getDataPoints()) {
                    if ("ok".equals(d.getLabels().get("outcome")) && d.getValue() > 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (lockStep != null) {
            lockStep.stop();
        }
        if (marketData != null) {
            marketData.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (tap != null) {
            tap.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (toEngine != null) {
            toEngine.close();
        }
        if (toGateway != null) {
            toGateway.close();
        }
        zmq.close();
    }
}
