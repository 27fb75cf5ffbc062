package io.ttquant.bench.pipeline;

import io.ttquant.app.gateway.GatewayObserver;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.RejectReason;

/**
 * The gateway's hook for the tick-to-trade benchmark: it numbers the commands the gateway receives
 * (0, 1, 2... in arrival order, which is the strategy's sending order) and records the
 * {@link System#nanoTime()} at which each new order passed every risk check and went to the venue
 * ({@link GatewayObserver#onRouted}). Refusals are counted by reason. Preallocated; it never
 * allocates, blocks or throws, as an observer must not.
 */
final class AcceptClock implements GatewayObserver {
    private final long[] acceptedNanos;
    private final long[] rejections = new long[RejectReason.values().length];
    private int received = -1;

    AcceptClock(int capacity) {
        this.acceptedNanos = new long[capacity];
    }

    @Override
    public void onReceived(int strategy) {
        received++;
    }

    @Override
    public void onRouted(int strategy, Instrument instrument) {
        if (received >= 0 && received < acceptedNanos.length) {
            acceptedNanos[received] = System.nanoTime();
        }
    }

    @Override
    public void onRejected(int strategy, RejectReason reason) {
        rejections[reason.ordinal()]++;
    }

    /** When command n passed the risk check (nanoTime), 0 when it did not. */
    long[] acceptedNanos() {
        return acceptedNanos;
    }

    int received() {
        return received + 1;
    }

    /** "REASON n, ..." of the refusals, or "none". */
    String rejections() {
        StringBuilder b = new StringBuilder();
        for (RejectReason r : RejectReason.values()) {
            if (rejections[r.ordinal()] > 0) {
                b.append(b.length() == 0 ? "" : ", ").append(r).append(' ').append(rejections[r.ordinal()]);
            }
        }
        return b.length() == 0 ? "none" : b.toString();
    }
}
