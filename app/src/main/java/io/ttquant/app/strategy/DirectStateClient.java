package io.ttquant.app.strategy;

import io.ttquant.app.gateway.GatewayStateEndpoint;
import io.ttquant.transport.proto.StateSnapshot;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Asks a gateway in the same JVM for strategies' start-up state without a socket: the request goes
 * to the gateway's {@link GatewayStateEndpoint.Source} (for {@code GatewayService}, queued to the
 * gateway's thread), the answer comes back on whatever thread completes it and waits in a
 * concurrent queue until the engine's thread {@link #poll}s it. A failed request (gateway stopped,
 * queue full) is an answer with {@code error} set, so the engine asks again. Never blocks.
 */
public final class DirectStateClient implements StateRequester {
    private final GatewayStateEndpoint.Source gateway;
    private final ConcurrentLinkedQueue<StateSnapshot> answers = new ConcurrentLinkedQueue<>();

    public DirectStateClient(GatewayStateEndpoint.Source gateway) {
        if (gateway == null) {
            throw new IllegalArgumentException("a gateway state source is required");
        }
        this.gateway = gateway;
    }

    @Override
    public void request(String strategy, long requestId, long nowNanos) {
        gateway.stateSnapshot(strategy, requestId).whenComplete((snapshot, error) -> answers.add(error == null ? snapshot
                : StateSnapshot.newBuilder().setStrategy(strategy).setRequestId(requestId)
                        .setError(String.valueOf(error.getMessage())).build()));
    }

    /** Hands the answers that came to {@code engine} (engine thread). Returns how many. */
    public int poll(StrategyEngine engine) {
        int n = 0;
        StateSnapshot s;
        while ((s = answers.poll()) != null) {
            engine.onStateSnapshot(s);
            n++;
        }
        return n;
    }
}
