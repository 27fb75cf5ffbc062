package io.ttquant.app.gateway;

import static io.ttquant.app.gateway.GatewayFixture.INS;
import static io.ttquant.app.gateway.GatewayFixture.STRATEGY;
import static io.ttquant.app.gateway.GatewayFixture.T0;
import static io.ttquant.app.gateway.GatewayFixture.limitBuy;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.risk.InstrumentLimits;
import io.ttquant.core.risk.RiskLimits;
import io.ttquant.core.risk.StrategyLimits;
import io.ttquant.transport.proto.CancelOrder;
import io.ttquant.transport.proto.OrderCommand;
import org.junit.jupiter.api.Test;

/**
 * The gateway's memory of client order ids is bounded: open orders are always remembered, terminal
 * ones only in a per-strategy window of the last N, oldest evicted first, together with their
 * lookup by gateway order id; so record storage, tables and pooled orders stop growing however many
 * orders pass (here a window of 1,000 and a quarter of a million orders stand for 100,000 and ten
 * million).
 */
class OrderGatewayIdempotencyWindowTest {
    private static final int WINDOW = 1_000;

    private final CountingSink sink = new CountingSink();
    private final PatchedFrame newOrder = new PatchedFrame(limitBuy("n" + PatchedFrame.DIGITS, "99.50", "1").build());
    private final PatchedFrame cancel = new PatchedFrame(OrderCommand.newBuilder().setCancelOrder(CancelOrder.newBuilder()
            .setStrategy(STRATEGY).setClientOrderId("n" + PatchedFrame.DIGITS)).build());
    private OrderGateway gateway;
    private OrderCommandIntake intake;
    private long now = T0;

    @Test
    void shouldKeepMemoryFlatAndForgetOnlyTheOldestTerminalIds() {
        setUp(50);
        run(1, 50_000);
        OrderRegistry registry = gateway.registry();
        int capacity = registry.capacity();
        long created = gateway.ordersCreated();

        run(50_001, 250_000);

        assertThat(registry.capacity()).as("record slots").isEqualTo(capacity);
        assertThat(gateway.ordersCreated()).as("order objects").isEqualTo(created);
        assertThat(gateway.rememberedOrders()).isEqualTo(WINDOW);
        assertThat(registry.terminalCount(0)).isEqualTo(WINDOW);
        assertThat(registry.evicted()).isEqualTo(250_000 - WINDOW);
        assertThat(gateway.risk().openOrders()).isZero();

        // Inside the window: answered with the final state, never a second order.
        long submitted = gateway.paperVenue().submitted();
        assertThat(send(newOrder.withIds(250_000, 0))).isEqualTo(CommandOutcome.DUPLICATE_ANSWERED);
        assertThat(send(newOrder.withIds(250_000 - WINDOW + 1, 0))).isEqualTo(CommandOutcome.DUPLICATE_ANSWERED);
        assertThat(gateway.orderStatus(STRATEGY, "n" + String.format("%012d", 250_000))).isEqualTo(OrderStatus.CANCELED);
        assertThat(gateway.paperVenue().submitted()).isEqualTo(submitted);
        // The oldest id just fell out of the window: it is free again, and so is its gateway order id.
        assertThat(gateway.orderStatus(STRATEGY, "n" + String.format("%012d", 250_000 - WINDOW))).isNull();
        assertThat(send(cancelById(1))).isEqualTo(CommandOutcome.CANCEL_REJECTED);
        assertThat(gateway.rejections(RejectReason.UNKNOWN_ORDER.code())).isEqualTo(1);
        assertThat(send(cancelById(250_000))).isEqualTo(CommandOutcome.CANCEL_REJECTED);
        assertThat(gateway.rejections(RejectReason.ORDER_NOT_OPEN.code())).isEqualTo(1);
        assertThat(send(newOrder.withIds(250_000 - WINDOW, 0))).isEqualTo(CommandOutcome.ROUTED);
    }

    @Test
    void shouldAlwaysRememberOpenOrdersHoweverManyTerminalOnesPass() {
        setUp(50);
        for (long id = 900_001; id <= 900_020; id++) {
            assertThat(send(newOrder.withIds(id, 0))).isEqualTo(CommandOutcome.ROUTED);
        }
        run(1, 20_000);

        assertThat(gateway.rememberedOrders()).isEqualTo(20 + WINDOW);
        for (long id = 900_001; id <= 900_020; id++) {
            assertThat(send(newOrder.withIds(id, 0))).isEqualTo(CommandOutcome.DUPLICATE_ANSWERED);
            assertThat(send(cancel.withIds(id, 0))).isEqualTo(CommandOutcome.CANCEL_SENT);
        }
        assertThat(gateway.risk().openOrders()).isZero();
        assertThat(gateway.paperVenue().openOrders()).isZero();
        assertThat(gateway.rememberedOrders()).isEqualTo(WINDOW);
    }

    private void run(long from, long to) {
        for (long id = from; id <= to; id++) {
            if (send(newOrder.withIds(id, 0)) != CommandOutcome.ROUTED || send(cancel.withIds(id, 0)) != CommandOutcome.CANCEL_SENT) {
                throw new AssertionError("order " + id + " was not routed and canceled");
            }
        }
    }

    private CommandOutcome send(PatchedFrame f) {
        return send(f.bytes);
    }

    private CommandOutcome send(byte[] frame) {
        now += 1_000;
        return intake.onFrame(frame, 0, frame.length, now);
    }

    private static byte[] cancelById(long orderId) {
        return OrderCommand.newBuilder().setCancelOrder(CancelOrder.newBuilder().setStrategy(STRATEGY).setOrderId(orderId))
                .build().toByteArray();
    }

    private void setUp(int maxOpenOrders) {
        RiskLimits limits = RiskLimits.builder()
                .instrument(InstrumentLimits.of(INS).build())
                .strategy(StrategyLimits.named(STRATEGY).maxOpenOrders(maxOpenOrders).build())
                .duplicateGuard(0, 16)
                .build();
        gateway = new OrderGateway(limits, OrderGateway.paperVenue(ExchangeConfig.defaults()), sink, GatewayObserver.NONE, WINDOW, T0);
        intake = new OrderCommandIntake(gateway);
        now += 1_000_000;
        gateway.onMarketData(new TradeTick().set(INS, now, now, INS.price("100.00"), INS.qty("1"), Side.SELL, 1));
    }
}
