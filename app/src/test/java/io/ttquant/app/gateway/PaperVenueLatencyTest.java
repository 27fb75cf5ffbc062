package io.ttquant.app.gateway;

import static io.ttquant.app.gateway.GatewayFixture.INS;
import static io.ttquant.app.gateway.GatewayFixture.T0;
import static io.ttquant.app.gateway.GatewayFixture.limitBuy;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.exchange.LatencyModel;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.risk.InstrumentLimits;
import io.ttquant.core.risk.RiskLimits;
import io.ttquant.core.risk.StrategyLimits;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.proto.OrderStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaperVenueLatencyTest {
    private static final long LATENCY = 5_000_000;

    @Test
    void shouldHoldOrderUntilInjectedTimeCoversTheConfiguredLatencyWhileRiskAlreadyCountsIt() {
        List<ExecutionEvent> events = new ArrayList<>();
        RiskLimits limits = RiskLimits.builder()
                .instrument(InstrumentLimits.of(INS).maxPosition(INS.qty("1")).build())
                .strategy(StrategyLimits.named("alpha").build())
                .rejectWithoutReference(false)
                .duplicateGuard(0, 16)
                .build();
        OrderGateway gw = new OrderGateway(limits,
                ExchangeConfig.builder().latency(LatencyModel.constant(LATENCY)).build(),
                ExecutionSink.decoding((s, e) -> events.add(e)), T0);

        OrderCommand first = OrderCommand.newBuilder().setNewOrder(limitBuy("a", "99.50", "1")).build();
        assertThat(gw.onCommand(first, T0 + 1)).isEqualTo(CommandOutcome.ROUTED);
        assertThat(events).isEmpty();
        assertThat(gw.paperVenue().pendingArrivals()).isEqualTo(1);

        // The first order's exposure already counts, before the venue has acknowledged it.
        OrderCommand second = OrderCommand.newBuilder().setNewOrder(limitBuy("b", "99.50", "1")).build();
        assertThat(gw.onCommand(second, T0 + 2)).isEqualTo(CommandOutcome.REJECTED);
        assertThat(events.get(0).getReport().getRejectCode()).isEqualTo(RejectReason.MAX_POSITION_EXCEEDED.code());

        gw.onTime(T0 + LATENCY);
        assertThat(events).hasSize(1); // the rejection only
        gw.onTime(T0 + 1 + LATENCY);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).getReport().getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_ACCEPTED);
        assertThat(events.get(1).getReport().getEventTimeNs()).isEqualTo(T0 + 1 + LATENCY);
    }
}
