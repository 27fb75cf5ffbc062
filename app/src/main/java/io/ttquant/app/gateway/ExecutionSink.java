package io.ttquant.app.gateway;

import io.ttquant.transport.proto.ExecutionEvent;

/**
 * Where the gateway sends what it has to say to a strategy: execution reports and position
 * updates, each wrapped in an {@link ExecutionEvent} that already carries its per-strategy
 * sequence number. Called on the gateway's thread; an implementation must not call back into the
 * gateway and must not throw for a strategy name it cannot serve (it drops and counts instead).
 */
@FunctionalInterface
public interface ExecutionSink {
    void onExecution(String strategy, ExecutionEvent event);
}
