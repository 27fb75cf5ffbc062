package io.ttquant.app.run;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ttquant.app.ServiceStartException;
import io.ttquant.app.gateway.GatewayConfig;
import io.ttquant.app.gateway.GatewayMetrics;
import io.ttquant.app.gateway.GatewayRecovery;
import io.ttquant.app.gateway.GatewayStateEndpoint;
import io.ttquant.app.gateway.GatewayStateQuery;
import io.ttquant.app.gateway.GatewayStatus;
import io.ttquant.app.gateway.InProcessGatewayTransport;
import io.ttquant.app.gateway.JournalEventLog;
import io.ttquant.app.gateway.OrderGateway;
import io.ttquant.app.gateway.RingExecutionSink;
import io.ttquant.app.gateway.journal.JournalConfig;
import io.ttquant.app.gateway.journal.JournalRecovery;
import io.ttquant.app.gateway.journal.OrderJournal;
import io.ttquant.app.service.ServiceTask;
import io.ttquant.app.service.ServiceThread;
import io.ttquant.app.store.OrderJournalExporter;
import io.ttquant.app.store.OrderJournalExporterMetrics;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.portfolio.Position;
import io.ttquant.core.time.Clock;
import io.ttquant.store.TradingStore;
import io.ttquant.store.writer.Sleeper;
import io.ttquant.transport.bus.FrameRing;
import io.ttquant.transport.codec.MarketDataDecoder;
import io.ttquant.transport.codec.SymbolTable;
import io.ttquant.transport.proto.StateSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The order gateway of {@code ttquant run} with the paper venue, inside the JVM: one thread owns
 * the {@link OrderGateway} and runs its duty cycle over rings instead of sockets: market data from
 * a {@link MarketDataRingReader} into {@link OrderGateway#onMarketData} (paper fills, the risk
 * engine's reference prices), order commands through the {@link InProcessGatewayTransport}, reports
 * out through a {@link RingExecutionSink}, the journal's group-commit deadline, queued requests
 * (the strategy engine's start-up state, answered by {@link GatewayStateQuery}), and, at most once a
 * second, the metric gauges and a {@link GatewaySnapshot} for the dashboard.
 *
 * <p>It is assembled from the {@code ttquant gateway} process's parts, as {@code GatewayService}
 * assembles them around ZeroMQ: the order journal (opened and replayed at start by
 * {@link GatewayRecovery}: positions and open orders survive a restart), the
 * {@link OrderJournalExporter} that copies what the journal holds into the store on its own thread,
 * and {@link GatewayMetrics}. {@link #close()} stops the thread, which journals a clean SHUTDOWN
 * and closes the journal, then lets the exporter drain. Nothing but the gateway thread touches the
 * gateway; other threads go through the request queue or read the published snapshot.
 */
final class EmbeddedGateway implements GatewayStateEndpoint.Source, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EmbeddedGateway.class.getName());
    private static final int TASK_QUEUE_CAPACITY = 64;
    private static final int MARKET_DATA_BATCH = 1024;
    private static final long START_TIMEOUT_SECONDS = 30;

    private final GatewayConfig config;
    private final Clock clock;
    private final PrometheusRegistry registry;
    private final GatewayMetrics metrics;
    private final FrameRing orders;
    private final FrameRing executions;
    private final FrameRing marketData;
    private final Supplier<? extends TradingStore> store;
    private final ArrayBlockingQueue<ServiceTask<OrderGateway, ?>> tasks = new ArrayBlockingQueue<>(TASK_QUEUE_CAPACITY);
    private final ServiceThread thread;
    private volatile Throwable failure;
    private volatile GatewaySnapshot snapshot;
    private volatile OrderJournalExporter exporter;
    private volatile String recovery = "";
    private boolean closed;

    /**
     * @param store opens the store the journal is exported to (called on the export thread), or null for no export
     */
    private EmbeddedGateway(GatewayConfig config, Clock clock, PrometheusRegistry registry, FrameRing orders, FrameRing executions,
                            FrameRing marketData, Supplier<? extends TradingStore> store) {
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        this.metrics = new GatewayMetrics(registry, config.strategyNames(), config.instruments());
        this.orders = orders;
        this.executions = executions;
        this.marketData = marketData;
        this.store = store;
        this.thread = new ServiceThread("ttquant-gateway", "gateway", this::run);
    }

    /**
     * Starts the gateway thread and returns once the journal is recovered and orders are taken.
     *
     * @throws ServiceStartException when the gateway cannot be built (one line)
     */
    static EmbeddedGateway start(GatewayConfig config, Clock clock, PrometheusRegistry registry, FrameRing orders,
                                 FrameRing executions, FrameRing marketData, Supplier<? extends TradingStore> store) {
        EmbeddedGateway gateway = new EmbeddedGateway(config, clock, registry, orders, executions, marketData, store);
        try {
            gateway.thread.start(START_TIMEOUT_SECONDS);
            return gateway;
        } catch (ServiceStartException e) {
            gateway.close();
            throw e;
        }
    }

    // ------------------------------------------------------------------ the gateway thread

    private void run() {
        OrderGateway gateway = null;
        OrderJournal journal = null;
        boolean clean = false;
        try {
            List<String> names = config.strategyNames();
            GatewayCounts counts = new GatewayCounts(metrics, names.size());
            gateway = new OrderGateway(config.riskLimits(), OrderGateway.paperVenue(config.paper()), new RingExecutionSink(executions),
                    counts, OrderGateway.DEFAULT_IDEMPOTENCY_WINDOW, clock.nanos());
            journal = recover(gateway);
            InProcessGatewayTransport transport = new InProcessGatewayTransport(orders, gateway, InProcessGatewayTransport.DEFAULT_BATCH);
            SymbolTable symbols = new SymbolTable();
            for (Instrument i : config.instruments()) {
                symbols.add(i);
            }
            MarketDataRingReader md = new MarketDataRingReader(marketData, new MarketDataDecoder(symbols), gateway::onMarketData);
            metrics.attach(gateway, transport.intake(), md.decoder(), null);
            metrics.attachJournal(journal);
            metrics.sample(clock.nanos());
            publish(gateway, counts, md);
            thread.ready();
            loop(gateway, transport, md, counts);
            // The strategy engine stops first: orders it sent before it stopped are still taken, and journaled.
            for (int round = 0; round < 1_000 && transport.doWork(clock.nanos()) > 0; round++) {
                gateway.doLogWork();
            }
            clean = true;
            publish(gateway, counts, md);
        } catch (Throwable e) {
            if (!thread.failStart(e)) {
                failure = e;
                LOG.log(System.Logger.Level.ERROR, "gateway thread stopped by an unexpected error; no order is handled any more", e);
            }
        } finally {
            thread.stopped();
            for (ServiceTask<OrderGateway, ?> t; (t = tasks.poll()) != null; ) {
                t.result().completeExceptionally(new RejectedExecutionException("the gateway is stopped"));
            }
            if (journal != null) {
                // After an unexpected error the state may be half-changed: no SHUTDOWN, the next start recovers as after a crash.
                if (clean && !gateway.shutdown(clock.nanos())) {
                    LOG.log(System.Logger.Level.ERROR, "gateway: the clean shutdown could not be journaled: "
                            + (journal.failure() == null ? "journal closed" : journal.failure().describe()));
                }
                journal.close();
            }
        }
    }

    /** Opens the order journal, starts its export and rebuilds the gateway from it (gateway thread, at start). */
    private OrderJournal recover(OrderGateway gateway) {
        if (config.journalDir() == null) {
            recovery = "no order journal";
            return null;
        }
        // The exporter exists before the journal opens: compaction, which may start at once, must wait for it.
        OrderJournalExporter export = store == null ? null
                : new OrderJournalExporter(config.export(), config.journalDir(), store, clock, Sleeper.PARK);
        JournalConfig.Builder journalConfig = JournalConfig.builder(config.journalDir()).syncPolicy(config.journalSync()).clock(clock);
        if (export != null) {
            journalConfig.compactionWatermark(export::watermark);
        }
        JournalRecovery recovered = OrderJournal.open(journalConfig.build());
        OrderJournal journal = recovered.journal();
        if (journal != null) {
            gateway.attachLog(new JournalEventLog(journal, gateway.venue().name()));
            if (export != null) {
                OrderJournalExporterMetrics.register(registry, export.follow(journal::durablePosition));
                export.start();
                exporter = export;
            }
        }
        recovery = GatewayRecovery.restore(gateway, recovered, clock.nanos());
        return journal;
    }

    private void loop(OrderGateway gateway, InProcessGatewayTransport transport, MarketDataRingReader md, GatewayCounts counts) {
        long park = config.idleParkNanos();
        while (thread.running()) {
            long now = clock.nanos();
            int work = md.poll(MARKET_DATA_BATCH);
            work += transport.doWork(now);
            work += gateway.doLogWork();
            for (ServiceTask<OrderGateway, ?> t; (t = tasks.poll()) != null; ) {
                t.run(gateway);
                work++;
            }
            if (metrics.sampleIfDue(now)) {
                publish(gateway, counts, md);
            }
            if (work == 0) {
                LockSupport.parkNanos(park);
            }
        }
    }

    /** Takes the dashboard's snapshot (gateway thread; allocates, at most once a second). */
    private void publish(OrderGateway gateway, GatewayCounts counts, MarketDataRingReader md) {
        List<String> names = config.strategyNames();
        GatewayStatus status = GatewayStatus.of(gateway, names, config.instruments(), config.journalDescription());
        List<GatewaySnapshot.StrategyOrders> list = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            List<GatewaySnapshot.Holding> holdings = new ArrayList<>();
            for (Instrument i : config.instruments()) {
                Position p = gateway.position(names.get(s), i.symbol());
                long qty = p == null ? 0 : p.netQty();
                long realized = p == null ? 0 : p.realizedPnl();
                holdings.add(new GatewaySnapshot.Holding(i.symbol(), qty, i.formatQty(qty), realized,
                        Fixed.formatCompact(realized, Fixed.CASH_SCALE)));
            }
            list.add(new GatewaySnapshot.StrategyOrders(names.get(s), counts.received(s), counts.accepted(s), counts.rejected(s),
                    counts.fills(s), holdings));
        }
        snapshot = new GatewaySnapshot(status, list, md.handled());
    }

    // ------------------------------------------------------------------ any thread

    /** A strategy engine's start-up state (its open orders, positions, fees), taken on the gateway thread. */
    @Override
    public CompletableFuture<StateSnapshot> stateSnapshot(String strategy, long requestId) {
        ServiceTask<OrderGateway, StateSnapshot> task = new ServiceTask<>(g -> GatewayStateQuery.snapshot(g, strategy, requestId, config.instruments()));
        if (!thread.running()) {
            task.result().completeExceptionally(new RejectedExecutionException("the gateway is stopped"
                    + (failure == null ? "" : " after an error: " + failure.getMessage())));
        } else if (!tasks.offer(task)) {
            task.result().completeExceptionally(new RejectedExecutionException("the gateway's request queue is full"));
        } else if (!thread.running() && tasks.remove(task)) {
            task.result().completeExceptionally(new RejectedExecutionException("the gateway is stopped"));
        }
        return task.result();
    }

    /** The latest snapshot (null before the gateway started). */
    GatewaySnapshot snapshot() {
        return snapshot;
    }

    /** The store export, or null without a store or journal. */
    OrderJournalExporter exporter() {
        return exporter;
    }

    /** What the start-up recovery from the journal found, in one line. */
    String recovery() {
        return recovery;
    }

    GatewayConfig config() {
        return config;
    }

    boolean isRunning() {
        return thread.isRunning();
    }

    /**
     * Stops the gateway thread (which journals SHUTDOWN and closes the journal), then lets the
     * exporter copy what was journaled into the store, within its drain deadline. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        thread.stop();
        OrderJournalExporter export = exporter;
        if (export != null) {
            export.close();
        }
    }
}
