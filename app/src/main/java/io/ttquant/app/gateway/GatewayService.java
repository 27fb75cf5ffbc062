package io.ttquant.app.gateway;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ttquant.app.ServiceStartException;
import io.ttquant.app.gateway.binance.BinanceVenue;
import io.ttquant.app.gateway.binance.BinanceVenueFactory;
import io.ttquant.app.gateway.binance.BinanceVenueStartup;
import io.ttquant.app.gateway.journal.JournalConfig;
import io.ttquant.app.gateway.journal.JournalRecovery;
import io.ttquant.app.gateway.journal.OrderJournal;
import io.ttquant.app.metrics.MetricsEndpoint;
import io.ttquant.app.service.ServiceTask;
import io.ttquant.app.service.ServiceThread;
import io.ttquant.app.store.OrderJournalExporter;
import io.ttquant.app.store.OrderJournalExporterMetrics;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.core.portfolio.Position;
import io.ttquant.core.time.Clock;
import io.ttquant.store.Stores;
import io.ttquant.store.writer.Sleeper;
import io.ttquant.transport.Topics;
import io.ttquant.transport.codec.MarketDataDecoder;
import io.ttquant.transport.codec.SymbolTable;
import io.ttquant.transport.proto.StateSnapshot;
import io.ttquant.transport.zmq.ZmqMarketDataAdapter;
import io.ttquant.transport.zmq.ZmqPublisher;
import io.ttquant.transport.zmq.ZmqSubscriber;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.zeromq.ZContext;

/**
 * The gateway process ({@code ttquant gateway}): one gateway thread that owns the
 * {@link OrderGateway} and every ZeroMQ socket, and runs a duty cycle: market data from the bus
 * (SUB, only the configured symbols) into {@link OrderGateway#onMarketData}, order commands from
 * the PULL socket with the clock's time (which also lets the paper venue deliver what its latency
 * held back), operator requests from a bounded queue, and the metric gauges sampled at most once a
 * second. Reports leave on the PUB socket ({@code exec.<strategy>}). Beside it: the Prometheus
 * endpoint and, when an admin token is configured, the {@link GatewayAdminEndpoint}.
 *
 * <p>At start, before the sockets open, the gateway thread opens the order journal (an OS lock keeps
 * a second gateway out of it), rebuilds the gateway from it ({@link GatewayRecovery}) and asks the
 * venue to reconcile; new orders are refused with GATEWAY_NOT_READY until the venue has, and for
 * good when the journal cannot be read or fails while running ({@code GET /admin/status} and the
 * {@code ttquant_gateway_ready} gauge say why). The duty cycle gives the journal its group-commit
 * deadline; {@link #close()} journals a clean SHUTDOWN and closes it. A kill leaves no SHUTDOWN:
 * the next start says so and recovers the same way.
 *
 * <p>With a store configured, an {@link OrderJournalExporter} on its own thread copies what the
 * journal holds into it, exactly once (see there); the journal's compaction waits for it. A store
 * that cannot be reached, at start or later, never stops the gateway: the export retries and the
 * journal keeps everything meanwhile. {@link #close()} lets it drain what was journaled, within
 * its deadline, after the journal is closed.
 *
 * <p>The venue is the paper venue or, with {@code venue: binance}, the {@link BinanceVenue}: before
 * anything else starts, Binance is asked for the symbols' rules and the API key is checked
 * ({@link BinanceVenueStartup}; a failure is one line), and {@link #close()} closes the venue
 * (its user data stream's listen key is deleted).
 *
 * <p>Nothing but the gateway thread touches the gateway, its sockets or its venue: the admin
 * endpoint's threads go through {@link GatewayControl}, whose requests are carried out on the
 * gateway thread; the scrape thread reads the samples {@link GatewayMetrics} published. Time comes
 * from the injected clock ({@code SystemEpochClock} in production). {@link #start} returns once
 * every port is bound (a port in use is a {@link ServiceStartException} with one line);
 * {@link #close()} stops the thread and releases every socket and port.
 */
public final class GatewayService implements GatewayControl, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GatewayService.class.getName());
    /** Operator requests waiting for the gateway thread at most; more are refused. */
    static final int TASK_QUEUE_CAPACITY = 64;
    private static final long START_TIMEOUT_SECONDS = 30;

    private final GatewayConfig config;
    private final Clock clock;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final GatewayMetrics metrics;
    private final ZContext zmq = new ZContext(1);
    private final ArrayBlockingQueue<ServiceTask<OrderGateway, ?>> tasks = new ArrayBlockingQueue<>(TASK_QUEUE_CAPACITY);
    private final ServiceThread thread;
    private volatile String ordersEndpoint;
    private volatile String executionsEndpoint;
    private volatile Throwable failure;
    private MetricsEndpoint metricsEndpoint;
    private GatewayAdminEndpoint admin;
    private GatewayStateEndpoint stateEndpoint;
    private volatile OrderJournalExporter exporter;
    private boolean closed;

    private GatewayService(GatewayConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.metrics = new GatewayMetrics(registry, config.strategyNames(), config.instruments());
        this.thread = new ServiceThread("ttquant-gateway", "gateway", this::run);
    }

    /**
     * Starts the gateway: binds the order and execution sockets, connects to the market data, serves
     * metrics and (with a token) the admin endpoint, and logs where. Returns once all are up.
     *
     * @throws ServiceStartException when a port cannot be bound or the gateway cannot be built (one line)
     */
    public static GatewayService start(GatewayConfig config, Clock clock) {
        GatewayConfig resolved = config;
        if (config.binance() != null) {
            List<String> symbols = new ArrayList<>();
            for (Instrument i : config.instruments()) {
                symbols.add(i.symbol());
            }
            resolved = config.withInstrumentRules(BinanceVenueStartup.instrumentRules(config.binance(), symbols, clock));
        }
        GatewayService service = new GatewayService(resolved, clock);
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
                metricsEndpoint = MetricsEndpoint.start(config.metricsHost(), config.metricsPort(), registry);
            } catch (UncheckedIOException e) {
                throw new ServiceStartException("gateway did not start: " + e.getMessage(), e);
            }
        }
        if (config.adminToken() != null) {
            admin = GatewayAdminEndpoint.start(config.adminPort(), config.adminToken(), this, metrics);
        }
        try {
            stateEndpoint = GatewayStateEndpoint.start(zmq, config.stateEndpoint(), this::stateSnapshot);
        } catch (IllegalStateException e) {
            throw new ServiceStartException("gateway did not start: " + e.getMessage(), e);
        }
        LOG.log(System.Logger.Level.INFO, "gateway state for strategy engines on " + stateEndpoint.endpoint());
        LOG.log(System.Logger.Level.INFO, "gateway started: venue " + config.venue() + " (" + config.venueDescription()
                + "), orders on " + ordersEndpoint + ", executions on " + executionsEndpoint + " (exec.<strategy>), market data "
                + (config.marketDataEndpoint() == null ? "none" : "from " + config.marketDataEndpoint() + " (md."
                + config.marketDataVenue() + ".<SYMBOL>.*)") + ", strategies " + config.strategyNames()
                + ", journal " + config.journalDescription() + ", store " + config.storeDescription()
                + (metricsEndpoint == null ? "" : ", metrics " + metricsEndpoint.url()));
        if (admin != null) {
            LOG.log(System.Logger.Level.INFO, "gateway admin endpoint on " + admin.url() + " (token from "
                    + config.adminToken().source() + ")");
        } else {
            LOG.log(System.Logger.Level.INFO, "gateway admin endpoint not started: no admin token (set "
                    + GatewayConfig.ADMIN_TOKEN_ENV + " or --admin-token-file)");
        }
    }

    // ------------------------------------------------------------------ the gateway thread

    private void run() {
        ZmqPublisher publisher = null;
        ZmqGatewayTransport transport = null;
        ZmqMarketDataAdapter marketData = null;
        OrderGateway gateway = null;
        OrderJournal journal = null;
        boolean clean = false;
        try {
            try {
                publisher = new ZmqPublisher(zmq, new ZmqPublisher.Config().endpoint(config.executionsEndpoint())
                        .venue(config.venue()), clock);
            } catch (RuntimeException e) {
                throw new ServiceStartException("gateway did not start: cannot bind the execution socket to "
                        + config.executionsEndpoint() + ": " + reason(e), e);
            }
            VenueFactory venue = config.binance() == null ? OrderGateway.paperVenue(config.paper())
                    : new BinanceVenueFactory(config.binance().venueConfig(clock, config.instruments()));
            gateway = new OrderGateway(config.riskLimits(), venue, new ZmqExecutionPublisher(publisher), metrics, clock.nanos());
            if (gateway.venue() instanceof BinanceVenue binance) {
                OrderGateway g = gateway;
                binance.reportPositionsFrom(symbol -> netPosition(g, symbol));
            }
            journal = recover(gateway);
            try {
                transport = new ZmqGatewayTransport(zmq, config.ordersEndpoint(), gateway, ZmqGatewayTransport.DEFAULT_BATCH);
            } catch (RuntimeException e) {
                throw new ServiceStartException("gateway did not start: cannot bind the order socket to "
                        + config.ordersEndpoint() + ": " + reason(e), e);
            }
            if (config.marketDataEndpoint() != null) {
                marketData = subscribe(gateway);
            }
            metrics.attach(gateway, transport.intake(), marketData == null ? null : marketData.decoder(),
                    marketData == null ? null : marketData.gaps());
            metrics.attachJournal(journal);
            metrics.sample(clock.nanos());
            ordersEndpoint = transport.endpoint();
            executionsEndpoint = publisher.endpoint();
            thread.ready();
            loop(gateway, transport, marketData);
            clean = true;
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
            if (marketData != null) {
                marketData.close();
            }
            if (transport != null) {
                transport.close();
            }
            if (publisher != null) {
                publisher.close();
            }
            if (journal != null) {
                // After an unexpected error the state may be half-changed: no SHUTDOWN, the next start recovers as after a crash.
                if (clean && !gateway.shutdown(clock.nanos())) {
                    LOG.log(System.Logger.Level.ERROR, "gateway: the clean shutdown could not be journaled: "
                            + (journal.failure() == null ? "journal closed" : journal.failure().describe()));
                }
                journal.close();
            }
            if (gateway != null && gateway.venue() instanceof AutoCloseable venue) {
                try {
                    venue.close();
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.WARNING, "gateway: the " + gateway.venue().name() + " venue did not close cleanly: " + e);
                }
            }
        }
    }

    /** The gateway's net position in {@code symbol} over every strategy (gateway thread). */
    private long netPosition(OrderGateway gateway, String symbol) {
        long net = 0;
        for (String s : config.strategyNames()) {
            Position p = gateway.position(s, symbol);
            net += p == null ? 0 : p.netQty();
        }
        return net;
    }

    /**
     * Opens the order journal and rebuilds {@code gateway} from it (gateway thread, at start); returns
     * the journal, or null without one or when it could not be opened (the gateway then refuses to trade).
     */
    private OrderJournal recover(OrderGateway gateway) {
        if (config.journalDir() == null) {
            LOG.log(System.Logger.Level.WARNING, "gateway: no order journal; positions and open orders are lost at a restart");
            return null;
        }
        // The exporter exists before the journal opens: compaction, which may start at once, must wait for it.
        OrderJournalExporter export = config.store() == null ? null : new OrderJournalExporter(config.export(),
                config.journalDir(), () -> Stores.open(config.store()), clock, Sleeper.PARK);
        JournalConfig.Builder journalConfig = JournalConfig.builder(config.journalDir()).syncPolicy(config.journalSync()).clock(clock);
        if (export != null) {
            journalConfig.compactionWatermark(export::watermark);
        }
        JournalRecovery recovery = OrderJournal.open(journalConfig.build());
        OrderJournal journal = recovery.journal();
        if (journal != null) {
            gateway.attachLog(new JournalEventLog(journal, gateway.venue().name()));
            if (export != null) {
                OrderJournalExporterMetrics.register(registry, export.follow(journal::durablePosition));
                export.start();
                exporter = export;
            }
        } else if (export != null) {
            LOG.log(System.Logger.Level.ERROR, "gateway: the order journal did not open, so nothing is exported to the store");
        }
        GatewayRecovery.restore(gateway, recovery, clock.nanos());
        return journal;
    }

    private ZmqMarketDataAdapter subscribe(OrderGateway gateway) {
        ZmqSubscriber.Config sub = new ZmqSubscriber.Config().connect(config.marketDataEndpoint());
        SymbolTable symbols = new SymbolTable();
        for (Instrument i : config.instruments()) {
            symbols.add(i);
            for (MarketDataKind k : config.marketDataKinds()) {
                sub.subscribe(Topics.marketData(config.marketDataVenue(), i.symbol(), k));
            }
        }
        return new ZmqMarketDataAdapter(new ZmqSubscriber(zmq, sub), new MarketDataDecoder(symbols), gateway::onMarketData);
    }

    private void loop(OrderGateway gateway, ZmqGatewayTransport transport, ZmqMarketDataAdapter marketData) {
        boolean spin = config.idle() == GatewayConfig.Idle.SPIN;
        long park = config.idleParkNanos();
        long scaleMismatches = 0;
        while (thread.running()) {
            long now = clock.nanos();
            int work = 0;
            if (marketData != null) {
                work += marketData.doWork();
            }
            work += transport.doWork(now);
            work += gateway.doLogWork();
            work += runTasks(gateway);
            if (metrics.sampleIfDue(now) && marketData != null) {
                scaleMismatches = warnOnScaleMismatch(marketData.decoder(), scaleMismatches);
            }
            if (work == 0) {
                if (spin) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(park);
                }
            }
        }
    }

    private int runTasks(OrderGateway gateway) {
        int n = 0;
        for (ServiceTask<OrderGateway, ?> t; (t = tasks.poll()) != null; ) {
            t.run(gateway);
            n++;
        }
        return n;
    }

    /** Market data refused for its scale means the gateway's quantity scale differs from the bus's: say so, once per burst. */
    private long warnOnScaleMismatch(MarketDataDecoder decoder, long seen) {
        long now = decoder.count(io.ttquant.transport.codec.DecodeOutcome.SCALE_MISMATCH);
        if (now > seen && seen == 0) {
            LOG.log(System.Logger.Level.WARNING, "gateway: market data refused for its price or quantity scale (" + now
                    + " messages); the gateway's quantity scale is " + (config.qtyScale() == GatewayConfig.STEP_QTY_SCALE
                    ? "the step's" : config.qtyScale() + " decimals") + ": set marketdata.qty-scale to match the market data "
                    + "service (8 for Binance-protocol sources, 'step' for synthetic and replay)");
        }
        return now;
    }

    // ------------------------------------------------------------------ GatewayControl (any thread)

    @Override
    public CompletableFuture<Integer> engageKillSwitch(String reason) {
        return submit(g -> {
            int cancels = g.engageKillSwitch(reason, clock.nanos());
            LOG.log(System.Logger.Level.WARNING, "gateway: kill switch ENGAGED (" + reason + "); " + cancels
                    + " cancels sent; new orders are refused");
            return cancels;
        });
    }

    @Override
    public CompletableFuture<Boolean> releaseKillSwitch() {
        return submit(g -> {
            boolean was = g.isKillSwitchEngaged();
            g.releaseKillSwitch();
            LOG.log(System.Logger.Level.WARNING, "gateway: kill switch released" + (was ? "" : " (it was not engaged)"));
            return was;
        });
    }

    @Override
    public CompletableFuture<GatewayStatus> status() {
        return submit(g -> GatewayStatus.of(g, config.strategyNames(), config.instruments(), config.journalDescription()));
    }

    /** A strategy engine's start-up state (its open orders, positions, fees), taken on the gateway thread. */
    public CompletableFuture<StateSnapshot> stateSnapshot(String strategy, long requestId) {
        return submit(g -> GatewayStateQuery.snapshot(g, strategy, requestId, config.instruments()));
    }

    /** Samples the metric gauges now, on the gateway thread (tests and operators need not wait for the next second). */
    public CompletableFuture<Void> sampleMetrics() {
        return submit(g -> {
            metrics.sample(clock.nanos());
            return null;
        });
    }

    private <T> CompletableFuture<T> submit(Function<OrderGateway, T> action) {
        ServiceTask<OrderGateway, T> task = new ServiceTask<>(action);
        if (!thread.running()) {
            task.result().completeExceptionally(new RejectedExecutionException("the gateway is stopped"
                    + (failure == null ? "" : " after an error: " + failure.getMessage())));
        } else if (!tasks.offer(task)) {
            task.result().completeExceptionally(new RejectedExecutionException("the gateway's request queue is full"));
        } else if (!thread.running()) {
            // Stopped between the check and the offer: the thread may have drained the queue already.
            if (tasks.remove(task)) {
                task.result().completeExceptionally(new RejectedExecutionException("the gateway is stopped"));
            }
        }
        return task.result();
    }

    // ------------------------------------------------------------------ reads

    public GatewayConfig config() {
        return config;
    }

    /** The order endpoint with its real port, for a PUSH socket on this host. */
    public String ordersEndpoint() {
        return ordersEndpoint;
    }

    /** The execution endpoint with its real port, for a SUB socket on this host. */
    public String executionsEndpoint() {
        return executionsEndpoint;
    }

    /** The metrics URL, or null when none is served. */
    public String metricsUrl() {
        return metricsEndpoint == null ? null : metricsEndpoint.url();
    }

    /** The state endpoint with its real port, for a strategy engine's DEALER socket on this host. */
    public String stateEndpoint() {
        return stateEndpoint == null ? null : stateEndpoint.endpoint();
    }

    /** The admin base URL ({@code http://127.0.0.1:PORT}), or null when the admin endpoint is not started. */
    public String adminUrl() {
        return admin == null ? null : admin.url();
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    /** The store export, or null without a store (or while the journal is not open). */
    public OrderJournalExporter exporter() {
        return exporter;
    }

    /** True while the gateway thread runs. */
    public boolean isRunning() {
        return thread.isRunning();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (stateEndpoint != null) {
            stateEndpoint.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (metricsEndpoint != null) {
            metricsEndpoint.close();
        }
        thread.stop();
        OrderJournalExporter export = exporter;
        if (export != null) {
            export.close(); // the journal is closed by now: export what it holds, within the drain deadline
        }
        zmq.close();
        LOG.log(System.Logger.Level.INFO, "gateway stopped");
    }

    private static String reason(Throwable e) {
        List<String> seen = new ArrayList<>();
        for (Throwable t = e; t != null && seen.size() < 4; t = t.getCause()) {
            if (t.getMessage() != null) {
                seen.add(t.getMessage());
            }
        }
        return seen.isEmpty() ? e.getClass().getSimpleName() : seen.get(seen.size() - 1);
    }
}
