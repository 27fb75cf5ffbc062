package io.ttquant.core.order;

import io.ttquant.core.instrument.Instrument;
import java.nio.charset.StandardCharsets;

/**
 * An order and its life cycle. Strategies read it; only the venue that owns it (the simulated
 * exchange, or later the gateway's venue adapter) calls the mutators, and every mutator checks
 * {@link OrderStatus#canMoveTo(OrderStatus)}: an illegal transition throws
 * {@link IllegalStateException} and is never applied silently.
 *
 * <p>Prices are raw at the instrument's price scale ({@code 0} when not applicable), quantities
 * raw at its quantity scale.
 *
 * <p>An owner that must not allocate per order (the gateway) may pool orders: {@link #blank()}
 * makes one, {@link #reuse} turns it into a fresh NEW order, keeping the client order id as bytes
 * that become a {@code String} only when {@link #clientOrderId()} is asked for. The owner must
 * make sure that nothing still refers to an order it reuses; an order built by the constructor
 * behaves exactly as before.
 */
public final class Order {
    /** Binance's limit on a client order id; longer ids cannot be kept by {@link #reuse}. */
    public static final int MAX_CLIENT_ORDER_ID_BYTES = 36;

    private long orderId;
    private String clientOrderId;
    private byte[] clientOrderIdBytes;
    private int clientOrderIdLength;
    private String strategyId;
    private Instrument instrument;
    private Side side;
    private OrderType type;
    private TimeInForce timeInForce;
    private long price;
    private long stopPrice;
    private long quantity;
    private boolean reduceOnly;
    private long createdNanos;

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

    /** An order for a pool: it has no terms and must go through {@link #reuse} before any other use. */
    public static Order blank() {
        return new Order(0, null, null, null, null, null, null, 0, 0, 0, false, 0);
    }

    /**
     * Makes this order a fresh NEW order with these terms, forgetting everything about its previous
     * life (status, reason, fills, fees, trigger, reservation). The client order id is copied from
     * {@code clientOrderId[offset, offset + length)}, ASCII of at most
     * {@value #MAX_CLIENT_ORDER_ID_BYTES} bytes. Allocates nothing.
     *
     * @throws IllegalArgumentException for a client order id longer than {@value #MAX_CLIENT_ORDER_ID_BYTES} bytes (a caller bug)
     */
    public Order reuse(long orderId, byte[] clientOrderId, int offset, int length, String strategyId,
                       Instrument instrument, Side side, OrderType type, TimeInForce timeInForce, long quantity,
                       long price, long stopPrice, boolean reduceOnly, long createdNanos) {
        if (length < 0 || length > MAX_CLIENT_ORDER_ID_BYTES) {
            throw new IllegalArgumentException("client order id of " + length + " bytes");
        }
        if (clientOrderIdBytes == null) {
            clientOrderIdBytes = new byte[MAX_CLIENT_ORDER_ID_BYTES];
        }
        System.arraycopy(clientOrderId, offset, clientOrderIdBytes, 0, length);
        this.clientOrderIdLength = length;
        this.clientOrderId = null;
        this.orderId = orderId;
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
        this.status = OrderStatus.NEW;
        this.reason = null;
        this.filledQty = 0;
        this.filledNotional = 0;
        this.feesPaid = 0;
        this.triggered = false;
        this.reserved = 0;
        return this;
    }

    /**
     * Sets the order's life-cycle state as storage last recorded it (a gateway rebuilding its orders
     * after a restart from its journal), bypassing the transition checks: the state was reached
     * through legal transitions before the restart. The values must agree with each other (fills
     * only within the quantity, NEW and ACCEPTED unfilled, PARTIALLY_FILLED partly and FILLED fully
     * filled, a reason only for REJECTED or EXPIRED), else it throws and changes nothing. Call right
     * after {@link #reuse} or the constructor; allocates nothing.
     *
     * @throws IllegalArgumentException for values that contradict each other or the order's terms
     */
    public Order restore(OrderStatus status, RejectReason reason, long filledQty, long filledNotional, long feesPaid,
                         long updatedNanos) {
        if (status == null) {
            throw new IllegalArgumentException("restored status missing");
        }
        if (filledQty < 0 || filledQty > quantity || filledNotional < 0) {
            throw new IllegalArgumentException("restored fill of " + filledQty + " (notional " + filledNotional
                    + ") does not fit quantity " + quantity + " of order " + orderId);
        }
        boolean fits = switch (status) {
            case NEW, ACCEPTED -> filledQty == 0;
            case PARTIALLY_FILLED -> filledQty > 0 && filledQty < quantity;
            case FILLED -> filledQty == quantity;
            case CANCELED, REJECTED, EXPIRED -> status != OrderStatus.REJECTED || filledQty == 0;
        };
        if (!fits) {
            throw new IllegalArgumentException("restored status " + status + " contradicts filled " + filledQty + " of "
                    + quantity + " for order " + orderId);
        }
        if (reason != null && status != OrderStatus.REJECTED && status != OrderStatus.EXPIRED) {
            throw new IllegalArgumentException("restored reason " + reason + " for a " + status + " order " + orderId);
        }
        this.status = status;
        this.reason = reason;
        this.filledQty = filledQty;
        this.filledNotional = filledNotional;
        this.feesPaid = feesPaid;
        this.updatedNanos = Math.max(updatedNanos, createdNanos);
        return this;
    }

    /**
     * A fresh NEW copy of this order's request (same ids and terms), for the venue to own: the
     * strategy's order then follows the venue's reports one by one, as it does in live trading.
     */
    public Order copyRequest() {
        return new Order(orderId, clientOrderId(), strategyId, instrument, side, type, timeInForce, quantity, price,
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

    /** The client order id; for a reused order it is built from its bytes on the first call (allocates once). */
    /**
     * Copies the client order id as ASCII bytes into {@code dst} at {@code offset} (room for
     * {@value #MAX_CLIENT_ORDER_ID_BYTES} bytes) and returns its length; allocates nothing, so
     * writers on the hot path (the journal) need no String.
     *
     * @throws IllegalArgumentException for an id longer than {@value #MAX_CLIENT_ORDER_ID_BYTES} characters or not ASCII (a caller bug)
     */
    public int copyClientOrderId(byte[] dst, int offset) {
        if (clientOrderId == null && clientOrderIdBytes != null) {
            System.arraycopy(clientOrderIdBytes, 0, dst, offset, clientOrderIdLength);
            return clientOrderIdLength;
        }
        int n = clientOrderId == null ? 0 : clientOrderId.length();
        if (n > MAX_CLIENT_ORDER_ID_BYTES) {
            throw new IllegalArgumentException("client order id longer than " + MAX_CLIENT_ORDER_ID_BYTES + " characters");
        }
        for (int i = 0; i < n; i++) {
            char c = clientOrderId.charAt(i);
            if (c > 127) {
                throw new IllegalArgumentException("client order id is not ASCII");
            }
            dst[offset + i] = (byte) c;
        }
        return n;
    }

    public String clientOrderId() {
        if (clientOrderId == null && clientOrderIdBytes != null) {
            clientOrderId = new String(clientOrderIdBytes, 0, clientOrderIdLength, StandardCharsets.US_ASCII);
        }
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
        if (instrument == null) {
            return "Order{blank}";
        }
        return "Order{" + orderId + " " + clientOrderId() + " " + side + " " + type + " " + timeInForce + " "
                + instrument.formatQty(quantity) + " " + instrument
                + (type.hasLimitPrice() ? " @" + instrument.formatPrice(price) : "")
                + (type.hasStopPrice() ? " stop " + instrument.formatPrice(stopPrice) : "")
                + " " + status + (reason != null ? " " + reason : "") + " filled " + instrument.formatQty(filledQty) + "}";
    }
}
