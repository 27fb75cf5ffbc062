package io.ttquant.sim.market;

/**
 * What a cancel request produced: a {@link Rejection}, or the canceled order (its
 * {@link SimOrder#cancelClientOrderId()} is the cancel's own client id, Binance's
 * {@code clientOrderId} in the cancel response, and {@link SimOrder#clientOrderId()} is
 * {@code origClientOrderId}).
 */
public record CancelOutcome(Rejection rejection, SimOrder order) {
    public static CancelOutcome rejected(Rejection r) {
        return new CancelOutcome(r, null);
    }

    public boolean isRejected() {
        return rejection != null;
    }
}
