package io.ttquant.app.gateway.journal;

import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.RejectReason;
import java.nio.ByteBuffer;

/**
 * ORDER_STATE: an order's last known state. Its values are absolute (not deltas), so on replay the
 * latest one wins. Layout: time, order id, filled qty, filled notional, fees, venue order id
 * (8 bytes each), reject code (4), status (1).
 */
public final class OrderStateRecord extends JournalRecord {
    public long orderId;
    public OrderStatus status;
    /** The {@link RejectReason} code for a rejected or expired order, 0 otherwise. */
    public int rejectCode;
    /** Raw at the order's quantity scale. */
    public long filledQty;
    /** Cash scale. */
    public long filledNotional;
    /** Cash scale, summed over fills whatever their fee asset (as {@link Order#feesPaid()}). */
    public long fees;
    /** The venue's id of the order, 0 while unknown. */
    public long venueOrderId;

    @Override
    public RecordType type() {
        return RecordType.ORDER_STATE;
    }

    /** Fills this record from the gateway's order; returns this. */
    public OrderStateRecord set(long timeNanos, Order order, long venueOrderId) {
        this.timeNanos = timeNanos;
        this.orderId = order.orderId();
        this.status = order.status();
        this.rejectCode = order.reason() == null ? 0 : order.reason().code();
        this.filledQty = order.filledQty();
        this.filledNotional = order.filledNotional();
        this.fees = order.feesPaid();
        this.venueOrderId = venueOrderId;
        return this;
    }

    @Override
    void encode(ByteBuffer b) {
        b.putLong(timeNanos).putLong(orderId).putLong(filledQty).putLong(filledNotional).putLong(fees).putLong(venueOrderId)
                .putInt(rejectCode).put(EnumCodes.STATUS.code(status));
    }

    @Override
    void decode(ByteBuffer b) {
        timeNanos = b.getLong();
        orderId = b.getLong();
        filledQty = b.getLong();
        filledNotional = b.getLong();
        fees = b.getLong();
        venueOrderId = b.getLong();
        rejectCode = b.getInt();
        status = EnumCodes.STATUS.of(b.get());
    }

    @Override
    public String toString() {
        return "ORDER_STATE{t=" + timeNanos + " id=" + orderId + " " + status + " reject=" + rejectCode + " filled="
                + filledQty + " notional=" + filledNotional + " fees=" + fees + " venueOrderId=" + venueOrderId + "}";
    }
}
