package io.ttquant.sim.market;

import java.util.List;

/**
 * What a new-order request produced: either a {@link Rejection} (nothing else happened), or the
 * order as it stands when the request finished, the fills this request made, and the response
 * type to answer with. The order object is live: it keeps changing as the market trades, so
 * serialize it before the engine thread moves on.
 */
public record OrderOutcome(Rejection rejection, SimOrder order, List<SimFill> fills, NewOrderRespType respType) {
    public static OrderOutcome rejected(Rejection r) {
        return new OrderOutcome(r, null, List.of(), null);
    }

    public boolean isRejected() {
        return rejection != null;
    }
}
