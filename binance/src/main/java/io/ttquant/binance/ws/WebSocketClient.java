package io.ttquant.binance.ws;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.ttquant.core.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What every owner of Binance WebSocket connections shares (the market-data {@link StreamClient},
 * the user data stream): all state on one single-threaded Netty event loop, which the public
 * methods hop onto; the injected {@link Clock}, read on a periodic tick of that loop so that a
 * test drives every deadline by moving its clock; the {@link ReconnectPolicy} (exponential backoff
 * with full jitter, at most one attempt a second); the {@link WebSocketConnector}; and the
 * start-once, close-once life cycle.
 *
 * <p>The subclass takes every decision: what to connect to, when, and what each event of its
 * connections ({@code C}) means. Those events and the tick arrive through the protected hooks, on
 * the event loop. Never blocks the loop and never lets a hook's exception reach Netty's timer.
 *
 * @param <C> the subclass's connection type
 */
public abstract class WebSocketClient<C extends WebSocketConnection<?, C>> {
    private final System.Logger log = System.getLogger(getClass().getName());
    private final WebSocketConfig config;
    private final EventLoop loop;
    private final Clock clock;
    private final ReconnectPolicy policy;
    private final WebSocketConnector connector;
    private ScheduledFuture<?> ticker;
    private boolean started;
    private boolean closed;
    private int nextConnectionId = 1;

    /**
     * A client configured by {@code config} on {@code eventLoop} (a single-threaded NIO loop).
     * Nothing connects before {@link #start()}.
     */
    protected WebSocketClient(WebSocketConfig config, EventLoop eventLoop) {
        if (config == null || eventLoop == null) {
            throw new IllegalArgumentException("config and eventLoop are required");
        }
        this.config = config;
        this.loop = eventLoop;
        this.clock = config.clock();
        this.policy = new ReconnectPolicy(config.initialBackoffNanos(), config.maxBackoffNanos(),
                config.minConnectIntervalNanos(), config.stableAfterNanos(), config.random());
        this.connector = new WebSocketConnector(config.endpoints(), eventLoop, config.handshakeTimeoutNanos());
    }

    /**
     * Starts the periodic tick and hands over to {@link #onStart}, which opens what comes first.
     * Calling it twice, or after close, has no effect.
     */
    public final void start() {
        onLoop(() -> {
            if (started || closed) {
                return;
            }
            started = true;
            long tick = config.tickIntervalNanos();
            ticker = loop.scheduleAtFixedRate(this::runTick, tick, tick, TimeUnit.NANOSECONDS);
            onStart(now());
        });
    }

    private void runTick() {
        if (closed) {
            return;
        }
        try {
            tick(now());
        } catch (RuntimeException e) {
            // A periodic task that throws is cancelled by Netty: log and keep ticking.
            log.log(System.Logger.Level.ERROR, "tick failed", e);
        }
    }

    // ---- what the subclass implements ------------------------------------------------------

    /** {@link #start()} ran, on the loop, at clock time {@code now}. */
    protected abstract void onStart(long now);

    /** The periodic tick, at clock time {@code now}; never called once closed. */
    protected abstract void tick(long now);

    /** {@code c}'s handshake completed. */
    protected abstract void onOpened(C c);

    /** A whole text message on {@code c}, valid only during the call. */
    protected abstract void onText(C c, ByteBuf text, long now);

    /** A ping arrived on {@code c}: its pong is pending ({@link WebSocketConnection#pollPong()}). */
    protected abstract void onPing(C c, long now);

    /** {@code c} is gone (its channel closed or its connect failed), its buffers released; called once per connection. */
    protected abstract void onEnded(C c);

    // ---- what the subclass calls -----------------------------------------------------------

    /** Runs {@code r} on the event loop: now when called there, otherwise queued. */
    protected final void onLoop(Runnable r) {
        if (loop.inEventLoop()) {
            r.run();
        } else {
            loop.execute(r);
        }
    }

    protected final EventLoop eventLoop() {
        return loop;
    }

    protected final long now() {
        return clock.nanos();
    }

    protected final ReconnectPolicy policy() {
        return policy;
    }

    protected final boolean isStarted() {
        return started;
    }

    protected final boolean isClosed() {
        return closed;
    }

    /** Marks the client closed and stops the tick; false when it was closed already. */
    protected final boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        if (ticker != null) {
            ticker.cancel(false);
        }
        return true;
    }

    /** The id for the next connection: 1, 2, 3... */
    protected final int nextConnectionId() {
        return nextConnectionId++;
    }

    /** A connection attempt at {@code now}: counted by the reconnect policy, timed by {@code c}'s health, then connected. */
    protected final void connect(C c, long now) {
        policy.onAttempt(now);
        c.health().onAttempt(now);
        connector.connect(c);
    }

    /** The health watch of a new connection, with the configured handshake, silence and age limits. */
    final ConnectionHealth newHealth() {
        return new ConnectionHealth(config.handshakeTimeoutNanos(), config.silenceTimeoutNanos(), config.maxConnectionAgeNanos());
    }

    final WebSocketConfig config() {
        return config;
    }
}
