package io.ttquant.app.gateway;

import static io.ttquant.app.gateway.GatewayFixture.INS;
import static io.ttquant.app.gateway.GatewayFixture.STRATEGY;
import static io.ttquant.app.gateway.GatewayFixture.limitBuy;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.order.RejectReason;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.NewOrder;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.proto.OrderStatus;
import io.ttquant.transport.proto.OrderType;
import io.ttquant.transport.proto.PositionUpdate;
import io.ttquant.transport.proto.ReplaceOrder;
import io.ttquant.transport.proto.Side;
import io.ttquant.transport.proto.TimeInForce;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderGatewayTest {
    private GatewayFixture f;

    @BeforeEach
    void setUp() {
        f = new GatewayFixture();
        f.trade("100.00", "1");
    }

    @Test
    void shouldAcceptRestingLimitBuyThenFillItOnTradeThroughAndReportPosition() {
        assertThat(f.send(limitBuy("c1", "99.50", "2").build())).isEqualTo(CommandOutcome.ROUTED);

        ExecutionReport accepted = f.lastReport();
        assertThat(accepted.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_ACCEPTED);
        assertThat(accepted.getClientOrderId()).isEqualTo("c1");
        assertThat(accepted.getOrderId()).isPositive();
        assertThat(accepted.getLeavesQty()).isEqualTo(INS.qty("2"));
        assertThat(f.gateway.risk().openBuyQty(0, INS)).isEqualTo(INS.qty("2"));

        f.trade("99.80", "5");
        assertThat(f.reports()).hasSize(1); // still resting above the limit

        f.trade("99.40", "5");
        List<ExecutionEvent> events = f.events;
        assertThat(events).hasSize(3);
        ExecutionReport filled = events.get(1).getReport();
        assertThat(filled.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_FILLED);
        assertThat(filled.getLastFillQty()).isEqualTo(INS.qty("2"));
        assertThat(filled.getLastFillPrice()).isEqualTo(INS.price("99.50"));
        assertThat(filled.getCumulativeQty()).isEqualTo(INS.qty("2"));
        assertThat(filled.getLeavesQty()).isZero();
        assertThat(filled.getTradeId()).isPositive();

        PositionUpdate pos = events.get(2).getPosition();
        assertThat(pos.getStrategy()).isEqualTo(STRATEGY);
        assertThat(pos.getSymbol()).isEqualTo("BTCUSDT");
        assertThat(pos.getNetQty()).isEqualTo(INS.qty("2"));
        assertThat(pos.getAvgEntryPrice()).isEqualTo(INS.price("99.50"));
        assertThat(pos.getCostBasis()).isEqualTo(INS.notional(INS.price("99.50"), INS.qty("2")));

        assertThat(events).extracting(ExecutionEvent::getSequence).containsExactly(1L, 2L, 3L);
        assertThat(f.topics).containsOnly(STRATEGY);
        assertThat(f.gateway.risk().position(0, INS)).isEqualTo(INS.qty("2"));
        assertThat(f.gateway.risk().openOrders()).isZero();
        assertThat(f.gateway.position(STRATEGY, "BTCUSDT").netQty()).isEqualTo(INS.qty("2"));
        assertThat(f.gateway.fills()).isEqualTo(1);
    }

    @Test
    void shouldReportPartialFillsAndAverageThemIntoThePosition() {
        f.send(limitBuy("c1", "99.50", "2").build());
        f.trade("99.50", "1"); // a print at the limit fills at most its own quantity under TOUCH
        f.trade("99.00", "5"); // a print through the limit fills the rest
        List<ExecutionReport> reports = f.reports();
        assertThat(reports).extracting(ExecutionReport::getStatus).containsExactly(
                OrderStatus.ORDER_STATUS_ACCEPTED, OrderStatus.ORDER_STATUS_PARTIALLY_FILLED, OrderStatus.ORDER_STATUS_FILLED);
        assertThat(reports.get(1).getLastFillQty()).isEqualTo(INS.qty("1"));
        assertThat(reports.get(2).getLastFillQty()).isEqualTo(INS.qty("1"));
        assertThat(f.gateway.position(STRATEGY, "BTCUSDT").netQty()).isEqualTo(INS.qty("2"));
        assertThat(f.gateway.position(STRATEGY, "BTCUSDT").avgEntryPrice()).isEqualTo(INS.price("99.50"));
    }

    @Test
    void shouldAnswerRepeatedClientOrderIdWithExistingOrderInsteadOfCreatingASecond() {
        f.send(limitBuy("dup", "99.50", "1").build());
        long orderId = f.lastReport().getOrderId();

        CommandOutcome again = f.send(limitBuy("dup", "98.00", "3").build());

        assertThat(again).isEqualTo(CommandOutcome.DUPLICATE_ANSWERED);
        ExecutionReport answer = f.lastReport();
        assertThat(answer.getOrderId()).isEqualTo(orderId);
        assertThat(answer.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_ACCEPTED);
        assertThat(answer.getPrice()).isEqualTo(INS.price("99.50"));
        assertThat(answer.getQuantity()).isEqualTo(INS.qty("1"));
        assertThat(f.gateway.paperVenue().submitted()).isEqualTo(1);
        assertThat(f.gateway.risk().openOrders()).isEqualTo(1);
        assertThat(f.gateway.duplicates()).isEqualTo(1);
    }

    @Test
    void shouldAnswerRepeatedClientOrderIdWithFilledStateAfterFill() {
        f.send(limitBuy("dup", "99.50", "1").build());
        f.trade("99.00", "5");
        f.send(limitBuy("dup", "99.50", "1").build());
        assertThat(f.lastReport().getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_FILLED);
        assertThat(f.lastReport().getCumulativeQty()).isEqualTo(INS.qty("1"));
        assertThat(f.gateway.paperVenue().submitted()).isEqualTo(1);
    }

    @Test
    void shouldCancelOpenOrderAndReleaseItsExposure() {
        f.send(limitBuy("c1", "99.50", "2").build());

        assertThat(f.send(f.cancel("c1"))).isEqualTo(CommandOutcome.CANCEL_SENT);

        ExecutionReport canceled = f.lastReport();
        assertThat(canceled.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CANCELED);
        assertThat(canceled.getClientOrderId()).isEqualTo("c1");
        assertThat(canceled.getLeavesQty()).isZero();
        assertThat(f.gateway.risk().openOrders()).isZero();
        assertThat(f.gateway.risk().openBuyQty(0, INS)).isZero();
        assertThat(f.gateway.paperVenue().openOrders()).isZero();
        f.trade("99.00", "5");
        assertThat(f.gateway.fills()).isZero();
    }

    @Test
    void shouldRefuseCancelOfUnknownOrFinishedOrder() {
        assertThat(f.send(f.cancel("nope"))).isEqualTo(CommandOutcome.CANCEL_REJECTED);
        assertThat(f.lastReport().getRejectCode()).isEqualTo(RejectReason.UNKNOWN_ORDER.code());

        f.send(limitBuy("c1", "99.50", "1").build());
        f.trade("99.00", "5");
        assertThat(f.send(f.cancel("c1"))).isEqualTo(CommandOutcome.CANCEL_REJECTED);
        assertThat(f.lastReport().getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_FILLED);
        assertThat(f.lastReport().getRejectCode()).isEqualTo(RejectReason.ORDER_NOT_OPEN.code());
        assertThat(f.gateway.paperVenue().cancelsSent()).isZero();
    }

    @Test
    void shouldRejectEachInvalidOrRiskyOrderWithItsCodeAndNeverReachTheVenue() {
        expectReject(b -> b.setSymbol("DOGEUSDT"), RejectReason.UNKNOWN_INSTRUMENT.code());
        expectReject(b -> b.setStrategy("ghost"), RejectReason.UNKNOWN_STRATEGY.code());
        expectReject(b -> b.setClientOrderId(""), RejectReason.INVALID_CLIENT_ORDER_ID.code());
        expectReject(b -> b.setClientOrderId("x".repeat(37)), RejectReason.INVALID_CLIENT_ORDER_ID.code());
        expectReject(b -> b.setVenue("binance"), RejectReason.UNKNOWN_VENUE.code());
        expectReject(b -> b.setSide(Side.SIDE_UNSPECIFIED), RejectReason.INVALID_SIDE.code());
        expectReject(b -> b.setSideValue(99), RejectReason.INVALID_SIDE.code());
        expectReject(b -> b.setType(OrderType.ORDER_TYPE_UNSPECIFIED), RejectReason.INVALID_ORDER_TYPE.code());
        expectReject(b -> b.setTypeValue(42), RejectReason.INVALID_ORDER_TYPE.code());
        expectReject(b -> b.setTimeInForce(TimeInForce.TIME_IN_FORCE_UNSPECIFIED), RejectReason.INVALID_TIME_IN_FORCE_VALUE.code());
        expectReject(b -> b.setPriceScale(8), RejectReason.SCALE_MISMATCH.code());
        expectReject(b -> b.setQtyScale(0), RejectReason.SCALE_MISMATCH.code());
        expectReject(b -> b.setQuantity(0), RejectReason.INVALID_QUANTITY.code());
        expectReject(b -> b.setQuantity(-5), RejectReason.INVALID_QUANTITY.code());
        expectReject(b -> b.setPrice(-100), RejectReason.INVALID_PRICE.code());
        expectReject(b -> b.setStopPrice(INS.price("90")), RejectReason.INVALID_PRICE.code());
        expectReject(b -> b.setType(OrderType.ORDER_TYPE_MARKET), RejectReason.INVALID_PRICE.code());
        expectReject(b -> b.setPrice(0), RejectReason.MISSING_PRICE.code());
        expectReject(b -> b.setPrice(INS.price("99.53")), RejectReason.PRICE_NOT_ON_TICK.code());
        expectReject(b -> b.setQuantity(INS.qty("0.002") + 1), RejectReason.QTY_NOT_ON_STEP.code());
        expectReject(b -> b.setQuantity(INS.qty("0.002")), RejectReason.NOTIONAL_BELOW_MIN.code());
        expectReject(b -> b.setQuantity(INS.qty("11")), RejectReason.MAX_ORDER_QTY_EXCEEDED.code());
        expectReject(b -> b.setQuantity(INS.qty("6")), RejectReason.MAX_POSITION_EXCEEDED.code());
        expectReject(b -> b.setPrice(INS.price("150.00")), RejectReason.PRICE_OUTSIDE_COLLAR.code());
        expectReject(b -> b.setReduceOnly(true), RejectReason.REDUCE_ONLY_WOULD_INCREASE.code());

        assertThat(f.gateway.paperVenue().submitted()).isZero();
        assertThat(f.gateway.risk().openOrders()).isZero();
        assertThat(f.gateway.rejections(RejectReason.INVALID_SIDE.code())).isEqualTo(2);
        assertThat(f.gateway.rejections(RejectReason.PRICE_OUTSIDE_COLLAR.code())).isEqualTo(1);
        assertThat(f.gateway.rejected()).isEqualTo(25);
    }

    @Test
    void shouldRejectNotionalAboveStrategyLimitAndKillSwitch() {
        f.trade("30000.00", "1");
        expectReject(b -> b.setPrice(INS.price("30000.00")), RejectReason.MAX_ORDER_NOTIONAL_EXCEEDED.code(),
                b -> b.setQuantity(INS.qty("5")));
        f.gateway.risk().engage("test", id -> { });
        expectReject(b -> b.setPrice(INS.price("30000.00")), RejectReason.KILL_SWITCH_ENGAGED.code());
        assertThat(f.gateway.paperVenue().submitted()).isZero();
    }

    @Test
    void shouldRefuseReplaceOfUnknownOrderAndEmptyCommand() {
        OrderCommand replace = OrderCommand.newBuilder().setReplaceOrder(ReplaceOrder.newBuilder()
                .setStrategy(STRATEGY).setClientOrderId("r2").setOrigClientOrderId("r1")).build();
        assertThat(f.send(replace)).isEqualTo(CommandOutcome.REJECTED);
        assertThat(f.lastReport().getRejectCode()).isEqualTo(RejectReason.UNKNOWN_ORDER.code());
        assertThat(f.lastReport().getClientOrderId()).isEqualTo("r2");

        assertThat(f.send(OrderCommand.newBuilder().setSequence(7).build())).isEqualTo(CommandOutcome.REJECTED);
        assertThat(f.lastReport().getRejectCode()).isEqualTo(RejectReason.EMPTY_COMMAND.code());
        assertThat(f.gateway.paperVenue().submitted()).isZero();
    }

    @Test
    void shouldRejectClientOrderIdsOutsideBinancesCharacterSet() {
        expectReject(b -> b.setClientOrderId("has space"), RejectReason.INVALID_CLIENT_ORDER_ID.code());
        expectReject(b -> b.setClientOrderId("ü"), RejectReason.INVALID_CLIENT_ORDER_ID.code());
        assertThat(f.send(limitBuy("A-z_0.9:/x", "99.50", "1").build())).isEqualTo(CommandOutcome.ROUTED);
        assertThat(f.send(limitBuy("x".repeat(36), "99.50", "1").build())).isEqualTo(CommandOutcome.ROUTED);
    }

    @Test
    void shouldEchoTheCommandOfAnUnknownStrategyInItsRejectionWithSequenceZero() {
        f.send(limitBuy("g1", "99.50", "1").setStrategy("ghost").build());
        ExecutionEvent event = f.events.get(f.events.size() - 1);
        assertThat(event.getSequence()).isZero();
        assertThat(event.getReport().getStrategy()).isEqualTo("ghost");
        assertThat(event.getReport().getClientOrderId()).isEqualTo("g1");
        assertThat(event.getReport().getPrice()).isEqualTo(INS.price("99.50"));
        assertThat(f.topics.get(f.topics.size() - 1)).isEqualTo("ghost");
        assertThat(f.sink.strategies.get(f.sink.strategies.size() - 1)).isEqualTo(-1);
    }

    @Test
    void shouldRefuseOrdersWhoseNotionalCannotBeComputedInsteadOfOverflowing() {
        expectReject(b -> b.setType(OrderType.ORDER_TYPE_MARKET).setPrice(0).setQuantity(Long.MAX_VALUE - 1),
                RejectReason.MAX_ORDER_NOTIONAL_EXCEEDED.code());
        expectReject(b -> b.setPrice(Long.MAX_VALUE / 100 * 100).setQuantity(INS.qty("1")),
                RejectReason.MAX_ORDER_NOTIONAL_EXCEEDED.code());
        assertThat(f.gateway.paperVenue().submitted()).isZero();
    }

    @Test
    void shouldAllowRetryOfClientOrderIdAfterRejection() {
        f.send(limitBuy("c1", "99.53", "1").build());
        assertThat(f.lastReport().getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_REJECTED);
        assertThat(f.send(limitBuy("c1", "99.50", "1").build())).isEqualTo(CommandOutcome.ROUTED);
        assertThat(f.lastReport().getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_ACCEPTED);
    }

    @SafeVarargs
    private void expectReject(UnaryOperator<NewOrder.Builder> change, int code, UnaryOperator<NewOrder.Builder>... more) {
        NewOrder.Builder b = change.apply(limitBuy("r" + f.events.size(), "99.50", "1"));
        for (UnaryOperator<NewOrder.Builder> m : more) {
            b = m.apply(b);
        }
        int before = f.events.size();
        assertThat(f.send(b.build())).as("outcome for code %d", code).isEqualTo(CommandOutcome.REJECTED);
        assertThat(f.events).hasSize(before + 1);
        ExecutionReport r = f.lastReport();
        assertThat(r.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_REJECTED);
        assertThat(r.getRejectCode()).as("reject code").isEqualTo(code);
        assertThat(r.getOrderId()).isZero();
    }
}
