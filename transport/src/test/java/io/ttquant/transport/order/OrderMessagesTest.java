package io.ttquant.transport.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.LiquiditySide;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.portfolio.Portfolio;
import io.ttquant.core.portfolio.Position;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.Liquidity;
import io.ttquant.transport.proto.NewOrder;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.proto.PositionUpdate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Order messages carry every field of a core order, report and position through a serialize and
 * parse round trip. Every core enum value maps to a distinct wire value and back. Wire values
 * with no core meaning map to null, which the receiver rejects.
 */
class OrderMessagesTest {
    private static final long T = 1_723_161_255_342_000_000L;
    private final Instrument btc = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001").minNotional("5").build();

    @Test
    void shouldMapWireNumbersToCoreEnumsAndBackWithoutTheGeneratedEnums() {
        for (Side s : Side.values()) {
            assertThat(OrderMessages.sideOf(OrderMessages.wireValue(s))).isEqualTo(s);
        }
        for (OrderType t : OrderType.values()) {
            assertThat(OrderMessages.orderTypeOf(OrderMessages.wireValue(t))).isEqualTo(t);
        }
        for (TimeInForce t : TimeInForce.values()) {
            assertThat(OrderMessages.timeInForceOf(OrderMessages.wireValue(t))).isEqualTo(t);
        }
        for (OrderStatus s : OrderStatus.values()) {
            assertThat(OrderMessages.orderStatus(io.ttquant.transport.proto.OrderStatus.forNumber(OrderMessages.wireValue(s))))
                    .isEqualTo(s);
        }
        assertThat(OrderMessages.wireValue((Side) null)).isZero();
        assertThat(OrderMessages.wireValue((LiquiditySide) null)).isZero();
        assertThat(OrderMessages.wireValue(LiquiditySide.MAKER)).isEqualTo(Liquidity.LIQUIDITY_MAKER_VALUE);
        for (int unknown : new int[] {0, -1, 5, 99, Integer.MIN_VALUE}) {
            assertThat(OrderMessages.sideOf(unknown)).isNull();
            assertThat(OrderMessages.orderTypeOf(unknown)).isNull();
            assertThat(OrderMessages.timeInForceOf(unknown)).isNull();
        }
    }

    @Test
    void shouldMapEveryCoreEnumValueToADistinctWireValueAndBack() {
        Set<Object> wire = new HashSet<>();
        for (Side s : Side.values()) {
            assertThat(wire.add(OrderMessages.side(s))).isTrue();
            assertThat(OrderMessages.side(OrderMessages.side(s))).isEqualTo(s);
        }
        for (OrderType t : OrderType.values()) {
            assertThat(wire.add(OrderMessages.orderType(t))).isTrue();
            assertThat(OrderMessages.orderType(OrderMessages.orderType(t))).isEqualTo(t);
        }
        for (TimeInForce t : TimeInForce.values()) {
            assertThat(wire.add(OrderMessages.timeInForce(t))).isTrue();
            assertThat(OrderMessages.timeInForce(OrderMessages.timeInForce(t))).isEqualTo(t);
        }
        for (OrderStatus s : OrderStatus.values()) {
            assertThat(wire.add(OrderMessages.orderStatus(s))).isTrue();
            assertThat(OrderMessages.orderStatus(OrderMessages.orderStatus(s))).isEqualTo(s);
        }
        for (LiquiditySide l : LiquiditySide.values()) {
            assertThat(wire.add(OrderMessages.liquidity(l))).isTrue();
            assertThat(OrderMessages.liquidity(OrderMessages.liquidity(l))).isEqualTo(l);
        }
        Set<Integer> codes = new HashSet<>();
        for (RejectReason r : RejectReason.values()) {
            assertThat(codes.add(r.code())).as("code %d unique", r.code()).isTrue();
            assertThat(OrderMessages.rejectReason(r.code())).isEqualTo(r);
        }
    }

    @Test
    void shouldMapWireValuesWithoutCoreMeaningToNull() {
        assertThat(OrderMessages.side(io.ttquant.transport.proto.Side.SIDE_UNSPECIFIED)).isNull();
        assertThat(OrderMessages.side(io.ttquant.transport.proto.Side.UNRECOGNIZED)).isNull();
        assertThat(OrderMessages.side((Side) null)).isEqualTo(io.ttquant.transport.proto.Side.SIDE_UNSPECIFIED);
        assertThat(OrderMessages.orderType(io.ttquant.transport.proto.OrderType.ORDER_TYPE_UNSPECIFIED)).isNull();
        assertThat(OrderMessages.timeInForce(io.ttquant.transport.proto.TimeInForce.UNRECOGNIZED)).isNull();
        assertThat(OrderMessages.orderStatus(io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_UNSPECIFIED)).isNull();
        assertThat(OrderMessages.liquidity(Liquidity.LIQUIDITY_UNSPECIFIED)).isNull();
        assertThat(OrderMessages.liquidity((LiquiditySide) null)).isEqualTo(Liquidity.LIQUIDITY_UNSPECIFIED);
        assertThat(OrderMessages.rejectReason(0)).isNull();
        assertThat(OrderMessages.rejectReason(999_999)).isNull();
        // A message from a newer sender with an enum number this version does not know.
        NewOrder future = NewOrder.newBuilder().setSideValue(7).build();
        assertThat(OrderMessages.side(future.getSide())).isNull();
    }

    @Test
    void shouldCarryANewOrderThroughAnOrderCommand() throws Exception {
        Order order = new Order(17, "alpha-17", "alpha", btc, Side.SELL, OrderType.STOP_LIMIT, TimeInForce.IOC,
                btc.qty("0.25"), btc.price("61000.5"), btc.price("61010"), true, T);
        byte[] wire = OrderMessages.command(3, T + 9, OrderMessages.newOrder(order, "paper")).toByteArray();
        OrderCommand command = OrderCommand.parseFrom(wire);
        assertThat(command.getSequence()).isEqualTo(3);
        assertThat(command.getSendTimeNs()).isEqualTo(T + 9);
        assertThat(command.getCommandCase()).isEqualTo(OrderCommand.CommandCase.NEW_ORDER);
        NewOrder m = command.getNewOrder();
        assertThat(m.getClientOrderId()).isEqualTo("alpha-17");
        assertThat(m.getStrategy()).isEqualTo("alpha");
        assertThat(m.getVenue()).isEqualTo("paper");
        assertThat(m.getSymbol()).isEqualTo("BTCUSDT");
        assertThat(OrderMessages.side(m.getSide())).isEqualTo(Side.SELL);
        assertThat(OrderMessages.orderType(m.getType())).isEqualTo(OrderType.STOP_LIMIT);
        assertThat(OrderMessages.timeInForce(m.getTimeInForce())).isEqualTo(TimeInForce.IOC);
        assertThat(new long[] {m.getPrice(), m.getStopPrice(), m.getQuantity(), m.getPriceScale(), m.getQtyScale(), m.getCreateTimeNs()})
                .isEqualTo(new long[] {6_100_050, 6_101_000, 25_000, 2, 5, T});
        assertThat(m.getReduceOnly()).isTrue();

        OrderCommand cancel = OrderCommand.parseFrom(OrderMessages.command(4, T, OrderMessages.cancelOrder(order, "paper", T + 1)).toByteArray());
        assertThat(cancel.getCancelOrder().getClientOrderId()).isEqualTo("alpha-17");
        assertThat(cancel.getCancelOrder().getOrderId()).isEqualTo(17);
        OrderCommand replace = OrderCommand.parseFrom(OrderMessages.command(5, T,
                OrderMessages.replaceOrder(order, "alpha-18", btc.price("60999"), btc.qty("0.2"), "paper", T + 2)).toByteArray());
        assertThat(replace.getReplaceOrder().getOrigClientOrderId()).isEqualTo("alpha-17");
        assertThat(replace.getReplaceOrder().getClientOrderId()).isEqualTo("alpha-18");
        assertThat(replace.getReplaceOrder().getPrice()).isEqualTo(6_099_900);
        assertThat(replace.getReplaceOrder().getQuantity()).isEqualTo(20_000);
    }

    @Test
    void shouldReportAPartialFillWithCumulativeAndLeavesQuantities() throws Exception {
        Order order = new Order(21, "beta-1", "beta", btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                btc.qty("0.3"), btc.price("61837.63"), 0, false, T);
        order.accept(T + 1);
        long fee = 4_637_822L;
        order.fill(btc.qty("0.1"), btc.price("61837.63"), fee, T + 2);
        Fill fill = new Fill(21, "beta-1", "beta", btc, Side.BUY, 3_715_942_117L, btc.price("61837.63"), btc.qty("0.1"),
                fee, "USDT", LiquiditySide.MAKER, T + 2);

        ExecutionEvent event = ExecutionEvent.parseFrom(OrderMessages.event(8, T + 3,
                OrderMessages.executionReport(order, fill, "paper", T + 2)).toByteArray());
        assertThat(event.getSequence()).isEqualTo(8);
        ExecutionReport r = event.getReport();
        assertThat(OrderMessages.orderStatus(r.getStatus())).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(r.getRejectCode()).isZero();
        assertThat(r.getRejectReason()).isEmpty();
        assertThat(new long[] {r.getLastFillQty(), r.getLastFillPrice(), r.getTradeId(), r.getFee()})
                .isEqualTo(new long[] {10_000, 6_183_763, 3_715_942_117L, fee});
        assertThat(OrderMessages.liquidity(r.getLiquidity())).isEqualTo(LiquiditySide.MAKER);
        assertThat(r.getFeeAsset()).isEqualTo("USDT");
        assertThat(new long[] {r.getCumulativeQty(), r.getLeavesQty(), r.getCumulativeNotional(), r.getCumulativeFee(), r.getCashScale()})
                .isEqualTo(new long[] {10_000, 20_000, 618_376_300_000L, fee, 8});
        assertThat(r.getEventTimeNs()).isEqualTo(T + 2);
    }

    @Test
    void shouldReportARejectionWithItsCodeAndNoLeavesQuantity() {
        Order order = new Order(22, "beta-2", "beta", btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                btc.qty("0.3"), btc.price("61837.63"), 0, false, T);
        order.reject(RejectReason.INSUFFICIENT_BALANCE, T + 1);
        ExecutionReport r = OrderMessages.executionReport(order, null, "paper", T + 1);
        assertThat(OrderMessages.orderStatus(r.getStatus())).isEqualTo(OrderStatus.REJECTED);
        assertThat(r.getRejectCode()).isEqualTo(2001);
        assertThat(OrderMessages.rejectReason(r.getRejectCode())).isEqualTo(RejectReason.INSUFFICIENT_BALANCE);
        assertThat(r.getRejectReason()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(r.getLeavesQty()).isZero();
        assertThat(r.getLastFillQty()).isZero();
        assertThat(r.getLiquidity()).isEqualTo(Liquidity.LIQUIDITY_UNSPECIFIED);
    }

    @Test
    void shouldCarryAPositionAfterAFill() throws Exception {
        Portfolio portfolio = new Portfolio("USDT", 0);
        portfolio.deposit("USDT", 100_000_00000000L);
        Order order = new Order(23, "gamma-1", "gamma", btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                btc.qty("0.5"), btc.price("60000"), 0, false, T);
        Fill fill = new Fill(23, "gamma-1", "gamma", btc, Side.BUY, 1, btc.price("60000"), btc.qty("0.5"), 0, "USDT", LiquiditySide.TAKER, T);
        portfolio.applyFill(order, fill);
        portfolio.mark(btc, btc.price("61000"));
        Position position = portfolio.position(btc);

        PositionUpdate p = ExecutionEvent.parseFrom(OrderMessages.event(1, T, OrderMessages.positionUpdate(position, "gamma", "paper", T))
                .toByteArray()).getPosition();
        assertThat(p.getStrategy()).isEqualTo("gamma");
        assertThat(p.getSymbol()).isEqualTo("BTCUSDT");
        assertThat(new long[] {p.getNetQty(), p.getCostBasis(), p.getAvgEntryPrice(), p.getRealizedPnl(), p.getMarkPrice()})
                .isEqualTo(new long[] {50_000, 30_000_00000000L, 6_000_000, 0, 6_100_000});
        assertThat(new int[] {p.getPriceScale(), p.getQtyScale(), p.getCashScale()}).isEqualTo(new int[] {2, 5, 8});
    }
}
