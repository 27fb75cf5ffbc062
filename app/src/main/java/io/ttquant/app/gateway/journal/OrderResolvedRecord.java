package io.ttquant.app.gateway.journal;

import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.RejectReason;
import java.nio.ByteBuffer;

/**
 * ORDER_RESOLVED: the state of an order marked unknown was found out, e.g. it was placed
 * (ACCEPTED), or never placed (REJECTED with VENUE_ORDER_NOT_PLACED). Fills found on the way are
 * journaled as their own FILL records. Layout: time, order id, venue order id (8 bytes each),
 * reject code (4), status (1).
 */
public final class OrderResolvedRecord extends JournalRecord {
    public long orderId;
    public OrderStatus status;
    /** The {@link RejectReason} code, 0 when none. */
    public int rejectCode;
    /** The venue's id of the order, 0 when it has none. */
    public long venueOrderId;

    @Override
    public RecordType type() {
        return RecordType.ORDER_RESOLVED;
    }

    public OrderResolvedRecord set(long timeNanos, long orderId, OrderStatus status, RejectReason reason, long venueOrderId) {
        this.timeNanos = timeNanos;
        this.orderId = orderId;
        this.status = status;
        this.rejectCode = reason == null ? 0 : reason.code();
        this.venueOrderId = venueOrderId;
        return this;
    }

    @Override
    void encode(ByteBuffer b) {
        b.putLong(timeNanos).putLong(orderId).putLong(venueOrderId).putInt(rejectCode).put(EnumCodes.STATUS.code(status));
    }

    @Override
    void decode(ByteBuffer b) {
        timeNanos = b.getLong();
        orderId = b.getLong();
        venueOrderId = b.getLong();
        rejectCode = b.getInt();
        status = EnumCodes.STATUS.of(b.get());
    }

    @Override
    public String toString() {
        return "ORDER_RESOLVED{t=" + timeNanos + " id=" + orderId + " " + status + " reject=" + rejectCode
                + " venueOrderId=" + venueOrderId + "}";
    }
}
