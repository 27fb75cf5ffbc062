package io.ttquant.app.marketdata;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ttquant.app.ServiceStartException;
import io.ttquant.app.metrics.MetricsEndpoint;
import io.ttquant.app.store.RecordingPublisher;
import io.ttquant.app.store.StoreMetrics;
import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.binance.rest.MarketRestClient;
import io.ttquant.binance.rest.RestClientConfig;
import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.data.MarketDataSources;
import io.ttquant.core.data.SyntheticMarketData;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.time.Clock;
import io.ttquant.store.Store;
import io.ttquant.store.StoreConfig;
import io.ttquant.store.StoreException;
import io.ttquant.store.Stores;
import io.ttquant.store.writer.MarketDataRecorder;
import io.ttquant.store.writer.RetentionJob;
import io.ttquant.transport.FanOutPublisher;
import io.ttquant.transport.MarketDataPublisher;
import io.ttquant.transport.zmq.ZmqPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.zeromq.ZContext;

/**
 * The market data service ({@code ttquant marketdata}, and the market data part of
 * {@code ttquant run}): one event loop thread that runs a feed (live Binance protocol, synthetic
 * or replay) and publishes every normalised event to ZeroMQ and/or in-process publishers, with
 * Prometheus metrics beside it. With a store configured, every published trade, quote and bar
 * (and a snapshot of each book every {@link MarketDataConfig#bookSnapshotInterval()}) is also
 * offered to a {@link MarketDataRecorder} that writes it to the database on its own thread: the
 * feed never waits on the database.
 *
 * <p>Owns its thread, sockets, metrics endpoint, recorder, store and the store's
 * {@link RetentionJob}, and releases them all in {@link #close()}: the feed and event loop first,
 * then the retention job, then the recorder (which writes what it holds), then the store. The
 * publishers run on the event loop thread only; nothing else may call them.
 */
public final class MarketDataService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MarketDataService.class.getName());

    private final MarketDataConfig config;
    private final MultiThreadIoEventLoopGroup group;
    private final EventLoop loop;
    private final PrometheusRegistry registry;
    private final List<Instrument> instruments;
    private final MarketDataMetrics metrics;
    private final ZContext zmq;
    private final ZmqPublisher zmqPublisher;
    private final MarketFeed feed;
    private final MetricsEndpoint metricsEndpoint;
    private final AtomicBoolean closed = new AtomicBoolean();
    // Set while starting (null when not recording); volatile because close() may run on a shutdown-hook thread.
    private volatile Store store;
    private volatile MarketDataRecorder recorder;
    private volatile RetentionJob retention;
    private volatile String storeDescription;

    private MarketDataService(MarketDataConfig config, Clock clock, List<MarketDataPublisher> inProcess,
                              Function<StoreConfig, Store> openStore) throws Exception {
        this.config = config;
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("ttquant-marketdata", true), NioIoHandler.newFactory());
        this.loop = group.next();
        this.registry = new PrometheusRegistry();
        try {
            this.instruments = resolveInstruments(config, clock, loop);
            this.metrics = new MarketDataMetrics(registry, instruments, clock);
            List<MarketDataPublisher> targets = new ArrayList<>(inProcess);
            if (config.publishEndpoint() != null) {
                this.zmq = new ZContext(1);
                this.zmqPublisher = onLoop(() -> new ZmqPublisher(zmq, new ZmqPublisher.Config().endpoint(config.publishEndpoint())
                        .venue(config.venue()).sendHighWaterMark(config.sendHighWaterMark()), clock));
                targets.add(zmqPublisher);
            } else {
                this.zmq = null;
                this.zmqPublisher = null;
            }
            if (config.store() != null) {
                openRecording(config, openStore, clock);
                targets.add(new RecordingPublisher(recorder, config.venue()));
            }
            MarketDataPublisher publisher = targets.size() == 1 ? targets.get(0) : new FanOutPublisher(targets);
            this.feed = createFeed(config, instruments, clock, publisher);
            if (recorder != null && feed instanceof BinanceFeed binance && !config.bookSnapshotInterval().isZero()) {
                MarketDataRecorder r = recorder;
                String venue = config.venue();
                binance.pipeline().recordBookSnapshots((book, time, updateId) -> r.recordBook(venue, book, time, updateId),
                        config.bookSnapshotInterval().toNanos());
            }
            this.metricsEndpoint = config.metricsPort() >= 0
                    ? MetricsEndpoint.start(config.metricsHost(), config.metricsPort(), registry) : null;
            feed.start();
        } catch (Exception | Error e) {
            shutdownQuietly();
            throw e;
        }
    }

    /**
     * Starts the service. {@code inProcess} publishers (the in-process bus of {@code ttquant run})
     * get every event beside the ZeroMQ socket, on the service's event loop thread.
     */
    public static MarketDataService start(MarketDataConfig config, Clock clock, List<MarketDataPublisher> inProcess) {
        return start(config, clock, inProcess, Stores::open);
    }

    /** {@link #start(MarketDataConfig, Clock, List)} opening the configured store with {@code openStore}. */
    public static MarketDataService start(MarketDataConfig config, Clock clock, List<MarketDataPublisher> inProcess,
                                          Function<StoreConfig, Store> openStore) {
        try {
            return new MarketDataService(config, clock, inProcess, openStore);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServiceStartException("market data service did not start: " + e.getMessage(), e);
        }
    }

    private void openRecording(MarketDataConfig c, Function<StoreConfig, Store> openStore, Clock clock) {
        try {
            store = openStore.apply(c.store());
        } catch (StoreException e) {
            throw new ServiceStartException("cannot open the store (" + c.store() + "): " + e.getMessage(), e);
        }
        storeDescription = store.describe();
        LOG.log(System.Logger.Level.INFO, "market data service: recording into " + storeDescription + " (" + c.recorder() + ")");
        recorder = MarketDataRecorder.start(store, c.recorder());
        StoreMetrics.register(registry, recorder.stats(), store);
        // plain PostgreSQL and DuckDB delete old market data when asked: hourly, on a thread of its own
        retention = RetentionJob.start(store, clock);
        StoreMetrics.registerRetention(registry, retention);
    }

    private MarketFeed createFeed(MarketDataConfig c, List<Instrument> list, Clock clock, MarketDataPublisher publisher) {
        switch (c.source()) {
            case BINANCE, TESTNET, URL -> {
                return new BinanceFeed(c, list, loop, clock, publisher, metrics);
            }
            case SYNTHETIC -> {
                List<MarketDataSource> sources = new ArrayList<>();
                long seed = c.seed();
                for (Instrument i : list) {
                    sources.add(SyntheticMarketData.builder(i).kind(SyntheticMarketData.Kind.QUOTES_AND_TRADES)
                            .seed(seed++).startTimeNanos(clock.nanos()).count(Long.MAX_VALUE / 4).build());
                }
                return new ReplayFeed(sources, c.speed(), "synthetic market (seed " + c.seed() + ", speed " + c.speed() + ")",
                        loop, clock, publisher, metrics);
            }
            case REPLAY -> {
                List<MarketDataSource> sources = new ArrayList<>();
                for (Instrument i : list) {
                    sources.add(MarketDataSources.open(c.replayFiles().get(i.symbol()), c.replayFormat(), i));
                }
                return new ReplayFeed(sources, c.speed(), "replay of " + c.replayFiles().values() + " at speed " + c.speed(),
                        loop, clock, publisher, metrics);
            }
            default -> throw new IllegalStateException("unknown source " + c.source());
        }
    }

    /**
     * The instruments to run: for a Binance-protocol source the venue's own rules from
     * exchangeInfo, with quantities held at 8 decimals because Binance's books carry quantities
     * finer than the order step; otherwise the built-in rules.
     */
    private static List<Instrument> resolveInstruments(MarketDataConfig c, Clock clock, EventLoop loop) throws Exception {
        if (!c.isBinanceProtocol()) {
            return c.instruments();
        }
        BinanceEndpoints endpoints = BinanceEndpoints.of(c.source().name().toLowerCase(Locale.ROOT), c.restUrl(), c.wsUrl());
        MarketRestClient rest = new MarketRestClient(RestClientConfig.builder(endpoints, clock).build(), loop);
        List<String> symbols = c.instruments().stream().map(Instrument::symbol).toList();
        List<Instrument> fromVenue;
        try {
            fromVenue = rest.exchangeInfo(symbols).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new ServiceStartException("cannot read the exchange rules from " + c.restUrl() + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new ServiceStartException("no answer from " + c.restUrl() + " for exchangeInfo within 15 s", e);
        }
        List<Instrument> out = new ArrayList<>();
        for (String s : symbols) {
            Instrument found = fromVenue.stream().filter(i -> i.symbol().equals(s)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the venue does not list " + s));
            out.add(found.withQtyScale(8));
        }
        return out;
    }

    /** Runs {@code task} on the service's event loop and waits for its answer (for tests and wiring). */
    public <T> T onLoop(Callable<T> task) throws Exception {
        try {
            return loop.submit(task).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    public MarketDataConfig config() {
        return config;
    }

    public List<Instrument> instruments() {
        return instruments;
    }

    public MarketFeed feed() {
        return feed;
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** The bound ZeroMQ endpoint with its real port (null when publishing in process only). */
    public String publishEndpoint() {
        return zmqPublisher == null ? null : zmqPublisher.endpoint();
    }

    /** Messages the ZeroMQ socket has sent so far (0 without one); for diagnostics and tests. */
    public long zmqSent() throws Exception {
        return zmqPublisher == null ? 0 : onLoop(zmqPublisher::sent);
    }

    /** The store being recorded into, described for people (null when not recording). */
    public String storeDescription() {
        return storeDescription;
    }

    /** The recorder writing to the store (null when not recording); for metrics, tools and tests. */
    public MarketDataRecorder recorder() {
        return recorder;
    }

    /** The metrics URL, or null when no endpoint was asked for. */
    public String metricsUrl() {
        return metricsEndpoint == null ? null : metricsEndpoint.url();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            shutdownQuietly();
        }
    }

    private void shutdownQuietly() {
        try {
            if (feed != null) {
                feed.close();
            }
            if (zmqPublisher != null) {
                onLoop(() -> {
                    zmqPublisher.close();
                    return null;
                });
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "market data service: error while stopping: " + e.getMessage());
        }
        if (metricsEndpoint != null) {
            metricsEndpoint.close();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        if (zmq != null) {
            zmq.close();
        }
        if (retention != null) {
            retention.close();
        }
        // The event loop (the only producer) has stopped: the recorder writes what it holds, then the store closes.
        if (recorder != null) {
            recorder.close();
        }
        if (store != null) {
            try {
                store.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "market data service: error while closing the store: " + e.getMessage());
            }
        }
    }
}
