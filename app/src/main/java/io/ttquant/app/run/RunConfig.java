package io.ttquant.app.run;

import io.ttquant.app.gateway.GatewayConfig;
import io.ttquant.app.marketdata.MarketDataConfig;
import io.ttquant.app.strategy.StrategyEngineConfig;
import io.ttquant.core.data.ReaderOptions;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.strategy.StrategyCatalog;
import io.ttquant.core.strategy.StrategyParams;
import io.ttquant.store.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything {@code ttquant run} needs to start the whole system in one JVM, checked once by
 * {@link Builder#build()}: a bad value is refused there with a one-line reason naming the option
 * ({@link IllegalArgumentException}) before anything starts. It builds the configurations of the
 * parts with their own builders, so the gateway's and the strategy engine's settings are checked
 * by the same rules as in {@code ttquant gateway} and {@code ttquant strategy}. Immutable; holds a
 * store password when PostgreSQL is used, so never print the store configuration whole.
 */
public final class RunConfig {
    /** Venue name in the in-process market data topics (md.binance.SYMBOL.kind), as the market data service publishes them. */
    public static final String MARKET_DATA_VENUE = "binance";
    public static final String DEFAULT_DATA_DIR = "ttquant-data";
    public static final String DEFAULT_STRATEGY = "ema-cross";
    public static final int DEFAULT_METRICS_PORT = 9464;
    public static final int DEFAULT_HTTP_PORT = 8080;
    /** Bar interval of the demo strategy's bars, built from trades. */
    public static final String DEFAULT_BAR_INTERVAL = "1s";
    /** ema-cross parameters that trade within a minute on one-second bars of the synthetic market. */
    static final Map<String, String> EMA_CROSS_DEFAULTS = emaCrossDefaults();

    /** Where the market data comes from. */
    public enum Feed {
        /** The seeded synthetic market (quotes and trades), paced in real time or faster. */
        SYNTHETIC,
        /** The local exchange simulator: started in this JVM, or one already running (a URL). */
        SIM,
        /** Live Binance spot market data (network); orders still go to the paper venue. */
        BINANCE
    }

    private final Feed feed;
    private final Instrument instrument;
    private final double speed;
    private final long seed;
    private final long barIntervalNanos;
    private final String simUrl;
    private final String strategy;
    private final Map<String, String> params;
    private final String cash;
    private final Path dataDir;
    private final StoreConfig store;
    private final int metricsPort;
    private final int httpPort;
    private final Duration runFor;
    private final GatewayConfig gateway;
    private final StrategyEngineConfig engine;

    private RunConfig(Builder b, Instrument instrument, long barIntervalNanos, Map<String, String> params, GatewayConfig gateway,
                      StrategyEngineConfig engine) {
        this.feed = b.feed;
        this.instrument = instrument;
        this.speed = b.speed;
        this.seed = b.seed;
        this.barIntervalNanos = barIntervalNanos;
        this.simUrl = b.simUrl;
        this.strategy = b.strategy;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.cash = b.cash;
        this.dataDir = b.dataDir;
        this.store = b.store;
        this.metricsPort = b.metricsPort;
        this.httpPort = b.httpPort;
        this.runFor = b.runFor;
        this.gateway = gateway;
        this.engine = engine;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Feed feed() {
        return feed;
    }

    /** The traded instrument as the gateway and the strategy engine see it (quantity scale matching the feed's). */
    public Instrument instrument() {
        return instrument;
    }

    /** Synthetic market pace: 1 real time, 10 ten times faster. */
    public double speed() {
        return speed;
    }

    public long seed() {
        return seed;
    }

    public long barIntervalNanos() {
        return barIntervalNanos;
    }

    /** A running exchange simulator's REST base URL (feed sim), or null to start one in this JVM. */
    public String simUrl() {
        return simUrl;
    }

    /** The strategy's built-in name (also its id at the gateway). */
    public String strategy() {
        return strategy;
    }

    /** The strategy's parameters, defaults included. */
    public Map<String, String> params() {
        return params;
    }

    /** The strategy's starting cash in the quote asset, as given. */
    public String cash() {
        return cash;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The store (shared by the market data recorder and the journal export), or null with {@code --no-store}. */
    public StoreConfig store() {
        return store;
    }

    /** Prometheus port on 127.0.0.1 (0: a free one, -1: none). */
    public int metricsPort() {
        return metricsPort;
    }

    /** Dashboard port on 127.0.0.1 (0: a free one, -1: none). */
    public int httpPort() {
        return httpPort;
    }

    /** How long to run, or null for until Ctrl-C. */
    public Duration runFor() {
        return runFor;
    }

    /** The in-process gateway's settings: paper venue, risk limits, journal under the data directory. */
    public GatewayConfig gateway() {
        return gateway;
    }

    /** The in-process strategy engine's settings: the strategy, its parameters and cash. */
    public StrategyEngineConfig engine() {
        return engine;
    }

    /**
     * The market data service's settings: this feed, this instrument, published in process only,
     * recorded into {@link #store()}; {@code restUrl} and {@code wsUrl} locate the exchange
     * simulator for feed sim (ignored otherwise). Klines are not subscribed: bars are built from
     * trades in every feed, so the strategy sees one kind of bar.
     */
    public MarketDataConfig marketData(String restUrl, String wsUrl) {
        MarketDataConfig.Builder b = MarketDataConfig.builder().venue(MARKET_DATA_VENUE)
                .instrument(Instruments.binanceSpot(instrument.symbol())).klines(false).metrics("127.0.0.1", -1).store(store);
        switch (feed) {
            case SYNTHETIC -> b.source(MarketDataConfig.Source.SYNTHETIC).speed(speed).seed(seed);
            case SIM -> b.urls(restUrl, wsUrl);
            case BINANCE -> b.source(MarketDataConfig.Source.BINANCE);
        }
        return b.build();
    }

    /** The gateway's order journal directory. */
    public Path journalDir() {
        return gateway.journalDir();
    }

    private static Map<String, String> emaCrossDefaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fast", "3");
        m.put("slow", "10");
        m.put("qty", "0.1");
        return Collections.unmodifiableMap(m);
    }

    /** Collects the options; {@link #build()} checks them all. */
    public static final class Builder {
        private Feed feed = Feed.SYNTHETIC;
        private String symbol = "BTCUSDT";
        private double speed = 1;
        private long seed = 1;
        private String barInterval = DEFAULT_BAR_INTERVAL;
        private String simUrl;
        private String strategy = DEFAULT_STRATEGY;
        private final Map<String, String> params = new LinkedHashMap<>();
        private String cash = "100000";
        private Path dataDir = Path.of(DEFAULT_DATA_DIR);
        private StoreConfig store;
        private int metricsPort = DEFAULT_METRICS_PORT;
        private int httpPort = DEFAULT_HTTP_PORT;
        private Duration runFor;

        private Builder() {
        }

        /** {@code synthetic}, {@code sim} or {@code binance}. */
        public Builder feed(String name) {
            String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
            try {
                this.feed = Feed.valueOf(n);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--feed must be synthetic, sim or binance, got '" + name + "'");
            }
            return this;
        }

        public Builder symbol(String s) {
            this.symbol = s;
            return this;
        }

        public Builder speed(double s) {
            this.speed = s;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Bar interval such as {@code 1s}, {@code 5s} or {@code 1m}. */
        public Builder barInterval(String text) {
            this.barInterval = text;
            return this;
        }

        /** REST base URL of a running exchange simulator (feed sim); null starts one in this JVM. */
        public Builder simUrl(String url) {
            this.simUrl = url;
            return this;
        }

        public Builder strategy(String name) {
            this.strategy = name;
            return this;
        }

        public Builder param(String name, String value) {
            this.params.put(name, value);
            return this;
        }

        public Builder cash(String amount) {
            this.cash = amount;
            return this;
        }

        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** The store, already resolved; null for none. */
        public Builder store(StoreConfig config) {
            this.store = config;
            return this;
        }

        public Builder metricsPort(int port) {
            this.metricsPort = port;
            return this;
        }

        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        /** How long to run; null until Ctrl-C. */
        public Builder runFor(Duration d) {
            this.runFor = d;
            return this;
        }

        public RunConfig build() {
            if (dataDir == null) {
                throw new IllegalArgumentException("--data-dir: a directory is required");
            }
            if (!(speed > 0) || speed > 10_000) {
                throw new IllegalArgumentException("--speed must be above 0 and at most 10000, got " + speed);
            }
            if (feed != Feed.SYNTHETIC && speed != 1) {
                throw new IllegalArgumentException("--speed paces the synthetic market only; --feed " + feed.name().toLowerCase(Locale.ROOT)
                        + " runs in real time");
            }
            if (simUrl != null && feed != Feed.SIM) {
                throw new IllegalArgumentException("--sim-url needs --feed sim");
            }
            if (simUrl != null && !simUrl.matches("https?://[^/\\s]+/?")) {
                throw new IllegalArgumentException("--sim-url must be a base URL like http://127.0.0.1:8090, got '" + simUrl + "'");
            }
            checkPort("--metrics-port", metricsPort);
            checkPort("--http-port", httpPort);
            if (metricsPort > 0 && metricsPort == httpPort) {
                throw new IllegalArgumentException("--http-port must differ from --metrics-port (" + metricsPort + ")");
            }
            if (runFor != null && (runFor.isNegative() || runFor.isZero())) {
                throw new IllegalArgumentException("--for must be a positive duration such as 60s or 5m");
            }
            long interval;
            try {
                interval = ReaderOptions.parseIntervalNanos(barInterval);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--bar-interval: not a duration: '" + barInterval + "' (use e.g. 1s, 5s, 1m)");
            }
            if (interval < 100_000_000L || interval > 86_400_000_000_000L) {
                throw new IllegalArgumentException("--bar-interval must be from 100ms to 1d, got " + barInterval);
            }
            String sym = symbol == null ? "" : symbol.trim().toUpperCase(Locale.ROOT);
            Instrument builtIn = Instruments.binanceSpot(sym);
            if (builtIn == null) {
                throw new IllegalArgumentException("--symbol: no built-in rules for '" + symbol
                        + "'; use one of BTCUSDT, ETHUSDT, BNBUSDT, SOLUSDT (the paper venue needs them)");
            }
            if (!builtIn.quoteAsset().equals("USDT")) {
                throw new IllegalArgumentException("--symbol: " + sym + " is not quoted in USDT; use BTCUSDT, ETHUSDT, BNBUSDT or SOLUSDT");
            }
            Map<String, String> allParams = new LinkedHashMap<>();
            if (DEFAULT_STRATEGY.equals(strategy)) {
                allParams.putAll(EMA_CROSS_DEFAULTS);
            }
            allParams.putAll(params);
            StrategyCatalog catalog = new StrategyCatalog();
            try {
                catalog.get(strategy);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--strategy: " + e.getMessage());
            }
            try {
                catalog.create(strategy, new StrategyParams(allParams));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--param: " + e.getMessage());
            }
            // The synthetic market uses the instruments' own quantity scale; Binance-protocol feeds 8 decimals.
            String qtyScale = feed == Feed.SYNTHETIC ? "step" : "8";
            GatewayConfig.Builder g = GatewayConfig.builder().venue("--venue", "paper").qtyScale("--feed", qtyScale)
                    .symbols("--symbol", List.of(sym)).strategy("--strategy", strategy)
                    .journalDir(dataDir.resolve("gateway-journal")).storeConfig(store);
            if (speed > 1) {
                // The duplicate-order guard counts wall time: an accelerated market squeezes a second of its time into less.
                g.duplicateWindowMillis("--speed", Long.toString(Math.max(1, Math.round(1_000 / speed))));
            }
            GatewayConfig gateway = g.build();
            StrategyEngineConfig.Builder e = StrategyEngineConfig.builder().venue("--venue", "paper").qtyScale("--feed", qtyScale)
                    .strategy("--strategy", strategy).strategyName("--strategy", strategy, strategy)
                    .strategySymbol("--symbol", strategy, sym).strategyCash("--cash", strategy, builtIn.quoteAsset(), cash);
            for (Map.Entry<String, String> p : allParams.entrySet()) {
                e.strategyParam("--param", strategy, p.getKey(), p.getValue());
            }
            StrategyEngineConfig engine = e.build();
            return new RunConfig(this, engine.instruments().get(0), interval, allParams, gateway, engine);
        }

        private static void checkPort(String option, int port) {
            if (port < -1 || port > 65535) {
                throw new IllegalArgumentException(option + " must be 0-65535 (0: a free port, -1: none), got " + port);
            }
        }
    }
}
