package io.ttquant.app.service;

import io.ttquant.app.ServiceStartException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one thread of a service that owns its state (the gateway, the strategy engine; standalone or
 * inside {@code ttquant run}): started and awaited until the service says it is ready, with every
 * start failure turned into one-line {@link ServiceStartException}, then run while {@link #running()}
 * and stopped by {@link #stop()}. It holds no state of the service and never touches it; the body
 * must call {@link #ready()} once set up, {@link #failStart} for an error, {@link #stopped()} last.
 */
public final class ServiceThread {
    private static final long JOIN_MILLIS = TimeUnit.SECONDS.toMillis(10);

    private final String what;
    private final Thread thread;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile boolean running = true;

    /**
     * @param threadName the thread's name
     * @param what       the service as start errors name it ("gateway", "strategy engine")
     * @param body       what the thread runs
     */
    public ServiceThread(String threadName, String what, Runnable body) {
        this.what = what;
        this.thread = new Thread(body, threadName);
        thread.setDaemon(true);
    }

    /**
     * Starts the thread and waits until the body called {@link #ready()}. The caller closes the
     * service when this throws.
     *
     * @throws ServiceStartException the body's start error (one line), or that it took too long
     */
    public void start(long timeoutSeconds) {
        thread.start();
        try {
            ready.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw startFailure(e.getCause());
        } catch (TimeoutException e) {
            throw new ServiceStartException(what + " did not start within " + timeoutSeconds + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceStartException("interrupted while the " + what + " was starting", e);
        }
    }

    /** {@code e} as a start failure of this service: itself when it already is one, else one line naming the service. */
    public ServiceStartException startFailure(Throwable e) {
        return e instanceof ServiceStartException s ? s : new ServiceStartException(what + " did not start: " + e.getMessage(), e);
    }

    /** The body is set up: {@link #start} returns. */
    public void ready() {
        ready.complete(null);
    }

    /**
     * Hands {@code e} to {@link #start} when the body was not ready yet.
     *
     * @return false when the service had started already (the body then reports {@code e} itself)
     */
    public boolean failStart(Throwable e) {
        if (ready.isDone()) {
            return false;
        }
        ready.completeExceptionally(e);
        return true;
    }

    /** The body's loop condition: false once {@link #stop()} was called or the body ended. */
    public boolean running() {
        return running;
    }

    /** The body ended: called last on the thread. */
    public void stopped() {
        running = false;
    }

    /** True while the thread runs its loop. */
    public boolean isRunning() {
        return running && thread.isAlive();
    }

    /** Ends the loop and waits (up to 10 s) for the thread to finish, unless called on that thread. */
    public void stop() {
        running = false;
        if (thread.isAlive() && Thread.currentThread() != thread) {
            try {
                thread.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
