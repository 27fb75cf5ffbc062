package io.ttquant.app.strategy;

import io.ttquant.app.config.MarketDataSettings;
import io.ttquant.app.data.InstrumentRules;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Order;
import io.ttquant.core.strategy.Strategy;
import io.ttquant.core.strategy.StrategyCatalog;
import io.ttquant.core.strategy.StrategyParams;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything {@code ttquant strategy} needs, checked once by {@link Builder#build()}: where the
 * gateway is (its order PULL, execution PUB and state ROUTER endpoints, and the venue its orders
 * name), where the market data is (endpoint, venue, quantity scale, kinds), how the cash accounts
 * reserve (taker fee, market-order buffer), the callback budget, the start-up sync timing, the
 * metrics port and how the engine thread idles, and the strategies: id, a built-in name or a
 * class, parameters, instruments (built-in Binance rules with optional tick/step/min-notional
 * overrides, at the market data's quantity scale), starting cash and engine-side limits.
 *
 * <p>Every setting reaches the builder as text with the key it was given under (a file key such
 * as {@code strategy.yaml: strategies[0].cash.USDT} or a flag such as {@code --orders}); a bad one
 * is refused by {@link IllegalArgumentException} with one line naming it. {@link #build()} also
 * creates each strategy once to check its parameters. Immutable once built; {@link #definitions()}
 * creates fresh strategy objects for an engine.
 */
public final class StrategyEngineConfig {
    public static final String DEFAULT_ORDERS = "tcp://127.0.0.1:7101";
    public static final String DEFAULT_EXECUTIONS = "tcp://127.0.0.1:7102";
    public static final String DEFAULT_STATE = "tcp://127.0.0.1:7104";
    public static final String DEFAULT_MARKET_DATA = "tcp://127.0.0.1:5556";
    public static final int DEFAULT_METRICS_PORT = 9103;
    /** Quantities keep the decimals of the instrument's step (the synthetic and replay sources). */
    public static final int STEP_QTY_SCALE = -1;
    /** Longest strategy id: its client order ids ({@code <id>-<n>}) must fit Binance's 36 characters. */
    public static final int MAX_STRATEGY_ID = 20;

    private final Builder b;
    private final Map<String, Instrument> instruments;
    private final EngineSettings settings;

    private StrategyEngineConfig(Builder b, Map<String, Instrument> instruments, EngineSettings settings) {
        this.b = b;
        this.instruments = Map.copyOf(instruments);
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String ordersEndpoint() {
        return b.orders;
    }

    public String executionsEndpoint() {
        return b.executions;
    }

    public String stateEndpoint() {
        return b.state;
    }

    public String marketDataEndpoint() {
        return b.marketData;
    }

    public String marketDataVenue() {
        return b.marketDataVenue;
    }

    public Set<MarketDataKind> marketDataKinds() {
        return EnumSet.copyOf(b.kinds);
    }

    /** Decimals of quantities on the bus and in orders, or {@link #STEP_QTY_SCALE}. */
    public int qtyScale() {
        return b.qtyScale;
    }

    public EngineSettings settings() {
        return settings;
    }

    /** Prometheus port on 127.0.0.1; 0 a free port, -1 none. */
    public int metricsPort() {
        return b.metricsPort;
    }

    /** True: the engine thread spins when idle; false: it parks {@link #idleParkNanos()}. */
    public boolean spin() {
        return b.spin;
    }

    public long idleParkNanos() {
        return b.idleParkMicros * 1_000L;
    }

    /** Every instrument the strategies trade, one object per symbol, in first-seen order. */
    public List<Instrument> instruments() {
        List<Instrument> list = new ArrayList<>();
        for (String symbol : b.symbolOrder) {
            list.add(instruments.get(symbol));
        }
        return list;
    }

    /** The strategy ids in configuration order. */
    public List<String> strategyIds() {
        List<String> ids = new ArrayList<>();
        for (StrategySpec s : b.strategies.values()) {
            ids.add(s.id);
        }
        return ids;
    }

    /** Fresh strategies, ready for one engine (each call creates new strategy objects). */
    public List<StrategyDefinition> definitions() {
        List<StrategyDefinition> out = new ArrayList<>();
        for (StrategySpec s : b.strategies.values()) {
            out.add(s.definition(instruments));
        }
        return out;
    }

    @Override
    public String toString() {
        return "StrategyEngineConfig{orders=" + b.orders + ", executions=" + b.executions + ", state=" + b.state + ", venue="
                + b.venue + ", marketdata=" + b.marketData + " (" + b.marketDataVenue + "), strategies=" + strategyIds() + "}";
    }

    /** One strategy as configured. */
    private static final class StrategySpec {
        final String key;
        final String id;
        String name;
        String className;
        final Map<String, String> params = new LinkedHashMap<>();
        final List<String> symbols = new ArrayList<>();
        final Map<String, Long> cash = new LinkedHashMap<>();
        long maxOrderNotional = EngineRiskLimits.UNLIMITED;
        final Map<String, BigDecimal> maxPosition = new LinkedHashMap<>();
        final Map<String, String> maxPositionKeys = new LinkedHashMap<>();

        StrategySpec(String key, String id) {
            this.key = key;
            this.id = id;
        }

        StrategyDefinition definition(Map<String, Instrument> instruments) {
            List<Instrument> list = new ArrayList<>();
            Map<String, Long> positions = new LinkedHashMap<>();
            for (String s : symbols) {
                list.add(instruments.get(s));
            }
            for (Map.Entry<String, BigDecimal> e : maxPosition.entrySet()) {
                Instrument ins = instruments.get(e.getKey());
                String k = maxPositionKeys.get(e.getKey());
                if (ins == null || !symbols.contains(e.getKey())) {
                    throw new IllegalArgumentException(k + ": " + e.getKey() + " is not one of the strategy's instruments " + symbols);
                }
                try {
                    positions.put(e.getKey(), Fixed.fromBigDecimal(e.getValue(), ins.qtyScale()));
                } catch (ArithmeticException ex) {
                    throw new IllegalArgumentException(k + ": " + e.getValue().toPlainString() + " has more decimals than "
                            + ins.symbol() + "'s quantities (" + ins.qtyScale() + ")");
                }
            }
            return new StrategyDefinition(id, className != null ? className : name, create(), list, cash,
                    new EngineRiskLimits(maxOrderNotional, positions));
        }

        private Strategy create() {
            StrategyParams p = new StrategyParams(params);
            try {
                if (name != null) {
                    return new StrategyCatalog().create(name, p);
                }
                return instantiate(className, p);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": " + e.getMessage());
            }
        }

        private static Strategy instantiate(String className, StrategyParams p) {
            Class<?> c;
            try {
                c = Class.forName(className);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalArgumentException("class " + className + " is not on the classpath");
            }
            if (!Strategy.class.isAssignableFrom(c)) {
                throw new IllegalArgumentException("class " + className + " does not implement " + Strategy.class.getName());
            }
            try {
                try {
                    Constructor<?> withParams = c.getConstructor(StrategyParams.class);
                    return (Strategy) withParams.newInstance(p);
                } catch (NoSuchMethodException e) {
                    if (!p.names().isEmpty()) {
                        throw new IllegalArgumentException("class " + className + " takes no parameters (it has no public constructor "
                                + "taking StrategyParams)");
                    }
                    return (Strategy) c.getConstructor().newInstance();
                }
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("class " + className + " needs a public constructor taking StrategyParams, or none");
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IllegalArgumentException iae) {
                    throw iae;
                }
                throw new IllegalArgumentException("class " + className + " could not be created: " + cause);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("class " + className + " could not be created: " + e.getMessage());
            }
        }
    }

    /** Instrument rule overrides of one symbol, with the key they were given under. */
    private static final class RuleSpec {
        String key;
        String tickSize;
        String stepSize;
        String minNotional;
    }

    /** Collects settings as text, each with its key; {@link #build()} checks what needs the whole picture. */
    public static final class Builder implements MarketDataSettings.Target {
        private String orders = DEFAULT_ORDERS;
        private String executions = DEFAULT_EXECUTIONS;
        private String state = DEFAULT_STATE;
        private String venue = "paper";
        private String marketData = DEFAULT_MARKET_DATA;
        private String marketDataVenue = "binance";
        private int qtyScale = 8;
        private EnumSet<MarketDataKind> kinds = EnumSet.allOf(MarketDataKind.class);
        private long takerFeePpm = 1_000;
        private long marketBufferPpm = 20_000;
        private long budgetMicros = CallbackBudget.DEFAULT.budgetNanos() / 1_000;
        private int maxConsecutive = CallbackBudget.DEFAULT.maxConsecutive();
        private long hardLimitMillis = CallbackBudget.DEFAULT.hardLimitNanos() / 1_000_000;
        private long syncDelayMillis = 200;
        private long syncTimeoutMillis = 2_000;
        private int metricsPort = DEFAULT_METRICS_PORT;
        private boolean spin;
        private long idleParkMicros = 50;
        private final Map<String, RuleSpec> rules = new LinkedHashMap<>();
        private final Map<String, StrategySpec> strategies = new LinkedHashMap<>();
        private final List<String> symbolOrder = new ArrayList<>();

        public Builder ordersEndpoint(String key, String text) {
            this.orders = connectEndpoint(key, text);
            return this;
        }

        public Builder executionsEndpoint(String key, String text) {
            this.executions = connectEndpoint(key, text);
            return this;
        }

        public Builder stateEndpoint(String key, String text) {
            this.state = connectEndpoint(key, text);
            return this;
        }

        /** The venue the gateway routes to, named in every order ({@code paper}, {@code binance}). */
        public Builder venue(String key, String text) {
            this.venue = MarketDataSettings.venue(key, text(key, text).toLowerCase(Locale.ROOT));
            return this;
        }

        @Override
        public Builder marketDataEndpoint(String key, String text) {
            this.marketData = connectEndpoint(key, text);
            return this;
        }

        @Override
        public Builder marketDataVenue(String key, String text) {
            this.marketDataVenue = MarketDataSettings.venue(key, text(key, text));
            return this;
        }

        /** Quantity decimals of the market data and of orders: a number (8 for Binance-protocol feeds) or {@code step}. */
        @Override
        public Builder qtyScale(String key, String text) {
            String v = text(key, text);
            if (v.equalsIgnoreCase("step")) {
                this.qtyScale = STEP_QTY_SCALE;
                return this;
            }
            int n = (int) integer(key, v, 0, Fixed.CASH_SCALE);
            this.qtyScale = n;
            return this;
        }

        @Override
        public Builder marketDataKinds(String key, List<String> names) {
            this.kinds = MarketDataSettings.kinds(key, names);
            return this;
        }

        /** The taker fee the cash accounts reserve for, basis points (as the gateway's venue charges). */
        public Builder takerFeeBps(String key, String text) {
            this.takerFeePpm = bpsToPpm(key, text);
            return this;
        }

        /** Extra reserved for market buys over the reference price, basis points (default 200). */
        public Builder marketBufferBps(String key, String text) {
            this.marketBufferPpm = bpsToPpm(key, text);
            return this;
        }

        public Builder callbackBudgetMicros(String key, String text) {
            this.budgetMicros = integer(key, text, 1, 60_000_000);
            return this;
        }

        public Builder callbackMaxConsecutive(String key, String text) {
            this.maxConsecutive = (int) integer(key, text, 1, 1_000_000);
            return this;
        }

        public Builder callbackHardLimitMillis(String key, String text) {
            this.hardLimitMillis = integer(key, text, 1, 600_000);
            return this;
        }

        public Builder syncDelayMillis(String key, String text) {
            this.syncDelayMillis = integer(key, text, 0, 60_000);
            return this;
        }

        public Builder syncTimeoutMillis(String key, String text) {
            this.syncTimeoutMillis = integer(key, text, 1, 600_000);
            return this;
        }

        /** 0: a free port; -1: no metrics. */
        public Builder metricsPort(String key, String text) {
            this.metricsPort = (int) integer(key, text, -1, 65_535);
            return this;
        }

        public Builder idle(String key, String text) {
            String v = text(key, text).toLowerCase(Locale.ROOT);
            if (!v.equals("spin") && !v.equals("park")) {
                throw new IllegalArgumentException(key + ": idle is park or spin, got '" + text + "'");
            }
            this.spin = v.equals("spin");
            return this;
        }

        public Builder idleParkMicros(String key, String text) {
            this.idleParkMicros = integer(key, text, 1, 1_000_000);
            return this;
        }

        /** Overrides {@code symbol}'s built-in rules (any of the three may be null). */
        public Builder instrumentRules(String key, String symbol, String tickSize, String stepSize, String minNotional) {
            String s = symbol(key, symbol);
            RuleSpec r = rules.computeIfAbsent(s, x -> new RuleSpec());
            r.key = key;
            r.tickSize = tickSize != null ? decimal(key + ".tick-size", tickSize).toPlainString() : r.tickSize;
            r.stepSize = stepSize != null ? decimal(key + ".step-size", stepSize).toPlainString() : r.stepSize;
            r.minNotional = minNotional != null ? decimal(key + ".min-notional", minNotional).toPlainString() : r.minNotional;
            return this;
        }

        /** Adds a strategy (or returns to the one with this id) under {@code key}. */
        public Builder strategy(String key, String id) {
            String v = text(key, id);
            if (!v.matches("[A-Za-z0-9_.:-]{1," + MAX_STRATEGY_ID + "}")) {
                throw new IllegalArgumentException(key + ": a strategy id is 1-" + MAX_STRATEGY_ID + " letters, digits, '_', '.', ':' or '-' "
                        + "(its client order ids, <id>-<n>, must fit " + Order.MAX_CLIENT_ORDER_ID_BYTES + " characters), got '" + id + "'");
            }
            strategies.computeIfAbsent(v, x -> new StrategySpec(key, x));
            return this;
        }

        /** True when a strategy with this id was added. */
        public boolean hasStrategy(String id) {
            return strategies.containsKey(id);
        }

        /** The built-in strategy ({@code ema-cross}...) strategy {@code id} runs. */
        public Builder strategyName(String key, String id, String name) {
            StrategySpec s = spec(key, id);
            s.name = text(key, name);
            s.className = null;
            return this;
        }

        /** The class (on the classpath, implementing Strategy) strategy {@code id} runs. */
        public Builder strategyClass(String key, String id, String className) {
            StrategySpec s = spec(key, id);
            s.className = text(key, className);
            s.name = null;
            return this;
        }

        public Builder strategyParam(String key, String id, String name, String value) {
            spec(key, id).params.put(text(key, name), value == null ? "" : value.trim());
            return this;
        }

        public Builder strategySymbol(String key, String id, String symbol) {
            StrategySpec s = spec(key, id);
            String sym = symbol(key, symbol);
            if (!s.symbols.contains(sym)) {
                s.symbols.add(sym);
            }
            return this;
        }

        /** Starting cash of {@code asset} for strategy {@code id}, a decimal amount (at most 8 decimals). */
        public Builder strategyCash(String key, String id, String asset, String amount) {
            String a = text(key, asset).toUpperCase(Locale.ROOT);
            if (!a.matches("[A-Z0-9]{1,16}")) {
                throw new IllegalArgumentException(key + ": not an asset: '" + asset + "'");
            }
            spec(key, id).cash.put(a, cash(key, amount, false));
            return this;
        }

        public Builder strategyMaxOrderNotional(String key, String id, String amount) {
            spec(key, id).maxOrderNotional = cash(key, amount, true);
            return this;
        }

        public Builder strategyMaxPosition(String key, String id, String symbol, String qty) {
            StrategySpec s = spec(key, id);
            String sym = symbol(key, symbol);
            BigDecimal q = decimal(key, qty);
            if (q.signum() < 0) {
                throw new IllegalArgumentException(key + ": a position limit must not be negative, got " + qty);
            }
            s.maxPosition.put(sym, q);
            s.maxPositionKeys.put(sym, key);
            return this;
        }

        /** Checks what needs the whole picture and builds; throws one line naming the setting at fault. */
        public StrategyEngineConfig build() {
            if (strategies.isEmpty()) {
                throw new IllegalArgumentException("strategies: no strategy configured; add a strategies: list to the config file or "
                        + "give --strategy ID=NAME");
            }
            Map<String, Instrument> instruments = new LinkedHashMap<>();
            symbolOrder.clear();
            String quote = null;
            for (StrategySpec s : strategies.values()) {
                if (s.name == null && s.className == null) {
                    throw new IllegalArgumentException(s.key + ": give the strategy's name (a built-in such as ema-cross) or its class");
                }
                if (s.symbols.isEmpty()) {
                    throw new IllegalArgumentException(s.key + ".instruments: the strategy trades no instrument; list at least one symbol");
                }
                for (String symbol : s.symbols) {
                    if (!instruments.containsKey(symbol)) {
                        Instrument ins = instrument(s.key + ".instruments", symbol);
                        if (quote == null) {
                            quote = ins.quoteAsset();
                        }
                        instruments.put(symbol, ins);
                        symbolOrder.add(symbol);
                    }
                }
                if (s.cash.isEmpty()) {
                    throw new IllegalArgumentException(s.key + ".cash: the strategy has no cash; give e.g. cash: {"
                            + instruments.get(s.symbols.get(0)).quoteAsset() + ": 10000}");
                }
            }
            CallbackBudget budget;
            try {
                budget = new CallbackBudget(budgetMicros * 1_000, maxConsecutive, hardLimitMillis * 1_000_000);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("callbacks.hard-limit-ms: the hard limit (" + hardLimitMillis + " ms) must not be "
                        + "below the budget (" + budgetMicros + " us)");
            }
            EngineSettings settings = new EngineSettings(venue, takerFeePpm, marketBufferPpm, budget, syncDelayMillis * 1_000_000,
                    syncTimeoutMillis * 1_000_000);
            StrategyEngineConfig config = new StrategyEngineConfig(this, instruments, settings);
            config.definitions(); // creates every strategy once: parameters and classes are checked now
            return config;
        }

        private Instrument instrument(String key, String symbol) {
            RuleSpec r = rules.get(symbol);
            Instrument base;
            try {
                base = InstrumentRules.resolve(symbol, r == null ? null : r.tickSize, r == null ? null : r.stepSize,
                        r == null ? null : r.minNotional);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException((r == null ? key : r.key) + ": " + e.getMessage().replace("give --tick-size and "
                        + "--step-size", "give its tick-size and step-size under instruments"));
            }
            if (qtyScale == STEP_QTY_SCALE) {
                return base;
            }
            if (qtyScale < base.qtyScale()) {
                throw new IllegalArgumentException("marketdata.qty-scale: " + qtyScale + " decimals are coarser than the step "
                        + Fixed.formatCompact(base.stepSize(), base.qtyScale()) + " of " + symbol);
            }
            return base.withQtyScale(qtyScale);
        }

        private StrategySpec spec(String key, String id) {
            StrategySpec s = strategies.get(id);
            if (s == null) {
                strategy(key, id);
                s = strategies.get(id);
            }
            return s;
        }

        private static String symbol(String key, String text) {
            String s = text(key, text).toUpperCase(Locale.ROOT);
            if (!s.matches("[A-Z0-9]{1,32}")) {
                throw new IllegalArgumentException(key + ": not a symbol: '" + text + "'");
            }
            return s;
        }

        private static String connectEndpoint(String key, String text) {
            String v = text(key, text);
            if (!v.matches("(tcp://[^:*]+:[0-9]{1,5}|ipc://.+|inproc://.+)") || v.matches("tcp://.*:0+") || v.startsWith("tcp://0.0.0.0:")) {
                throw new IllegalArgumentException(key + ": an endpoint to connect to looks like tcp://127.0.0.1:7101 (a host and a "
                        + "port), got '" + text + "'");
            }
            return v;
        }

        private static long bpsToPpm(String key, String text) {
            BigDecimal bps = decimal(key, text);
            if (bps.signum() < 0 || bps.compareTo(BigDecimal.valueOf(10_000)) > 0) {
                throw new IllegalArgumentException(key + ": basis points must be 0..10000, got " + text);
            }
            try {
                return bps.multiply(BigDecimal.valueOf(100)).longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(key + ": at most two decimals of a basis point, got " + text);
            }
        }

        private static long cash(String key, String text, boolean positive) {
            BigDecimal v = decimal(key, text);
            if (v.signum() < 0 || (positive && v.signum() == 0)) {
                throw new IllegalArgumentException(key + ": the amount must be " + (positive ? "positive" : "0 or more") + ", got " + text);
            }
            try {
                return Fixed.fromBigDecimal(v, Fixed.CASH_SCALE);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(key + ": at most " + Fixed.CASH_SCALE + " decimals and below 92 billion, got " + text);
            }
        }

        private static BigDecimal decimal(String key, String text) {
            String v = text(key, text);
            try {
                return new BigDecimal(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": not a number: '" + text + "'");
            }
        }

        private static long integer(String key, String text, long min, long max) {
            String v = text(key, text);
            long n;
            try {
                n = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": not a whole number: '" + text + "'");
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException(key + ": must be " + min + ".." + max + ", got " + n);
            }
            return n;
        }

        private static String text(String key, String text) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException(key + ": a value is required");
            }
            return text.trim();
        }
    }
}
