package io.ttquant.app.gateway.journal;

import java.nio.ByteBuffer;

/**
 * ORDER_UNKNOWN: the venue's answer to a request about this order never came (a timeout, a 5xx),
 * so its state there is unknown until an {@link OrderResolvedRecord}. Recovery lists such orders
 * for the gateway to query before it trades. Layout: time, order id (8 bytes each), request (1).
 */
public final class OrderUnknownRecord extends JournalRecord {
    /** Which request's answer was lost. */
    public enum Request {
        NEW_ORDER,
        CANCEL
    }

    private static final Request[] REQUESTS = Request.values();

    public long orderId;
    public Request request;

    @Override
    public RecordType type() {
        return RecordType.ORDER_UNKNOWN;
    }

    public OrderUnknownRecord set(long timeNanos, long orderId, Request request) {
        this.timeNanos = timeNanos;
        this.orderId = orderId;
        this.request = request;
        return this;
    }

    @Override
    void encode(ByteBuffer b) {
        if (request == null) {
            throw new IllegalArgumentException("request missing");
        }
        b.putLong(timeNanos).putLong(orderId).put((byte) request.ordinal());
    }

    @Override
    void decode(ByteBuffer b) {
        timeNanos = b.getLong();
        orderId = b.getLong();
        byte r = b.get();
        if (r < 0 || r >= REQUESTS.length) {
            throw new MalformedRecordException("unknown request code " + r);
        }
        request = REQUESTS[r];
    }

    @Override
    public String toString() {
        return "ORDER_UNKNOWN{t=" + timeNanos + " id=" + orderId + " " + request + "}";
    }
}
