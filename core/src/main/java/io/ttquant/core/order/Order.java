package io.ttquant.core.order;

import io.ttquant.core.instrument.Instrument;

/**
 * An order and its life cycle. Strategies read it; only the venue that owns it (the simulated
 * exchange, or later the gateway's venue adapter) calls the mutators, and every mutator checks
 * {@link OrderStatus#canMoveTo(OrderStatus)}: an illegal transition throws
 * {@link IllegalStateException} and is never applied silently.
 *
 * <p>Prices are raw at the instrument's price scale ({@code 0} when not applicable), quantities
 * raw at its quantity scale.
 */
public final class Order {
    private final long orderId;
    private final String clientOrderId;
    private final String strategyId;
    private final Instrument instrument;
    private final Side side;
    private final OrderType type;
    private final TimeInForce timeInForce;
    private final long price;
    private final long stopPrice;
    private final long quantity;
    private final boolean reduceOnly;
    private final long createdNanos;

    private OrderStatus status = OrderStatus.NEW;
    private RejectReason reason;
    private long filledQty;
    private long filledNotional;
    private long feesPaid;
    private boolean triggered;
    private long updatedNanos;
    private long reserved;

    public Order(long orderId, String clientOrderId, String strategyId, Instrument instrument, Side side, OrderType type,
                 TimeInForce timeInForce, long quantity, long price, long stopPrice, boolean reduceOnly, long createdNanos) {
        this.orderId = orderId;
        this.clientOrderId = clientOrderId;
        this.strategyId = strategyId;
        this.instrument = instrument;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.quantity = quantity;
        this.price = price;
        this.stopPrice = stopPrice;
        this.reduceOnly = reduceOnly;
        this.createdNanos = createdNanos;
        this.updatedNanos = createdNanos;
    }

    /**
     * A fresh NEW copy of this order's request (same ids and terms), for the venue to own: the
     * strategy's order then follows the venue's reports one by one, as it does in live trading.
     */
    public Order copyRequest() {
        return new Order(orderId, clientOrderId, strategyId, instrument, side, type, timeInForce, quantity, price,
                stopPrice, reduceOnly, createdNanos);
    }

    /**
     * Checks the order's own consistency and the instrument's filters (price, lot size, notional);
     * returns {@code null} when it passes. The notional of a market order is checked by the venue
     * against a market price.
     */
    public RejectReason validate() {
        if (type.hasLimitPrice()) {
            if (price <= 0) {
                return RejectReason.MISSING_PRICE;
            }
            RejectReason r = instrument.checkPrice(price);
            if (r != null) {
                return r;
            }
        }
        if (type.hasStopPrice()) {
            if (stopPrice <= 0) {
                return RejectReason.MISSING_STOP_PRICE;
            }
            RejectReason r = instrument.checkPrice(stopPrice);
            if (r != null) {
                return r;
            }
        }
        if (!type.hasLimitPrice() && timeInForce == TimeInForce.GTX) {
            return RejectReason.INVALID_TIME_IN_FORCE;
        }
        RejectReason r = instrument.checkQty(quantity);
        if (r != null) {
            return r;
        }
        if (type.hasLimitPrice()) {
            return instrument.checkNotional(price, quantity);
        }
        if (type == OrderType.STOP_MARKET) {
            return instrument.checkNotional(stopPrice, quantity);
        }
        return null;
    }

    public void accept(long nowNanos) {
        moveTo(OrderStatus.ACCEPTED, nowNanos);
    }

    public void reject(RejectReason why, long nowNanos) {
        moveTo(OrderStatus.REJECTED, nowNanos);
        this.reason = why;
    }

    public void cancel(long nowNanos) {
        moveTo(OrderStatus.CANCELED, nowNanos);
    }

    /** The venue canceled the rest of the order for a reason (IOC remainder, FOK, end of data...). */
    public void expire(RejectReason why, long nowNanos) {
        moveTo(OrderStatus.EXPIRED, nowNanos);
        this.reason = why;
    }

    /** Marks a stop order as triggered: from now on it works as a market or limit order. */
    public void trigger(long nowNanos) {
        if (!type.hasStopPrice() || !status.isOpen() || triggered) {
            throw new IllegalStateException("cannot trigger " + this);
        }
        triggered = true;
        updatedNanos = nowNanos;
    }

    /** Records an execution; moves to PARTIALLY_FILLED or FILLED. */
    public void fill(long qty, long fillPrice, long fee, long nowNanos) {
        if (qty <= 0 || qty > remainingQty()) {
            throw new IllegalStateException("fill of " + qty + " does not fit remaining " + remainingQty() + " of " + this);
        }
        long newFilled = filledQty + qty;
        moveTo(newFilled == quantity ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, nowNanos);
        filledQty = newFilled;
        filledNotional = Math.addExact(filledNotional, instrument.notional(fillPrice, qty));
        feesPaid = Math.addExact(feesPaid, fee);
    }

    private void moveTo(OrderStatus next, long nowNanos) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("illegal transition " + status + " -> " + next + " for " + this);
        }
        status = next;
        updatedNanos = nowNanos;
    }

    public long orderId() {
        return orderId;
    }

    public String clientOrderId() {
        return clientOrderId;
    }

    public String strategyId() {
        return strategyId;
    }

    public Instrument instrument() {
        return instrument;
    }

    public Side side() {
        return side;
    }

    public OrderType type() {
        return type;
    }

    public TimeInForce timeInForce() {
        return timeInForce;
    }

    public long price() {
        return price;
    }

    public long stopPrice() {
        return stopPrice;
    }

    public long quantity() {
        return quantity;
    }

    public boolean reduceOnly() {
        return reduceOnly;
    }

    public boolean isPostOnly() {
        return timeInForce == TimeInForce.GTX;
    }

    public long createdNanos() {
        return createdNanos;
    }

    public long updatedNanos() {
        return updatedNanos;
    }

    public OrderStatus status() {
        return status;
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    /** The reason for a rejection or venue expiry; null otherwise. */
    public RejectReason reason() {
        return reason;
    }

    public long filledQty() {
        return filledQty;
    }

    public long remainingQty() {
        return quantity - filledQty;
    }

    /** Sum of fill notionals at the cash scale. */
    public long filledNotional() {
        return filledNotional;
    }

    public long feesPaid() {
        return feesPaid;
    }

    /** Average fill price as a double (reporting only); NaN before the first fill. */
    public double avgFillPrice() {
        if (filledQty == 0) {
            return Double.NaN;
        }
        return (filledNotional / 1e8) / instrument.qtyToDouble(filledQty);
    }

    public boolean isTriggered() {
        return triggered;
    }

    /** Funds the account holds for this order (cash scale, in the asset the order spends). */
    public long reserved() {
        return reserved;
    }

    public void setReserved(long reserved) {
        this.reserved = reserved;
    }

    @Override
    public String toString() {
        return "Order{" + orderId + " " + clientOrderId + " " + side + " " + type + " " + timeInForce + " "
                + instrument.formatQty(quantity) + " " + instrument
                + (type.hasLimitPrice() ? " @" + instrument.formatPrice(price) : "")
                + (type.hasStopPrice() ? " stop " + instrument.formatPrice(stopPrice) : "")
                + " " + status + (reason != null ? " " + reason : "") + " filled " + instrument.formatQty(filledQty) + "}";
    }
}
