package io.ttquant.core.backtest;

import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.strategy.Strategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a backtest run needs, validated once by {@link Builder#build()}: instruments, data
 * sources, the simulated exchange's fill models, the strategies and their starting balances, and
 * how equity is sampled.
 */
public final class BacktestConfig {
    private final List<Instrument> instruments;
    private final List<MarketDataSource> sources;
    private final ExchangeConfig exchange;
    private final List<StrategySetup> strategies;
    private final Map<String, Long> initialBalances;
    private final String valuationAsset;
    private final long marketBufferPpm;
    private final long sampleIntervalNanos;
    private final int seriesCapacity;
    private final ProgressListener progress;
    private final long progressEveryEvents;

    private BacktestConfig(Builder b) {
        this.instruments = List.copyOf(b.instruments);
        this.sources = List.copyOf(b.sources);
        this.exchange = b.exchange;
        this.strategies = List.copyOf(b.strategies);
        this.initialBalances = Map.copyOf(b.initialBalances);
        this.valuationAsset = b.valuationAsset != null ? b.valuationAsset : instruments.get(0).quoteAsset();
        this.marketBufferPpm = b.marketBufferPpm;
        this.sampleIntervalNanos = b.sampleIntervalNanos;
        this.seriesCapacity = b.seriesCapacity;
        this.progress = b.progress;
        this.progressEveryEvents = b.progressEveryEvents;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Instrument> instruments() {
        return instruments;
    }

    public List<MarketDataSource> sources() {
        return sources;
    }

    public ExchangeConfig exchange() {
        return exchange;
    }

    public List<StrategySetup> strategies() {
        return strategies;
    }

    public Map<String, Long> initialBalances() {
        return initialBalances;
    }

    public String valuationAsset() {
        return valuationAsset;
    }

    public long marketBufferPpm() {
        return marketBufferPpm;
    }

    public long sampleIntervalNanos() {
        return sampleIntervalNanos;
    }

    public int seriesCapacity() {
        return seriesCapacity;
    }

    public ProgressListener progress() {
        return progress;
    }

    public long progressEveryEvents() {
        return progressEveryEvents;
    }

    /** A strategy to run, under a unique id, with the name it was created from (for reports). */
    public record StrategySetup(String id, String name, Strategy strategy) {
    }

    public static final class Builder {
        private final List<Instrument> instruments = new ArrayList<>();
        private final List<MarketDataSource> sources = new ArrayList<>();
        private ExchangeConfig exchange;
        private final List<StrategySetup> strategies = new ArrayList<>();
        private final Map<String, Long> initialBalances = new LinkedHashMap<>();
        private String valuationAsset;
        private long marketBufferPpm = 20_000;
        private long sampleIntervalNanos = 3_600_000_000_000L;
        private int seriesCapacity = 1 << 20;
        private ProgressListener progress;
        private long progressEveryEvents = 1_000_000;

        public Builder instrument(Instrument i) {
            instruments.add(i);
            return this;
        }

        public Builder source(MarketDataSource s) {
            sources.add(s);
            return this;
        }

        public Builder exchange(ExchangeConfig c) {
            this.exchange = c;
            return this;
        }

        public Builder strategy(String id, String name, Strategy s) {
            strategies.add(new StrategySetup(id, name, s));
            return this;
        }

        /** Starting balance of {@code asset} (cash scale) given to every strategy's portfolio. */
        public Builder balance(String asset, long amount) {
            initialBalances.put(asset, amount);
            return this;
        }

        public Builder valuationAsset(String asset) {
            this.valuationAsset = asset;
            return this;
        }

        /** Extra reserved for market buys over the reference price, in parts per million (default 2%). */
        public Builder marketBufferPpm(long ppm) {
            this.marketBufferPpm = ppm;
            return this;
        }

        public Builder sampleInterval(long nanos) {
            this.sampleIntervalNanos = nanos;
            return this;
        }

        public Builder seriesCapacity(int capacity) {
            this.seriesCapacity = capacity;
            return this;
        }

        public Builder progress(ProgressListener listener, long everyEvents) {
            this.progress = listener;
            this.progressEveryEvents = everyEvents;
            return this;
        }

        public BacktestConfig build() {
            if (instruments.isEmpty()) {
                throw new IllegalArgumentException("a backtest needs at least one instrument");
            }
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("a backtest needs at least one data source");
            }
            if (strategies.isEmpty()) {
                throw new IllegalArgumentException("a backtest needs at least one strategy");
            }
            if (exchange == null) {
                throw new IllegalArgumentException("a backtest needs an exchange configuration");
            }
            for (int i = 0; i < strategies.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (strategies.get(i).id().equals(strategies.get(j).id())) {
                        throw new IllegalArgumentException("two strategies share the id " + strategies.get(i).id());
                    }
                }
            }
            for (Long v : initialBalances.values()) {
                if (v < 0) {
                    throw new IllegalArgumentException("initial balances must not be negative");
                }
            }
            if (sampleIntervalNanos <= 0 || progressEveryEvents <= 0) {
                throw new IllegalArgumentException("sample interval and progress step must be positive");
            }
            return new BacktestConfig(this);
        }
    }
}
