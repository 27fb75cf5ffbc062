package io.ttquant.binance.userdata;

import io.ttquant.core.num.Fixed;

/**
 * One Binance {@code balanceUpdate}: a deposit, withdrawal or transfer changed an asset's balance
 * by {@link #delta()} (signed, at {@link Fixed#CASH_SCALE}).
 *
 * <p>A pre-allocated object owned by the {@link UserDataDecoder} and overwritten by the next
 * message: valid only during the listener call that receives it.
 */
public final class BalanceUpdateEvent {
    private final Utf8Text asset = new Utf8Text();
    private long delta;
    private long eventTimeNanos;
    private long clearTimeNanos;
    private long receiveTimeNanos;

    BalanceUpdateEvent() {
    }

    /** {@code a}. */
    public Utf8Text asset() {
        return asset;
    }

    /** {@code d}: the balance change, negative for a withdrawal, at {@link Fixed#CASH_SCALE}. */
    public long delta() {
        return delta;
    }

    /** {@code E}. */
    public long eventTimeNanos() {
        return eventTimeNanos;
    }

    /** {@code T}: when the change cleared. */
    public long clearTimeNanos() {
        return clearTimeNanos;
    }

    public long receiveTimeNanos() {
        return receiveTimeNanos;
    }

    void set(long delta, long eventTimeNanos, long clearTimeNanos, long receiveTimeNanos) {
        this.delta = delta;
        this.eventTimeNanos = eventTimeNanos;
        this.clearTimeNanos = clearTimeNanos;
        this.receiveTimeNanos = receiveTimeNanos;
    }

    @Override
    public String toString() {
        return "BalanceUpdate{" + asset + " " + Fixed.format(delta, Fixed.CASH_SCALE) + "}";
    }
}
