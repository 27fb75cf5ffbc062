package io.ttquant.transport.order;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.LiquiditySide;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.portfolio.Position;
import io.ttquant.transport.proto.CancelOrder;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.Liquidity;
import io.ttquant.transport.proto.NewOrder;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.proto.PositionUpdate;
import io.ttquant.transport.proto.ReplaceOrder;

/**
 * Converts between core orders and the order-entry messages of {@code ttquant.proto}: NewOrder,
 * CancelOrder, ReplaceOrder (in an OrderCommand), ExecutionReport and PositionUpdate (in an
 * ExecutionEvent). It also maps each core enum to its wire enum and back.
 *
 * <p>The message builders use the protoc-generated classes and allocate: they serve clients,
 * tests and tools. The gateway's hot path uses the flyweight codec in
 * {@code io.ttquant.transport.codec} and only the enum mappings here, which never allocate. The mappings are total for core
 * values. A wire value with no core meaning (UNSPECIFIED, or a number this version does not
 * know) maps to {@code null}, and the caller rejects it. Nothing here throws for wire input.
 * Stateless.
 */
public final class OrderMessages {
    private OrderMessages() {
    }

    /** A NewOrder for {@code order} on {@code venue}. */
    public static NewOrder newOrder(Order order, String venue) {
        Instrument i = order.instrument();
        return NewOrder.newBuilder()
                .setClientOrderId(order.clientOrderId())
                .setStrategy(order.strategyId())
                .setVenue(venue)
                .setSymbol(i.symbol())
                .setSide(side(order.side()))
                .setType(orderType(order.type()))
                .setTimeInForce(timeInForce(order.timeInForce()))
                .setPrice(order.price())
                .setStopPrice(order.stopPrice())
                .setQuantity(order.quantity())
                .setPriceScale(i.priceScale())
                .setQtyScale(i.qtyScale())
                .setReduceOnly(order.reduceOnly())
                .setCreateTimeNs(order.createdNanos())
                .build();
    }

    /** A CancelOrder for {@code order}, requested at {@code nowNanos}. */
    public static CancelOrder cancelOrder(Order order, String venue, long nowNanos) {
        return CancelOrder.newBuilder()
                .setClientOrderId(order.clientOrderId())
                .setStrategy(order.strategyId())
                .setVenue(venue)
                .setSymbol(order.instrument().symbol())
                .setOrderId(order.orderId())
                .setCreateTimeNs(nowNanos)
                .build();
    }

    /** A ReplaceOrder moving {@code order} to a new price and quantity under {@code newClientOrderId}. */
    public static ReplaceOrder replaceOrder(Order order, String newClientOrderId, long newPrice, long newQuantity,
                                            String venue, long nowNanos) {
        Instrument i = order.instrument();
        return ReplaceOrder.newBuilder()
                .setClientOrderId(newClientOrderId)
                .setOrigClientOrderId(order.clientOrderId())
                .setStrategy(order.strategyId())
                .setVenue(venue)
                .setSymbol(i.symbol())
                .setPrice(newPrice)
                .setQuantity(newQuantity)
                .setPriceScale(i.priceScale())
                .setQtyScale(i.qtyScale())
                .setCreateTimeNs(nowNanos)
                .build();
    }

    /**
     * The state of {@code order} after a change, with {@code fill} when the change was an
     * execution (null otherwise).
     */
    public static ExecutionReport executionReport(Order order, Fill fill, String venue, long eventTimeNanos) {
        Instrument i = order.instrument();
        RejectReason reason = order.reason();
        ExecutionReport.Builder b = ExecutionReport.newBuilder()
                .setStrategy(order.strategyId())
                .setClientOrderId(order.clientOrderId())
                .setOrderId(order.orderId())
                .setVenue(venue)
                .setSymbol(i.symbol())
                .setSide(side(order.side()))
                .setType(orderType(order.type()))
                .setTimeInForce(timeInForce(order.timeInForce()))
                .setStatus(orderStatus(order.status()))
                .setRejectCode(reason == null ? 0 : reason.code())
                .setRejectReason(reason == null ? "" : reason.name())
                .setPrice(order.price())
                .setStopPrice(order.stopPrice())
                .setQuantity(order.quantity())
                .setCumulativeQty(order.filledQty())
                .setCumulativeNotional(order.filledNotional())
                .setCumulativeFee(order.feesPaid())
                .setLeavesQty(order.status().isTerminal() ? 0 : order.remainingQty())
                .setPriceScale(i.priceScale())
                .setQtyScale(i.qtyScale())
                .setCashScale(Fixed.CASH_SCALE)
                .setEventTimeNs(eventTimeNanos);
        if (fill != null) {
            b.setLastFillQty(fill.qty())
                    .setLastFillPrice(fill.price())
                    .setTradeId(fill.tradeId())
                    .setLiquidity(liquidity(fill.liquidity()))
                    .setFee(fill.fee())
                    .setFeeAsset(fill.feeAsset() == null ? "" : fill.feeAsset());
        }
        return b.build();
    }

    /** A strategy's position after a fill at {@code timeNanos}. */
    public static PositionUpdate positionUpdate(Position position, String strategy, String venue, long timeNanos) {
        Instrument i = position.instrument();
        return PositionUpdate.newBuilder()
                .setStrategy(strategy)
                .setVenue(venue)
                .setSymbol(i.symbol())
                .setNetQty(position.netQty())
                .setCostBasis(position.costBasis())
                .setAvgEntryPrice(position.avgEntryPrice())
                .setRealizedPnl(position.realizedPnl())
                .setMarkPrice(position.markPrice())
                .setPriceScale(i.priceScale())
                .setQtyScale(i.qtyScale())
                .setCashScale(Fixed.CASH_SCALE)
                .setTimeNs(timeNanos)
                .build();
    }

    public static OrderCommand command(long sequence, long sendTimeNanos, NewOrder newOrder) {
        return OrderCommand.newBuilder().setSequence(sequence).setSendTimeNs(sendTimeNanos).setNewOrder(newOrder).build();
    }

    public static OrderCommand command(long sequence, long sendTimeNanos, CancelOrder cancel) {
        return OrderCommand.newBuilder().setSequence(sequence).setSendTimeNs(sendTimeNanos).setCancelOrder(cancel).build();
    }

    public static OrderCommand command(long sequence, long sendTimeNanos, ReplaceOrder replace) {
        return OrderCommand.newBuilder().setSequence(sequence).setSendTimeNs(sendTimeNanos).setReplaceOrder(replace).build();
    }

    public static ExecutionEvent event(long sequence, long publishTimeNanos, ExecutionReport report) {
        return ExecutionEvent.newBuilder().setSequence(sequence).setPublishTimeNs(publishTimeNanos).setReport(report).build();
    }

    public static ExecutionEvent event(long sequence, long publishTimeNanos, PositionUpdate position) {
        return ExecutionEvent.newBuilder().setSequence(sequence).setPublishTimeNs(publishTimeNanos).setPosition(position).build();
    }

    /** The wire side; UNSPECIFIED for null. */
    public static io.ttquant.transport.proto.Side side(Side side) {
        if (side == null) {
            return io.ttquant.transport.proto.Side.SIDE_UNSPECIFIED;
        }
        return side == Side.BUY ? io.ttquant.transport.proto.Side.SIDE_BUY : io.ttquant.transport.proto.Side.SIDE_SELL;
    }

    /** The core side, or null for UNSPECIFIED or an unknown number. */
    public static Side side(io.ttquant.transport.proto.Side side) {
        switch (side) {
            case SIDE_BUY:
                return Side.BUY;
            case SIDE_SELL:
                return Side.SELL;
            default:
                return null;
        }
    }

    public static io.ttquant.transport.proto.OrderType orderType(OrderType type) {
        switch (type) {
            case MARKET:
                return io.ttquant.transport.proto.OrderType.ORDER_TYPE_MARKET;
            case LIMIT:
                return io.ttquant.transport.proto.OrderType.ORDER_TYPE_LIMIT;
            case STOP_MARKET:
                return io.ttquant.transport.proto.OrderType.ORDER_TYPE_STOP_MARKET;
            default:
                return io.ttquant.transport.proto.OrderType.ORDER_TYPE_STOP_LIMIT;
        }
    }

    /** The core order type, or null for UNSPECIFIED or an unknown number. */
    public static OrderType orderType(io.ttquant.transport.proto.OrderType type) {
        switch (type) {
            case ORDER_TYPE_MARKET:
                return OrderType.MARKET;
            case ORDER_TYPE_LIMIT:
                return OrderType.LIMIT;
            case ORDER_TYPE_STOP_MARKET:
                return OrderType.STOP_MARKET;
            case ORDER_TYPE_STOP_LIMIT:
                return OrderType.STOP_LIMIT;
            default:
                return null;
        }
    }

    public static io.ttquant.transport.proto.TimeInForce timeInForce(TimeInForce tif) {
        switch (tif) {
            case GTC:
                return io.ttquant.transport.proto.TimeInForce.TIME_IN_FORCE_GTC;
            case IOC:
                return io.ttquant.transport.proto.TimeInForce.TIME_IN_FORCE_IOC;
            case FOK:
                return io.ttquant.transport.proto.TimeInForce.TIME_IN_FORCE_FOK;
            default:
                return io.ttquant.transport.proto.TimeInForce.TIME_IN_FORCE_GTX;
        }
    }

    /** The core time in force, or null for UNSPECIFIED or an unknown number. */
    public static TimeInForce timeInForce(io.ttquant.transport.proto.TimeInForce tif) {
        switch (tif) {
            case TIME_IN_FORCE_GTC:
                return TimeInForce.GTC;
            case TIME_IN_FORCE_IOC:
                return TimeInForce.IOC;
            case TIME_IN_FORCE_FOK:
                return TimeInForce.FOK;
            case TIME_IN_FORCE_GTX:
                return TimeInForce.GTX;
            default:
                return null;
        }
    }

    public static io.ttquant.transport.proto.OrderStatus orderStatus(OrderStatus status) {
        switch (status) {
            case NEW:
                return io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_NEW;
            case ACCEPTED:
                return io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_ACCEPTED;
            case PARTIALLY_FILLED:
                return io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_PARTIALLY_FILLED;
            case FILLED:
                return io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_FILLED;
            case CANCELED:
                return io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_CANCELED;
            case REJECTED:
                return io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_REJECTED;
            default:
                return io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_EXPIRED;
        }
    }

    /** The core status, or null for UNSPECIFIED or an unknown number. */
    public static OrderStatus orderStatus(io.ttquant.transport.proto.OrderStatus status) {
        switch (status) {
            case ORDER_STATUS_NEW:
                return OrderStatus.NEW;
            case ORDER_STATUS_ACCEPTED:
                return OrderStatus.ACCEPTED;
            case ORDER_STATUS_PARTIALLY_FILLED:
                return OrderStatus.PARTIALLY_FILLED;
            case ORDER_STATUS_FILLED:
                return OrderStatus.FILLED;
            case ORDER_STATUS_CANCELED:
                return OrderStatus.CANCELED;
            case ORDER_STATUS_REJECTED:
                return OrderStatus.REJECTED;
            case ORDER_STATUS_EXPIRED:
                return OrderStatus.EXPIRED;
            default:
                return null;
        }
    }

    public static Liquidity liquidity(LiquiditySide side) {
        if (side == null) {
            return Liquidity.LIQUIDITY_UNSPECIFIED;
        }
        return side == LiquiditySide.MAKER ? Liquidity.LIQUIDITY_MAKER : Liquidity.LIQUIDITY_TAKER;
    }

    /** The core liquidity side, or null for UNSPECIFIED or an unknown number. */
    public static LiquiditySide liquidity(Liquidity liquidity) {
        switch (liquidity) {
            case LIQUIDITY_MAKER:
                return LiquiditySide.MAKER;
            case LIQUIDITY_TAKER:
                return LiquiditySide.TAKER;
            default:
                return null;
        }
    }

    /** The core side of a wire number, or null for 0 or a number this version does not know. */
    public static Side sideOf(int wire) {
        return wire == io.ttquant.transport.proto.Side.SIDE_BUY_VALUE ? Side.BUY
                : wire == io.ttquant.transport.proto.Side.SIDE_SELL_VALUE ? Side.SELL : null;
    }

    /** The core order type of a wire number, or null for 0 or an unknown number. */
    public static OrderType orderTypeOf(int wire) {
        switch (wire) {
            case io.ttquant.transport.proto.OrderType.ORDER_TYPE_MARKET_VALUE:
                return OrderType.MARKET;
            case io.ttquant.transport.proto.OrderType.ORDER_TYPE_LIMIT_VALUE:
                return OrderType.LIMIT;
            case io.ttquant.transport.proto.OrderType.ORDER_TYPE_STOP_MARKET_VALUE:
                return OrderType.STOP_MARKET;
            case io.ttquant.transport.proto.OrderType.ORDER_TYPE_STOP_LIMIT_VALUE:
                return OrderType.STOP_LIMIT;
            default:
                return null;
        }
    }

    /** The core time in force of a wire number, or null for 0 or an unknown number. */
    public static TimeInForce timeInForceOf(int wire) {
        switch (wire) {
            case io.ttquant.transport.proto.TimeInForce.TIME_IN_FORCE_GTC_VALUE:
                return TimeInForce.GTC;
            case io.ttquant.transport.proto.TimeInForce.TIME_IN_FORCE_IOC_VALUE:
                return TimeInForce.IOC;
            case io.ttquant.transport.proto.TimeInForce.TIME_IN_FORCE_FOK_VALUE:
                return TimeInForce.FOK;
            case io.ttquant.transport.proto.TimeInForce.TIME_IN_FORCE_GTX_VALUE:
                return TimeInForce.GTX;
            default:
                return null;
        }
    }

    /** The wire number of a side; 0 (UNSPECIFIED) for null. */
    public static int wireValue(Side side) {
        return side(side).getNumber();
    }

    public static int wireValue(OrderType type) {
        return orderType(type).getNumber();
    }

    public static int wireValue(TimeInForce tif) {
        return timeInForce(tif).getNumber();
    }

    public static int wireValue(OrderStatus status) {
        return orderStatus(status).getNumber();
    }

    /** The wire number of a liquidity side; 0 (UNSPECIFIED) for null. */
    public static int wireValue(LiquiditySide side) {
        return liquidity(side).getNumber();
    }

    /** The reject reason with this wire code, or null for 0 or an unknown code. */
    public static RejectReason rejectReason(int code) {
        for (RejectReason r : RejectReason.values()) {
            if (r.code() == code) {
                return r;
            }
        }
        return null;
    }
}
