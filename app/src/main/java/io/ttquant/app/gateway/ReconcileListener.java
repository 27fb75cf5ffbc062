package io.ttquant.app.gateway;

import io.ttquant.core.instrument.Instrument;

/**
 * How a {@link GatewayVenue} answers {@link GatewayVenue#reconcile}: it first brings the orders it
 * was given in line with what the venue knows, through the gateway's
 * {@link io.ttquant.core.venue.ExecutionListener} as usual (fills, cancels, expiries), then calls
 * {@link #reconciled} once; or {@link #failed} when it cannot, and the gateway then refuses to
 * trade. Either may come later than the {@code reconcile} call (a venue that queries an exchange
 * answers from {@link GatewayVenue#advanceTo}), always on the gateway's thread; the gateway accepts
 * no new order before it.
 */
public interface ReconcileListener {
    /**
     * True when the gateway already applied the venue's trade {@code tradeId} in this instrument
     * (before the restart, from its journal, or since): the venue must not report it again.
     */
    boolean isFillApplied(Instrument instrument, long tradeId);

    /** Every difference is resolved and reported; {@code summary} (one line) is logged. */
    void reconciled(String summary);

    /** The venue cannot reconcile; {@code reason} (one line) is logged and shown, and the gateway stays closed. */
    void failed(String reason);
}
