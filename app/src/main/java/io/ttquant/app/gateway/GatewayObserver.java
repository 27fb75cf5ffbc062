package io.ttquant.app.gateway;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.RejectReason;

/**
 * Told by the {@link OrderGateway}, on its thread, what happened to each command, so that metrics
 * can count it and time it. Strategy numbers are the risk engine's ({@code -1} for a strategy the
 * gateway does not serve). An implementation must be cheap, must not allocate in steady state,
 * must not call back into the gateway and must never throw.
 */
public interface GatewayObserver {
    /** Observes nothing. */
    GatewayObserver NONE = new GatewayObserver() {
    };

    /** A command arrived (before any check). */
    default void onReceived(int strategy) {
    }

    /** A new order (or the new leg of a replace) passed every check and went to the venue. */
    default void onRouted(int strategy, Instrument instrument) {
    }

    /** A command was refused with {@code reason}. */
    default void onRejected(int strategy, RejectReason reason) {
    }

    /** The venue acknowledged an order {@code latencyNanos} after the gateway received it. */
    default void onAcknowledged(int strategy, long latencyNanos) {
    }

    /**
     * A fill; {@code latencyNanos} is the time from the gateway receiving the order to this fill,
     * {@code firstFill} true for the order's first fill (order-to-fill latency is timed on it).
     */
    default void onFill(int strategy, Instrument instrument, long qty, long price, boolean firstFill, long latencyNanos) {
    }
}
