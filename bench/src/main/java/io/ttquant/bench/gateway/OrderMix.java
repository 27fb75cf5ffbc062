package io.ttquant.bench.gateway;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.transport.proto.CancelOrder;
import io.ttquant.transport.proto.NewOrder;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.proto.OrderType;
import io.ttquant.transport.proto.Side;
import io.ttquant.transport.proto.TimeInForce;

/**
 * The order commands of a realistic strategy, as frames with fresh client order ids patched in:
 * limit buys resting away from the market on a ladder of prices, cancels of them by client order
 * id, and small marketable (market IOC) orders, buys and sells by turns so that the position stays
 * flat. Prices and sizes vary over more values than the risk engine's duplicate-order guard
 * remembers. The returned arrays are overwritten by the next call: one mix per sending thread.
 */
final class OrderMix {
    private static final int LADDER = 64;

    private final OrderFrame[] resting = new OrderFrame[LADDER];
    private final OrderFrame[] marketable = new OrderFrame[LADDER];
    private final OrderFrame cancel;

    /**
     * Client order ids start with {@code prefix}, and prices and sizes are shifted by {@code lane}, so
     * that senders of one strategy (one letter and lane each) never look like each other's duplicates.
     */
    OrderMix(String strategy, Instrument ins, char prefix, int lane) {
        for (int k = 0; k < LADDER; k++) {
            long price = ins.price("59000.00") - (lane * LADDER + k) * ins.tickSize();
            resting[k] = new OrderFrame(OrderCommand.newBuilder()
                    .setNewOrder(order(strategy, ins, prefix + "r", Side.SIDE_BUY, OrderType.ORDER_TYPE_LIMIT, price, ins.qty("0.001")))
                    .build());
            Side side = (k & 1) == 0 ? Side.SIDE_BUY : Side.SIDE_SELL;
            marketable[k] = new OrderFrame(OrderCommand.newBuilder()
                    .setNewOrder(order(strategy, ins, prefix + "m", side, OrderType.ORDER_TYPE_MARKET, 0,
                            ins.qty("0.001") + (lane * LADDER / 2 + k / 2) * ins.stepSize()))
                    .build());
        }
        cancel = new OrderFrame(OrderCommand.newBuilder().setCancelOrder(CancelOrder.newBuilder().setStrategy(strategy)
                .setSymbol(ins.symbol()).setVenue("paper").setClientOrderId(prefix + "r" + OrderFrame.PLACEHOLDER)).build());
    }

    private static NewOrder.Builder order(String strategy, Instrument ins, String prefix, Side side, OrderType type, long price,
                                          long qty) {
        return NewOrder.newBuilder().setStrategy(strategy).setClientOrderId(prefix + OrderFrame.PLACEHOLDER).setVenue("paper")
                .setSymbol(ins.symbol()).setSide(side).setType(type)
                .setTimeInForce(type == OrderType.ORDER_TYPE_MARKET ? TimeInForce.TIME_IN_FORCE_IOC : TimeInForce.TIME_IN_FORCE_GTC)
                .setPrice(price).setQuantity(qty).setPriceScale(ins.priceScale()).setQtyScale(ins.qtyScale());
    }

    /** Resting limit buy number {@code id}. */
    byte[] resting(long id) {
        return resting[(int) (id % LADDER)].withId(id);
    }

    /** The cancel of resting order number {@code id}. */
    byte[] cancel(long id) {
        return cancel.withId(id);
    }

    /** Marketable order number {@code id}: an even id buys, the next odd one sells the same size. */
    byte[] marketable(long id) {
        return marketable[(int) (id % LADDER)].withId(id);
    }
}
