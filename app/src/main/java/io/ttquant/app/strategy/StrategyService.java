package io.ttquant.app.strategy;

import com.google.protobuf.InvalidProtocolBufferException;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ttquant.app.ServiceStartException;
import io.ttquant.app.metrics.MetricsEndpoint;
import io.ttquant.app.service.ServiceTask;
import io.ttquant.app.service.ServiceThread;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.core.time.Clock;
import io.ttquant.transport.SequenceGapDetector;
import io.ttquant.transport.Topics;
import io.ttquant.transport.codec.MarketDataDecoder;
import io.ttquant.transport.codec.SymbolTable;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.zmq.ZmqMarketDataAdapter;
import io.ttquant.transport.zmq.ZmqSubscriber;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.zeromq.ZContext;

/**
 * The strategy engine process ({@code ttquant strategy}) over ZeroMQ: one engine thread owns the
 * {@link StrategyEngine} and every socket, and runs a duty cycle: market data from the bus (SUB,
 * the configured symbols and kinds) into {@link StrategyEngine#onMarketData}, execution events from
 * the gateway's PUB ({@code exec.<id>} of each strategy, topics compared exactly, sequence gaps
 * counted and logged) into {@link StrategyEngine#onExecutionEvent}, start-up state answers from the
 * gateway's state endpoint (DEALER), the engine's own timers and sync retries, queued inspection
 * requests, and the metric samples at most once a second. Orders leave on a PUSH socket to the
 * gateway's PULL endpoint. Beside it: the Prometheus endpoint.
 *
 * <p>Nothing but the engine thread touches the engine or the sockets; other threads {@link #inspect}
 * through a bounded queue served on the engine thread. Time comes from the injected clocks.
 * {@link #start} returns once the sockets are connected and the engine has started (its strategies
 * then sync with the gateway, and trade once it answered); {@link #close()} calls the strategies'
 * {@code onStop} on the engine thread and releases every socket and the metrics port.
 */
public final class StrategyService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StrategyService.class.getName());
    private static final long START_TIMEOUT_SECONDS = 30;
    private static final int TASK_QUEUE_CAPACITY = 64;

    private final StrategyEngineConfig config;
    private final Clock clock;
    private final Clock latencyClock;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final ZContext zmq = new ZContext(1);
    private final ArrayBlockingQueue<ServiceTask<StrategyEngine, ?>> tasks = new ArrayBlockingQueue<>(TASK_QUEUE_CAPACITY);
    private final ServiceThread thread;
    private volatile Throwable failure;
    private MetricsEndpoint metricsEndpoint;
    /** Set once on the engine thread before it reports ready. */
    private volatile StrategyMetrics metrics;
    private boolean closed;

    private StrategyService(StrategyEngineConfig config, Clock clock, Clock latencyClock) {
        this.config = config;
        this.clock = clock;
        this.latencyClock = latencyClock;
        this.thread = new ServiceThread("ttquant-strategy", "strategy engine", this::run);
    }

    /**
     * Starts the engine: connects to the gateway and the market data, serves metrics, starts the
     * strategies' sync. Returns once all are up.
     *
     * @param clock        the strategies' clock (ns since the epoch; {@code SystemEpochClock} in production)
     * @param latencyClock times callbacks ({@code System::nanoTime} in production)
     * @throws ServiceStartException when a socket or the metrics port cannot be set up (one line)
     */
    public static StrategyService start(StrategyEngineConfig config, Clock clock, Clock latencyClock) {
        StrategyService service = new StrategyService(config, clock, latencyClock);
        try {
            service.startAll();
            return service;
        } catch (RuntimeException | Error e) {
            service.close();
            throw service.thread.startFailure(e);
        }
    }

    private void startAll() {
        thread.start(START_TIMEOUT_SECONDS);
        if (config.metricsPort() >= 0) {
            try {
                metricsEndpoint = MetricsEndpoint.start("127.0.0.1", config.metricsPort(), registry);
            } catch (UncheckedIOException e) {
                throw new ServiceStartException("strategy engine did not start: " + e.getMessage(), e);
            }
        }
        LOG.log(System.Logger.Level.INFO, "strategy engine started: strategies " + config.strategyIds() + ", orders to "
                + config.ordersEndpoint() + ", executions from " + config.executionsEndpoint() + ", state from "
                + config.stateEndpoint() + ", market data from " + config.marketDataEndpoint() + " (md." + config.marketDataVenue()
                + ".<SYMBOL>.*)" + (metricsEndpoint == null ? "" : ", metrics " + metricsEndpoint.url()));
    }

    // ------------------------------------------------------------------ the engine thread

    private void run() {
        ZmqOrderSender sender = null;
        ZmqStateClient state = null;
        ZmqMarketDataAdapter marketData = null;
        ZmqSubscriber executions = null;
        StrategyEngine engine = null;
        try {
            try {
                sender = new ZmqOrderSender(zmq, config.ordersEndpoint(), ZmqOrderSender.DEFAULT_SEND_HIGH_WATER_MARK);
                state = new ZmqStateClient(zmq, config.stateEndpoint());
            } catch (RuntimeException e) {
                throw new ServiceStartException("strategy engine did not start: " + e.getMessage(), e);
            }
            engine = new StrategyEngine(config.instruments(), config.definitions(), config.settings(), clock, latencyClock, sender,
                    state);
            StrategyMetrics metrics = new StrategyMetrics(registry, engine);
            this.metrics = metrics;
            executions = subscribeExecutions();
            marketData = subscribeMarketData(engine);
            ExecutionHandler handler = new ExecutionHandler(engine, config.strategyIds());
            engine.start(clock.nanos());
            metrics.sample(clock.nanos());
            thread.ready();
            loop(engine, metrics, marketData, executions, handler, state);
        } catch (Throwable e) {
            if (!thread.failStart(e)) {
                failure = e;
                LOG.log(System.Logger.Level.ERROR, "strategy engine thread stopped by an unexpected error; nothing trades any more", e);
            }
        } finally {
            thread.stopped();
            for (ServiceTask<StrategyEngine, ?> t; (t = tasks.poll()) != null; ) {
                t.result().completeExceptionally(new RejectedExecutionException("the strategy engine is stopped"));
            }
            if (engine != null && failure == null) {
                try {
                    engine.stop();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "strategy engine: stopping the strategies failed: " + e);
                }
            }
            if (marketData != null) {
                marketData.close();
            }
            if (executions != null) {
                executions.close();
            }
            if (state != null) {
                state.close();
            }
            if (sender != null) {
                sender.close();
            }
        }
    }

    private ZmqSubscriber subscribeExecutions() {
        ZmqSubscriber.Config sub = new ZmqSubscriber.Config().connect(config.executionsEndpoint());
        for (String id : config.strategyIds()) {
            sub.subscribe(Topics.execution(id));
        }
        try {
            return new ZmqSubscriber(zmq, sub);
        } catch (RuntimeException e) {
            throw new ServiceStartException("strategy engine did not start: cannot subscribe to the gateway's executions on "
                    + config.executionsEndpoint() + ": " + e.getMessage(), e);
        }
    }

    private ZmqMarketDataAdapter subscribeMarketData(StrategyEngine engine) {
        ZmqSubscriber.Config sub = new ZmqSubscriber.Config().connect(config.marketDataEndpoint());
        SymbolTable symbols = new SymbolTable();
        for (Instrument i : config.instruments()) {
            symbols.add(i);
            for (MarketDataKind k : config.marketDataKinds()) {
                sub.subscribe(Topics.marketData(config.marketDataVenue(), i.symbol(), k));
            }
        }
        try {
            return new ZmqMarketDataAdapter(new ZmqSubscriber(zmq, sub), new MarketDataDecoder(symbols), engine::onMarketData);
        } catch (RuntimeException e) {
            throw new ServiceStartException("strategy engine did not start: cannot subscribe to the market data on "
                    + config.marketDataEndpoint() + ": " + e.getMessage(), e);
        }
    }

    private void loop(StrategyEngine engine, StrategyMetrics metrics, ZmqMarketDataAdapter marketData, ZmqSubscriber executions,
                      ExecutionHandler handler, ZmqStateClient state) {
        long park = config.idleParkNanos();
        boolean spin = config.spin();
        while (thread.running()) {
            long now = clock.nanos();
            int work = marketData.doWork();
            work += executions.poll(handler, ZmqMarketDataAdapter.DEFAULT_BATCH);
            work += state.poll(engine);
            work += engine.doWork(now);
            for (ServiceTask<StrategyEngine, ?> t; (t = tasks.poll()) != null; ) {
                t.run(engine);
                work++;
            }
            metrics.sampleIfDue(now);
            if (work == 0) {
                if (spin) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(park);
                }
            }
        }
    }

    /** Hands each event on an exact {@code exec.<id>} topic to the engine; counts gaps, drops what protoc cannot parse. */
    private static final class ExecutionHandler implements ZmqSubscriber.MessageHandler {
        private final StrategyEngine engine;
        private final byte[][] topics;
        private final SequenceGapDetector gaps = new SequenceGapDetector();
        private long malformed;
        private long lastMissing;

        ExecutionHandler(StrategyEngine engine, List<String> ids) {
            this.engine = engine;
            this.topics = new byte[ids.size()][];
            for (int i = 0; i < ids.size(); i++) {
                topics[i] = Topics.execution(ids.get(i)).getBytes(StandardCharsets.US_ASCII);
            }
        }

        @Override
        public void onMessage(byte[] topic, int topicLength, byte[] payload, int payloadLength) {
            if (!isOurs(topic, topicLength)) {
                return;
            }
            ExecutionEvent event;
            try {
                event = ExecutionEvent.parseFrom(java.nio.ByteBuffer.wrap(payload, 0, payloadLength));
            } catch (InvalidProtocolBufferException e) {
                malformed++;
                return;
            }
            gaps.onMessage(topic, topicLength, event.getSequence());
            if (gaps.missing() > lastMissing) {
                lastMissing = gaps.missing();
                LOG.log(System.Logger.Level.WARNING, "strategy engine: execution events lost on "
                        + new String(topic, 0, topicLength, StandardCharsets.US_ASCII) + " (" + lastMissing + " in all): an order's "
                        + "state may be stale until its next report");
            }
            engine.onExecutionEvent(event);
        }

        private boolean isOurs(byte[] topic, int length) {
            for (byte[] t : topics) {
                if (t.length == length && Arrays.equals(t, 0, length, topic, 0, length)) {
                    return true;
                }
            }
            return false;
        }
    }

    // ------------------------------------------------------------------ any thread

    /** Runs {@code action} on the engine thread (tests, tools): the engine's state is read there, never here. */
    public <T> CompletableFuture<T> inspect(Function<StrategyEngine, T> action) {
        ServiceTask<StrategyEngine, T> task = new ServiceTask<>(action);
        if (!thread.running()) {
            task.result().completeExceptionally(new RejectedExecutionException("the strategy engine is stopped"
                    + (failure == null ? "" : " after an error: " + failure.getMessage())));
        } else if (!tasks.offer(task)) {
            task.result().completeExceptionally(new RejectedExecutionException("the strategy engine's request queue is full"));
        } else if (!thread.running() && tasks.remove(task)) {
            task.result().completeExceptionally(new RejectedExecutionException("the strategy engine is stopped"));
        }
        return task.result();
    }

    /** Samples the metric gauges now, on the engine thread (tests and operators need not wait for the next second). */
    public CompletableFuture<Void> sampleMetrics() {
        return inspect(e -> {
            metrics.sample(clock.nanos());
            return null;
        });
    }

    public StrategyEngineConfig config() {
        return config;
    }

    /** The metrics URL, or null when none is served. */
    public String metricsUrl() {
        return metricsEndpoint == null ? null : metricsEndpoint.url();
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** True while the engine thread runs. */
    public boolean isRunning() {
        return thread.isRunning();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (metricsEndpoint != null) {
            metricsEndpoint.close();
        }
        thread.stop();
        zmq.close();
        LOG.log(System.Logger.Level.INFO, "strategy engine stopped");
    }
}
