package io.ttquant.app.gateway;

import java.util.concurrent.CompletableFuture;

/**
 * What an operator may ask of a running gateway, from any thread: each request is queued and
 * carried out on the gateway's own thread, and its answer comes back in the future. A caller never
 * touches the gateway's state itself; a future fails when the gateway is stopped or its queue is
 * full.
 */
public interface GatewayControl {
    /** Engages the global kill switch; the answer is how many cancels were sent for open orders. */
    CompletableFuture<Integer> engageKillSwitch(String reason);

    /** Releases the kill switch; the answer is whether it was engaged. */
    CompletableFuture<Boolean> releaseKillSwitch();

    /** A snapshot of the gateway's state, taken on its thread. */
    CompletableFuture<GatewayStatus> status();
}
