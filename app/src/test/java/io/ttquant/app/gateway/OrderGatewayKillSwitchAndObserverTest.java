package io.ttquant.app.gateway;

import static io.ttquant.app.gateway.GatewayFixture.INS;
import static io.ttquant.app.gateway.GatewayFixture.STRATEGY;
import static io.ttquant.app.gateway.GatewayFixture.T0;
import static io.ttquant.app.gateway.GatewayFixture.limitBuy;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.exchange.LatencyModel;
import io.ttquant.core.exchange.LimitFillRule;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.risk.InstrumentLimits;
import io.ttquant.core.risk.RiskLimits;
import io.ttquant.core.risk.StrategyLimits;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.NewOrder;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.proto.OrderStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kill switch cancels every order not yet terminal through the venue (acknowledged ones and
 * ones still on their way) and refuses new orders with KILL_SWITCH_ENGAGED until released; the
 * observer hears of every command with the strategy's number and the venue's latencies.
 */
class OrderGatewayKillSwitchAndObserverTest {
    private static final long LATENCY = 3_000_000;

    @Test
    void shouldCancelEveryOpenOrderAndRefuseNewOnesUntilReleased() {
        GatewayFixture f = new GatewayFixture(ExchangeConfig.builder().limitFillRule(LimitFillRule.TOUCH)
                .latency(LatencyModel.constant(LATENCY)).build(), 100);
        f.trade("100.00", "1");
        f.send(limitBuy("k1", "99.50", "1").build());
        f.send(limitBuy("k2", "99.00", "1").build());
        f.advance(LATENCY); // both acknowledged
        f.send(limitBuy("k3", "98.50", "1").build()); // still on its way
        assertThat(f.gateway.risk().openOrders()).isEqualTo(3);

        assertThat(f.gateway.engageKillSwitch("operator", f.now)).isEqualTo(3);
        assertThat(f.gateway.isKillSwitchEngaged()).isTrue();
        assertThat(f.send(limitBuy("k4", "99.50", "1").build())).isEqualTo(CommandOutcome.REJECTED);
        assertThat(f.lastReport().getRejectCode()).isEqualTo(RejectReason.KILL_SWITCH_ENGAGED.code());
        f.advance(2 * LATENCY);

        for (String id : new String[] {"k1", "k2", "k3"}) {
            List<ExecutionReport> reports = f.reports(id);
            assertThat(reports.get(reports.size() - 1).getStatus()).as(id).isEqualTo(OrderStatus.ORDER_STATUS_CANCELED);
        }
        assertThat(f.gateway.paperVenue().cancelsSent()).isEqualTo(3);
        assertThat(f.gateway.paperVenue().openOrders()).isZero();
        assertThat(f.gateway.risk().openOrders()).isZero();
        assertThat(f.gateway.engageKillSwitch("again", f.now)).isZero(); // nothing left to cancel
        assertThat(f.send(limitBuy("k5", "99.50", "1").build())).isEqualTo(CommandOutcome.REJECTED);

        f.gateway.releaseKillSwitch();
        assertThat(f.gateway.isKillSwitchEngaged()).isFalse();
        assertThat(f.send(limitBuy("k5", "99.50", "1").build())).isEqualTo(CommandOutcome.ROUTED);
        assertThat(f.gateway.paperVenue().submitted()).isEqualTo(4);
    }

    @Test
    void shouldTellTheObserverOfEachCommandWithItsStrategyAndTheVenuesLatencies() {
        RecordingObserver observer = new RecordingObserver();
        RiskLimits limits = RiskLimits.builder()
                .instrument(InstrumentLimits.of(INS).build())
                .strategy(StrategyLimits.named("first").build())
                .strategy(StrategyLimits.named(STRATEGY).build())
                .duplicateGuard(0, 16)
                .build();
        OrderGateway gw = new OrderGateway(limits, OrderGateway.paperVenue(ExchangeConfig.builder()
                .limitFillRule(LimitFillRule.TOUCH).latency(LatencyModel.constant(LATENCY)).build()),
                new RecordingSink(), observer, 100, T0);
        long t = T0 + 1_000;
        gw.onMarketData(new TradeTick().set(INS, t, t, INS.price("100.00"), INS.qty("1"), Side.SELL, 1));

        gw.onCommand(command(limitBuy("o1", "99.50", "1").build()), t + 10);
        gw.onCommand(command(limitBuy("o2", "99.53", "1").build()), t + 20);
        gw.onCommand(command(limitBuy("o3", "99.50", "1").setStrategy("nobody").build()), t + 30);
        gw.onTime(t + 10 + LATENCY);
        long fillTime = t + 10 + LATENCY + 5_000_000;
        gw.onMarketData(new TradeTick().set(INS, fillTime, fillTime, INS.price("99.00"), INS.qty("5"), Side.SELL, 2));

        assertThat(observer.events).containsExactly(
                "received 1",
                "routed 1 BTCUSDT",
                "received 1",
                "rejected 1 PRICE_NOT_ON_TICK",
                "received -1",
                "rejected -1 UNKNOWN_STRATEGY",
                "acknowledged 1 " + LATENCY,
                "fill 1 BTCUSDT " + INS.qty("1") + "@" + INS.price("99.50") + " first " + (LATENCY + 5_000_000));
    }

    private static OrderCommand command(NewOrder order) {
        return OrderCommand.newBuilder().setNewOrder(order).build();
    }

    /** Writes each callback down as a line. */
    private static final class RecordingObserver implements GatewayObserver {
        final List<String> events = new ArrayList<>();

        @Override
        public void onReceived(int strategy) {
            events.add("received " + strategy);
        }

        @Override
        public void onRouted(int strategy, Instrument instrument) {
            events.add("routed " + strategy + " " + instrument.symbol());
        }

        @Override
        public void onRejected(int strategy, RejectReason reason) {
            events.add("rejected " + strategy + " " + reason);
        }

        @Override
        public void onAcknowledged(int strategy, long latencyNanos) {
            events.add("acknowledged " + strategy + " " + latencyNanos);
        }

        @Override
        public void onFill(int strategy, Instrument instrument, long qty, long price, boolean firstFill, long latencyNanos) {
            events.add("fill " + strategy + " " + instrument.symbol() + " " + qty + "@" + price + (firstFill ? " first " : " ")
                    + latencyNanos);
        }
    }
}
