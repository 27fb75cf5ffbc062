package io.ttquant.binance.trading;

import io.ttquant.binance.rest.RestClientConfig;
import java.time.Duration;
import java.util.List;

/**
 * Settings of a {@link TradingRestClient}, validated once by {@link Builder#build()}: the HTTP
 * settings shared with the market-data client ({@link RestClientConfig}: endpoints, clock,
 * timeouts, the back-off when a 429 or 418 carries no {@code Retry-After}), the API credentials,
 * {@code recvWindow}, how often the server time is re-synced and with how many samples, and the
 * venue's rate limits known at start.
 *
 * <p>Immutable. {@link #toString()} never shows the secret.
 */
public final class TradingRestConfig {
    /** Binance's largest {@code recvWindow}. */
    public static final long MAX_RECV_WINDOW_MILLIS = 60_000;

    private final RestClientConfig rest;
    private final ApiCredentials credentials;
    private final long recvWindowMillis;
    private final Duration timeSyncInterval;
    private final int timeSyncSamples;
    private final List<RateLimit> rateLimits;

    private TradingRestConfig(Builder b) {
        this.rest = b.rest;
        this.credentials = b.credentials;
        this.recvWindowMillis = b.recvWindowMillis;
        this.timeSyncInterval = b.timeSyncInterval;
        this.timeSyncSamples = b.timeSyncSamples;
        this.rateLimits = List.copyOf(b.rateLimits);
    }

    public static Builder builder(RestClientConfig rest, ApiCredentials credentials) {
        return new Builder(rest, credentials);
    }

    public RestClientConfig rest() {
        return rest;
    }

    public ApiCredentials credentials() {
        return credentials;
    }

    public long recvWindowMillis() {
        return recvWindowMillis;
    }

    public Duration timeSyncInterval() {
        return timeSyncInterval;
    }

    public int timeSyncSamples() {
        return timeSyncSamples;
    }

    public List<RateLimit> rateLimits() {
        return rateLimits;
    }

    @Override
    public String toString() {
        return "TradingRestConfig{" + rest.endpoints().name() + ", " + credentials + ", recvWindow=" + recvWindowMillis
                + " ms, timeSync every " + timeSyncInterval + " x" + timeSyncSamples + ", " + rateLimits.size() + " rate limits}";
    }

    /**
     * Collects the settings. Defaults: recvWindow 5000 ms (Binance's), server time re-synced every
     * 10 minutes with 3 samples, Binance spot's published rate limits.
     */
    public static final class Builder {
        private final RestClientConfig rest;
        private final ApiCredentials credentials;
        private long recvWindowMillis = 5000;
        private Duration timeSyncInterval = Duration.ofMinutes(10);
        private int timeSyncSamples = 3;
        private List<RateLimit> rateLimits = RateLimit.BINANCE_SPOT_DEFAULTS;

        private Builder(RestClientConfig rest, ApiCredentials credentials) {
            this.rest = rest;
            this.credentials = credentials;
        }

        /** How long after its {@code timestamp} Binance may still process a request, 1-60000 ms. */
        public Builder recvWindowMillis(long v) {
            this.recvWindowMillis = v;
            return this;
        }

        /** How long a server-time estimate is trusted before it is re-synced (it is also re-synced after a -1021). */
        public Builder timeSyncInterval(Duration v) {
            this.timeSyncInterval = v;
            return this;
        }

        /** {@code GET /api/v3/time} requests per sync, 1-10; the one with the smallest round trip wins. */
        public Builder timeSyncSamples(int v) {
            this.timeSyncSamples = v;
            return this;
        }

        /** The limits known at start (replaced by exchangeInfo's with {@link TradingRestClient#loadRateLimits}). */
        public Builder rateLimits(List<RateLimit> v) {
            this.rateLimits = v;
            return this;
        }

        public TradingRestConfig build() {
            if (rest == null || credentials == null) {
                throw new IllegalArgumentException("REST settings and API credentials are required");
            }
            if (recvWindowMillis < 1 || recvWindowMillis > MAX_RECV_WINDOW_MILLIS) {
                throw new IllegalArgumentException("recvWindowMillis must be 1-" + MAX_RECV_WINDOW_MILLIS + ": " + recvWindowMillis);
            }
            if (timeSyncInterval == null || timeSyncInterval.isNegative() || timeSyncInterval.isZero()) {
                throw new IllegalArgumentException("timeSyncInterval must be a positive duration: " + timeSyncInterval);
            }
            if (timeSyncSamples < 1 || timeSyncSamples > 10) {
                throw new IllegalArgumentException("timeSyncSamples must be 1-10: " + timeSyncSamples);
            }
            if (rateLimits == null) {
                throw new IllegalArgumentException("rateLimits must be a list (empty: none known)");
            }
            return new TradingRestConfig(this);
        }
    }
}
