package io.ttquant.app.marketdata;

import io.ttquant.core.data.FileFormat;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.store.StoreConfig;
import io.ttquant.store.writer.RecorderConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the market data service needs to start, checked once by {@link Builder#build()}: a
 * bad value is refused there with a one-line reason ({@link IllegalArgumentException}) and never
 * re-checked while the feed runs. Immutable.
 */
public final class MarketDataConfig {
    /** Where the events come from. */
    public enum Source {
        /** Binance spot production streams and REST. */
        BINANCE,
        /** Binance spot testnet. */
        TESTNET,
        /** A Binance-compatible endpoint given by URL, such as the local exchange simulator. */
        URL,
        /** The seeded synthetic market of the backtester, paced in real time. */
        SYNTHETIC,
        /** Recorded files, replayed at real or accelerated speed. */
        REPLAY
    }

    /** Which Binance stream feeds the {@code trade} topic. */
    public enum TradeStream {
        /** {@code @aggTrade}: gaps backfilled from {@code /api/v3/aggTrades?fromId=}. */
        AGG_TRADE,
        /** {@code @trade}: gaps backfilled from {@code /api/v3/historicalTrades?fromId=}. */
        TRADE
    }

    private final String venue;
    private final Source source;
    private final String restUrl;
    private final String wsUrl;
    private final List<Instrument> instruments;
    private final TradeStream tradeStream;
    private final boolean quotes;
    private final boolean depth;
    private final boolean klines;
    private final int snapshotLimit;
    private final Duration silenceTimeout;
    private final Duration maxReconnectBackoff;
    private final Duration stableAfter;
    private final Map<String, Path> replayFiles;
    private final FileFormat replayFormat;
    private final double speed;
    private final long seed;
    private final String publishEndpoint;
    private final int sendHighWaterMark;
    private final String metricsHost;
    private final int metricsPort;
    private final StoreConfig store;
    private final RecorderConfig recorder;
    private final Duration bookSnapshotInterval;

    private MarketDataConfig(Builder b) {
        this.venue = b.venue;
        this.source = b.source;
        this.restUrl = b.restUrl;
        this.wsUrl = b.wsUrl;
        this.instruments = List.copyOf(b.instruments);
        this.tradeStream = b.tradeStream;
        this.quotes = b.quotes;
        this.depth = b.depth;
        this.klines = b.klines;
        this.snapshotLimit = b.snapshotLimit;
        this.silenceTimeout = b.silenceTimeout;
        this.maxReconnectBackoff = b.maxReconnectBackoff;
        this.stableAfter = b.stableAfter;
        this.replayFiles = Map.copyOf(b.replayFiles);
        this.replayFormat = b.replayFormat;
        this.speed = b.speed;
        this.seed = b.seed;
        this.publishEndpoint = b.publishEndpoint;
        this.sendHighWaterMark = b.sendHighWaterMark;
        this.metricsHost = b.metricsHost;
        this.metricsPort = b.metricsPort;
        this.store = b.store;
        this.recorder = b.recorder;
        this.bookSnapshotInterval = b.bookSnapshotInterval;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String venue() {
        return venue;
    }

    public Source source() {
        return source;
    }

    /** REST base URL for the Binance-protocol sources (null for synthetic and replay). */
    public String restUrl() {
        return restUrl;
    }

    /** WebSocket base URL for the Binance-protocol sources (null for synthetic and replay). */
    public String wsUrl() {
        return wsUrl;
    }

    public List<Instrument> instruments() {
        return instruments;
    }

    public TradeStream tradeStream() {
        return tradeStream;
    }

    public boolean quotes() {
        return quotes;
    }

    public boolean depth() {
        return depth;
    }

    public boolean klines() {
        return klines;
    }

    public int snapshotLimit() {
        return snapshotLimit;
    }

    public Duration silenceTimeout() {
        return silenceTimeout;
    }

    /** The longest wait between reconnect attempts (the backoff doubles up to it, with jitter). */
    public Duration maxReconnectBackoff() {
        return maxReconnectBackoff;
    }

    /** How long a connection must last before the reconnect backoff starts again from its smallest step. */
    public Duration stableAfter() {
        return stableAfter;
    }

    public Map<String, Path> replayFiles() {
        return replayFiles;
    }

    public FileFormat replayFormat() {
        return replayFormat;
    }

    /** Replay and synthetic pace: 1 real time, 10 ten times faster, 0 as fast as possible. */
    public double speed() {
        return speed;
    }

    public long seed() {
        return seed;
    }

    /** ZeroMQ PUB endpoint to bind, such as {@code tcp://127.0.0.1:5556}; null publishes in process only. */
    public String publishEndpoint() {
        return publishEndpoint;
    }

    public int sendHighWaterMark() {
        return sendHighWaterMark;
    }

    public String metricsHost() {
        return metricsHost;
    }

    /** Port of the Prometheus endpoint; 0 picks a free one, -1 serves none. */
    public int metricsPort() {
        return metricsPort;
    }

    /** The store every published trade, quote and bar is recorded into; null records nothing. */
    public StoreConfig store() {
        return store;
    }

    /** How the store's recorder queues, batches and retries (used only with a {@link #store()}). */
    public RecorderConfig recorder() {
        return recorder;
    }

    /** How often each symbol's order book is recorded as a snapshot (zero: never); live Binance-protocol sources only. */
    public Duration bookSnapshotInterval() {
        return bookSnapshotInterval;
    }

    public boolean isBinanceProtocol() {
        return source == Source.BINANCE || source == Source.TESTNET || source == Source.URL;
    }

    /** Collects the settings; {@link #build()} checks them all. */
    public static final class Builder {
        private String venue = "binance";
        private Source source = Source.SYNTHETIC;
        private String restUrl;
        private String wsUrl;
        private final List<Instrument> instruments = new ArrayList<>();
        private TradeStream tradeStream = TradeStream.AGG_TRADE;
        private boolean quotes = true;
        private boolean depth = true;
        private boolean klines = true;
        private int snapshotLimit = 1000;
        private Duration silenceTimeout = Duration.ofSeconds(10);
        private Duration maxReconnectBackoff = Duration.ofSeconds(30);
        private Duration stableAfter = Duration.ofSeconds(30);
        private final Map<String, Path> replayFiles = new LinkedHashMap<>();
        private FileFormat replayFormat;
        private double speed = 1;
        private long seed = 1;
        private String publishEndpoint;
        private int sendHighWaterMark = 100_000;
        private String metricsHost = "127.0.0.1";
        private int metricsPort = -1;
        private StoreConfig store;
        private RecorderConfig recorder = RecorderConfig.defaults();
        private Duration bookSnapshotInterval = Duration.ofSeconds(10);

        public Builder venue(String v) {
            this.venue = v;
            return this;
        }

        public Builder source(Source s) {
            this.source = s;
            return this;
        }

        /** A Binance-compatible endpoint: REST base such as {@code http://127.0.0.1:8090} and WebSocket base such as {@code ws://127.0.0.1:8090}. */
        public Builder urls(String rest, String ws) {
            this.source = Source.URL;
            this.restUrl = rest;
            this.wsUrl = ws;
            return this;
        }

        public Builder instrument(Instrument i) {
            this.instruments.add(i);
            return this;
        }

        public Builder instruments(List<Instrument> list) {
            this.instruments.addAll(list);
            return this;
        }

        public Builder tradeStream(TradeStream t) {
            this.tradeStream = t;
            return this;
        }

        public Builder quotes(boolean on) {
            this.quotes = on;
            return this;
        }

        public Builder depth(boolean on) {
            this.depth = on;
            return this;
        }

        public Builder klines(boolean on) {
            this.klines = on;
            return this;
        }

        public Builder snapshotLimit(int limit) {
            this.snapshotLimit = limit;
            return this;
        }

        public Builder silenceTimeout(Duration d) {
            this.silenceTimeout = d;
            return this;
        }

        public Builder reconnect(Duration maxBackoff, Duration stableAfter) {
            this.maxReconnectBackoff = maxBackoff;
            this.stableAfter = stableAfter;
            return this;
        }

        public Builder replay(String symbol, Path file) {
            this.source = Source.REPLAY;
            this.replayFiles.put(symbol, file);
            return this;
        }

        public Builder replayFormat(FileFormat f) {
            this.replayFormat = f;
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

        public Builder publishEndpoint(String endpoint) {
            this.publishEndpoint = endpoint;
            return this;
        }

        public Builder sendHighWaterMark(int hwm) {
            this.sendHighWaterMark = hwm;
            return this;
        }

        public Builder metrics(String host, int port) {
            this.metricsHost = host;
            this.metricsPort = port;
            return this;
        }

        /** Records every published trade, quote and bar (and book snapshots) into this store; null: none. */
        public Builder store(StoreConfig config) {
            this.store = config;
            return this;
        }

        public Builder recorder(RecorderConfig config) {
            this.recorder = config;
            return this;
        }

        /** How often each book is recorded as a snapshot when recording; zero: never. */
        public Builder bookSnapshotInterval(Duration d) {
            this.bookSnapshotInterval = d;
            return this;
        }

        public MarketDataConfig build() {
            Objects.requireNonNull(source, "source");
            if (venue == null || !venue.matches("[a-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException("venue must be 1-32 lower-case letters, digits, '-' or '_', got " + venue);
            }
            if (instruments.isEmpty()) {
                throw new IllegalArgumentException("no symbols configured");
            }
            if (instruments.stream().map(Instrument::symbol).distinct().count() != instruments.size()) {
                throw new IllegalArgumentException("a symbol is listed twice");
            }
            switch (source) {
                case BINANCE -> {
                    restUrl = "https://api.binance.com";
                    wsUrl = "wss://stream.binance.com:9443";
                }
                case TESTNET -> {
                    restUrl = "https://testnet.binance.vision";
                    wsUrl = "wss://stream.testnet.binance.vision";
                }
                case URL -> {
                    if (restUrl == null || !restUrl.matches("https?://.+")) {
                        throw new IllegalArgumentException("REST URL must start with http:// or https://, got " + restUrl);
                    }
                    if (wsUrl == null || !wsUrl.matches("wss?://.+")) {
                        throw new IllegalArgumentException("WebSocket URL must start with ws:// or wss://, got " + wsUrl);
                    }
                }
                case REPLAY -> {
                    for (Instrument i : instruments) {
                        if (!replayFiles.containsKey(i.symbol())) {
                            throw new IllegalArgumentException("no replay file for " + i.symbol());
                        }
                    }
                    if (replayFormat == null) {
                        throw new IllegalArgumentException("replay needs a file format (binance-trades, binance-aggtrades, binance-kline or csv)");
                    }
                    for (String s : replayFiles.keySet()) {
                        if (instruments.stream().noneMatch(i -> i.symbol().equals(s))) {
                            throw new IllegalArgumentException("replay file for " + s + ", which is not a configured symbol");
                        }
                    }
                }
                case SYNTHETIC -> {
                }
            }
            if (snapshotLimit < 1 || snapshotLimit > 5000) {
                throw new IllegalArgumentException("snapshot limit must be 1..5000, got " + snapshotLimit);
            }
            if (silenceTimeout == null || silenceTimeout.toMillis() < 100) {
                throw new IllegalArgumentException("silence timeout must be at least 100 ms");
            }
            if (maxReconnectBackoff == null || maxReconnectBackoff.toMillis() < 1_000 || maxReconnectBackoff.toMinutes() > 10) {
                throw new IllegalArgumentException("maximum reconnect backoff must be 1 s to 10 min");
            }
            if (stableAfter == null || stableAfter.toMillis() < 1_000) {
                throw new IllegalArgumentException("a connection counts as stable after at least 1 s");
            }
            if (!(speed >= 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("speed must be >= 0 (0: as fast as possible), got " + speed);
            }
            if (publishEndpoint != null && !publishEndpoint.matches("(tcp|ipc|inproc)://.+")) {
                throw new IllegalArgumentException("publish endpoint must look like tcp://127.0.0.1:5556, got " + publishEndpoint);
            }
            if (sendHighWaterMark < 1) {
                throw new IllegalArgumentException("send high-water mark must be positive");
            }
            if (metricsPort < -1 || metricsPort > 65535) {
                throw new IllegalArgumentException("metrics port must be 0..65535 (or -1 for none), got " + metricsPort);
            }
            Objects.requireNonNull(recorder, "recorder");
            if (bookSnapshotInterval == null || bookSnapshotInterval.isNegative()
                    || !bookSnapshotInterval.isZero() && bookSnapshotInterval.toMillis() < 100) {
                throw new IllegalArgumentException("book snapshot interval must be 0 (none) or at least 100 ms, got " + bookSnapshotInterval);
            }
            return new MarketDataConfig(this);
        }
    }
}
