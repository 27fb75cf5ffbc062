package io.ttquant.app.gateway.binance;

import io.netty.channel.EventLoopGroup;
import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.binance.rest.RestClientConfig;
import io.ttquant.binance.trading.ApiCredentials;
import io.ttquant.binance.trading.TradingRestConfig;
import io.ttquant.binance.userdata.UserDataStreamConfig;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Settings of the {@code binance} venue, validated once by {@link Builder#build()}: where Binance
 * is (production, testnet, the local simulator or any URL), the API credentials, the clock that
 * stamps requests and times Retry-After windows (the process's epoch clock; the same time base
 * as the gateway's), {@code recvWindow} and HTTP timeouts, the symbols' filters as the venue
 * holds them, how lost answers are resolved (query back-off, the margin after {@code recvWindow}
 * before an order is declared never placed), how often open orders are polled while the user data
 * stream is down, the size of the hand-over queue to the gateway's thread, and the user data
 * stream (on by default; its own settings can be tuned), and how the restart reconciliation treats
 * orders placed by hand ({@link ForeignOrderPolicy}) and how long it may take before the gateway
 * gives up and stays closed.
 *
 * <p>Immutable. {@link #toString()} never shows the secret.
 */
public final class BinanceVenueConfig {
    private final BinanceEndpoints endpoints;
    private final ApiCredentials credentials;
    private final Clock clock;
    private final TradingRestConfig trading;
    private final UserDataStreamConfig stream;
    private final Map<String, Instrument> instruments;
    private final long queryInitialNanos;
    private final long queryMaxNanos;
    private final long notPlacedMarginNanos;
    private final long pollIntervalNanos;
    private final int inboxCapacity;
    private final boolean loadRateLimits;
    private final EventLoopGroup eventLoopGroup;
    private final ForeignOrderPolicy foreignOrders;
    private final long reconcileTimeoutNanos;

    private BinanceVenueConfig(Builder b, TradingRestConfig trading, UserDataStreamConfig stream, Map<String, Instrument> instruments) {
        this.endpoints = b.endpoints;
        this.credentials = b.credentials;
        this.clock = b.clock;
        this.trading = trading;
        this.stream = stream;
        this.instruments = instruments;
        this.queryInitialNanos = b.queryInitial.toNanos();
        this.queryMaxNanos = b.queryMax.toNanos();
        this.notPlacedMarginNanos = b.notPlacedMargin.toNanos();
        this.pollIntervalNanos = b.pollInterval.toNanos();
        this.inboxCapacity = b.inboxCapacity;
        this.loadRateLimits = b.loadRateLimits;
        this.eventLoopGroup = b.eventLoopGroup;
        this.foreignOrders = b.foreignOrders;
        this.reconcileTimeoutNanos = b.reconcileTimeout.toNanos();
    }

    /** Settings for {@code endpoints}, trading as {@code credentials}, with requests timed by {@code clock}. */
    public static Builder builder(BinanceEndpoints endpoints, ApiCredentials credentials, Clock clock) {
        return new Builder(endpoints, credentials, clock);
    }

    public BinanceEndpoints endpoints() {
        return endpoints;
    }

    public ApiCredentials credentials() {
        return credentials;
    }

    /** The clock requests are stamped with (epoch nanoseconds, read on any thread). */
    public Clock clock() {
        return clock;
    }

    /** The trading client's settings (recvWindow, timeouts, rate limits). */
    public TradingRestConfig trading() {
        return trading;
    }

    /** The user data stream's settings; null when the venue runs without the stream (REST polling only). */
    public UserDataStreamConfig userDataStream() {
        return stream;
    }

    /** The venue's copy of a symbol's filters, or null when none was given (the gateway's instrument is used). */
    public Instrument instrument(String symbol) {
        return instruments.get(symbol);
    }

    public long recvWindowMillis() {
        return trading.recvWindowMillis();
    }

    /** First wait before querying an order whose answer was lost; doubles up to {@link #queryMaxNanos()}. */
    public long queryInitialNanos() {
        return queryInitialNanos;
    }

    public long queryMaxNanos() {
        return queryMaxNanos;
    }

    /** Added to {@code timestamp + recvWindow} before a lost order that queries cannot find is declared never placed. */
    public long notPlacedMarginNanos() {
        return notPlacedMarginNanos;
    }

    /** How often open orders are read by REST while the user data stream is down. */
    public long pollIntervalNanos() {
        return pollIntervalNanos;
    }

    public int inboxCapacity() {
        return inboxCapacity;
    }

    /** Whether the venue reads Binance's rate limits from exchangeInfo at start. */
    public boolean loadRateLimits() {
        return loadRateLimits;
    }

    /** The event loop group the user data stream runs on, or null for one of the venue's own. */
    public EventLoopGroup eventLoopGroup() {
        return eventLoopGroup;
    }

    /** What the restart reconciliation does about open orders on the account that no TTQuant gateway placed. */
    public ForeignOrderPolicy foreignOrders() {
        return foreignOrders;
    }

    /** How long the restart reconciliation may take (REST failures retried meanwhile) before the gateway stays closed. */
    public long reconcileTimeoutNanos() {
        return reconcileTimeoutNanos;
    }

    @Override
    public String toString() {
        return "BinanceVenueConfig{" + endpoints + ", " + credentials + ", recvWindow=" + trading.recvWindowMillis() + " ms, stream="
                + (stream != null) + ", poll every " + pollIntervalNanos / 1_000_000 + " ms, " + instruments.size() + " instruments"
                + ", foreign orders " + foreignOrders.name().toLowerCase(java.util.Locale.ROOT) + ", reconcile within "
                + reconcileTimeoutNanos / 1_000_000 + " ms}";
    }

    /**
     * Collects the settings. Defaults: recvWindow 5000 ms, connect timeout 5 s, request timeout
     * 10 s, 60 s back-off after a 429/418 without {@code Retry-After}, server time re-synced every
     * 10 minutes, queries of lost orders after 500 ms doubling to 10 s, a 1 s margin after
     * recvWindow, polling every 3 s while the stream is down, an inbox of 8192, rate limits read
     * from exchangeInfo, the user data stream on, foreign orders ignored (with a warning), 60 s for
     * the restart reconciliation.
     */
    public static final class Builder {
        private final BinanceEndpoints endpoints;
        private final ApiCredentials credentials;
        private final Clock clock;
        private long recvWindowMillis = 5000;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration defaultRetryAfter = Duration.ofSeconds(60);
        private Duration timeSyncInterval = Duration.ofMinutes(10);
        private final List<Instrument> instruments = new ArrayList<>();
        private Duration queryInitial = Duration.ofMillis(500);
        private Duration queryMax = Duration.ofSeconds(10);
        private Duration notPlacedMargin = Duration.ofSeconds(1);
        private Duration pollInterval = Duration.ofSeconds(3);
        private int inboxCapacity = 8192;
        private boolean loadRateLimits = true;
        private boolean userDataStream = true;
        private UnaryOperator<UserDataStreamConfig.Builder> streamTuning = UnaryOperator.identity();
        private EventLoopGroup eventLoopGroup;
        private ForeignOrderPolicy foreignOrders = ForeignOrderPolicy.IGNORE;
        private Duration reconcileTimeout = Duration.ofSeconds(60);

        private Builder(BinanceEndpoints endpoints, ApiCredentials credentials, Clock clock) {
            this.endpoints = endpoints;
            this.credentials = credentials;
            this.clock = clock;
        }

        /** How long after its timestamp Binance may still process a request, 1-60000 ms. */
        public Builder recvWindowMillis(long v) {
            this.recvWindowMillis = v;
            return this;
        }

        public Builder connectTimeout(Duration v) {
            this.connectTimeout = v;
            return this;
        }

        /** From sending a request to its whole answer; past it the request is UNKNOWN. */
        public Builder requestTimeout(Duration v) {
            this.requestTimeout = v;
            return this;
        }

        /** The back-off after a 429 or 418 that carries no {@code Retry-After}. */
        public Builder defaultRetryAfter(Duration v) {
            this.defaultRetryAfter = v;
            return this;
        }

        public Builder timeSyncInterval(Duration v) {
            this.timeSyncInterval = v;
            return this;
        }

        /**
         * The symbols' filters as Binance holds them (to name the rule a {@code -1013} filter failure
         * broke); each must have the gateway's scales. Symbols not given use the gateway's instrument.
         */
        public Builder instruments(List<Instrument> v) {
            this.instruments.clear();
            this.instruments.addAll(v);
            return this;
        }

        /** The first wait before querying an order whose answer was lost, and the longest wait between queries. */
        public Builder queryBackoff(Duration initial, Duration max) {
            this.queryInitial = initial;
            this.queryMax = max;
            return this;
        }

        /** Added to {@code timestamp + recvWindow} (clock error, transit) before a lost order is declared never placed. */
        public Builder notPlacedMargin(Duration v) {
            this.notPlacedMargin = v;
            return this;
        }

        /** How often open orders are read by REST while the user data stream is down. */
        public Builder pollInterval(Duration v) {
            this.pollInterval = v;
            return this;
        }

        /** Answers and stream events waiting for the gateway's thread; a full queue is a bug (counted, logged, spilled). */
        public Builder inboxCapacity(int v) {
            this.inboxCapacity = v;
            return this;
        }

        public Builder loadRateLimits(boolean v) {
            this.loadRateLimits = v;
            return this;
        }

        /** Off: no user data stream, fills come from REST polling only. */
        public Builder userDataStream(boolean v) {
            this.userDataStream = v;
            return this;
        }

        /** Changes the user data stream's settings (keepalive, backoff, silence timeout...) from their defaults. */
        public Builder streamTuning(UnaryOperator<UserDataStreamConfig.Builder> v) {
            this.streamTuning = v;
            return this;
        }

        /** Runs the user data stream on this group's loops instead of one of the venue's own (which it shuts down on close). */
        public Builder eventLoopGroup(EventLoopGroup v) {
            this.eventLoopGroup = v;
            return this;
        }

        /** Open orders on the account without the {@code ttq-} prefix at a restart: counted and reported, or the gateway stays closed. */
        public Builder foreignOrders(ForeignOrderPolicy v) {
            this.foreignOrders = v;
            return this;
        }

        /** How long the restart reconciliation may take, REST failures retried with back-off meanwhile. */
        public Builder reconcileTimeout(Duration v) {
            this.reconcileTimeout = v;
            return this;
        }

        public BinanceVenueConfig build() {
            if (endpoints == null || credentials == null || clock == null) {
                throw new IllegalArgumentException("binance venue: endpoints, API credentials and a clock are required");
            }
            positive("queryBackoff initial", queryInitial);
            positive("queryBackoff max", queryMax);
            positive("pollInterval", pollInterval);
            positive("reconcileTimeout", reconcileTimeout);
            if (foreignOrders == null) {
                throw new IllegalArgumentException("binance venue: a foreign-orders policy is required");
            }
            if (queryMax.compareTo(queryInitial) < 0) {
                throw new IllegalArgumentException("binance venue: queryBackoff max " + queryMax + " is below its initial " + queryInitial);
            }
            if (notPlacedMargin == null || notPlacedMargin.isNegative()) {
                throw new IllegalArgumentException("binance venue: notPlacedMargin must be zero or positive: " + notPlacedMargin);
            }
            if (inboxCapacity < 16) {
                throw new IllegalArgumentException("binance venue: inboxCapacity must be at least 16: " + inboxCapacity);
            }
            if (streamTuning == null) {
                throw new IllegalArgumentException("binance venue: streamTuning must not be null");
            }
            Map<String, Instrument> bySymbol = new LinkedHashMap<>();
            for (Instrument i : instruments) {
                if (bySymbol.put(i.symbol(), i) != null) {
                    throw new IllegalArgumentException("binance venue: instrument " + i.symbol() + " given twice");
                }
            }
            RestClientConfig rest = RestClientConfig.builder(endpoints, clock).connectTimeout(connectTimeout).requestTimeout(requestTimeout)
                    .defaultRetryAfter(defaultRetryAfter).build();
            TradingRestConfig trading = TradingRestConfig.builder(rest, credentials).recvWindowMillis(recvWindowMillis)
                    .timeSyncInterval(timeSyncInterval).build();
            UserDataStreamConfig stream = userDataStream ? streamTuning.apply(UserDataStreamConfig.builder(endpoints, clock)).build() : null;
            return new BinanceVenueConfig(this, trading, stream, Map.copyOf(bySymbol));
        }

        private static void positive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("binance venue: " + name + " must be a positive duration: " + d);
            }
        }
    }
}
