package io.ttquant.app.gateway;

/**
 * What the gateway did with one order command, returned by {@link OrderGateway#onCommand} so that
 * callers and tests can count outcomes without parsing reports. Never used for control flow by
 * the venue.
 */
public enum CommandOutcome {
    /** A new order passed every check and was sent to the venue. */
    ROUTED,
    /** A new order (or a replace) was refused; a REJECTED report went out. */
    REJECTED,
    /** The client order id was already used by the strategy; its order's current state went out. */
    DUPLICATE_ANSWERED,
    /** A cancel passed its checks and was sent to the venue. */
    CANCEL_SENT,
    /** A cancel was refused (unknown order, not open, rate limit); a report went out. */
    CANCEL_REJECTED,
    /**
     * A replace passed its checks and the original's cancel went to the venue; the replacement goes
     * out when the venue confirms the cancel (at once for a paper venue without latency).
     */
    REPLACE_SENT
}
