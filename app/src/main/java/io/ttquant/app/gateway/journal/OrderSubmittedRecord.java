package io.ttquant.app.gateway.journal;

import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import java.nio.ByteBuffer;

/**
 * ORDER_SUBMITTED: an order that passed validation and risk, with everything needed to rebuild it.
 * For a live venue the gateway appends and syncs it before the order leaves, so an order the
 * venue may know is never missing from the journal. Layout: time, order id, price, stop, qty
 * (8 bytes each), side, type, time in force, reduce-only, price scale, qty scale (1 byte each),
 * then strategy, client order id, venue and symbol as texts.
 */
public final class OrderSubmittedRecord extends JournalRecord {
    /** Binance's limit on a client order id. */
    public static final int MAX_CLIENT_ORDER_ID = 36;
    /** Limit on a strategy, venue or symbol name. */
    public static final int MAX_NAME = 64;

    public long orderId;
    public String strategy;
    /** The client order id of a record read back; null on a record filled by {@link #set} (see {@link #clientOrderIdText()}). */
    public String clientOrderId;
    /** The client order id of a record filled by {@link #set}, without a String per order. */
    private final AsciiText sentId = new AsciiText(MAX_CLIENT_ORDER_ID);
    public String venue;
    public String symbol;
    public Side side;
    public OrderType orderType;
    public TimeInForce timeInForce;
    /** Raw at {@link #priceScale}; 0 when the type has none. */
    public long price;
    public long stopPrice;
    /** Raw at {@link #qtyScale}. */
    public long quantity;
    public boolean reduceOnly;
    public int priceScale;
    public int qtyScale;

    @Override
    public RecordType type() {
        return RecordType.ORDER_SUBMITTED;
    }

    /** Fills this record from a gateway order about to be sent to {@code venue}; returns this. */
    public OrderSubmittedRecord set(long timeNanos, Order order, String venue) {
        this.timeNanos = timeNanos;
        this.orderId = order.orderId();
        this.strategy = order.strategyId();
        this.clientOrderId = null;
        sentId.setLength(order.copyClientOrderId(sentId.bytes(), 0));
        this.venue = venue;
        this.symbol = order.instrument().symbol();
        this.side = order.side();
        this.orderType = order.type();
        this.timeInForce = order.timeInForce();
        this.price = order.price();
        this.stopPrice = order.stopPrice();
        this.quantity = order.quantity();
        this.reduceOnly = order.reduceOnly();
        this.priceScale = order.instrument().priceScale();
        this.qtyScale = order.instrument().qtyScale();
        return this;
    }

    @Override
    void encode(ByteBuffer b) {
        b.putLong(timeNanos).putLong(orderId).putLong(price).putLong(stopPrice).putLong(quantity);
        b.put(EnumCodes.SIDE.code(side)).put(EnumCodes.ORDER_TYPE.code(orderType))
                .put(EnumCodes.TIME_IN_FORCE.code(timeInForce)).put((byte) (reduceOnly ? 1 : 0))
                .put(scale(priceScale)).put(scale(qtyScale));
        Ascii.putId(b, strategy, MAX_NAME, "strategy");
        Ascii.putId(b, clientOrderIdText(), MAX_CLIENT_ORDER_ID, "client order id");
        Ascii.putId(b, venue, MAX_NAME, "venue");
        Ascii.putId(b, symbol, MAX_NAME, "symbol");
    }

    @Override
    void decode(ByteBuffer b) {
        timeNanos = b.getLong();
        orderId = b.getLong();
        price = b.getLong();
        stopPrice = b.getLong();
        quantity = b.getLong();
        side = EnumCodes.SIDE.of(b.get());
        orderType = EnumCodes.ORDER_TYPE.of(b.get());
        timeInForce = EnumCodes.TIME_IN_FORCE.of(b.get());
        reduceOnly = bool(b.get());
        priceScale = b.get();
        qtyScale = b.get();
        strategy = Ascii.get(b);
        clientOrderId = Ascii.get(b);
        venue = Ascii.get(b);
        symbol = Ascii.get(b);
    }

    /** The client order id, whichever way this record was filled. */
    public CharSequence clientOrderIdText() {
        return clientOrderId != null ? clientOrderId : sentId;
    }

    static byte scale(int scale) {
        if (scale < 0 || scale > 18) {
            throw new IllegalArgumentException("scale out of range: " + scale);
        }
        return (byte) scale;
    }

    @Override
    public String toString() {
        return "ORDER_SUBMITTED{t=" + timeNanos + " id=" + orderId + " strategy=" + strategy + " clientId=" + clientOrderIdText()
                + " venue=" + venue + " symbol=" + symbol + " " + side + " " + orderType + " " + timeInForce + " price="
                + price + " stop=" + stopPrice + " qty=" + quantity + " reduceOnly=" + reduceOnly + " scales="
                + priceScale + "/" + qtyScale + "}";
    }
}
