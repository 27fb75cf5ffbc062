package io.ttquant.app.run;

import io.ttquant.app.gateway.GatewayObserver;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.RejectReason;

/**
 * The gateway's per-strategy counts for the dashboard and the run summary (commands received, new
 * orders accepted and routed to the venue, commands rejected, fills), kept beside the Prometheus
 * metrics it passes every call on to. Told by the gateway on its thread; the counts are plain
 * fields read on that thread only (the {@link EmbeddedGateway} copies them into its status).
 * Allocates nothing and never throws.
 */
final class GatewayCounts implements GatewayObserver {
    private final GatewayObserver metrics;
    private final long[] received;
    private final long[] accepted;
    private final long[] rejected;
    private final long[] fills;

    GatewayCounts(GatewayObserver metrics, int strategies) {
        this.metrics = metrics;
        // One more slot for commands of strategies the gateway does not serve (number -1).
        this.received = new long[strategies + 1];
        this.accepted = new long[strategies + 1];
        this.rejected = new long[strategies + 1];
        this.fills = new long[strategies + 1];
    }

    private int slot(int strategy) {
        return strategy >= 0 && strategy < received.length - 1 ? strategy : received.length - 1;
    }

    @Override
    public void onReceived(int strategy) {
        received[slot(strategy)]++;
        metrics.onReceived(strategy);
    }

    @Override
    public void onRouted(int strategy, Instrument instrument) {
        accepted[slot(strategy)]++;
        metrics.onRouted(strategy, instrument);
    }

    @Override
    public void onRejected(int strategy, RejectReason reason) {
        rejected[slot(strategy)]++;
        metrics.onRejected(strategy, reason);
    }

    @Override
    public void onAcknowledged(int strategy, long latencyNanos) {
        metrics.onAcknowledged(strategy, latencyNanos);
    }

    @Override
    public void onFill(int strategy, Instrument instrument, long qty, long price, boolean firstFill, long latencyNanos) {
        fills[slot(strategy)]++;
        metrics.onFill(strategy, instrument, qty, price, firstFill, latencyNanos);
    }

    long received(int strategy) {
        return received[slot(strategy)];
    }

    long accepted(int strategy) {
        return accepted[slot(strategy)];
    }

    long rejected(int strategy) {
        return rejected[slot(strategy)];
    }

    long fills(int strategy) {
        return fills[slot(strategy)];
    }
}
