package io.ttquant.app.gateway.journal;

import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;

/**
 * An order as the journal last knew it: its terms from ORDER_SUBMITTED and its state from the
 * latest ORDER_STATE, FILL, ORDER_UNKNOWN or ORDER_RESOLVED. Open means not terminal: NEW (journaled,
 * maybe never acknowledged), ACCEPTED or PARTIALLY_FILLED. Read-only outside the replay that
 * builds it.
 */
public final class RecoveredOrder {
    private final long orderId;
    private final String strategy;
    private final String clientOrderId;
    private final String venue;
    private final String symbol;
    private final Side side;
    private final OrderType type;
    private final TimeInForce timeInForce;
    private final long price;
    private final long stopPrice;
    private final long quantity;
    private final boolean reduceOnly;
    private final int priceScale;
    private final int qtyScale;
    private final long createdNanos;

    OrderStatus status = OrderStatus.NEW;
    int rejectCode;
    long filledQty;
    long filledNotional;
    long fees;
    long venueOrderId;
    boolean unknown;
    OrderUnknownRecord.Request unknownRequest;
    long lastUpdateNanos;

    RecoveredOrder(OrderSubmittedRecord r) {
        this.orderId = r.orderId;
        this.strategy = r.strategy;
        this.clientOrderId = r.clientOrderId;
        this.venue = r.venue;
        this.symbol = r.symbol;
        this.side = r.side;
        this.type = r.orderType;
        this.timeInForce = r.timeInForce;
        this.price = r.price;
        this.stopPrice = r.stopPrice;
        this.quantity = r.quantity;
        this.reduceOnly = r.reduceOnly;
        this.priceScale = r.priceScale;
        this.qtyScale = r.qtyScale;
        this.createdNanos = r.timeNanos;
        this.lastUpdateNanos = r.timeNanos;
    }

    /** Writes this order's terms into {@code r} (for a snapshot); returns it. */
    OrderSubmittedRecord terms(OrderSubmittedRecord r) {
        r.timeNanos = createdNanos;
        r.orderId = orderId;
        r.strategy = strategy;
        r.clientOrderId = clientOrderId;
        r.venue = venue;
        r.symbol = symbol;
        r.side = side;
        r.orderType = type;
        r.timeInForce = timeInForce;
        r.price = price;
        r.stopPrice = stopPrice;
        r.quantity = quantity;
        r.reduceOnly = reduceOnly;
        r.priceScale = priceScale;
        r.qtyScale = qtyScale;
        return r;
    }

    /** Writes this order's state into {@code r} (for a snapshot); returns it. */
    OrderStateRecord state(OrderStateRecord r) {
        r.timeNanos = lastUpdateNanos;
        r.orderId = orderId;
        r.status = status;
        r.rejectCode = rejectCode;
        r.filledQty = filledQty;
        r.filledNotional = filledNotional;
        r.fees = fees;
        r.venueOrderId = venueOrderId;
        return r;
    }

    public long orderId() {
        return orderId;
    }

    public String strategy() {
        return strategy;
    }

    public String clientOrderId() {
        return clientOrderId;
    }

    public String venue() {
        return venue;
    }

    public String symbol() {
        return symbol;
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

    public int priceScale() {
        return priceScale;
    }

    public int qtyScale() {
        return qtyScale;
    }

    /** When it was journaled as submitted. */
    public long createdNanos() {
        return createdNanos;
    }

    public OrderStatus status() {
        return status;
    }

    /** Not terminal: it may still rest at the venue, fill or be canceled. */
    public boolean isOpen() {
        return !status.isTerminal();
    }

    /** The reject or expiry reason's wire code, 0 when none. */
    public int rejectCode() {
        return rejectCode;
    }

    /** The reject or expiry reason, or null (none, or a code this build does not know). */
    public RejectReason rejectReason() {
        return EnumCodes.reason(rejectCode);
    }

    public long filledQty() {
        return filledQty;
    }

    public long remainingQty() {
        return quantity - filledQty;
    }

    /** Cash scale. */
    public long filledNotional() {
        return filledNotional;
    }

    /** Cash scale, over all fee assets. */
    public long fees() {
        return fees;
    }

    /** The venue's id, 0 while not known. */
    public long venueOrderId() {
        return venueOrderId;
    }

    /** True when a request's answer never came and no ORDER_RESOLVED followed: ask the venue before trading. */
    public boolean isUnknown() {
        return unknown;
    }

    /** The request whose answer was lost, while {@link #isUnknown()}; else null. */
    public OrderUnknownRecord.Request unknownRequest() {
        return unknown ? unknownRequest : null;
    }

    /** Time of the latest record about this order. */
    public long lastUpdateNanos() {
        return lastUpdateNanos;
    }

    @Override
    public String toString() {
        return "RecoveredOrder{" + orderId + " " + strategy + "/" + clientOrderId + " " + venue + " " + symbol + " " + side
                + " " + type + " " + timeInForce + " qty=" + quantity + " price=" + price + " stop=" + stopPrice
                + " reduceOnly=" + reduceOnly + " scales=" + priceScale + "/" + qtyScale + " created=" + createdNanos + " "
                + status + " reject=" + rejectCode + " filled=" + filledQty + " notional=" + filledNotional + " fees=" + fees
                + " venueId=" + venueOrderId + (unknown ? " UNKNOWN(" + unknownRequest + ")" : "") + " updated="
                + lastUpdateNanos + "}";
    }
}
