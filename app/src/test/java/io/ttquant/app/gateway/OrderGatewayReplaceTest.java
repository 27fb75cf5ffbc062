package io.ttquant.app.gateway;

import static io.ttquant.app.gateway.GatewayFixture.INS;
import static io.ttquant.app.gateway.GatewayFixture.STRATEGY;
import static io.ttquant.app.gateway.GatewayFixture.limitBuy;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.exchange.LatencyModel;
import io.ttquant.core.exchange.LimitFillRule;
import io.ttquant.core.order.RejectReason;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.OrderStatus;
import io.ttquant.transport.proto.ReplaceOrder;
import io.ttquant.transport.proto.OrderCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replace follows Binance's cancel-replace with STOP_ON_FAILURE: the original is canceled through
 * the venue and the replacement goes out only once the venue confirms the cancel; a replace that
 * fails its checks leaves the original alone; a cancel that fails (the original filled first)
 * rejects the replacement with ORDER_NOT_OPEN and nothing new reaches the venue.
 */
class OrderGatewayReplaceTest {
    private static final long LATENCY = 2_000_000;

    @Test
    void shouldCancelTheOriginalThenSubmitTheReplacementWithItsNewTermsAndReportBothIds() {
        GatewayFixture f = new GatewayFixture();
        f.trade("100.00", "1");
        f.send(limitBuy("c1", "99.50", "2").build());
        long originalId = f.lastReport().getOrderId();

        assertThat(f.send(f.replace("c2", "c1", "99.00", "1"))).isEqualTo(CommandOutcome.REPLACE_SENT);

        ExecutionReport canceled = last(f.reports("c1"));
        assertThat(canceled.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CANCELED);
        assertThat(canceled.getOrderId()).isEqualTo(originalId);
        ExecutionReport accepted = last(f.reports("c2"));
        assertThat(accepted.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_ACCEPTED);
        assertThat(accepted.getOrderId()).isNotEqualTo(originalId).isPositive();
        assertThat(accepted.getPrice()).isEqualTo(INS.price("99.00"));
        assertThat(accepted.getQuantity()).isEqualTo(INS.qty("1"));
        assertThat(accepted.getSide()).isEqualTo(canceled.getSide());
        assertThat(accepted.getType()).isEqualTo(canceled.getType());
        assertThat(accepted.getTimeInForce()).isEqualTo(canceled.getTimeInForce());
        assertThat(accepted.getSymbol()).isEqualTo(canceled.getSymbol());
        assertThat(f.gateway.paperVenue().submitted()).isEqualTo(2);
        assertThat(f.gateway.paperVenue().openOrders()).isEqualTo(1);
        assertThat(f.gateway.risk().openOrders()).isEqualTo(1);
        assertThat(f.gateway.risk().openBuyQty(0, INS)).isEqualTo(INS.qty("1"));
        assertThat(f.gateway.risk().passedReplaces()).isEqualTo(1);

        f.trade("98.90", "5"); // fills the replacement at its own price
        assertThat(last(f.reports("c2")).getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_FILLED);
        assertThat(last(f.reports("c2")).getLastFillPrice()).isEqualTo(INS.price("99.00"));
        assertThat(f.gateway.position(STRATEGY, "BTCUSDT").netQty()).isEqualTo(INS.qty("1"));
    }

    @Test
    void shouldLeaveTheOriginalWorkingWhenTheReplacementFailsItsChecks() {
        GatewayFixture f = new GatewayFixture();
        f.trade("100.00", "1");
        f.send(limitBuy("c1", "99.50", "2").build());

        expectRefused(f, f.replace("r1", "c1", "99.53", "1"), RejectReason.PRICE_NOT_ON_TICK);
        expectRefused(f, f.replace("r2", "c1", "99.00", "6"), RejectReason.MAX_POSITION_EXCEEDED);
        expectRefused(f, f.replace("r3", "c1", "150.00", "1"), RejectReason.PRICE_OUTSIDE_COLLAR);
        expectRefused(f, f.replace("r4", "c1", "99.00", "0"), RejectReason.INVALID_QUANTITY);
        expectRefused(f, f.replace("r5", "c1", "-1", "1"), RejectReason.INVALID_PRICE);
        expectRefused(f, replaceWith(f, "r6", "c1", b -> b.setPriceScale(8)), RejectReason.SCALE_MISMATCH);
        expectRefused(f, replaceWith(f, "r7", "c1", b -> b.setSymbol("ETHUSDT")), RejectReason.UNKNOWN_ORDER);
        expectRefused(f, replaceWith(f, "r8", "c1", b -> b.setVenue("binance")), RejectReason.UNKNOWN_VENUE);

        assertThat(f.gateway.paperVenue().cancelsSent()).isZero();
        assertThat(f.gateway.paperVenue().submitted()).isEqualTo(1);
        assertThat(f.gateway.order(STRATEGY, "c1").isOpen()).isTrue();
        assertThat(f.gateway.risk().openBuyQty(0, INS)).isEqualTo(INS.qty("2"));
        // A refused replacement's id was never an order: it may be used again.
        assertThat(f.send(f.replace("r1", "c1", "99.50", "1"))).isEqualTo(CommandOutcome.REPLACE_SENT);
        assertThat(last(f.reports("r1")).getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_ACCEPTED);
    }

    @Test
    void shouldRejectTheReplacementWithOrderNotOpenWhenTheOriginalAlreadyFilled() {
        GatewayFixture f = new GatewayFixture();
        f.trade("100.00", "1");
        f.send(limitBuy("c1", "99.50", "1").build());
        f.trade("99.00", "5");

        expectRefused(f, f.replace("c2", "c1", "99.00", "1"), RejectReason.ORDER_NOT_OPEN);
        assertThat(last(f.reports("c1")).getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_FILLED);
        assertThat(f.gateway.paperVenue().cancelsSent()).isZero();
        assertThat(f.gateway.paperVenue().submitted()).isEqualTo(1);
    }

    @Test
    void shouldNeverSubmitTheReplacementWhenTheOriginalFillsWhileItsCancelIsOnItsWay() {
        GatewayFixture f = new GatewayFixture(ExchangeConfig.builder().limitFillRule(LimitFillRule.TOUCH)
                .latency(LatencyModel.constant(LATENCY)).build(), 1_000);
        f.trade("100.00", "1");
        f.send(limitBuy("c1", "99.50", "1").build());
        f.advance(LATENCY);
        assertThat(last(f.reports("c1")).getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_ACCEPTED);

        assertThat(f.send(f.replace("c2", "c1", "99.00", "1"))).isEqualTo(CommandOutcome.REPLACE_SENT);
        assertThat(f.reports("c2")).isEmpty(); // waiting for the cancel
        assertThat(f.gateway.orderStatus(STRATEGY, "c2")).isEqualTo(io.ttquant.core.order.OrderStatus.NEW);
        f.trade("99.00", "5"); // the original fills before the cancel arrives
        f.advance(2 * LATENCY);

        assertThat(last(f.reports("c1")).getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_FILLED);
        ExecutionReport rejected = last(f.reports("c2"));
        assertThat(rejected.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_REJECTED);
        assertThat(rejected.getRejectCode()).isEqualTo(RejectReason.ORDER_NOT_OPEN.code());
        assertThat(f.gateway.paperVenue().submitted()).isEqualTo(1);
        assertThat(f.gateway.risk().openOrders()).isZero();
        assertThat(f.gateway.position(STRATEGY, "BTCUSDT").netQty()).isEqualTo(INS.qty("1"));
        // The replacement's id is remembered with its final state.
        assertThat(f.send(f.replace("c2", "c1", "99.00", "1"))).isEqualTo(CommandOutcome.DUPLICATE_ANSWERED);
        assertThat(last(f.reports("c2")).getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_REJECTED);
    }

    @Test
    void shouldSubmitTheReplacementOnlyWhenTheDelayedCancelIsConfirmed() {
        GatewayFixture f = new GatewayFixture(ExchangeConfig.builder().limitFillRule(LimitFillRule.TOUCH)
                .latency(LatencyModel.constant(LATENCY)).build(), 1_000);
        f.trade("100.00", "1");
        f.send(limitBuy("c1", "99.50", "1").build());
        f.advance(LATENCY);

        f.send(f.replace("c2", "c1", "99.00", "2"));
        assertThat(f.gateway.paperVenue().submitted()).isEqualTo(1);
        f.advance(LATENCY); // the cancel arrives: the replacement leaves now
        assertThat(last(f.reports("c1")).getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CANCELED);
        assertThat(f.gateway.paperVenue().submitted()).isEqualTo(2);
        f.advance(LATENCY);
        assertThat(last(f.reports("c2")).getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_ACCEPTED);
        assertThat(f.gateway.risk().openBuyQty(0, INS)).isEqualTo(INS.qty("2"));
    }

    @Test
    void shouldRejectTheReplacementWhenOrdersAcceptedWhileTheCancelWasOnItsWayLeaveNoRoomForIt() {
        GatewayFixture f = new GatewayFixture(ExchangeConfig.builder().limitFillRule(LimitFillRule.TOUCH)
                .latency(LatencyModel.constant(LATENCY)).build(), 1_000);
        f.trade("100.00", "1");
        f.send(limitBuy("c1", "99.50", "1").build());
        f.advance(LATENCY);
        // Max position 5: the replacement (2) fits beside nothing else when it is checked ...
        f.send(f.replace("c2", "c1", "99.00", "2"));
        // ... but another buy of 3.5 is accepted while c1's cancel travels (1 + 3.5 <= 5).
        f.send(limitBuy("c3", "98.50", "3.5").build());
        f.advance(2 * LATENCY);

        assertThat(last(f.reports("c1")).getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CANCELED);
        assertThat(last(f.reports("c3")).getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_ACCEPTED);
        assertThat(last(f.reports("c2")).getRejectCode()).as("3.5 + 2 > 5 once c1 is gone")
                .isEqualTo(RejectReason.MAX_POSITION_EXCEEDED.code());
        assertThat(f.gateway.risk().openBuyQty(0, INS)).isEqualTo(INS.qty("3.5"));
    }

    @Test
    void shouldRejectTheReplacementWhenTheKillSwitchIsEngagedWhileTheCancelIsOnItsWay() {
        GatewayFixture f = new GatewayFixture(ExchangeConfig.builder().limitFillRule(LimitFillRule.TOUCH)
                .latency(LatencyModel.constant(LATENCY)).build(), 1_000);
        f.trade("100.00", "1");
        f.send(limitBuy("c1", "99.50", "1").build());
        f.advance(LATENCY);
        f.send(f.replace("c2", "c1", "99.00", "1"));

        f.gateway.engageKillSwitch("test", f.now);
        f.advance(2 * LATENCY);

        assertThat(last(f.reports("c1")).getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CANCELED);
        assertThat(last(f.reports("c2")).getRejectCode()).isEqualTo(RejectReason.KILL_SWITCH_ENGAGED.code());
        assertThat(f.gateway.paperVenue().submitted()).isEqualTo(1);
        assertThat(f.gateway.risk().openOrders()).isZero();
    }

    @Test
    void shouldAnswerARepeatedReplaceWithTheReplacementsStateAndNeverReplaceTwice() {
        GatewayFixture f = new GatewayFixture();
        f.trade("100.00", "1");
        f.send(limitBuy("c1", "99.50", "2").build());
        f.send(f.replace("c2", "c1", "99.00", "1"));
        long replacementId = last(f.reports("c2")).getOrderId();

        assertThat(f.send(f.replace("c2", "c1", "98.00", "1"))).isEqualTo(CommandOutcome.DUPLICATE_ANSWERED);

        ExecutionReport answer = f.lastReport();
        assertThat(answer.getClientOrderId()).isEqualTo("c2");
        assertThat(answer.getOrderId()).isEqualTo(replacementId);
        assertThat(answer.getPrice()).isEqualTo(INS.price("99.00"));
        assertThat(f.gateway.paperVenue().submitted()).isEqualTo(2);
        assertThat(f.gateway.paperVenue().cancelsSent()).isEqualTo(1);
        // Replacing the (now canceled) original again fails: its cancel cannot succeed.
        expectRefused(f, f.replace("c3", "c1", "98.00", "1"), RejectReason.ORDER_NOT_OPEN);
        // The replacement itself can be replaced.
        assertThat(f.send(f.replace("c4", "c2", "98.50", "1"))).isEqualTo(CommandOutcome.REPLACE_SENT);
        assertThat(last(f.reports("c4")).getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_ACCEPTED);
    }

    private static void expectRefused(GatewayFixture f, OrderCommand replace, RejectReason why) {
        String newId = replace.getReplaceOrder().getClientOrderId();
        String origId = replace.getReplaceOrder().getOrigClientOrderId();
        int before = f.reports().size();
        assertThat(f.send(replace)).as("outcome for %s", why).isEqualTo(CommandOutcome.REJECTED);
        List<ExecutionReport> reports = f.reports().subList(before, f.reports().size());
        assertThat(reports).as("one report per client order id").hasSize(2);
        assertThat(reports.get(0).getClientOrderId()).isEqualTo(newId);
        assertThat(reports.get(0).getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_REJECTED);
        assertThat(reports.get(0).getRejectCode()).as("reason").isEqualTo(why.code());
        assertThat(reports.get(0).getOrderId()).isZero();
        assertThat(reports.get(1).getClientOrderId()).isEqualTo(origId);
        assertThat(reports.get(1).getRejectCode()).isEqualTo(why.code());
        assertThat(reports.get(1).getStatus()).isNotEqualTo(OrderStatus.ORDER_STATUS_REJECTED);
    }

    private static OrderCommand replaceWith(GatewayFixture f, String id, String orig,
                                            java.util.function.UnaryOperator<ReplaceOrder.Builder> change) {
        OrderCommand base = f.replace(id, orig, "99.00", "1");
        return base.toBuilder().setReplaceOrder(change.apply(base.getReplaceOrder().toBuilder())).build();
    }

    private static ExecutionReport last(List<ExecutionReport> reports) {
        assertThat(reports).isNotEmpty();
        return reports.get(reports.size() - 1);
    }
}
