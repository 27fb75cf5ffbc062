package io.ttquant.app.run;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ttquant.app.ServiceStartException;
import io.ttquant.app.gateway.GatewayStateEndpoint;
import io.ttquant.app.service.ServiceThread;
import io.ttquant.app.strategy.DirectStateClient;
import io.ttquant.app.strategy.RingExecutionReceiver;
import io.ttquant.app.strategy.RingOrderSender;
import io.ttquant.app.strategy.StrategyDefinition;
import io.ttquant.app.strategy.StrategyEngine;
import io.ttquant.app.strategy.StrategyEngineConfig;
import io.ttquant.app.strategy.StrategyMetrics;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.portfolio.Portfolio;
import io.ttquant.core.time.Clock;
import io.ttquant.transport.bus.FrameRing;
import io.ttquant.transport.codec.MarketDataDecoder;
import io.ttquant.transport.codec.SymbolTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The strategy engine of {@code ttquant run}, inside the JVM: one thread owns the
 * {@link StrategyEngine} and runs its duty cycle over rings instead of sockets: market data from a
 * {@link MarketDataRingReader}, execution events from the gateway's ring through a
 * {@link RingExecutionReceiver}, start-up state answers through a {@link DirectStateClient} (asked
 * of the gateway's request queue), the engine's timers and sync retries, and, at most once a second,
 * its {@link StrategyMetrics} and an {@link EngineSnapshot} for the dashboard. Orders leave through
 * a {@link RingOrderSender}. The strategies trade only once the gateway has answered their state
 * request (a restarted strategy continues from its journaled position).
 *
 * <p>{@link #close()} stops the thread, which calls the strategies' {@code onStop}; it cancels
 * nothing (open orders stay at the gateway, which journals them). Nothing but the engine thread
 * touches the engine; other threads read the published snapshot.
 */
final class EmbeddedEngine implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EmbeddedEngine.class.getName());
    private static final int BATCH = 1024;
    private static final long START_TIMEOUT_SECONDS = 30;
    private static final long IDLE_PARK_NANOS = 50_000;

    private final StrategyEngineConfig config;
    private final Clock clock;
    private final Clock latencyClock;
    private final PrometheusRegistry registry;
    private final FrameRing orders;
    private final FrameRing executions;
    private final FrameRing marketData;
    private final GatewayStateEndpoint.Source gateway;
    private final ServiceThread thread;
    private volatile EngineSnapshot snapshot;
    private boolean closed;

    private EmbeddedEngine(StrategyEngineConfig config, Clock clock, Clock latencyClock, PrometheusRegistry registry, FrameRing orders,
                           FrameRing executions, FrameRing marketData, GatewayStateEndpoint.Source gateway) {
        this.config = config;
        this.clock = clock;
        this.latencyClock = latencyClock;
        this.registry = registry;
        this.orders = orders;
        this.executions = executions;
        this.marketData = marketData;
        this.gateway = gateway;
        this.thread = new ServiceThread("ttquant-strategy", "strategy engine", this::run);
    }

    /**
     * Starts the engine thread; returns once the strategies are created and their sync has begun.
     *
     * @param clock        the strategies' clock (ns since the epoch)
     * @param latencyClock times the callbacks
     * @throws ServiceStartException when the engine cannot be built (one line)
     */
    static EmbeddedEngine start(StrategyEngineConfig config, Clock clock, Clock latencyClock, PrometheusRegistry registry,
                                FrameRing orders, FrameRing executions, FrameRing marketData, GatewayStateEndpoint.Source gateway) {
        EmbeddedEngine engine = new EmbeddedEngine(config, clock, latencyClock, registry, orders, executions, marketData, gateway);
        try {
            engine.thread.start(START_TIMEOUT_SECONDS);
            return engine;
        } catch (ServiceStartException e) {
            engine.close();
            throw e;
        }
    }

    private void run() {
        try {
            List<StrategyDefinition> definitions = config.definitions();
            DirectStateClient state = new DirectStateClient(gateway);
            StrategyEngine engine = new StrategyEngine(config.instruments(), definitions, config.settings(), clock, latencyClock,
                    new RingOrderSender(orders), state);
            StrategyMetrics metrics = new StrategyMetrics(registry, engine);
            RingExecutionReceiver reports = new RingExecutionReceiver(executions, engine);
            SymbolTable symbols = new SymbolTable();
            for (Instrument i : config.instruments()) {
                symbols.add(i);
            }
            MarketDataRingReader md = new MarketDataRingReader(marketData, new MarketDataDecoder(symbols), engine::onMarketData);
            engine.start(clock.nanos());
            metrics.sample(clock.nanos());
            publish(engine, definitions, md);
            thread.ready();
            while (thread.running()) {
                long now = clock.nanos();
                int work = md.poll(BATCH);
                work += reports.poll(BATCH);
                work += state.poll(engine);
                work += engine.doWork(now);
                if (metrics.sampleIfDue(now)) {
                    publish(engine, definitions, md);
                }
                if (work == 0) {
                    LockSupport.parkNanos(IDLE_PARK_NANOS);
                }
            }
            // Reports that came before the stop still count in the final state.
            reports.poll(Integer.MAX_VALUE);
            engine.stop();
            metrics.sample(clock.nanos());
            publish(engine, definitions, md);
        } catch (Throwable e) {
            if (!thread.failStart(e)) {
                LOG.log(System.Logger.Level.ERROR, "strategy engine thread stopped by an unexpected error (the strategies' onStop "
                        + "was not called); nothing trades any more", e);
            }
        } finally {
            thread.stopped();
        }
    }

    /** Takes the dashboard's snapshot (engine thread; allocates, at most once a second). */
    private void publish(StrategyEngine engine, List<StrategyDefinition> definitions, MarketDataRingReader md) {
        List<EngineSnapshot.StrategyState> list = new ArrayList<>();
        for (StrategyDefinition d : definitions) {
            String id = d.id();
            Portfolio p = engine.portfolio(id);
            List<EngineSnapshot.Holding> holdings = new ArrayList<>();
            for (Instrument i : d.instruments()) {
                long qty = p.position(i).netQty();
                holdings.add(new EngineSnapshot.Holding(i.symbol(), qty, i.formatQty(qty)));
            }
            StrategyEngine.State state = engine.state(id);
            String problem = state == StrategyEngine.State.QUARANTINED ? engine.reason(id)
                    : state == StrategyEngine.State.SYNCING ? engine.syncProblem(id) : null;
            long realized = p.realizedPnl();
            long unrealized = p.unrealizedPnl();
            long equity = p.equity();
            list.add(new EngineSnapshot.StrategyState(id, d.name(), state.name(), problem, p.valuationAsset(), holdings,
                    realized, Fixed.formatCompact(realized, Fixed.CASH_SCALE), unrealized, Fixed.formatCompact(unrealized, Fixed.CASH_SCALE),
                    equity, Fixed.formatCompact(equity, Fixed.CASH_SCALE), engine.ordersSent(id), engine.cancelsSent(id)));
        }
        snapshot = new EngineSnapshot(clock.nanos(), list, md.handled(), engine.executionEvents());
    }

    /** The latest snapshot (null before the engine started). */
    EngineSnapshot snapshot() {
        return snapshot;
    }

    StrategyEngineConfig config() {
        return config;
    }

    boolean isRunning() {
        return thread.isRunning();
    }

    /** Stops the engine thread after the strategies' {@code onStop}; cancels nothing. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        thread.stop();
    }
}
