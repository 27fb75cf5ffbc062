package io.ttquant.sim.market;

import io.ttquant.core.data.BadRowPolicy;
import io.ttquant.core.data.FileFormat;
import io.ttquant.core.data.MarketDataFormatException;
import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.data.MarketDataSources;
import io.ttquant.core.data.ReaderOptions;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.time.Clock;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a {@link SimExchange} starts from: symbols with their rules and start prices,
 * accounts with their keys and initial balances, the clock, the seed, the synthetic flow's
 * intensity and volatility or the recorded trades replayed instead, commissions and limits. {@link Builder#build()} validates it once and
 * refuses a bad configuration with a message naming the problem.
 *
 * <p>Immutable.
 */
public final class SimConfig {
    /** One account: API key, secret, initial balances as decimal texts, commissions in ppm. */
    public record AccountSpec(String apiKey, String secret, Map<String, String> balances,
                              long makerCommissionPpm, long takerCommissionPpm) {
    }

    /**
     * Recorded trades that drive {@code symbol} instead of the synthetic flow (see {@link ReplayFlow}):
     * a Binance trades or aggTrades file (or a directory of them), replayed {@code speed} times
     * faster than recorded; at the end of the file the replay stops, or starts over when
     * {@code loop}.
     */
    public record ReplaySpec(String symbol, Path file, FileFormat format, double speed, boolean loop) {
    }

    /** Readers of replayed files skip bad rows rather than stopping the exchange. */
    static final ReaderOptions REPLAY_READER_OPTIONS = ReaderOptions.defaults().withBadRowPolicy(BadRowPolicy.SKIP);

    private final List<Instrument> symbols;
    private final Map<String, Long> startPrices;
    private final Map<String, Long> marketMaxQty;
    private final List<AccountSpec> accounts;
    private final Clock clock;
    private final long seed;
    private final double flowIntensity;
    private final double dailyVolatility;
    private final int tradeHistory;
    private final int orderHistory;
    private final int maxNumOrders;
    private final int maxNumAlgoOrders;
    private final int minBookLevels;
    private final int maxSyntheticOrders;
    private final long maxCatchUpMillis;
    private final SelfTradePreventionMode defaultStpMode;
    private final Map<String, ReplaySpec> replays;
    private final int replayBookLevels;

    private SimConfig(Builder b, Map<String, Long> startPrices, Map<String, Long> marketMaxQty) {
        this.symbols = List.copyOf(b.symbols);
        this.startPrices = Collections.unmodifiableMap(startPrices);
        this.marketMaxQty = Collections.unmodifiableMap(marketMaxQty);
        this.accounts = List.copyOf(b.accounts);
        this.clock = b.clock;
        this.seed = b.seed;
        this.flowIntensity = b.flowIntensity;
        this.dailyVolatility = b.dailyVolatility;
        this.tradeHistory = b.tradeHistory;
        this.orderHistory = b.orderHistory;
        this.maxNumOrders = b.maxNumOrders;
        this.maxNumAlgoOrders = b.maxNumAlgoOrders;
        this.minBookLevels = b.minBookLevels;
        this.maxSyntheticOrders = b.maxSyntheticOrders;
        this.maxCatchUpMillis = b.maxCatchUpMillis;
        this.defaultStpMode = b.defaultStpMode;
        this.replays = Collections.unmodifiableMap(new LinkedHashMap<>(b.replays));
        this.replayBookLevels = b.replayBookLevels;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Instrument> symbols() {
        return symbols;
    }

    /** Start price (raw at the price scale) of {@code symbol}. */
    public long startPrice(String symbol) {
        return startPrices.get(symbol);
    }

    /** MARKET_LOT_SIZE maxQty (raw) of {@code symbol}. */
    public long marketMaxQty(String symbol) {
        return marketMaxQty.get(symbol);
    }

    public List<AccountSpec> accounts() {
        return accounts;
    }

    public Clock clock() {
        return clock;
    }

    public long seed() {
        return seed;
    }

    /** Synthetic participant actions per second per symbol; 0 = no synthetic flow. */
    public double flowIntensity() {
        return flowIntensity;
    }

    /** Daily volatility of the synthetic fair price (0.02 = 2 %). */
    public double dailyVolatility() {
        return dailyVolatility;
    }

    public int tradeHistory() {
        return tradeHistory;
    }

    public int orderHistory() {
        return orderHistory;
    }

    public int maxNumOrders() {
        return maxNumOrders;
    }

    public int maxNumAlgoOrders() {
        return maxNumAlgoOrders;
    }

    public int minBookLevels() {
        return minBookLevels;
    }

    public int maxSyntheticOrders() {
        return maxSyntheticOrders;
    }

    public long maxCatchUpMillis() {
        return maxCatchUpMillis;
    }

    public SelfTradePreventionMode defaultStpMode() {
        return defaultStpMode;
    }

    /** The replay that drives {@code symbol}, or null when the synthetic flow does (or nothing). */
    public ReplaySpec replay(String symbol) {
        return replays.get(symbol);
    }

    /** Replays by symbol. */
    public Map<String, ReplaySpec> replays() {
        return replays;
    }

    /** Price levels a replayed symbol's participant keeps on each side of the last price. */
    public int replayBookLevels() {
        return replayBookLevels;
    }

    /** Collects and validates the configuration. */
    public static final class Builder {
        private final List<Instrument> symbols = new ArrayList<>();
        private final Map<String, String> startPriceTexts = new HashMap<>();
        private final Map<String, String> marketMaxQtyTexts = new HashMap<>();
        private final List<AccountSpec> accounts = new ArrayList<>();
        private Clock clock = () -> System.currentTimeMillis() * 1_000_000L;
        private long seed = 1;
        private double flowIntensity = 20;
        private double dailyVolatility = 0.02;
        private long makerPpm = 1_000;
        private long takerPpm = 1_000;
        private int tradeHistory = 100_000;
        private int orderHistory = 10_000;
        private int maxNumOrders = 200;
        private int maxNumAlgoOrders = 5;
        private int minBookLevels = 25;
        private int maxSyntheticOrders = 2_000;
        private long maxCatchUpMillis = 60_000;
        private SelfTradePreventionMode defaultStpMode = SelfTradePreventionMode.EXPIRE_MAKER;
        private final Map<String, ReplaySpec> replays = new LinkedHashMap<>();
        private int replayBookLevels = 5;

        private Builder() {
        }

        /** Replaces the symbol list (default: BTCUSDT and ETHUSDT with Binance's rules). */
        public Builder symbols(List<Instrument> instruments) {
            symbols.clear();
            symbols.addAll(instruments);
            return this;
        }

        /** Adds a symbol with its start price (decimal text). */
        public Builder symbol(Instrument instrument, String startPrice) {
            symbols.add(instrument);
            startPriceTexts.put(instrument.symbol(), startPrice);
            return this;
        }

        /** Start price of a symbol (defaults exist for BTCUSDT 60000 and ETHUSDT 3000). */
        public Builder startPrice(String symbol, String price) {
            startPriceTexts.put(symbol, price);
            return this;
        }

        /** MARKET_LOT_SIZE maxQty of a symbol (default: its LOT_SIZE maxQty). */
        public Builder marketMaxQty(String symbol, String qty) {
            marketMaxQtyTexts.put(symbol, qty);
            return this;
        }

        /** An account with the default commissions; balances are asset to decimal text. */
        public Builder account(String apiKey, String secret, Map<String, String> balances) {
            accounts.add(new AccountSpec(apiKey, secret, new LinkedHashMap<>(balances), -1, -1));
            return this;
        }

        /** An account with its own maker and taker commissions in basis points. */
        public Builder account(String apiKey, String secret, Map<String, String> balances, long makerBps, long takerBps) {
            accounts.add(new AccountSpec(apiKey, secret, new LinkedHashMap<>(balances), makerBps * 100, takerBps * 100));
            return this;
        }

        /** The time source (default: the system clock). Milliseconds are derived from its nanoseconds. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Synthetic actions per second per symbol (default 20, about 25 trades a second; 0 turns the flow off). */
        public Builder flowIntensity(double actionsPerSecond) {
            this.flowIntensity = actionsPerSecond;
            return this;
        }

        /** Daily volatility of the synthetic fair price (default 0.02). */
        public Builder dailyVolatility(double v) {
            this.dailyVolatility = v;
            return this;
        }

        /** Default maker and taker commission in basis points (default 10 each). */
        public Builder commissionBps(long makerBps, long takerBps) {
            this.makerPpm = makerBps * 100;
            this.takerPpm = takerBps * 100;
            return this;
        }

        /** Trades and aggregate trades kept per symbol (default 100,000). */
        public Builder tradeHistory(int n) {
            this.tradeHistory = n;
            return this;
        }

        /** Closed orders and trades remembered per account and symbol (default 10,000). */
        public Builder orderHistory(int n) {
            this.orderHistory = n;
            return this;
        }

        /** MAX_NUM_ORDERS and MAX_NUM_ALGO_ORDERS per account and symbol (default 200 and 5, as Binance). */
        public Builder orderLimits(int maxNumOrders, int maxNumAlgoOrders) {
            this.maxNumOrders = maxNumOrders;
            this.maxNumAlgoOrders = maxNumAlgoOrders;
            return this;
        }

        /** Price levels the synthetic flow keeps on each side (default 25). */
        public Builder minBookLevels(int n) {
            this.minBookLevels = n;
            return this;
        }

        /** Most resting synthetic orders per symbol (default 2,000). */
        public Builder maxSyntheticOrders(int n) {
            this.maxSyntheticOrders = n;
            return this;
        }

        /** Longest stretch of synthetic flow replayed after a pause; older time is skipped (default 60 s). */
        public Builder maxCatchUpMillis(long ms) {
            this.maxCatchUpMillis = ms;
            return this;
        }

        /** STP mode of orders that name none (default EXPIRE_MAKER, Binance's current default). */
        public Builder defaultStpMode(SelfTradePreventionMode mode) {
            this.defaultStpMode = mode;
            return this;
        }

        /**
         * Drives {@code symbol} by replaying the recorded trades in {@code file} ({@link FileFormat#BINANCE_TRADES}
         * or {@link FileFormat#BINANCE_AGGTRADES}; a plain, gzip or zip file, or a directory of them)
         * instead of the synthetic flow, {@code speed} times faster than recorded (1 = real time). The
         * recorded timeline starts when the exchange starts; at the end of the file the replay stops
         * and the book stays as it is. Unless {@link #startPrice} is given, the symbol starts at the
         * file's first price.
         */
        public Builder replay(String symbol, Path file, FileFormat format, double speed) {
            return replay(symbol, file, format, speed, false);
        }

        /** As {@link #replay(String, Path, FileFormat, double)}; when {@code loop}, the file starts over at its end. */
        public Builder replay(String symbol, Path file, FileFormat format, double speed, boolean loop) {
            replays.put(symbol, new ReplaySpec(symbol, file, format, speed, loop));
            return this;
        }

        /** Price levels a replayed symbol keeps on each side of the last price (default 5). */
        public Builder replayBookLevels(int n) {
            this.replayBookLevels = n;
            return this;
        }

        /** Validates everything; throws {@link IllegalArgumentException} naming the first problem. */
        public SimConfig build() {
            if (symbols.isEmpty()) {
                symbols.add(Instruments.binanceSpot("BTCUSDT"));
                symbols.add(Instruments.binanceSpot("ETHUSDT"));
            }
            Map<String, Long> replayPrices = new HashMap<>();
            for (ReplaySpec r : replays.values()) {
                Instrument ins = null;
                for (Instrument i : symbols) {
                    if (i != null && i.symbol().equals(r.symbol())) {
                        ins = i;
                    }
                }
                check(ins != null, "replay for unknown symbol " + r.symbol());
                check(r.format() == FileFormat.BINANCE_TRADES || r.format() == FileFormat.BINANCE_AGGTRADES,
                        r.symbol() + ": replay needs a Binance trades or aggTrades file, not " + r.format());
                check(r.speed() > 0 && r.speed() <= 1_000_000 && !Double.isNaN(r.speed()),
                        r.symbol() + ": replay speed must be in (0, 1000000]");
                check(r.file() != null && Files.exists(r.file()), r.symbol() + ": replay file " + r.file() + " does not exist");
                replayPrices.put(r.symbol(), firstPrice(r, ins));
            }
            check(replayBookLevels >= 1 && replayBookLevels <= 100, "replay book levels must be 1..100");
            Map<String, Long> prices = new LinkedHashMap<>();
            Map<String, Long> marketMax = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (Instrument i : symbols) {
                check(i != null, "null instrument");
                check(seen.add(i.symbol()), "symbol " + i.symbol() + " given twice");
                check(i.priceScale() <= Fixed.CASH_SCALE, i.symbol() + ": tick size finer than 10^-8 is not supported");
                String text = startPriceTexts.getOrDefault(i.symbol(), defaultStartPrice(i.symbol()));
                Long recorded = replayPrices.get(i.symbol());
                if (recorded != null && !startPriceTexts.containsKey(i.symbol())) {
                    text = i.formatPrice(recorded);
                }
                check(text != null, i.symbol() + ": no start price; give startPrice(\"" + i.symbol() + "\", \"...\")");
                long p;
                try {
                    p = i.price(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(i.symbol() + ": start price " + text + " is not a price on the tick grid");
                }
                check(i.checkPrice(p) == null, i.symbol() + ": start price " + text + " breaks the price filter");
                check(p >= 200 * i.tickSize(), i.symbol() + ": start price " + text + " must be at least 200 ticks");
                prices.put(i.symbol(), p);
                String mm = marketMaxQtyTexts.get(i.symbol());
                long m = i.maxQty();
                if (mm != null) {
                    try {
                        m = i.qty(mm);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(i.symbol() + ": market max qty " + mm + " is not a quantity");
                    }
                    check(m > 0, i.symbol() + ": market max qty must be positive");
                }
                marketMax.put(i.symbol(), m);
            }
            for (String s : startPriceTexts.keySet()) {
                check(seen.contains(s), "start price for unknown symbol " + s);
            }
            Set<String> keys = new HashSet<>();
            List<AccountSpec> resolved = new ArrayList<>();
            for (AccountSpec a : accounts) {
                check(a.apiKey() != null && !a.apiKey().isEmpty(), "account with an empty API key");
                check(a.secret() != null && !a.secret().isEmpty(), "account " + a.apiKey() + " has an empty secret");
                check(keys.add(a.apiKey()), "API key " + a.apiKey() + " given twice");
                for (Map.Entry<String, String> e : a.balances().entrySet()) {
                    check(e.getKey() != null && e.getKey().matches("[A-Z0-9]{1,20}"), "bad asset name " + e.getKey());
                    try {
                        long v = Fixed.parse(e.getValue(), Fixed.CASH_SCALE);
                        check(v >= 0, "negative balance " + e.getKey() + "=" + e.getValue());
                    } catch (NumberFormatException ex) {
                        throw new IllegalArgumentException("balance " + e.getKey() + "=" + e.getValue()
                                + " is not a decimal with at most 8 decimals");
                    }
                }
                long maker = a.makerCommissionPpm() < 0 ? makerPpm : a.makerCommissionPpm();
                long taker = a.takerCommissionPpm() < 0 ? takerPpm : a.takerCommissionPpm();
                check(maker >= 0 && maker <= 1_000_000 && taker >= 0 && taker <= 1_000_000,
                        "commission of " + a.apiKey() + " must be between 0 and 10000 bps");
                resolved.add(new AccountSpec(a.apiKey(), a.secret(), a.balances(), maker, taker));
            }
            accounts.clear();
            accounts.addAll(resolved);
            check(clock != null, "clock is required");
            check(flowIntensity >= 0 && flowIntensity <= 100_000 && !Double.isNaN(flowIntensity),
                    "flow intensity must be between 0 and 100000 actions per second");
            check(dailyVolatility >= 0 && dailyVolatility < 1, "daily volatility must be in [0, 1)");
            check(makerPpm >= 0 && makerPpm <= 1_000_000 && takerPpm >= 0 && takerPpm <= 1_000_000,
                    "commission must be between 0 and 10000 bps");
            check(tradeHistory >= 1_000 && tradeHistory <= 10_000_000, "trade history must be 1000..10000000");
            check(orderHistory >= 100, "order history must be at least 100");
            check(maxNumOrders >= 1 && maxNumAlgoOrders >= 0 && maxNumAlgoOrders <= maxNumOrders,
                    "need 1 <= maxNumOrders and 0 <= maxNumAlgoOrders <= maxNumOrders");
            check(minBookLevels >= 1 && minBookLevels <= 1_000, "min book levels must be 1..1000");
            check(maxSyntheticOrders >= 4 * minBookLevels, "max synthetic orders must be at least 4 x min book levels");
            check(maxCatchUpMillis >= 1_000, "max catch-up must be at least 1000 ms");
            check(defaultStpMode != null, "default STP mode is required");
            return new SimConfig(this, prices, marketMax);
        }

        /** The first trade's price in a replayed file; refuses a file that cannot be read or holds none. */
        private static long firstPrice(ReplaySpec r, Instrument ins) {
            try (MarketDataSource source = MarketDataSources.open(r.file(), r.format(), ins, REPLAY_READER_OPTIONS)) {
                check(source.advance(), r.symbol() + ": replay file " + r.file() + " holds no trades");
                return ((TradeTick) source.current()).price();
            } catch (UncheckedIOException | MarketDataFormatException e) {
                throw new IllegalArgumentException(r.symbol() + ": cannot read replay file " + r.file() + ": " + e.getMessage(), e);
            }
        }

        private static String defaultStartPrice(String symbol) {
            switch (symbol) {
                case "BTCUSDT":
                    return "60000.00";
                case "ETHUSDT":
                    return "3000.00";
                default:
                    return null;
            }
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
