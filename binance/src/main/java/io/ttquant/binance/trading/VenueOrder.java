package io.ttquant.binance.trading;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import java.util.List;

/**
 * An order as Binance reports it in the answer to a new order, a cancel, a query or an
 * open-orders listing. Prices raw at the instrument's price scale, quantities at its quantity
 * scale, {@code cummulativeQuoteQty} at {@link io.ttquant.core.num.Fixed#CASH_SCALE}; times in
 * epoch milliseconds, -1 when the answer did not carry them.
 *
 * <p>{@link #clientOrderId()} is always the order's own client id: in a cancel answer Binance
 * sends it as {@code origClientOrderId} and puts the cancel request's id in {@code clientOrderId},
 * which is kept as {@link #cancelClientOrderId()}. An ACK answer carries only the ids and the
 * time: its status, type, side and time in force are null and its amounts 0 ({@link #hasState()}).
 *
 * <p>Immutable.
 */
public final class VenueOrder {
    private final Instrument instrument;
    private final long orderId;
    private final String clientOrderId;
    private final String cancelClientOrderId;
    private final long price;
    private final long origQty;
    private final long executedQty;
    private final long cummulativeQuoteQty;
    private final BinanceOrderStatus status;
    private final TimeInForce timeInForce;
    private final BinanceOrderType type;
    private final Side side;
    private final long stopPrice;
    private final long transactTimeMillis;
    private final long timeMillis;
    private final long updateTimeMillis;
    private final List<OrderFill> fills;

    VenueOrder(Instrument instrument, long orderId, String clientOrderId, String cancelClientOrderId, long price, long origQty,
               long executedQty, long cummulativeQuoteQty, BinanceOrderStatus status, TimeInForce timeInForce,
               BinanceOrderType type, Side side, long stopPrice, long transactTimeMillis, long timeMillis, long updateTimeMillis,
               List<OrderFill> fills) {
        this.instrument = instrument;
        this.orderId = orderId;
        this.clientOrderId = clientOrderId;
        this.cancelClientOrderId = cancelClientOrderId;
        this.price = price;
        this.origQty = origQty;
        this.executedQty = executedQty;
        this.cummulativeQuoteQty = cummulativeQuoteQty;
        this.status = status;
        this.timeInForce = timeInForce;
        this.type = type;
        this.side = side;
        this.stopPrice = stopPrice;
        this.transactTimeMillis = transactTimeMillis;
        this.timeMillis = timeMillis;
        this.updateTimeMillis = updateTimeMillis;
        this.fills = fills == null ? List.of() : List.copyOf(fills);
    }

    public Instrument instrument() {
        return instrument;
    }

    public String symbol() {
        return instrument.symbol();
    }

    public long orderId() {
        return orderId;
    }

    /** The order's own client id (see the class comment for cancel answers). */
    public String clientOrderId() {
        return clientOrderId;
    }

    /** In a cancel answer, the cancel request's client id; null otherwise. */
    public String cancelClientOrderId() {
        return cancelClientOrderId;
    }

    /** The limit price (0 for a market order). */
    public long price() {
        return price;
    }

    public long origQty() {
        return origQty;
    }

    public long executedQty() {
        return executedQty;
    }

    /** Quote asset spent or received so far, at the cash scale (Binance's spelling). */
    public long cummulativeQuoteQty() {
        return cummulativeQuoteQty;
    }

    /** Null in an ACK answer. */
    public BinanceOrderStatus status() {
        return status;
    }

    /** Null in an ACK answer. */
    public TimeInForce timeInForce() {
        return timeInForce;
    }

    /** Null in an ACK answer. */
    public BinanceOrderType type() {
        return type;
    }

    /** Null in an ACK answer. */
    public Side side() {
        return side;
    }

    /** 0 when the order has no stop price. */
    public long stopPrice() {
        return stopPrice;
    }

    /** New-order and cancel answers: when Binance processed the request; -1 otherwise. */
    public long transactTimeMillis() {
        return transactTimeMillis;
    }

    /** Query and open-orders answers: when the order was created; -1 otherwise. */
    public long timeMillis() {
        return timeMillis;
    }

    /** Query and open-orders answers: when the order last changed; -1 otherwise. */
    public long updateTimeMillis() {
        return updateTimeMillis;
    }

    /** The latest time the answer gives: update time, else transaction time, else creation time. */
    public long lastEventTimeMillis() {
        return updateTimeMillis >= 0 ? updateTimeMillis : transactTimeMillis >= 0 ? transactTimeMillis : timeMillis;
    }

    /** FULL new-order answers: the fills made at once, in order; empty otherwise. */
    public List<OrderFill> fills() {
        return fills;
    }

    /** False for an ACK answer, which carries no status, amounts or type. */
    public boolean hasState() {
        return status != null;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(96).append("VenueOrder{").append(instrument.symbol()).append(" #").append(orderId)
                .append(' ').append(clientOrderId);
        if (status != null) {
            b.append(' ').append(status).append(' ').append(side).append(' ').append(type).append(' ')
                    .append(instrument.formatQty(executedQty)).append('/').append(instrument.formatQty(origQty));
            if (price != 0) {
                b.append(" @ ").append(instrument.formatPrice(price));
            }
        }
        if (!fills.isEmpty()) {
            b.append(", ").append(fills.size()).append(" fills");
        }
        return b.append('}').toString();
    }
}
