package io.ttquant.app.service;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A request from any thread carried out on a service's own thread (the gateway's, the strategy
 * engine's), which owns {@code S}: the action runs there and its result (or its error) completes
 * {@link #result()}. It never runs the action anywhere else; a request never carried out is
 * completed exceptionally by the service.
 *
 * @param <S> what the service thread owns and the action reads
 * @param <T> the result
 */
public final class ServiceTask<S, T> {
    private final Function<S, T> action;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    public ServiceTask(Function<S, T> action) {
        this.action = action;
    }

    /** Runs the action on the service thread; an exception it throws completes the result. */
    public void run(S owned) {
        try {
            result.complete(action.apply(owned));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    public CompletableFuture<T> result() {
        return result;
    }
}
