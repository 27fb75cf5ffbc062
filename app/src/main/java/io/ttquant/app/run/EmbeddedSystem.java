package io.ttquant.app.run;

import io.ttquant.app.ServiceStartException;
import io.ttquant.app.marketdata.MarketDataService;
import io.ttquant.app.metrics.MetricsEndpoint;
import io.ttquant.app.store.OrderJournalExporter;
import io.ttquant.app.store.RecordingPublisher;
import io.ttquant.core.data.ReaderOptions;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.time.Clock;
import io.ttquant.sim.market.SimConfig;
import io.ttquant.sim.market.SimExchange;
import io.ttquant.sim.server.SimServer;
import io.ttquant.sim.server.SimServerConfig;
import io.ttquant.store.Store;
import io.ttquant.store.StoreException;
import io.ttquant.store.Stores;
import io.ttquant.store.writer.MarketDataRecorder;
import io.ttquant.store.writer.RecordedStream;
import io.ttquant.transport.Topics;
import io.ttquant.transport.bus.FrameRing;
import io.ttquant.transport.bus.InProcessBus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The whole TTQuant system in one JVM ({@code ttquant run}): market data (the synthetic market,
 * the local exchange simulator or live Binance) on the in-process bus, bars built from its trades,
 * the order gateway with the paper venue and its journal, the strategy engine, one store shared by
 * the market data recorder and the journal export, one Prometheus endpoint for every component and
 * the web dashboard. The parts talk through rings as they would through sockets in separate
 * processes: market data to the gateway and to the engine, orders to the gateway, reports back.
 *
 * <p>{@link #start} starts them in dependency order (store, gateway, strategy engine, market data,
 * metrics, dashboard) and, when one fails, stops what started and throws one line.
 * {@link #close()} stops in the order that loses nothing: the market data feed, the strategy engine
 * (cancelling nothing), the gateway (journaling SHUTDOWN; the export then drains the journal into
 * the store), the market data service (its recorder writes what it holds), then it counts what
 * the store holds for the {@link RunSummary}, closes the store and stops serving metrics and the
 * dashboard. It owns every thread, port and file it opened and releases them all there.
 */
public final class EmbeddedSystem implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EmbeddedSystem.class.getName());
    /** The tables the summary counts, in this order. */
    private static final List<String> TABLES = List.of("market_trades", "market_quotes", "market_bars", "book_snapshots",
            "orders", "fills", "positions");
    private static final int ORDER_RING_BYTES = 1 << 16;
    private static final int EXECUTION_RING_BYTES = 1 << 20;
    private static final int MARKET_DATA_RING_BYTES = 1 << 22;

    private final RunConfig config;
    private final Clock clock;
    private final long startNanos;
    private final MetricsHub metrics = new MetricsHub();
    private final MarketEventCounter events = new MarketEventCounter();
    private final RateMeter rate;
    private Store store;
    private SimServer sim;
    private EmbeddedGateway gateway;
    private EmbeddedEngine engine;
    private MarketDataService marketData;
    private MetricsEndpoint metricsEndpoint;
    private Dashboard dashboard;
    private RunSummary summary;
    private boolean closed;

    private EmbeddedSystem(RunConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.startNanos = clock.nanos();
        this.rate = new RateMeter(startNanos);
    }

    /**
     * Starts every part and returns once all run (the strategy then syncs with the gateway and trades
     * once it answered).
     *
     * @param clock the system's clock (ns since the epoch; {@code SystemEpochClock} in production)
     * @throws ServiceStartException when a part cannot start (a port in use, a store that cannot be
     *                               opened...), with one line saying which and why
     */
    public static EmbeddedSystem start(RunConfig config, Clock clock) {
        EmbeddedSystem system = new EmbeddedSystem(config, clock);
        try {
            system.startAll();
            return system;
        } catch (RuntimeException | Error e) {
            system.close();
            throw e;
        }
    }

    private void startAll() {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + config.dataDir() + ": " + e.getMessage(), e);
        }
        if (config.store() != null) {
            try {
                store = Stores.open(config.store());
            } catch (StoreException e) {
                throw new ServiceStartException("cannot open the store (" + config.store() + "): " + e.getMessage(), e);
            }
        }
        FrameRing orders = new FrameRing(ORDER_RING_BYTES);
        FrameRing executions = new FrameRing(EXECUTION_RING_BYTES);
        FrameRing gatewayMarketData = new FrameRing(MARKET_DATA_RING_BYTES);
        FrameRing engineMarketData = new FrameRing(MARKET_DATA_RING_BYTES);
        Store shared = store;
        gateway = EmbeddedGateway.start(config.gateway(), clock, metrics.registry(), orders, executions, gatewayMarketData,
                shared == null ? null : () -> new BorrowedStore(shared));
        engine = EmbeddedEngine.start(config.engine(), clock, System::nanoTime, metrics.registry(), orders, executions,
                engineMarketData, gateway);
        String restUrl = config.simUrl();
        if (config.feed() == RunConfig.Feed.SIM && restUrl == null) {
            sim = startSimulator();
            restUrl = sim.restUrl();
        }
        String wsUrl = restUrl == null ? null : restUrl.replaceFirst("^http", "ws").replaceFirst("/$", "");
        InProcessBus bus = new InProcessBus(RunConfig.MARKET_DATA_VENUE);
        String venue = RunConfig.MARKET_DATA_VENUE;
        String symbol = config.instrument().symbol();
        // Order matters: the bar builder publishes a closed bar before the trade that closed it goes on.
        bus.subscribe(Topics.marketDataPrefix(venue), events);
        bus.subscribe(Topics.marketData(venue, symbol, MarketDataKind.TRADE), new TradeBarBuilder(config.barIntervalNanos(), bus));
        bus.subscribe(Topics.marketDataPrefix(venue), new MarketDataRingWriter("gateway", gatewayMarketData, venue,
                config.gateway().marketDataKinds()));
        bus.subscribe(Topics.marketDataPrefix(venue), new MarketDataRingWriter("strategy engine", engineMarketData, venue,
                EnumSet.allOf(MarketDataKind.class)));
        marketData = MarketDataService.start(config.marketData(restUrl, wsUrl), clock, List.of(bus), c -> new BorrowedStore(shared));
        metrics.include(marketData.registry());
        MarketDataRecorder recorder = marketData.recorder();
        if (recorder != null) {
            // The built bars are recorded too (the service records what its feed publishes, and the bars are built here).
            RecordingPublisher bars = new RecordingPublisher(recorder, venue);
            try {
                marketData.onLoop(() -> bus.subscribe(Topics.marketData(venue, symbol, MarketDataKind.BAR), bars::publish));
            } catch (Exception e) {
                throw new ServiceStartException("cannot record the bars: " + e.getMessage(), e);
            }
        }
        if (config.metricsPort() >= 0) {
            try {
                metricsEndpoint = MetricsEndpoint.start("127.0.0.1", config.metricsPort(), metrics.registry());
            } catch (UncheckedIOException e) {
                throw new ServiceStartException(e.getMessage(), e);
            }
        }
        if (config.httpPort() >= 0) {
            dashboard = Dashboard.start(config.httpPort(), () -> status().toJson());
        }
    }

    /** The local exchange simulator in this JVM on a free port, with its synthetic order flow for the traded symbol. */
    private SimServer startSimulator() {
        Instrument instrument = Instruments.binanceSpot(config.instrument().symbol());
        // The simulator needs an account; nothing trades on it (orders go to the paper venue), so its secret is thrown away.
        SimConfig simConfig = SimConfig.builder().symbols(List.of(instrument)).seed(config.seed())
                .account("ttquant-run", UUID.randomUUID().toString(), Map.of(instrument.quoteAsset(), "100000")).build();
        SimServer server = new SimServer(new SimExchange(simConfig), SimServerConfig.defaults());
        try {
            server.start(0);
        } catch (IllegalStateException e) {
            throw new ServiceStartException("the exchange simulator did not start: " + e.getMessage(), e);
        }
        return server;
    }

    // ------------------------------------------------------------------ reads (any thread)

    /** What the system is doing now, from the components' latest snapshots. */
    public SystemStatus status() {
        long now = clock.nanos();
        SystemStatus.MarketData md = new SystemStatus.MarketData(events.total(), events.count(MarketDataKind.TRADE),
                events.count(MarketDataKind.QUOTE), events.count(MarketDataKind.BOOK), events.count(MarketDataKind.BAR),
                rate.perSecond(now, events.total()));
        return new SystemStatus((now - startNanos) / 1e9, marketData == null ? feedName() : marketData.feed().describe(),
                config.instrument().symbol(), md, gateway == null ? null : gateway.snapshot(), gateway == null ? "" : gateway.recovery(),
                engine == null ? null : engine.snapshot(), storeStatus());
    }

    private String feedName() {
        return config.feed().name().toLowerCase(Locale.ROOT);
    }

    private SystemStatus.StoreStatus storeStatus() {
        if (store == null) {
            return null;
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        MarketDataRecorder recorder = marketData == null ? null : marketData.recorder();
        if (recorder != null) {
            for (RecordedStream s : RecordedStream.values()) {
                rows.put(s.label(), recorder.stats().rowsWritten(s));
            }
        }
        OrderJournalExporter export = gateway == null ? null : gateway.exporter();
        if (export == null) {
            return new SystemStatus.StoreStatus(store.describe(), rows, "NONE", 0, 0, 0, 0, 0, null);
        }
        return new SystemStatus.StoreStatus(store.describe(), rows, export.state().name(), export.lagBytes(), export.pendingRecords(),
                export.orderRows(), export.fillRows(), export.positionRows(), export.lastError());
    }

    /** The lines of the start-up banner: where each part is and how to stop. */
    public List<String> banner() {
        List<String> out = new ArrayList<>();
        out.add("TTQuant is running: the whole system in one JVM (in-process bus, no server to install)");
        out.add("  market data  " + marketData.feed().describe() + (sim == null ? "" : ", the exchange simulator at " + sim.restUrl())
                + "; " + config.instrument().symbol() + ", " + ReaderOptions.formatInterval(config.barIntervalNanos())
                + " bars built from its trades");
        out.add("  gateway      " + config.gateway().venue() + " venue (" + config.gateway().venueDescription() + "), journal "
                + config.journalDir());
        out.add("  recovery     " + gateway.recovery());
        out.add("  strategy     " + config.strategy() + " " + config.params() + " on " + config.instrument().symbol() + ", cash "
                + config.cash() + " " + config.instrument().quoteAsset());
        out.add("  store        " + (store == null ? "none (--no-store): orders and fills stay in the journal"
                : store.describe() + "; market data recorded, orders, fills and positions exported from the journal"));
        out.add("  metrics      " + (metricsEndpoint == null ? "none" : metricsEndpoint.url()));
        out.add("  dashboard    " + (dashboard == null ? "none" : dashboard.url()));
        return out;
    }

    /** The metrics URL, or null when none is served. */
    public String metricsUrl() {
        return metricsEndpoint == null ? null : metricsEndpoint.url();
    }

    /** The dashboard URL, or null when none is served. */
    public String dashboardUrl() {
        return dashboard == null ? null : dashboard.url();
    }

    public RunConfig config() {
        return config;
    }

    /** What the run did; null until {@link #close()} has run. */
    synchronized RunSummary summary() {
        return summary;
    }

    /** The summary's lines as printed at the stop; empty until {@link #close()} has run. */
    public synchronized List<String> summaryLines() {
        return summary == null ? List.of() : summary.lines();
    }

    // ------------------------------------------------------------------ stop

    /**
     * Stops everything in order (see the class comment) and takes the {@link #summary()}. Safe to call
     * from a shutdown hook; idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (marketData != null) {
            marketData.feed().close();
        }
        if (engine != null) {
            engine.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (marketData != null) {
            marketData.close();
        }
        if (sim != null) {
            sim.close();
        }
        if (gateway != null && engine != null) {
            summary = summarize();
        }
        if (store != null) {
            try {
                store.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "ttquant run: error while closing the store: " + e.getMessage());
            }
        }
        if (metricsEndpoint != null) {
            metricsEndpoint.close();
        }
        if (dashboard != null) {
            dashboard.close();
        }
    }

    private RunSummary summarize() {
        SystemStatus s = status();
        List<RunSummary.StrategyResult> results = new ArrayList<>();
        EngineSnapshot e = s.engine();
        GatewaySnapshot g = s.gateway();
        if (e != null) {
            for (EngineSnapshot.StrategyState st : e.strategies()) {
                GatewaySnapshot.StrategyOrders o = g == null ? null : g.strategy(st.id());
                // Position and realized PnL as the gateway journaled them (it took the engine's last orders after the
                // engine stopped); unrealized PnL and equity at the engine's last marks.
                StringBuilder position = new StringBuilder();
                long realized = 0;
                if (o != null) {
                    for (GatewaySnapshot.Holding h : o.holdings()) {
                        position.append(position.length() == 0 ? "" : ", ").append(h.netQty()).append(' ').append(h.symbol());
                        realized = Math.addExact(realized, h.realizedRaw());
                    }
                }
                results.add(new RunSummary.StrategyResult(st.id(), st.ordersSent(), o == null ? 0 : o.accepted(),
                        o == null ? 0 : o.rejected(), o == null ? 0 : o.fills(), position.toString(), st.asset(),
                        o == null ? st.realized() : Fixed.formatCompact(realized, Fixed.CASH_SCALE), st.unrealized(), st.equity()));
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        if (store != null) {
            for (String table : TABLES) {
                try {
                    rows.put(table, store.count(table));
                } catch (RuntimeException ex) {
                    LOG.log(System.Logger.Level.WARNING, "ttquant run: cannot count the rows of " + table + ": " + ex.getMessage());
                }
            }
        }
        return new RunSummary(s.uptimeSeconds(), s.marketData(), g == null ? 0 : g.marketEvents(), e == null ? 0 : e.marketEvents(),
                results, store == null ? null : store.describe(), rows, config.journalDir());
    }
}
