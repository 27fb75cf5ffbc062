package io.ttquant.app.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.ttquant.app.gateway.GatewayConfig;
import io.ttquant.app.gateway.GatewayConfigFile;
import io.ttquant.app.gateway.GatewayService;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.time.Clock;
import io.ttquant.core.time.SystemEpochClock;
import io.ttquant.transport.proto.PositionUpdate;
import io.ttquant.transport.proto.StateSnapshot;
import io.ttquant.transport.zmq.ZmqPublisher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZContext;

/**
 * The engine as a process would run it, over ZeroMQ on 127.0.0.1: the real gateway service with the
 * paper venue, the strategy service running ema-cross, and a test publisher standing in for the
 * market data service (quotes and one-minute bars). The strategy syncs with the gateway, its orders
 * are accepted and filled, and its position is the gateway's. Every wait polls with a deadline.
 */
class StrategyServiceEndToEndTest {
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(20);
    private static final long MINUTE = 60_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldTradeEmaCrossThroughTheGatewayWithPositionsConsistentOnBothSides() throws Exception {
        Clock clock = SystemEpochClock.instance();
        try (ZContext zmq = new ZContext(1);
             ZmqPublisher marketData = new ZmqPublisher(zmq, new ZmqPublisher.Config().endpoint("tcp://127.0.0.1:0").venue("binance"),
                     clock)) {
            Path yaml = dir.resolve("gateway.yaml");
            Files.writeString(yaml, String.join("\n",
                    "gateway:",
                    "  orders: tcp://127.0.0.1:0",
                    "  executions: tcp://127.0.0.1:0",
                    "  marketdata: {endpoint: '" + marketData.endpoint() + "', venue: binance, kinds: [quote, bar]}",
                    "  paper: {fee-bps: 10}",
                    "  risk: {duplicate-window-ms: 0}         # ema-cross sends the same market order again within a second",
                    "  instruments: {BTCUSDT: {}}",
                    "  strategies: {alpha: {}}",
                    "  metrics: {port: -1}",
                    "  journal: {dir: journal}",
                    ""));
            GatewayConfig.Builder gb = GatewayConfig.builder();
            GatewayConfigFile.read(yaml, gb);
            try (GatewayService gateway = GatewayService.start(gb.build(), clock)) {
                assertThat(gateway.stateEndpoint()).as("a free port, as the order endpoint took one").doesNotEndWith(":0");
                StrategyEngineConfig config = StrategyEngineConfig.builder()
                        .ordersEndpoint("test", gateway.ordersEndpoint())
                        .executionsEndpoint("test", gateway.executionsEndpoint())
                        .stateEndpoint("test", gateway.stateEndpoint())
                        .marketDataEndpoint("test", marketData.endpoint())
                        .marketDataKinds("test", java.util.List.of("quote", "bar"))
                        .syncDelayMillis("test", "100")
                        .syncTimeoutMillis("test", "1000")
                        .metricsPort("test", "0")
                        .strategy("test", "alpha")
                        .strategyName("test", "alpha", "ema-cross")
                        .strategyParam("test", "alpha", "fast", "3")
                        .strategyParam("test", "alpha", "slow", "8")
                        .strategyParam("test", "alpha", "qty", "0.001")
                        .strategySymbol("test", "alpha", "BTCUSDT")
                        .strategyCash("test", "alpha", "USDT", "100000")
                        .build();
                Instrument btc = gateway.config().instruments().get(0);
                assertThat(config.instruments().get(0).qtyScale()).isEqualTo(btc.qtyScale());
                try (StrategyService engine = StrategyService.start(config, clock, System::nanoTime)) {
                    QuoteTick quote = new QuoteTick();
                    Bar bar = new Bar();
                    long base = clock.nanos() / MINUTE * MINUTE - 100 * MINUTE;
                    // Both sides subscribed (ZeroMQ's slow joiner), the strategy synced with the gateway.
                    awaitTrue("the engine is synced and both sides see quotes", () -> {
                        long now = clock.nanos();
                        marketData.publish(quote.set(btc, now, now, btc.price("29999"), btc.qty("5"), btc.price("30001"), btc.qty("5")));
                        return engine.inspect(e -> e.state("alpha") == StrategyEngine.State.ACTIVE
                                && e.host("alpha").bestAsk(e.host("alpha").instrument("BTCUSDT")) > 0).join()
                                && gatewayHasMarketData(gateway);
                    });
                    for (int k = 0; k < 60; k++) {
                        int phase = k % 20;
                        long close = btc.price("30000") + btc.price("50") * (phase < 10 ? phase : 20 - phase);
                        long open = base + k * MINUTE;
                        long t = open + MINUTE;
                        marketData.publish(quote.set(btc, t, t, close - btc.price("1"), btc.qty("5"), close + btc.price("1"), btc.qty("5")));
                        marketData.publish(bar.set(btc, open, MINUTE, close, close + btc.price("5"), close - btc.price("5"), close,
                                btc.qty("10")));
                        long expectedClose = close;
                        awaitTrue("bar " + k + " handled and its orders done", () -> engine.inspect(e -> {
                            Instrument ins = e.host("alpha").instrument("BTCUSDT");
                            return e.host("alpha").lastPrice(ins) == expectedClose && e.host("alpha").openOrders().isEmpty();
                        }).join());
                    }
                    long ordersSent = engine.inspect(e -> e.ordersSent("alpha")).get(5, TimeUnit.SECONDS);
                    long enginePosition = engine.inspect(e -> e.portfolio("alpha").position(e.host("alpha").instrument("BTCUSDT"))
                            .netQty()).get(5, TimeUnit.SECONDS);
                    long filledOrders = engine.inspect(e -> e.host("alpha").allOrders().stream().filter(o -> o.filledQty() > 0).count())
                            .get(5, TimeUnit.SECONDS);
                    assertThat(ordersSent).as("ema-cross traded the swings").isGreaterThanOrEqualTo(3);
                    String orders = engine.inspect(e -> e.host("alpha").allOrders().toString()).get(5, TimeUnit.SECONDS);
                    assertThat(filledOrders).as("every order was accepted and filled: " + orders).isEqualTo(ordersSent);
                    StateSnapshot atGateway = gateway.stateSnapshot("alpha", 1).get(5, TimeUnit.SECONDS);
                    PositionUpdate p = atGateway.getPositionsList().get(0);
                    assertThat(p.getNetQty()).isEqualTo(enginePosition);
                    assertThat(atGateway.getOpenOrdersCount()).isZero();
                    assertThat(engine.inspect(e -> e.positionMismatches("alpha") + e.unknownReports("alpha")).get(5, TimeUnit.SECONDS))
                            .isZero();

                    engine.sampleMetrics().get(5, TimeUnit.SECONDS);
                    String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(engine.metricsUrl())).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    assertThat(metrics).contains("ttquant_strategy_orders_sent_total{strategy=\"alpha\"}")
                            .contains("ttquant_strategy_state{state=\"active\",strategy=\"alpha\"} 1.0")
                            .contains("ttquant_strategy_orders_sent_total{strategy=\"alpha\"} " + (double) ordersSent)
                            .contains("ttquant_strategy_callback_latency_seconds_bucket{strategy=\"alpha\"");
                }
            }
        }
    }

    private static boolean gatewayHasMarketData(GatewayService gateway) {
        gateway.sampleMetrics().join();
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

    private static void awaitTrue(String what, BooleanSupplier condition) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < DEADLINE_NANOS) {
            if (condition.getAsBoolean()) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        throw new AssertionError("not within the deadline: " + what);
    }
}
