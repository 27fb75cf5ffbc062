package io.ttquant.app.parity;

import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.transport.MarketDataPublisher;
import io.ttquant.transport.zmq.ZmqPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The market data service's in-process publisher in the parity test: it takes the place of the
 * service's own PUB socket and drives the live pipeline in lock-step with the replay, so that the
 * gateway and the strategy engine get each recorded event in the order the backtester feeds it
 * (the simulated exchange first, then the strategies, with the exchange's reports in between).
 * It holds the service's event loop thread until the event has settled (the replay runs at speed
 * 0, so that is the pace); that is what a test harness may do and a real publisher must never.
 *
 * <p>Per event, of strictly increasing time {@code t} (bars):
 * <ol>
 *   <li>the clock goes to {@code t - 1}; the event, stamped as received at {@code t}, goes out on
 *       the gateway's socket; it waits until the gateway has handled it (the gateway's time reached
 *       {@code t}, which only this event can move it to) and the engine holds every report that
 *       caused ({@link PipelineState#agree()});</li>
 *   <li>the clock goes to {@code t}; the event goes out on the engine's socket; it waits until the
 *       engine handled it (the {@link EventCounter} behind the strategy counted it) and the gateway
 *       holds every order that caused, and the engine every report.</li>
 * </ol>
 * Before the first event it waits for the engine's strategies to be synced with the gateway, then
 * sends probe bars of a symbol only the counter trades on both sockets until both subscribers got
 * one (ZeroMQ drops what is published before a subscription arrives). Every wait polls with a
 * deadline. It never throws into the service: the first failure is kept ({@link #failure()}) and
 * every later event passes through untouched.
 */
final class LockStepPublisher implements MarketDataPublisher {
    private static final long STEP_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(20);
    private static final long POLL_NANOS = 20_000;
    private static final long PROBE_EVERY_NANOS = 1_000_000;

    /** Reads the live pipeline's sides, each on its own thread. */
    interface StateReader {
        /** Both sides' state; {@code requestId} numbers the gateway state requests. */
        PipelineState read(long requestId) throws Exception;

        /** True once the gateway decoded a market data message (the probes are the first). */
        boolean gatewayGotMarketData() throws Exception;
    }

    private final EventClock clock;
    private final ZmqPublisher toGateway;
    private final ZmqPublisher toEngine;
    private final StateReader state;
    private final Bar probe;
    private long requests;
    private long lastTime = Long.MIN_VALUE;
    private boolean probed;
    private volatile long delivered;
    private volatile Throwable failure;
    private volatile boolean stopped;

    /**
     * @param probe a bar of a symbol both subscribe to and only the counter trades, at a time before the first event
     */
    LockStepPublisher(EventClock clock, ZmqPublisher toGateway, ZmqPublisher toEngine, StateReader state, Bar probe) {
        this.clock = clock;
        this.toGateway = toGateway;
        this.toEngine = toEngine;
        this.state = state;
        this.probe = probe;
    }

    @Override
    public boolean publish(MarketEvent event) {
        if (failure != null || stopped) {
            return true;
        }
        try {
            if (!probed) {
                awaitSubscribers();
                probed = true;
            }
            deliver(event);
        } catch (Throwable e) {
            failure = e;
        }
        return true;
    }

    private void awaitSubscribers() throws Exception {
        await("the engine's strategies synced with the gateway", s -> s.bothActive());
        long[] lastProbe = {Long.MIN_VALUE};
        await("both subscriptions live (probe bars seen by the gateway and the engine)", s -> {
            if (s.probeBars() > 0 && state.gatewayGotMarketData()) {
                return true;
            }
            long now = System.nanoTime();
            if (lastProbe[0] == Long.MIN_VALUE || now - lastProbe[0] >= PROBE_EVERY_NANOS) {
                lastProbe[0] = now;
                send(toGateway, probe);
                send(toEngine, probe);
            }
            return false;
        });
    }

    private void deliver(MarketEvent e) throws Exception {
        long t = e.timeNanos();
        if (t <= lastTime) {
            throw new IllegalStateException("the lock-step needs strictly increasing event times: " + t + " after " + lastTime);
        }
        lastTime = t;
        long n = delivered + 1;
        clock.advanceTo(t - 1);
        e.stampReceiveTime(t);
        send(toGateway, e);
        await("the gateway handled event " + n + " (t=" + t + ") and the engine holds its reports",
                s -> s.gatewayNanos() >= t && s.agree());
        clock.advanceTo(t);
        send(toEngine, e);
        await("the engine handled event " + n + " (t=" + t + ") and the gateway holds its orders",
                s -> s.tradedBars() == n && s.agree());
        delivered = n;
    }

    private static void send(ZmqPublisher to, MarketEvent e) {
        if (!to.publish(e)) {
            throw new IllegalStateException("the socket " + to.endpoint() + " refused " + e);
        }
    }

    private interface Condition {
        boolean test(PipelineState s) throws Exception;
    }

    private void await(String what, Condition condition) throws Exception {
        long start = System.nanoTime();
        PipelineState last = null;
        while (System.nanoTime() - start < STEP_DEADLINE_NANOS) {
            if (stopped) {
                throw new IllegalStateException("stopped while waiting until " + what);
            }
            last = state.read(++requests);
            if (condition.test(last)) {
                return;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        throw new AssertionError("not within " + TimeUnit.NANOSECONDS.toSeconds(STEP_DEADLINE_NANOS) + " s: " + what
                + "; last seen " + last);
    }

    /** Ends the lock-step: a wait in progress gives up, later events pass through (any thread). */
    void stop() {
        stopped = true;
    }

    /** Events delivered and settled so far. */
    long delivered() {
        return delivered;
    }

    /** The failure that ended the lock-step, or null. */
    Throwable failure() {
        return failure;
    }
}
