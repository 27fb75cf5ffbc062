package io.ttquant.sim.market;

import io.ttquant.core.order.Side;

/**
 * An order resting in a {@link LimitOrderBook}: a synthetic participant's (owner 0) or a user's
 * (owner = account id, with its {@link SimOrder}). Linked into its price level's FIFO queue.
 *
 * <p>Mutated only by the book on the engine thread; read-only to everyone else. Never reused:
 * once it leaves the book it keeps its last values.
 */
public final class RestingOrder {
    final long orderId;
    final Side side;
    final long price;
    final long ownerId;
    final SimOrder userOrder;
    long openQty;
    RestingOrder prev;
    RestingOrder next;
    LimitOrderBook.Level level;
    /** True from the moment the book rests the order until it leaves (filled, canceled or expired). */
    boolean resting;

    RestingOrder(long orderId, Side side, long price, long qty, long ownerId, SimOrder userOrder) {
        this.orderId = orderId;
        this.side = side;
        this.price = price;
        this.openQty = qty;
        this.ownerId = ownerId;
        this.userOrder = userOrder;
    }

    public long orderId() {
        return orderId;
    }

    public Side side() {
        return side;
    }

    public long price() {
        return price;
    }

    /** Quantity still resting (raw at the quantity scale). */
    public long openQty() {
        return openQty;
    }

    /** 0 for a synthetic participant, otherwise the owning account's id. */
    public long ownerId() {
        return ownerId;
    }

    /** The user's order, or null for a synthetic participant. */
    public SimOrder userOrder() {
        return userOrder;
    }

    @Override
    public String toString() {
        return "RestingOrder[" + orderId + " " + side + " " + openQty + "@" + price + " owner=" + ownerId + "]";
    }
}
