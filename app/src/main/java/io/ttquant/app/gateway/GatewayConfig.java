package io.ttquant.app.gateway;

import io.ttquant.app.config.MarketDataSettings;
import io.ttquant.app.gateway.binance.BinanceSettings;
import io.ttquant.app.gateway.binance.BinanceVenue;
import io.ttquant.app.gateway.binance.ForeignOrderPolicy;
import io.ttquant.app.gateway.journal.SyncPolicy;
import io.ttquant.app.store.OrderJournalExporter;
import io.ttquant.app.store.StoreOptions;
import io.ttquant.app.store.StoreUri;
import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.binance.trading.ApiCredentials;
import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.exchange.LatencyModel;
import io.ttquant.core.exchange.LimitFillRule;
import io.ttquant.core.exchange.SlippageModel;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.risk.InstrumentLimits;
import io.ttquant.core.risk.RateLimit;
import io.ttquant.core.risk.RiskLimits;
import io.ttquant.core.risk.StrategyLimits;
import io.ttquant.store.StoreConfig;
import io.ttquant.transport.Topics;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the gateway service needs to start, checked once: every setter of the {@link Builder}
 * takes the setting's text together with the key it came from ({@code paper.fee-bps} in the YAML
 * file, {@code --fee-bps} on the command line) and refuses a bad value at once with one line
 * naming that key; {@link Builder#build()} then checks what depends on several settings and
 * builds the {@link RiskLimits}, the instruments and the paper venue's {@link ExchangeConfig}.
 * Nothing re-checks it while the gateway runs. Immutable.
 *
 * <p>Instruments take their rules from the built-in Binance spot table (the paper venue) or from
 * the venue itself (the binance venue: {@link #withInstrumentRules}, which the service applies at
 * start with what {@code GET /api/v3/exchangeInfo} answered; until then the built-in rules stand
 * in), with quantities at the scale the market data on the bus carries ({@link #DEFAULT_QTY_SCALE}
 * decimals by default, as the market data service publishes Binance-protocol feeds: depth
 * quantities are finer than the lot step), so that the gateway's decoder accepts the events and
 * orders use the same scale.
 *
 * <p>The binance venue ({@code venue: binance}) needs {@code binance.endpoint} ({@code live},
 * {@code testnet} or a base URL such as the simulator's) and API credentials, taken only from a
 * file ({@code binance.credentials-file}, {@code --binance-credentials-file}) when one is named,
 * else from {@code BINANCE_API_KEY} and {@code BINANCE_API_SECRET}; it needs an order journal.
 *
 * <p>The order journal ({@code journal.dir}, default {@value #DEFAULT_JOURNAL_DIR}) is synced after
 * every record by default, so that a report never describes what a restart would not find again;
 * group commit ({@code journal.sync: group-commit}) is accepted for the paper venue only (an order
 * for an exchange is durable before it leaves), where a
 * crash may lose the last few milliseconds of paper orders and fills that no exchange saw. No
 * journal at all ({@code --no-journal}) is for tests and tools.
 *
 * <p>With a store ({@code store.url} or {@code --store}: {@code duckdb:<file>} or
 * {@code postgres:<jdbc-url>}) every order, order state, fill and position journaled is exported
 * to it by an {@link OrderJournalExporter} (source {@code gateway-journal:<venue>}); the store's
 * password comes only from {@code TTQUANT_DB_PASSWORD} or the file {@code store.password-file}
 * names, read at build, never shown. A store needs the journal.
 *
 * <p>The admin token is held as an {@link AdminToken}, the Binance secret inside its
 * {@link ApiCredentials}; neither ever appears in {@link #toString()} or a message.
 */
public final class GatewayConfig {
    public static final String DEFAULT_ORDERS = "tcp://127.0.0.1:7101";
    public static final String DEFAULT_EXECUTIONS = "tcp://127.0.0.1:7102";
    /** The ROUTER endpoint strategy engines ask for their state at start; a free port instead when the order port is one. */
    public static final String DEFAULT_STATE = "tcp://127.0.0.1:7104";
    /** The market data service's default publish endpoint ({@code ttquant marketdata --publish}). */
    public static final String DEFAULT_MARKET_DATA = "tcp://127.0.0.1:5556";
    public static final String DEFAULT_MARKET_DATA_VENUE = "binance";
    public static final int DEFAULT_QTY_SCALE = 8;
    /** {@link #qtyScale()} when quantities keep the decimals of the instrument's step (the synthetic and replay sources). */
    public static final int STEP_QTY_SCALE = -1;
    public static final int DEFAULT_METRICS_PORT = 9102;
    public static final int DEFAULT_ADMIN_PORT = 7103;
    public static final String ADMIN_TOKEN_ENV = "TTQUANT_ADMIN_TOKEN";
    /** Strategy label of commands from strategies the gateway does not serve; no strategy may take it. */
    public static final String UNKNOWN_STRATEGY = "unknown";
    /** Where the order journal lives unless configured otherwise (relative to the working directory). */
    public static final String DEFAULT_JOURNAL_DIR = "ttquant-data/gateway-journal";

    /** How the gateway thread waits when a duty cycle found nothing to do. */
    public enum Idle {
        /** Spins: lowest latency, one core always busy. */
        SPIN,
        /** Parks for {@link #idleParkNanos()}: a little latency, almost no CPU when quiet. */
        PARK
    }

    private final String venue;
    private final String ordersEndpoint;
    private final String executionsEndpoint;
    private final String stateEndpoint;
    private final String marketDataEndpoint;
    private final String marketDataVenue;
    private final Set<MarketDataKind> marketDataKinds;
    private final int qtyScale;
    private final List<Instrument> instruments;
    private final RiskLimits riskLimits;
    private final ExchangeConfig paper;
    private final String paperDescription;
    private final String metricsHost;
    private final int metricsPort;
    private final int adminPort;
    private final AdminToken adminToken;
    private final Idle idle;
    private final long idleParkNanos;
    private final Path journalDir;
    private final SyncPolicy journalSync;
    private final BinanceSettings binance;
    /** The settings this configuration was built from, to build it again with the venue's instrument rules. */
    private final Builder origin;
    private final StoreConfig store;
    private final OrderJournalExporter.Settings export;

    private GatewayConfig(Builder b, List<Instrument> instruments, RiskLimits riskLimits, ExchangeConfig paper,
                          BinanceSettings binance, StoreConfig store) {
        this.venue = b.venue;
        this.ordersEndpoint = b.ordersEndpoint;
        this.executionsEndpoint = b.executionsEndpoint;
        this.stateEndpoint = b.stateEndpoint != null ? b.stateEndpoint
                : b.ordersEndpoint.matches("tcp://.*:(0|\\*)") ? b.ordersEndpoint.replaceAll(":(0|\\*)$", ":0") : DEFAULT_STATE;
        this.marketDataEndpoint = b.marketDataEndpoint;
        this.marketDataVenue = b.marketDataVenue;
        this.marketDataKinds = Set.copyOf(b.marketDataKinds);
        this.qtyScale = b.qtyScale;
        this.instruments = List.copyOf(instruments);
        this.riskLimits = riskLimits;
        this.paper = paper;
        this.paperDescription = b.paperDescription();
        this.metricsHost = "127.0.0.1";
        this.metricsPort = b.metricsPort;
        this.adminPort = b.adminPort;
        this.adminToken = b.adminToken;
        this.idle = b.idle;
        this.idleParkNanos = b.idleParkMicros * 1_000L;
        this.journalDir = b.journalDir;
        this.journalSync = b.journalGroupCommit ? SyncPolicy.groupCommit(b.groupCommitRecords, b.groupCommitMicros)
                : SyncPolicy.everyRecord();
        this.binance = binance;
        this.origin = b;
        this.store = store;
        this.export = store == null ? null : OrderJournalExporter.Settings.defaults(OrderJournalExporter.Settings.sourceFor(venue))
                .withBatch(b.exportBatchRecords, b.exportBatchMillis * 1_000_000L).withDrain(b.exportDrainMillis * 1_000_000L);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The venue orders are routed to: {@code paper} or {@code binance}. */
    public String venue() {
        return venue;
    }

    /** The binance venue's settings; null for the paper venue. */
    public BinanceSettings binance() {
        return binance;
    }

    /** The venue in words, for the start-up lines: the paper fill models, or where Binance is and how it is reached. */
    public String venueDescription() {
        return binance != null ? binance.describe() : paperDescription;
    }

    /**
     * This configuration with each instrument's rules (tick, step, minimum notional...) taken from
     * {@code rules}, the venue's own, at the configured quantity scale, and every limit built again
     * on them. Used at start with what the binance venue's {@code exchangeInfo} answered.
     *
     * @throws IllegalArgumentException when a configured symbol is missing from {@code rules} or a
     *                                  limit does not fit its rules (one line naming the setting)
     */
    public GatewayConfig withInstrumentRules(List<Instrument> rules) {
        Map<String, Instrument> bySymbol = new LinkedHashMap<>();
        for (Instrument i : rules) {
            bySymbol.put(i.symbol(), i);
        }
        return origin.build(bySymbol);
    }

    /** The PULL endpoint the gateway binds for order commands. */
    public String ordersEndpoint() {
        return ordersEndpoint;
    }

    /** The PUB endpoint the gateway binds for execution events ({@code exec.<strategy>}). */
    public String executionsEndpoint() {
        return executionsEndpoint;
    }

    /** The ROUTER endpoint the gateway binds for strategy engines' start-up state requests. */
    public String stateEndpoint() {
        return stateEndpoint;
    }

    /** The market data PUB endpoint to connect to; null when the gateway subscribes to none. */
    public String marketDataEndpoint() {
        return marketDataEndpoint;
    }

    /** The venue segment of the market data topics ({@code md.<venue>.<SYMBOL>.<kind>}). */
    public String marketDataVenue() {
        return marketDataVenue;
    }

    /** The market data kinds the gateway subscribes to for each instrument. */
    public Set<MarketDataKind> marketDataKinds() {
        return marketDataKinds;
    }

    /** Quantity decimals of the instruments, or {@link #STEP_QTY_SCALE}. */
    public int qtyScale() {
        return qtyScale;
    }

    /** The instruments traded, in configuration order, at the quantity scale of the market data. */
    public List<Instrument> instruments() {
        return instruments;
    }

    /** Strategies (in id order), instruments and their limits. */
    public RiskLimits riskLimits() {
        return riskLimits;
    }

    /** The paper venue's fill models. */
    public ExchangeConfig paper() {
        return paper;
    }

    /** The paper fill models in words, for the start-up lines. */
    public String paperDescription() {
        return paperDescription;
    }

    public String metricsHost() {
        return metricsHost;
    }

    /** Port of the Prometheus endpoint on 127.0.0.1; 0 picks a free one, -1 serves none. */
    public int metricsPort() {
        return metricsPort;
    }

    /** Port of the admin endpoint on 127.0.0.1; 0 picks a free one. */
    public int adminPort() {
        return adminPort;
    }

    /** The admin token; null when none is configured (the admin endpoint is then not started). */
    public AdminToken adminToken() {
        return adminToken;
    }

    public Idle idle() {
        return idle;
    }

    public long idleParkNanos() {
        return idleParkNanos;
    }

    /** The order journal's directory; null when the gateway keeps no journal (tests and tools only). */
    public Path journalDir() {
        return journalDir;
    }

    /** When the journal syncs: every record (default) or group commit (paper only). */
    public SyncPolicy journalSync() {
        return journalSync;
    }

    /** One line for the startup log. */
    public String journalDescription() {
        return journalDir == null ? "none (nothing survives a restart)" : journalDir + ", sync " + journalSync;
    }

    /** The store the journal is exported to, or null when none is configured. Holds the password: never print it whole. */
    public StoreConfig store() {
        return store;
    }

    /** How the journal is exported to the store (source name, batches, drain), or null without a store. */
    public OrderJournalExporter.Settings export() {
        return export;
    }

    /** One line for the startup log (never the password). */
    public String storeDescription() {
        return store == null ? "none (orders and fills stay in the journal only)" : store + ", exported from the journal as "
                + export.source();
    }

    /** The strategy names in id order. */
    public List<String> strategyNames() {
        List<String> out = new ArrayList<>();
        for (StrategyLimits s : riskLimits.strategies()) {
            out.add(s.name());
        }
        return out;
    }

    @Override
    public String toString() {
        return "GatewayConfig{venue=" + venue + (binance == null ? "" : " (" + binance.describe() + ")") + ", orders=" + ordersEndpoint + ", executions=" + executionsEndpoint
                + ", marketData=" + marketDataEndpoint + " (" + marketDataVenue + ")"
                + ", instruments=" + instruments + ", strategies=" + strategyNames()
                + ", metricsPort=" + metricsPort + ", adminPort=" + adminPort + ", journal=" + journalDescription()
                + ", store=" + (store == null ? "none" : store)
                + ", admin=" + (adminToken == null ? "disabled" : "token from " + adminToken.source()) + "}";
    }

    /** One instrument's settings as given; turned into {@link InstrumentLimits} by {@link Builder#build()}. */
    private static final class InstrumentSpec {
        final String key;
        final String symbol;
        String maxOrderQtyKey;
        BigDecimal maxOrderQty;
        String maxPositionKey;
        BigDecimal maxPosition;
        long collarPpm;

        InstrumentSpec(String key, String symbol) {
            this.key = key;
            this.symbol = symbol;
        }
    }

    /** One strategy's settings as given; turned into {@link StrategyLimits} by {@link Builder#build()}. */
    private static final class StrategySpec {
        final String key;
        final String name;
        Long maxOrderNotional;
        Integer maxOpenOrders;
        RateLimit orderRate;
        RateLimit cancelRate;
        Long reduceOnlyLoss;
        Long haltLoss;
        final Map<String, BigDecimal> maxPositions = new LinkedHashMap<>();
        final Map<String, String> maxPositionKeys = new LinkedHashMap<>();

        StrategySpec(String key, String name) {
            this.key = key;
            this.name = name;
        }
    }

    /**
     * Collects the settings. Each setter takes the key the value came from and its text, and
     * throws {@link IllegalArgumentException} naming that key when the text is no valid value.
     * Later calls override earlier ones (the command line is applied after the file). A builder
     * is not changed once built: {@link GatewayConfig#withInstrumentRules} builds from it again.
     */
    public static final class Builder implements MarketDataSettings.Target {
        private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,20}");
        private static final String CREDENTIALS_HINT = "set " + ApiCredentials.ENV_KEY + " and " + ApiCredentials.ENV_SECRET
                + ", or name a file with binance.credentials-file or --binance-credentials-file";

        private String venue = "paper";
        private String ordersEndpoint = DEFAULT_ORDERS;
        private String executionsEndpoint = DEFAULT_EXECUTIONS;
        /** Null: {@link #DEFAULT_STATE}, or a free port when the order endpoint takes one. */
        private String stateEndpoint;
        private String marketDataEndpoint = DEFAULT_MARKET_DATA;
        private String marketDataVenue = DEFAULT_MARKET_DATA_VENUE;
        private Set<MarketDataKind> marketDataKinds = EnumSet.of(MarketDataKind.TRADE, MarketDataKind.QUOTE, MarketDataKind.BOOK);
        private String qtyScaleKey = "marketdata.qty-scale";
        private int qtyScale = DEFAULT_QTY_SCALE;
        private final LinkedHashMap<String, InstrumentSpec> instruments = new LinkedHashMap<>();
        private final LinkedHashMap<String, StrategySpec> strategies = new LinkedHashMap<>();
        private int maxOpenOrders = 4096;
        private RateLimit globalOrderRate;
        private RateLimit globalCancelRate;
        private long duplicateWindowNanos = 1_000_000_000L;
        private boolean rejectWithoutReference = true;
        private String feeBps = "10";
        private String makerFeeBps;
        private String takerFeeBps;
        private long makerFeePpm = 1_000;
        private long takerFeePpm = 1_000;
        private boolean makerFeeSet;
        private boolean takerFeeSet;
        private long slippagePpm;
        private String slippageText = "0 bps";
        private Long slippageTicks;
        private long latencyNanos;
        private long jitterNanos;
        private long seed = 1;
        private LimitFillRule limitFillRule = LimitFillRule.THROUGH;
        private boolean queuePosition = true;
        private int metricsPort = DEFAULT_METRICS_PORT;
        private int adminPort = DEFAULT_ADMIN_PORT;
        private AdminToken adminToken;
        private Idle idle = Idle.PARK;
        private long idleParkMicros = 50;
        private Path journalDir = Path.of(DEFAULT_JOURNAL_DIR);
        private boolean journalGroupCommit;
        private String journalSyncKey = "journal.sync";
        private int groupCommitRecords = 64;
        private long groupCommitMicros = 1_000;
        private BinanceEndpoints binanceEndpoints;
        private Path binanceCredentialsFile;
        private String binanceCredentialsFileKey;
        private Map<String, String> environment = System.getenv();
        private long binanceRecvWindowMillis = BinanceSettings.DEFAULT_RECV_WINDOW_MILLIS;
        private long binancePollIntervalMillis = BinanceSettings.DEFAULT_POLL_INTERVAL_MILLIS;
        private ForeignOrderPolicy binanceForeignOrders = ForeignOrderPolicy.IGNORE;
        private long binanceReconcileTimeoutMillis = BinanceSettings.DEFAULT_RECONCILE_TIMEOUT_MILLIS;
        private StoreUri storeUri;
        private String storeKey = "store.url";
        private StoreConfig storeConfig;
        private String storeUser;
        private Path storePasswordFile;
        private String storeSchema;
        private int exportBatchRecords = 1000;
        private long exportBatchMillis = 100;
        private long exportDrainMillis = 10_000;

        private Builder() {
        }

        /** {@code paper} (the default) or {@code binance}. */
        public Builder venue(String key, String text) {
            String v = text(key, text).toLowerCase(Locale.ROOT);
            if (!v.equals(PaperVenue.NAME) && !v.equals(BinanceVenue.NAME)) {
                throw new IllegalArgumentException(key + ": venue must be paper or binance, got '" + text + "'");
            }
            this.venue = v;
            return this;
        }

        /** Where Binance is: {@code live}, {@code testnet} or a base URL such as {@code http://127.0.0.1:8090} (the simulator). */
        public Builder binanceEndpoint(String key, String text) {
            try {
                this.binanceEndpoints = BinanceSettings.endpoint(text(key, text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": " + e.getMessage());
            }
            return this;
        }

        /** The file holding the Binance API key and secret ({@code key=...}/{@code secret=...} lines, or the two alone); read at build. */
        public Builder binanceCredentialsFile(String key, Path file) {
            if (file == null) {
                throw new IllegalArgumentException(key + ": a file is required");
            }
            this.binanceCredentialsFile = file;
            this.binanceCredentialsFileKey = key;
            return this;
        }

        /** Where {@code BINANCE_API_KEY} and {@code BINANCE_API_SECRET} are read when no credentials file is named (default: the process's). */
        public Builder environment(Map<String, String> env) {
            this.environment = Map.copyOf(env);
            return this;
        }

        /** Binance's {@code recvWindow}, 1-60000 ms. */
        public Builder binanceRecvWindowMillis(String key, String millis) {
            this.binanceRecvWindowMillis = within(key, millis, 1, 60_000, "milliseconds");
            return this;
        }

        /** How often open orders are read by REST while the user data stream is down, 100-600000 ms. */
        public Builder binancePollIntervalMillis(String key, String millis) {
            this.binancePollIntervalMillis = within(key, millis, 100, 600_000, "milliseconds");
            return this;
        }

        /** {@code ignore} (default: count, warn, trade) or {@code fail} (stay closed) for open orders placed by hand, at a restart. */
        public Builder binanceForeignOrders(String key, String text) {
            this.binanceForeignOrders = switch (text(key, text).toLowerCase(Locale.ROOT)) {
                case "ignore" -> ForeignOrderPolicy.IGNORE;
                case "fail" -> ForeignOrderPolicy.FAIL;
                default -> throw new IllegalArgumentException(key + ": must be ignore or fail, got '" + text + "'");
            };
            return this;
        }

        /** How long the restart reconciliation with Binance may take before the gateway stays closed, 1000-3600000 ms. */
        public Builder binanceReconcileTimeoutMillis(String key, String millis) {
            this.binanceReconcileTimeoutMillis = within(key, millis, 1_000, 3_600_000, "milliseconds");
            return this;
        }

        public Builder ordersEndpoint(String key, String text) {
            this.ordersEndpoint = bindEndpoint(key, text);
            return this;
        }

        public Builder executionsEndpoint(String key, String text) {
            this.executionsEndpoint = bindEndpoint(key, text);
            return this;
        }

        /** The ROUTER endpoint to bind for strategy engines' state requests (default {@link #DEFAULT_STATE}). */
        public Builder stateEndpoint(String key, String text) {
            this.stateEndpoint = bindEndpoint(key, text);
            return this;
        }

        /** The market data endpoint to connect to; {@code none} subscribes to nothing (the paper venue then never fills). */
        @Override
        public Builder marketDataEndpoint(String key, String text) {
            String v = text(key, text);
            if (v.equalsIgnoreCase("none")) {
                this.marketDataEndpoint = null;
                return this;
            }
            if (!v.matches("(tcp://[^:*]+:[0-9]{1,5}|ipc://.+|inproc://.+)") || v.matches("tcp://.*:0+") || v.startsWith("tcp://0.0.0.0:")) {
                throw new IllegalArgumentException(key + ": market data endpoint must be a concrete address to connect to, "
                        + "like tcp://127.0.0.1:5556, got '" + text + "'");
            }
            this.marketDataEndpoint = v;
            return this;
        }

        @Override
        public Builder marketDataVenue(String key, String text) {
            this.marketDataVenue = MarketDataSettings.venue(key, text(key, text));
            return this;
        }

        /** The kinds to subscribe to: trade, quote, book, bar. */
        @Override
        public Builder marketDataKinds(String key, List<String> names) {
            this.marketDataKinds = MarketDataSettings.kinds(key, names);
            return this;
        }

        /** Quantity decimals of the market data on the bus: a number (8 for Binance-protocol feeds) or {@code step}. */
        @Override
        public Builder qtyScale(String key, String text) {
            String v = text(key, text);
            if (v.equalsIgnoreCase("step")) {
                this.qtyScale = STEP_QTY_SCALE;
            } else {
                int n = integer(key, v);
                if (n < 0 || n > Fixed.CASH_SCALE) {
                    throw new IllegalArgumentException(key + ": quantity scale must be 0.." + Fixed.CASH_SCALE + " or 'step', got " + v);
                }
                this.qtyScale = n;
            }
            this.qtyScaleKey = key;
            return this;
        }

        /**
         * Adds an instrument (or returns to one already added) by symbol. The paper venue needs one
         * with built-in rules; the binance venue takes the rules of any symbol from Binance.
         */
        public Builder instrument(String key, String symbol) {
            String s = text(key, symbol).toUpperCase(Locale.ROOT);
            if (!SYMBOL.matcher(s).matches()) {
                throw new IllegalArgumentException(key + ": not a symbol: '" + symbol + "'");
            }
            instruments.computeIfAbsent(s, x -> new InstrumentSpec(key, x));
            return this;
        }

        /** Keeps exactly these symbols, in this order (their limits, when configured, stay). */
        public Builder symbols(String key, List<String> symbols) {
            LinkedHashMap<String, InstrumentSpec> kept = new LinkedHashMap<>();
            for (String raw : symbols) {
                String s = text(key, raw).toUpperCase(Locale.ROOT);
                instrument(key, s);
                kept.put(s, instruments.get(s));
            }
            instruments.clear();
            instruments.putAll(kept);
            return this;
        }

        /** Largest quantity of one order of {@code symbol} (base units, e.g. 0.5). */
        public Builder maxOrderQty(String key, String symbol, String qty) {
            InstrumentSpec s = spec(key, symbol);
            s.maxOrderQty = positive(key, qty);
            s.maxOrderQtyKey = key;
            return this;
        }

        /** Default largest position per strategy in {@code symbol}, open orders included (base units). */
        public Builder maxPosition(String key, String symbol, String qty) {
            InstrumentSpec s = spec(key, symbol);
            s.maxPosition = positive(key, qty);
            s.maxPositionKey = key;
            return this;
        }

        /** Largest distance of a limit price from the reference price, in basis points (0: none). */
        public Builder collarBps(String key, String symbol, String bps) {
            long ppm = decimal(key, bps, 2);
            if (ppm < 0 || ppm >= ExchangeConfig.MILLION) {
                throw new IllegalArgumentException(key + ": price collar must be 0 to below 10000 bps, got " + bps);
            }
            spec(key, symbol).collarPpm = ppm;
            return this;
        }

        /** Adds a strategy (or returns to one already added). */
        public Builder strategy(String key, String name) {
            String n = text(key, name);
            try {
                Topics.checkStrategy(n);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": " + e.getMessage());
            }
            if (n.equals(UNKNOWN_STRATEGY)) {
                throw new IllegalArgumentException(key + ": the strategy name '" + UNKNOWN_STRATEGY
                        + "' is reserved for commands from strategies the gateway does not serve");
            }
            strategies.computeIfAbsent(n, x -> new StrategySpec(key, x));
            return this;
        }

        /** Largest notional of one order, in the quote asset. */
        public Builder maxOrderNotional(String key, String strategy, String cash) {
            strategySpec(key, strategy).maxOrderNotional = cash(key, positive(key, cash));
            return this;
        }

        public Builder strategyMaxOpenOrders(String key, String strategy, String n) {
            int v = integer(key, n);
            if (v < 1) {
                throw new IllegalArgumentException(key + ": must be a positive number of orders, got " + n);
            }
            strategySpec(key, strategy).maxOpenOrders = v;
            return this;
        }

        /** New orders per period: {@code 20/1s}, {@code 1200/1m}, or a bare number per second. */
        public Builder strategyOrderRate(String key, String strategy, String rate) {
            strategySpec(key, strategy).orderRate = rate(key, rate);
            return this;
        }

        public Builder strategyCancelRate(String key, String strategy, String rate) {
            strategySpec(key, strategy).cancelRate = rate(key, rate);
            return this;
        }

        /** Daily loss (quote asset, positive) at which the strategy becomes reduce-only. */
        public Builder dailyLossReduceOnly(String key, String strategy, String cash) {
            strategySpec(key, strategy).reduceOnlyLoss = cash(key, positive(key, cash));
            return this;
        }

        /** Daily loss (quote asset, positive) at which the strategy is halted. */
        public Builder dailyLossHalt(String key, String strategy, String cash) {
            strategySpec(key, strategy).haltLoss = cash(key, positive(key, cash));
            return this;
        }

        /** The strategy's own position limit in {@code symbol} (base units), overriding the instrument's. */
        public Builder strategyMaxPosition(String key, String strategy, String symbol, String qty) {
            StrategySpec s = strategySpec(key, strategy);
            String sym = text(key, symbol).toUpperCase(Locale.ROOT);
            s.maxPositions.put(sym, positive(key, qty));
            s.maxPositionKeys.put(sym, key);
            return this;
        }

        public Builder maxOpenOrders(String key, String n) {
            this.maxOpenOrders = (int) within(key, n, 1, (1 << 20), "");
            return this;
        }

        public Builder globalOrderRate(String key, String rate) {
            this.globalOrderRate = rate(key, rate);
            return this;
        }

        public Builder globalCancelRate(String key, String rate) {
            this.globalCancelRate = rate(key, rate);
            return this;
        }

        /** An order equal to one sent less than this long ago is refused; 0 disables the guard. */
        public Builder duplicateWindowMillis(String key, String millis) {
            long v = decimal(key, millis, 6);
            if (v < 0) {
                throw new IllegalArgumentException(key + ": must not be negative, got " + millis);
            }
            this.duplicateWindowNanos = v;
            return this;
        }

        public Builder rejectWithoutReference(String key, String bool) {
            this.rejectWithoutReference = bool(key, bool);
            return this;
        }

        /** Maker and taker fee, basis points. */
        public Builder feeBps(String key, String bps) {
            long ppm = decimal(key, bps, 2);
            checkFee(key, ppm, false);
            this.feeBps = text(key, bps);
            if (!makerFeeSet) {
                makerFeePpm = ppm;
            }
            if (!takerFeeSet) {
                takerFeePpm = ppm;
            }
            return this;
        }

        /** Maker fee, basis points (overrides the fee); negative for a rebate. */
        public Builder makerFeeBps(String key, String bps) {
            long ppm = decimal(key, bps, 2);
            checkFee(key, ppm, true);
            this.makerFeePpm = ppm;
            this.makerFeeBps = text(key, bps);
            this.makerFeeSet = true;
            return this;
        }

        /** Taker fee, basis points (overrides the fee). */
        public Builder takerFeeBps(String key, String bps) {
            long ppm = decimal(key, bps, 2);
            checkFee(key, ppm, false);
            this.takerFeePpm = ppm;
            this.takerFeeBps = text(key, bps);
            this.takerFeeSet = true;
            return this;
        }

        /** Adverse slippage on taker fills, basis points. */
        public Builder slippageBps(String key, String bps) {
            long ppm = decimal(key, bps, 2);
            if (ppm < 0 || ppm >= ExchangeConfig.MILLION) {
                throw new IllegalArgumentException(key + ": slippage must be 0 to below 10000 bps, got " + bps);
            }
            this.slippagePpm = ppm;
            this.slippageTicks = null;
            this.slippageText = text(key, bps) + " bps";
            return this;
        }

        /** Adverse slippage on taker fills, in ticks (instead of basis points). */
        public Builder slippageTicks(String key, String ticks) {
            long v = decimal(key, ticks, 0);
            if (v < 0) {
                throw new IllegalArgumentException(key + ": must not be negative, got " + ticks);
            }
            this.slippageTicks = v;
            this.slippageText = v + " ticks";
            return this;
        }

        /** Order latency to the paper venue, milliseconds. */
        public Builder latencyMillis(String key, String millis) {
            this.latencyNanos = nonNegativeMillis(key, millis);
            return this;
        }

        /** Extra uniform random latency, milliseconds (seeded). */
        public Builder latencyJitterMillis(String key, String millis) {
            this.jitterNanos = nonNegativeMillis(key, millis);
            return this;
        }

        public Builder seed(String key, String seed) {
            this.seed = decimal(key, seed, 0);
            return this;
        }

        /** When resting limits fill on trades and quotes: through or touch. */
        public Builder limitFill(String key, String rule) {
            this.limitFillRule = switch (text(key, rule).toLowerCase(Locale.ROOT)) {
                case "through" -> LimitFillRule.THROUGH;
                case "touch" -> LimitFillRule.TOUCH;
                default -> throw new IllegalArgumentException(key + ": must be through or touch, got '" + rule + "'");
            };
            return this;
        }

        public Builder queuePosition(String key, String bool) {
            this.queuePosition = bool(key, bool);
            return this;
        }

        /** Prometheus port on 127.0.0.1: 0 picks a free one, -1 serves none. */
        public Builder metricsPort(String key, String port) {
            int v = integer(key, port);
            if (v < -1 || v > 65535) {
                throw new IllegalArgumentException(key + ": port must be 0..65535 (or -1 for none), got " + port);
            }
            this.metricsPort = v;
            return this;
        }

        /** Admin port on 127.0.0.1: 0 picks a free one. */
        public Builder adminPort(String key, String port) {
            int v = integer(key, port);
            if (v < 0 || v > 65535) {
                throw new IllegalArgumentException(key + ": port must be 0..65535, got " + port);
            }
            this.adminPort = v;
            return this;
        }

        /** The admin token (from the environment or a file; never from the command line or the YAML file). */
        public Builder adminToken(AdminToken token) {
            this.adminToken = token;
            return this;
        }

        public Builder idle(String key, String mode) {
            this.idle = switch (text(key, mode).toLowerCase(Locale.ROOT)) {
                case "spin" -> Idle.SPIN;
                case "park" -> Idle.PARK;
                default -> throw new IllegalArgumentException(key + ": must be spin or park, got '" + mode + "'");
            };
            return this;
        }

        /** How long the gateway thread parks when idle (with {@code idle: park}), microseconds. */
        public Builder idleParkMicros(String key, String micros) {
            this.idleParkMicros = within(key, micros, 1, 10_000, "microseconds");
            return this;
        }

        /** The order journal's directory (created when missing). */
        public Builder journalDir(String key, String dir) {
            try {
                this.journalDir = Path.of(text(key, dir));
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(key + ": not a valid path: '" + dir + "'");
            }
            return this;
        }

        /** The order journal's directory, given as a path already resolved. */
        public Builder journalDir(Path dir) {
            if (dir == null) {
                throw new IllegalArgumentException("journal.dir: a directory is required");
            }
            this.journalDir = dir;
            return this;
        }

        /** No order journal: nothing survives a restart. For tests and tools only. */
        public Builder noJournal() {
            this.journalDir = null;
            return this;
        }

        /** {@code every-record} (default) or {@code group-commit} (paper venue only). */
        public Builder journalSync(String key, String mode) {
            this.journalGroupCommit = switch (text(key, mode).toLowerCase(Locale.ROOT)) {
                case "every-record" -> false;
                case "group-commit" -> true;
                default -> throw new IllegalArgumentException(key + ": must be every-record or group-commit, got '" + mode + "'");
            };
            this.journalSyncKey = key;
            return this;
        }

        /** Group commit: sync once this many records wait (1..100000). */
        public Builder journalGroupCommitRecords(String key, String n) {
            this.groupCommitRecords = (int) within(key, n, 1, 100_000, "records");
            return this;
        }

        /** Group commit: sync once the oldest waiting record is this old, microseconds (0..1000000). */
        public Builder journalGroupCommitMicros(String key, String micros) {
            this.groupCommitMicros = within(key, micros, 0, 1_000_000, "microseconds");
            return this;
        }

        /** Where the journal is exported: {@code duckdb:<file>} or {@code postgres:<jdbc-url>} (see {@link StoreUri}). */
        public Builder store(String key, String spec) {
            try {
                this.storeUri = StoreUri.parse(text(key, spec));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().startsWith("--store") && !key.equals("--store")
                        ? key + ": " + e.getMessage() : e.getMessage());
            }
            this.storeKey = key;
            this.storeConfig = null;
            return this;
        }

        /** The store as a whole, already resolved (the command line's {@code --store} options); replaces {@code store.*}. */
        public Builder storeConfig(StoreConfig config) {
            this.storeConfig = config;
            this.storeUri = null;
            this.storeUser = null;
            this.storePasswordFile = null;
            this.storeSchema = null;
            return this;
        }

        /** The PostgreSQL user (default: {@code TTQUANT_DB_USER}, else postgres). */
        public Builder storeUser(String key, String user) {
            this.storeUser = text(key, user);
            return this;
        }

        /** A file whose first line is the PostgreSQL password (default: {@code TTQUANT_DB_PASSWORD}, else none); read at build. */
        public Builder storePasswordFile(String key, Path file) {
            if (file == null) {
                throw new IllegalArgumentException(key + ": a file is required");
            }
            this.storePasswordFile = file;
            return this;
        }

        /** The PostgreSQL schema (created when missing; default public). */
        public Builder storeSchema(String key, String schema) {
            String v = text(key, schema);
            if (!StoreConfig.isValidSchema(v)) {
                throw new IllegalArgumentException(key + ": must be a lower-case SQL identifier (letters, digits, '_', at most 63), "
                        + "got '" + schema + "'");
            }
            this.storeSchema = v;
            return this;
        }

        /** At most this many journal records per store transaction (1..100000). */
        public Builder exportBatchRecords(String key, String n) {
            this.exportBatchRecords = (int) within(key, n, 1, 100_000, "records");
            return this;
        }

        /** A journaled record waits at most this long for others to share its transaction, milliseconds (0..60000). */
        public Builder exportBatchMillis(String key, String millis) {
            this.exportBatchMillis = within(key, millis, 0, 60_000, "milliseconds");
            return this;
        }

        /** At a stop, how long the export goes on writing what was journaled, milliseconds (0..600000). */
        public Builder exportDrainMillis(String key, String millis) {
            this.exportDrainMillis = within(key, millis, 0, 600_000, "milliseconds");
            return this;
        }

        /** The store to export to, its password read now; null when none. */
        private StoreConfig storeConfig() {
            if (storeConfig == null && storeUri == null) {
                if (storeUser != null || storePasswordFile != null || storeSchema != null) {
                    throw new IllegalArgumentException("store: user, password-file and schema need store.url (or --store)");
                }
                return null;
            }
            if (journalDir == null) {
                throw new IllegalArgumentException("--no-journal: the store export reads the order journal; keep the journal or "
                        + "give no store");
            }
            if (storeConfig != null) {
                return storeConfig;
            }
            try {
                return StoreOptions.resolve(storeUri, storeUser, storePasswordFile, storeSchema, environment);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(storeKey + ": " + e.getMessage());
            }
        }

        /** Checks the settings together and builds the configuration; throws naming the key at fault. */
        public GatewayConfig build() {
            return build(null);
        }

        /** As {@link #build()}, with each instrument's rules from {@code venueRules} (by symbol) when given. */
        private GatewayConfig build(Map<String, Instrument> venueRules) {
            if (strategies.isEmpty()) {
                throw new IllegalArgumentException("strategies: no strategy configured; add a strategies: section to the "
                        + "config file or give --strategy NAME");
            }
            if (instruments.isEmpty()) {
                instrument("instruments", "BTCUSDT");
                instrument("instruments", "ETHUSDT");
            }
            if (ordersEndpoint.equals(executionsEndpoint) && !ordersEndpoint.matches("tcp://.*:(0|\\*)")) {
                throw new IllegalArgumentException("executions: the execution endpoint must differ from the order endpoint "
                        + ordersEndpoint);
            }
            if (journalGroupCommit && !venue.equals(PaperVenue.NAME)) {
                throw new IllegalArgumentException(journalSyncKey + ": group commit may lose journaled orders in a crash and is "
                        + "for the paper venue only; the " + venue + " venue syncs every record");
            }
            BinanceSettings binance = venue.equals(BinanceVenue.NAME) ? binanceSettings() : null;
            if (metricsPort > 0 && metricsPort == adminPort) {
                throw new IllegalArgumentException("admin.port: the admin port must differ from the metrics port " + metricsPort);
            }
            List<Instrument> list = new ArrayList<>();
            Map<String, Instrument> bySymbol = new LinkedHashMap<>();
            String quote = null;
            for (InstrumentSpec spec : instruments.values()) {
                Instrument builtIn = rules(spec, venueRules);
                Instrument ins = builtIn;
                if (qtyScale != STEP_QTY_SCALE) {
                    if (qtyScale < builtIn.qtyScale()) {
                        throw new IllegalArgumentException(qtyScaleKey + ": " + qtyScale + " decimals are coarser than the step "
                                + Fixed.formatCompact(builtIn.stepSize(), builtIn.qtyScale()) + " of " + spec.symbol);
                    }
                    ins = builtIn.withQtyScale(qtyScale);
                }
                if (quote == null) {
                    quote = ins.quoteAsset();
                } else if (!quote.equals(ins.quoteAsset())) {
                    throw new IllegalArgumentException(spec.key + ": " + spec.symbol + " is quoted in " + ins.quoteAsset()
                            + " but " + list.get(0).symbol() + " in " + quote
                            + "; the risk engine sums PnL as one currency, so every instrument must share one quote asset");
                }
                list.add(ins);
                bySymbol.put(spec.symbol, ins);
            }
            RiskLimits.Builder risk = RiskLimits.builder().maxOpenOrders(maxOpenOrders)
                    .duplicateGuard(duplicateWindowNanos, 16).rejectWithoutReference(rejectWithoutReference);
            if (globalOrderRate != null) {
                risk.globalOrderRate(globalOrderRate);
            }
            if (globalCancelRate != null) {
                risk.globalCancelRate(globalCancelRate);
            }
            for (InstrumentSpec spec : instruments.values()) {
                Instrument ins = bySymbol.get(spec.symbol);
                InstrumentLimits.Builder il = InstrumentLimits.of(ins).collarPpm(spec.collarPpm);
                if (spec.maxOrderQty != null) {
                    il.maxOrderQty(qty(spec.maxOrderQtyKey, spec.maxOrderQty, ins));
                }
                if (spec.maxPosition != null) {
                    il.maxPosition(qty(spec.maxPositionKey, spec.maxPosition, ins));
                }
                risk.instrument(il.build());
            }
            for (StrategySpec spec : strategies.values()) {
                StrategyLimits.Builder sl = StrategyLimits.named(spec.name);
                if (spec.maxOrderNotional != null) {
                    sl.maxOrderNotional(spec.maxOrderNotional);
                }
                if (spec.maxOpenOrders != null) {
                    sl.maxOpenOrders(spec.maxOpenOrders);
                }
                if (spec.orderRate != null) {
                    sl.orderRate(spec.orderRate);
                }
                if (spec.cancelRate != null) {
                    sl.cancelRate(spec.cancelRate);
                }
                if (spec.reduceOnlyLoss != null || spec.haltLoss != null) {
                    long reduce = spec.reduceOnlyLoss != null ? spec.reduceOnlyLoss : spec.haltLoss;
                    long halt = spec.haltLoss != null ? spec.haltLoss : InstrumentLimits.UNLIMITED;
                    if (halt < reduce) {
                        throw new IllegalArgumentException(spec.key + ".daily-loss-halt: the halt loss must not be below the "
                                + "reduce-only loss");
                    }
                    sl.dailyLoss(reduce, halt);
                }
                for (Map.Entry<String, BigDecimal> e : spec.maxPositions.entrySet()) {
                    Instrument ins = bySymbol.get(e.getKey());
                    String key = spec.maxPositionKeys.get(e.getKey());
                    if (ins == null) {
                        throw new IllegalArgumentException(key + ": " + e.getKey() + " is not a configured instrument");
                    }
                    sl.maxPosition(ins, qty(key, e.getValue(), ins));
                }
                try {
                    risk.strategy(sl.build());
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException(spec.key + ": " + ex.getMessage());
                }
            }
            ExchangeConfig exchange = ExchangeConfig.builder().makerFeePpm(makerFeePpm).takerFeePpm(takerFeePpm)
                    .slippage(slippageTicks != null ? (slippageTicks == 0 ? SlippageModel.none() : SlippageModel.fixedTicks(slippageTicks))
                            : slippagePpm == 0 ? SlippageModel.none() : SlippageModel.ppm(slippagePpm))
                    .latency(jitterNanos == 0 ? LatencyModel.constant(latencyNanos)
                            : LatencyModel.uniformRandom(latencyNanos, latencyNanos + jitterNanos, seed))
                    .limitFillRule(limitFillRule).queuePosition(queuePosition).build();
            return new GatewayConfig(this, list, risk.build(), exchange, binance, storeConfig());
        }

        /** The rules of {@code spec}'s symbol: the venue's when given, else the built-in table's (or, for binance, generic ones until the venue's come). */
        private Instrument rules(InstrumentSpec spec, Map<String, Instrument> venueRules) {
            if (venueRules != null) {
                Instrument v = venueRules.get(spec.symbol);
                if (v == null) {
                    throw new IllegalArgumentException(spec.key + ": the " + venue + " venue gave no rules for " + spec.symbol);
                }
                return v;
            }
            Instrument builtIn = Instruments.binanceSpot(spec.symbol);
            if (builtIn != null) {
                return builtIn;
            }
            if (venue.equals(PaperVenue.NAME)) {
                throw new IllegalArgumentException(spec.key + ": no built-in rules for " + spec.symbol
                        + "; use one of BTCUSDT, ETHUSDT, BNBUSDT, SOLUSDT, ETHBTC, ADABTC");
            }
            try {
                return Instruments.generic(spec.symbol);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(spec.key + ": " + e.getMessage());
            }
        }

        /** The binance venue's settings, its credentials read now; every problem is one line naming the setting, never a secret. */
        private BinanceSettings binanceSettings() {
            if (binanceEndpoints == null) {
                throw new IllegalArgumentException("binance.endpoint: the binance venue needs to know where Binance is: live, testnet "
                        + "or a base URL like http://127.0.0.1:8090 (--binance-endpoint)");
            }
            if (journalDir == null) {
                throw new IllegalArgumentException("--no-journal: the binance venue needs an order journal (an order is written "
                        + "down before it leaves, so that a restart finds it)");
            }
            ApiCredentials credentials;
            String source;
            if (binanceCredentialsFile != null) {
                try {
                    credentials = ApiCredentials.fromFile(binanceCredentialsFile);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(binanceCredentialsFileKey + ": " + e.getMessage());
                }
                source = "the file " + binanceCredentialsFile;
            } else {
                try {
                    credentials = ApiCredentials.fromEnvironment(environment);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("venue binance: " + e.getMessage() + " (" + CREDENTIALS_HINT + ")");
                }
                source = ApiCredentials.ENV_KEY + "/" + ApiCredentials.ENV_SECRET;
            }
            return new BinanceSettings(binanceEndpoints, credentials, source, binanceRecvWindowMillis, binancePollIntervalMillis,
                    binanceForeignOrders, binanceReconcileTimeoutMillis);
        }

        private String paperDescription() {
            String fees = makerFeeBps == null && takerFeeBps == null ? "fees " + feeBps + " bps"
                    : "fees maker " + (makerFeeBps != null ? makerFeeBps : feeBps) + " / taker "
                    + (takerFeeBps != null ? takerFeeBps : feeBps) + " bps";
            String latency = "latency " + Fixed.formatCompact(latencyNanos, 6) + (jitterNanos == 0 ? "" : "+"
                    + Fixed.formatCompact(jitterNanos, 6)) + " ms";
            return fees + ", slippage " + slippageText + ", " + latency + ", limit fills "
                    + limitFillRule.name().toLowerCase(Locale.ROOT) + (queuePosition ? ", queue position on" : "");
        }

        private StrategySpec strategySpec(String key, String name) {
            strategy(key, name);
            return strategies.get(text(key, name));
        }

        private InstrumentSpec spec(String key, String symbol) {
            instrument(key, symbol);
            return instruments.get(text(key, symbol).toUpperCase(Locale.ROOT));
        }

        private static void checkFee(String key, long ppm, boolean rebateAllowed) {
            if ((!rebateAllowed && ppm < 0) || ppm < -ExchangeConfig.MILLION || ppm > ExchangeConfig.MILLION) {
                throw new IllegalArgumentException(key + ": fee must be " + (rebateAllowed ? "-10000" : "0") + " to 10000 bps");
            }
        }

        private static long qty(String key, BigDecimal qty, Instrument ins) {
            try {
                return qty.movePointRight(ins.qtyScale()).longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(key + ": " + qty.toPlainString() + " has more than " + ins.qtyScale()
                        + " decimals or is too large for " + ins.symbol());
            }
        }

        private static long cash(String key, BigDecimal amount) {
            try {
                return amount.movePointRight(Fixed.CASH_SCALE).longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(key + ": " + amount.toPlainString() + " has more than " + Fixed.CASH_SCALE
                        + " decimals or is too large");
            }
        }

        private static long nonNegativeMillis(String key, String millis) {
            long v = decimal(key, millis, 6);
            if (v < 0) {
                throw new IllegalArgumentException(key + ": must not be negative, got " + millis);
            }
            return v;
        }

        private static String text(String key, String text) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException(key + ": a value is required");
            }
            return text.strip();
        }

        private static BigDecimal number(String key, String text) {
            try {
                return new BigDecimal(text(key, text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": must be a number, got '" + text + "'");
            }
        }

        private static BigDecimal positive(String key, String text) {
            BigDecimal v = number(key, text);
            if (v.signum() <= 0) {
                throw new IllegalArgumentException(key + ": must be positive, got " + text);
            }
            return v;
        }

        /** A decimal as a raw long with {@code scale} decimals. */
        private static long decimal(String key, String text, int scale) {
            try {
                return number(key, text).movePointRight(scale).longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(key + ": has too many decimals or is too large: " + text);
            }
        }

        /** A whole number from {@code min} to {@code max} ({@code unit} names them in the refusal, may be empty). */
        private static long within(String key, String text, long min, long max, String unit) {
            long v = decimal(key, text, 0);
            if (v < min || v > max) {
                throw new IllegalArgumentException(key + ": must be " + min + ".." + max + (unit.isEmpty() ? "" : " " + unit)
                        + ", got " + text);
            }
            return v;
        }

        private static int integer(String key, String text) {
            long v = decimal(key, text, 0);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(key + ": too large: " + text);
            }
            return (int) v;
        }

        private static boolean bool(String key, String text) {
            return switch (text(key, text).toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw new IllegalArgumentException(key + ": must be true or false, got '" + text + "'");
            };
        }

        /** {@code N/PERIOD} (burst N, N per period, e.g. 20/1s, 1200/1m) or a bare N per second. */
        private static RateLimit rate(String key, String text) {
            String t = text(key, text);
            int slash = t.indexOf('/');
            String count = slash < 0 ? t : t.substring(0, slash);
            long n = decimal(key, count, 0);
            long period = 1_000_000_000L;
            if (slash >= 0) {
                try {
                    period = io.ttquant.core.data.ReaderOptions.parseIntervalNanos(t.substring(slash + 1));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(key + ": a rate is N/PERIOD like 20/1s or 1200/1m, got '" + text + "'");
                }
            }
            try {
                return new RateLimit(n, n, period);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": a rate needs a positive count and period, like 20/1s, got '" + text + "'");
            }
        }

        private static String bindEndpoint(String key, String text) {
            String v = text(key, text);
            if (!v.matches("(tcp|ipc|inproc)://.+")) {
                throw new IllegalArgumentException(key + ": endpoint must look like tcp://127.0.0.1:7101, got '" + text + "'");
            }
            return v;
        }
    }
}
