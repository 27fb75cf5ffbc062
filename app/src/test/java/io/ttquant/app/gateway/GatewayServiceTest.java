package io.ttquant.app.gateway;

import static io.ttquant.app.gateway.GatewayServiceFixture.limit;
import static io.ttquant.app.gateway.GatewayServiceFixture.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ttquant.app.ServiceStartException;
import io.ttquant.app.marketdata.MarketDataConfig;
import io.ttquant.app.marketdata.MarketDataService;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.time.SystemEpochClock;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.OrderStatus;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway service end to end over real sockets on 127.0.0.1: market data in, orders in, reports out, metrics, kill switch. */
class GatewayServiceTest {
    @TempDir
    Path dir;

    @Test
    void shouldFillPaperOrdersAgainstBusMarketDataAndPublishReportsPositionsAndMetrics() throws Exception {
        try (GatewayServiceFixture f = new GatewayServiceFixture(dir)) {
            Instrument btc = f.btc;
            assertThat(btc.qtyScale()).as("quantities at the scale of Binance-protocol market data").isEqualTo(8);
            f.awaitMarketData("30000.00", "30001.00");

            ExecutionReport accepted = f.sendUntilReported(limit(btc, "alpha", "b1", Side.BUY, "30000.00", "0.001"));
            assertThat(accepted.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_ACCEPTED);
            assertThat(accepted.getQuantity()).isEqualTo(100_000L);
            assertThat(accepted.getQtyScale()).isEqualTo(8);

            f.publishTrade("29999.00", "0.5"); // a print through the resting buy fills it
            ExecutionReport filled = f.awaitReport(r -> r.getClientOrderId().equals("b1")
                    && r.getStatus() == OrderStatus.ORDER_STATUS_FILLED, "FILLED for b1");
            assertThat(filled.getLastFillQty()).isEqualTo(btc.qty("0.001"));
            assertThat(filled.getLastFillPrice()).isEqualTo(btc.price("30000.00"));
            ExecutionEvent position = f.awaitPositionUpdate("alpha", "BTCUSDT");
            assertThat(position.getPosition().getNetQty()).isEqualTo(btc.qty("0.001"));

            f.send(limit(btc, "alpha", "big", Side.BUY, "30000.00", "0.02"));
            ExecutionReport rejected = f.awaitReport(r -> r.getClientOrderId().equals("big"), "for the oversized order");
            assertThat(rejected.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_REJECTED);
            assertThat(rejected.getRejectCode()).isEqualTo(RejectReason.MAX_ORDER_QTY_EXCEEDED.code());

            String m = f.scrape();
            assertThat(metric(m, "ttquant_gateway_orders_received_total", "strategy", "alpha")).isGreaterThanOrEqualTo(2);
            assertThat(metric(m, "ttquant_gateway_orders_accepted_total", "strategy", "alpha")).isEqualTo(1);
            assertThat(metric(m, "ttquant_gateway_orders_rejected_total", "strategy", "alpha", "reason", "max_order_qty_exceeded"))
                    .isEqualTo(1);
            assertThat(metric(m, "ttquant_gateway_orders_rejected_total", "strategy", "beta", "reason", "max_order_qty_exceeded"))
                    .as("series exist before their first count").isZero();
            assertThat(metric(m, "ttquant_gateway_fills_total", "strategy", "alpha", "symbol", "BTCUSDT")).isEqualTo(1);
            assertThat(metric(m, "ttquant_gateway_order_to_ack_seconds_count")).isEqualTo(1);
            assertThat(metric(m, "ttquant_gateway_order_to_fill_seconds_count")).isEqualTo(1);
            assertThat(metric(m, "ttquant_gateway_position", "strategy", "alpha", "symbol", "BTCUSDT")).isEqualTo(0.001);
            assertThat(metric(m, "ttquant_gateway_position_notional", "strategy", "alpha", "symbol", "BTCUSDT"))
                    .isCloseTo(29.999, within(1e-9)); // marked at the last trade
            assertThat(metric(m, "ttquant_gateway_open_orders", "strategy", "alpha")).isZero();
            assertThat(metric(m, "ttquant_gateway_risk_state", "strategy", "alpha")).isZero();
            assertThat(metric(m, "ttquant_gateway_daily_pnl", "strategy", "alpha")).isLessThan(0); // fee and a mark below cost
            assertThat(metric(m, "ttquant_gateway_kill_switch")).isZero();
            assertThat(metric(m, "ttquant_gateway_venue_weight_used")).isZero();
            assertThat(metric(m, "ttquant_gateway_intake_frames_total")).isGreaterThanOrEqualTo(2);
            assertThat(metric(m, "ttquant_gateway_intake_malformed_total")).isZero();
            assertThat(metric(m, "ttquant_gateway_marketdata_messages_total", "outcome", "scale_mismatch")).isZero();
        }
    }

    @Test
    void shouldCancelOpenOrdersAndRefuseNewOnesWhileTheKillSwitchIsEngagedWithTheRightToken() throws Exception {
        try (GatewayServiceFixture f = new GatewayServiceFixture(dir)) {
            Instrument btc = f.btc;
            f.awaitMarketData("30000.00", "30001.00");
            assertThat(f.sendUntilReported(limit(btc, "alpha", "rest1", Side.BUY, "29500.00", "0.001")).getStatus())
                    .isEqualTo(OrderStatus.ORDER_STATUS_ACCEPTED);
            assertThat(f.sendUntilReported(limit(btc, "beta", "rest2", Side.SELL, "30500.00", "0.002")).getStatus())
                    .isEqualTo(OrderStatus.ORDER_STATUS_ACCEPTED);
            String url = f.service.adminUrl();

            GatewayAdminClient.Answer refused = new GatewayAdminClient(url, "not-the-token-0123456789").engageKillSwitch("x");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).doesNotContain("not-the-token").doesNotContain(GatewayServiceFixture.TOKEN);
            GatewayAdminClient admin = new GatewayAdminClient(url, GatewayServiceFixture.TOKEN);
            GatewayStatus status = f.service.status().get(10, TimeUnit.SECONDS);
            assertThat(status.killSwitch()).as("a refused request changes nothing").isFalse();
            assertThat(status.strategy("alpha").openOrders()).isEqualTo(1);
            assertThat(status.strategy("beta").openOrders()).isEqualTo(1);

            GatewayAdminClient.Answer engaged = admin.engageKillSwitch("desk says stop");
            assertThat(engaged.status()).as(engaged.body()).isEqualTo(200);
            assertThat(engaged.body()).contains("\"cancelsSent\":2").contains("desk says stop");
            f.awaitReport(r -> r.getClientOrderId().equals("rest1") && r.getStatus() == OrderStatus.ORDER_STATUS_CANCELED,
                    "CANCELED for rest1");
            f.awaitReport(r -> r.getClientOrderId().equals("rest2") && r.getStatus() == OrderStatus.ORDER_STATUS_CANCELED,
                    "CANCELED for rest2");

            f.send(limit(btc, "alpha", "blocked", Side.BUY, "29500.00", "0.001"));
            ExecutionReport blocked = f.awaitReport(r -> r.getClientOrderId().equals("blocked"), "for an order sent while killed");
            assertThat(blocked.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_REJECTED);
            assertThat(blocked.getRejectCode()).isEqualTo(RejectReason.KILL_SWITCH_ENGAGED.code());

            GatewayAdminClient.Answer statusAnswer = admin.status();
            assertThat(statusAnswer.status()).isEqualTo(200);
            assertThat(statusAnswer.body()).contains("\"engaged\" : true").contains("desk says stop").contains("\"alpha\"");
            String m = f.scrape();
            assertThat(metric(m, "ttquant_gateway_kill_switch")).isEqualTo(1);
            assertThat(metric(m, "ttquant_gateway_admin_unauthorized_total")).isEqualTo(1);
            assertThat(metric(m, "ttquant_gateway_orders_rejected_total", "strategy", "alpha", "reason", "kill_switch_engaged"))
                    .isEqualTo(1);
            assertThat(metric(m, "ttquant_gateway_open_orders", "strategy", "alpha")).isZero();

            GatewayAdminClient.Answer released = admin.releaseKillSwitch();
            assertThat(released.status()).isEqualTo(200);
            assertThat(released.body()).contains("\"wasEngaged\":true");
            f.send(limit(btc, "alpha", "again", Side.BUY, "29400.00", "0.001")); // another price: not a duplicate of rest1
            ExecutionReport again = f.awaitReport(r -> r.getClientOrderId().equals("again"), "for an order after release");
            assertThat(again.getStatus()).as(again.getRejectReason()).isEqualTo(OrderStatus.ORDER_STATUS_ACCEPTED);
        }
    }

    @Test
    void shouldAnswerUnauthorizedWithoutATokenAndNotFoundOrNotAllowedForOtherRequests() throws Exception {
        try (GatewayServiceFixture f = new GatewayServiceFixture(dir)) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.URI kill = java.net.URI.create(f.service.adminUrl() + "/admin/kill-switch");
            int noToken = http.send(java.net.http.HttpRequest.newBuilder(kill).POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
            assertThat(noToken).isEqualTo(401);
            int wrongMethod = http.send(java.net.http.HttpRequest.newBuilder(kill).GET()
                    .header(GatewayAdminEndpoint.TOKEN_HEADER, GatewayServiceFixture.TOKEN).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
            assertThat(wrongMethod).isEqualTo(405);
            int missing = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.service.adminUrl() + "/admin/nothing"))
                    .header(GatewayAdminEndpoint.TOKEN_HEADER, GatewayServiceFixture.TOKEN).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
            assertThat(missing).isEqualTo(404);
            var formBody = http.send(java.net.http.HttpRequest.newBuilder(kill)
                    .header(GatewayAdminEndpoint.TOKEN_HEADER, GatewayServiceFixture.TOKEN)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("reason=maintenance+window")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(formBody.statusCode()).isEqualTo(200);
            assertThat(f.service.status().get(10, TimeUnit.SECONDS).killReason()).isEqualTo("maintenance window");
            assertThat(metric(f.scrape(), "ttquant_gateway_admin_unauthorized_total")).isEqualTo(1);
        }
    }

    @Test
    void shouldNotStartTheAdminEndpointWithoutAToken() {
        GatewayConfig config = GatewayConfig.builder().journalDir(dir.resolve("journal-1")).strategy("--strategy", "alpha").ordersEndpoint("t", "tcp://127.0.0.1:0")
                .executionsEndpoint("t", "tcp://127.0.0.1:0").marketDataEndpoint("t", "none").metricsPort("t", "-1").build();
        try (GatewayService service = GatewayService.start(config, SystemEpochClock.instance())) {
            assertThat(service.adminUrl()).isNull();
            assertThat(service.metricsUrl()).isNull();
            assertThat(service.isRunning()).isTrue();
        }
    }

    @Test
    void shouldFailToStartWithOneLineWhenAPortIsInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            GatewayConfig orders = GatewayConfig.builder().journalDir(dir.resolve("journal-2")).strategy("--strategy", "alpha")
                    .ordersEndpoint("t", "tcp://127.0.0.1:" + port).executionsEndpoint("t", "tcp://127.0.0.1:0")
                    .marketDataEndpoint("t", "none").metricsPort("t", "-1").build();
            assertThatThrownBy(() -> GatewayService.start(orders, SystemEpochClock.instance()))
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageStartingWith("gateway did not start: cannot bind the order socket to tcp://127.0.0.1:" + port)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            GatewayConfig metrics = GatewayConfig.builder().journalDir(dir.resolve("journal-3")).strategy("--strategy", "alpha")
                    .ordersEndpoint("t", "tcp://127.0.0.1:0").executionsEndpoint("t", "tcp://127.0.0.1:0")
                    .marketDataEndpoint("t", "none").metricsPort("t", Integer.toString(port)).build();
            assertThatThrownBy(() -> GatewayService.start(metrics, SystemEpochClock.instance()))
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageContaining("cannot serve metrics on 127.0.0.1:" + port);
            GatewayConfig admin = GatewayConfig.builder().journalDir(dir.resolve("journal-4")).strategy("--strategy", "alpha")
                    .ordersEndpoint("t", "tcp://127.0.0.1:0").executionsEndpoint("t", "tcp://127.0.0.1:0")
                    .marketDataEndpoint("t", "none").metricsPort("t", "-1").adminPort("t", Integer.toString(port))
                    .adminToken(AdminToken.of(GatewayServiceFixture.TOKEN, "test")).build();
            assertThatThrownBy(() -> GatewayService.start(admin, SystemEpochClock.instance()))
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageContaining("cannot serve the admin endpoint on 127.0.0.1:" + port);
        }
    }

    @Test
    void shouldTakeMarketDataFromTheMarketDataServiceOnlyWhenTheQuantityScalesMatch() throws Exception {
        // Synthetic and replay sources publish the built-in step's decimals; Binance-protocol sources 8 decimals.
        Instrument builtIn = Instruments.binanceSpot("BTCUSDT");
        MarketDataConfig md = MarketDataConfig.builder().source(MarketDataConfig.Source.SYNTHETIC).instrument(builtIn)
                .speed(50).publishEndpoint("tcp://127.0.0.1:0").metrics("127.0.0.1", -1).build();
        try (MarketDataService marketData = MarketDataService.start(md, SystemEpochClock.instance(), List.of())) {
            GatewayConfig.Builder eight = GatewayConfig.builder().journalDir(dir.resolve("journal-5")).strategy("--strategy", "alpha").symbols("--symbols", List.of("BTCUSDT"))
                    .ordersEndpoint("t", "tcp://127.0.0.1:0").executionsEndpoint("t", "tcp://127.0.0.1:0")
                    .marketDataEndpoint("--marketdata", marketData.publishEndpoint()).metricsPort("t", "0");
            GatewayConfig.Builder step = GatewayConfig.builder().journalDir(dir.resolve("journal-6")).strategy("--strategy", "alpha").symbols("--symbols", List.of("BTCUSDT"))
                    .ordersEndpoint("t", "tcp://127.0.0.1:0").executionsEndpoint("t", "tcp://127.0.0.1:0")
                    .marketDataEndpoint("--marketdata", marketData.publishEndpoint()).metricsPort("t", "0")
                    .qtyScale("--qty-scale", "step");
            try (GatewayService atEight = GatewayService.start(eight.build(), SystemEpochClock.instance());
                 GatewayService atStep = GatewayService.start(step.build(), SystemEpochClock.instance())) {
                assertThat(atStep.config().instruments().get(0).qtyScale()).isEqualTo(builtIn.qtyScale());
                assertThat(awaitOutcome(atStep, "ok")).isPositive();
                assertThat(awaitOutcome(atEight, "scale_mismatch")).isPositive();
                assertThat(outcome(atEight, "ok")).as("nothing at another scale reaches the paper venue").isZero();
            }
        }
    }

    @Test
    void shouldAcceptMarketDataAtTheBinanceProtocolScaleByDefault() throws Exception {
        // What the market data service publishes for binance, testnet, sim and url sources: the venue's rules at 8 decimals.
        Instrument binance = Instruments.binanceSpot("BTCUSDT").withQtyScale(8);
        MarketDataConfig md = MarketDataConfig.builder().source(MarketDataConfig.Source.SYNTHETIC).instrument(binance)
                .speed(50).publishEndpoint("tcp://127.0.0.1:0").metrics("127.0.0.1", -1).build();
        try (MarketDataService marketData = MarketDataService.start(md, SystemEpochClock.instance(), List.of());
             GatewayService gateway = GatewayService.start(GatewayConfig.builder().journalDir(dir.resolve("journal-7")).strategy("--strategy", "alpha")
                     .symbols("--symbols", List.of("BTCUSDT")).ordersEndpoint("t", "tcp://127.0.0.1:0")
                     .executionsEndpoint("t", "tcp://127.0.0.1:0").marketDataEndpoint("--marketdata", marketData.publishEndpoint())
                     .metricsPort("t", "0").build(), SystemEpochClock.instance())) {
            assertThat(gateway.config().instruments().get(0).qtyScale()).isEqualTo(8);
            assertThat(awaitOutcome(gateway, "ok")).isPositive();
            assertThat(outcome(gateway, "scale_mismatch")).isZero();
        }
    }

    private static double awaitOutcome(GatewayService service, String outcome) throws Exception {
        long start = System.nanoTime();
        double v = 0;
        while (v == 0 && System.nanoTime() - start < GatewayServiceFixture.DEADLINE_NANOS) {
            v = outcome(service, outcome);
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L); // poll pace, not an assertion
        }
        return v;
    }

    private static double outcome(GatewayService service, String outcome) throws Exception {
        service.sampleMetrics().get(10, TimeUnit.SECONDS);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter.create().write(out, service.registry().scrape());
        return metric(out.toString(java.nio.charset.StandardCharsets.UTF_8), "ttquant_gateway_marketdata_messages_total",
                "outcome", outcome);
    }
}
