package io.ttquant.core.order;

/**
 * The order life cycle: NEW → ACCEPTED → PARTIALLY_FILLED → FILLED, with CANCELED, REJECTED and
 * EXPIRED as the other terminal states. {@link #canMoveTo(OrderStatus)} is the whole transition
 * table; anything it refuses is a bug in the caller.
 */
public enum OrderStatus {
    NEW,
    ACCEPTED,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    REJECTED,
    EXPIRED;

    public boolean isTerminal() {
        return this == FILLED || this == CANCELED || this == REJECTED || this == EXPIRED;
    }

    /** True while the order can still fill or be canceled. */
    public boolean isOpen() {
        return this == ACCEPTED || this == PARTIALLY_FILLED;
    }

    public boolean canMoveTo(OrderStatus next) {
        switch (this) {
            case NEW:
                return next == ACCEPTED || next == REJECTED;
            case ACCEPTED:
            case PARTIALLY_FILLED:
                return next == PARTIALLY_FILLED || next == FILLED || next == CANCELED || next == EXPIRED;
            default:
                return false;
        }
    }
}
