package io.ttquant.app.gateway;

import static io.ttquant.app.gateway.GatewayFixture.INS;
import static io.ttquant.app.gateway.GatewayFixture.T0;
import static io.ttquant.app.gateway.GatewayFixture.limitBuy;
import static io.ttquant.app.gateway.GatewayServiceFixture.metric;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.exchange.LimitFillRule;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.risk.InstrumentLimits;
import io.ttquant.core.risk.RiskLimits;
import io.ttquant.core.risk.StrategyLimits;
import io.ttquant.transport.proto.OrderCommand;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gateway's metrics fed by a real {@link OrderGateway} on this thread, scraped from the registry. */
class GatewayMetricsTest {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final GatewayMetrics metrics = new GatewayMetrics(registry, List.of("alpha", "beta"), List.of(INS));
    private final OrderGateway gateway = new OrderGateway(RiskLimits.builder()
            .instrument(InstrumentLimits.of(INS).maxOrderQty(INS.qty("10")).build())
            .strategy(StrategyLimits.named("alpha").build())
            .strategy(StrategyLimits.named("beta").build())
            .duplicateGuard(0, 16).rejectWithoutReference(false)
            .build(), OrderGateway.paperVenue(ExchangeConfig.builder().limitFillRule(LimitFillRule.TOUCH).build()),
            (strategy, name, nameOffset, nameLength, frame, offset, length) -> { }, metrics, T0);
    private final TradeTick trade = new TradeTick();
    private long now = T0;
    private long tradeId;
    private long seq;

    @Test
    void shouldCountCommandsRejectionsByReasonFillsAndLatenciesPerStrategy() {
        metrics.attach(gateway, null, null, null);
        send(limitBuy("a1", "100.00", "1").build());
        send(limitBuy("a2", "100.00", "20").build()); // above the instrument's max order quantity
        send(limitBuy("x1", "100.00", "1").setStrategy("nobody").build());
        send(limitBuy("b1", "99.00", "2").setStrategy("beta").build());
        now += 2_000_000_000L;
        gateway.onMarketData(trade.set(INS, now, now, INS.price("100.00"), INS.qty("5"), Side.SELL, ++tradeId));
        metrics.sample(now);

        String m = scrape();
        assertThat(metric(m, "ttquant_gateway_orders_received_total", "strategy", "alpha")).isEqualTo(2);
        assertThat(metric(m, "ttquant_gateway_orders_received_total", "strategy", "unknown")).isEqualTo(1);
        assertThat(metric(m, "ttquant_gateway_orders_accepted_total", "strategy", "alpha")).isEqualTo(1);
        assertThat(metric(m, "ttquant_gateway_orders_accepted_total", "strategy", "beta")).isEqualTo(1);
        assertThat(metric(m, "ttquant_gateway_orders_rejected_total", "strategy", "alpha", "reason", "max_order_qty_exceeded"))
                .isEqualTo(1);
        assertThat(metric(m, "ttquant_gateway_orders_rejected_total", "strategy", "unknown", "reason", "unknown_strategy"))
                .isEqualTo(1);
        assertThat(metric(m, "ttquant_gateway_fills_total", "strategy", "alpha", "symbol", "BTCUSDT")).isEqualTo(1);
        assertThat(metric(m, "ttquant_gateway_fills_total", "strategy", "beta", "symbol", "BTCUSDT")).isZero();
        assertThat(metric(m, "ttquant_gateway_order_to_ack_seconds_count")).isEqualTo(2);
        assertThat(metric(m, "ttquant_gateway_order_to_fill_seconds_count")).isEqualTo(1);
        assertThat(metric(m, "ttquant_gateway_order_to_fill_seconds_sum")).as("the fill came 2 s after the order")
                .isGreaterThanOrEqualTo(2.0).isLessThan(2.1);
        assertThat(metric(m, "ttquant_gateway_position", "strategy", "alpha", "symbol", "BTCUSDT")).isEqualTo(1.0);
        assertThat(metric(m, "ttquant_gateway_position_notional", "strategy", "alpha", "symbol", "BTCUSDT")).isEqualTo(100.0);
        assertThat(metric(m, "ttquant_gateway_open_orders", "strategy", "beta")).isEqualTo(1);
        assertThat(metric(m, "ttquant_gateway_open_orders", "strategy", "alpha")).isZero();
        assertThat(metric(m, "ttquant_gateway_risk_state", "strategy", "alpha")).isZero();
        assertThat(metric(m, "ttquant_gateway_kill_switch")).isZero();
        assertThat(metric(m, "ttquant_gateway_account_position", "symbol", "BTCUSDT")).isEqualTo(1.0);

        // beta's resting buy of 2 fills: the account holds both strategies' positions.
        now += 1_000_000_000L;
        gateway.onMarketData(trade.set(INS, now, now, INS.price("98.90"), INS.qty("5"), Side.SELL, ++tradeId));
        metrics.sample(now);
        m = scrape();
        assertThat(metric(m, "ttquant_gateway_position", "strategy", "beta", "symbol", "BTCUSDT")).isEqualTo(2.0);
        assertThat(metric(m, "ttquant_gateway_account_position", "symbol", "BTCUSDT")).isEqualTo(3.0);
    }

    @Test
    void shouldSampleGaugesAtMostOncePerIntervalOfTheInjectedClock() {
        metrics.attach(gateway, null, null, null);
        assertThat(metrics.sampleIfDue(now)).isTrue();
        gateway.engageKillSwitch("test", now);
        assertThat(metrics.sampleIfDue(now + GatewayMetrics.SAMPLE_INTERVAL_NANOS - 1)).isFalse();
        assertThat(metric(scrape(), "ttquant_gateway_kill_switch")).as("the old sample still stands").isZero();
        assertThat(metrics.sampleIfDue(now + GatewayMetrics.SAMPLE_INTERVAL_NANOS)).isTrue();
        assertThat(metric(scrape(), "ttquant_gateway_kill_switch")).isEqualTo(1);
        gateway.releaseKillSwitch();
        gateway.risk().setState(1, io.ttquant.core.risk.TradingState.HALTED);
        metrics.sample(now + 3 * GatewayMetrics.SAMPLE_INTERVAL_NANOS);
        assertThat(metric(scrape(), "ttquant_gateway_risk_state", "strategy", "beta")).isEqualTo(2);
    }

    @Test
    void shouldNotAllocateWhenObservingOrSamplingAfterWarmUp() {
        metrics.attach(gateway, null, null, null);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long allocated = 0;
        for (int round = 0; round < 6; round++) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 10_000; i++) {
                metrics.onReceived(i & 1);
                metrics.onReceived(-1);
                metrics.onRouted(0, INS);
                metrics.onRejected(1, RejectReason.MAX_POSITION_EXCEEDED);
                metrics.onRejected(-1, RejectReason.UNKNOWN_STRATEGY);
                metrics.onAcknowledged(0, i);
                metrics.onFill(1, INS, 1, 1, true, i * 1_000L);
                metrics.sample(now + i);
            }
            if (round >= 3) { // the first rounds warm up (class loading, compilation)
                allocated += threads.getThreadAllocatedBytes(thread) - before;
            }
        }
        // One allocation per observation would be at least 16 bytes x 30,000; the bound leaves room only for JIT noise.
        assertThat(allocated).as("bytes allocated by 30,000 rounds of observations and samples").isLessThan(1_000);
    }

    private void send(io.ttquant.transport.proto.NewOrder order) {
        now += 1_000;
        gateway.onCommand(OrderCommand.newBuilder().setSequence(++seq).setNewOrder(order).build(), now);
    }

    private String scrape() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
            return out.toString(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
