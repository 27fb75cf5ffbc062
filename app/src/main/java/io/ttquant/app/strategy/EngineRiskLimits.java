package io.ttquant.app.strategy;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import java.util.List;
import java.util.Map;

/**
 * One strategy's engine-side limits, checked before an order leaves for the gateway: the largest
 * order notional (cash scale, in the quote asset) and, per instrument, the largest position the
 * strategy may reach if every open order and this one filled. A pre-check that saves a round trip
 * and keeps a runaway strategy off the wire; the gateway's risk engine remains the authority. A
 * refusal is a value (the reason), never an exception. Immutable.
 */
public final class EngineRiskLimits {
    /** No limit. */
    public static final long UNLIMITED = Long.MAX_VALUE;
    /** No engine-side limits at all. */
    public static final EngineRiskLimits NONE = new EngineRiskLimits(UNLIMITED, Map.of());

    private final long maxOrderNotional;
    private final Map<String, Long> maxPosition;

    /**
     * @param maxOrderNotional largest order notional, cash scale ({@link #UNLIMITED} for none)
     * @param maxPosition      largest absolute position per symbol, raw at the instrument's quantity scale
     */
    public EngineRiskLimits(long maxOrderNotional, Map<String, Long> maxPosition) {
        if (maxOrderNotional <= 0) {
            throw new IllegalArgumentException("the order notional limit must be positive");
        }
        this.maxOrderNotional = maxOrderNotional;
        this.maxPosition = Map.copyOf(maxPosition);
    }

    public long maxOrderNotional() {
        return maxOrderNotional;
    }

    /** The position limit of {@code symbol}, raw; {@link #UNLIMITED} when none. */
    public long maxPosition(String symbol) {
        Long v = maxPosition.get(symbol);
        return v == null ? UNLIMITED : v;
    }

    /**
     * Why {@code order} must not leave, or null when it may. {@code reference} is the price a market
     * order would meet (0 when unknown: the notional is then not checked here); {@code netQty} the
     * strategy's position; {@code open} its open orders (the order itself among them or not).
     */
    RejectReason check(Order order, long reference, long netQty, List<Order> open) {
        Instrument ins = order.instrument();
        if (maxOrderNotional != UNLIMITED) {
            long price = order.type() == OrderType.MARKET ? reference
                    : order.type() == OrderType.STOP_MARKET ? order.stopPrice() : order.price();
            if (price > 0 && ins.notional(price, order.quantity()) > maxOrderNotional) {
                return RejectReason.MAX_ORDER_NOTIONAL_EXCEEDED;
            }
        }
        long limit = maxPosition(ins.symbol());
        if (limit != UNLIMITED) {
            long buys = 0;
            long sells = 0;
            for (int i = 0, n = open.size(); i < n; i++) {
                Order o = open.get(i);
                if (o.orderId() == order.orderId() || o.instrument() != ins) {
                    continue;
                }
                if (o.side() == Side.BUY) {
                    buys = Math.addExact(buys, o.remainingQty());
                } else {
                    sells = Math.addExact(sells, o.remainingQty());
                }
            }
            long worst = order.side() == Side.BUY
                    ? Math.addExact(Math.addExact(netQty, buys), order.quantity())
                    : Math.subtractExact(Math.subtractExact(netQty, sells), order.quantity());
            if (Math.abs(worst) > limit && Math.abs(worst) > Math.abs(netQty)) {
                return RejectReason.MAX_POSITION_EXCEEDED;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "EngineRiskLimits{maxOrderNotional=" + (maxOrderNotional == UNLIMITED ? "none" : maxOrderNotional)
                + ", maxPosition=" + maxPosition + "}";
    }
}
