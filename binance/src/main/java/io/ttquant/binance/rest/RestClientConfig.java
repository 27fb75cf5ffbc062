package io.ttquant.binance.rest;

import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.core.time.Clock;
import java.time.Duration;

/**
 * Settings of a {@link MarketRestClient}, validated once by {@link Builder#build()}: the
 * endpoints, the clock that times Retry-After windows, connect and request timeouts, and the
 * back-off used when a 429 or 418 carries no {@code Retry-After}.
 *
 * <p>Immutable. Holds no API key: market-data endpoints are public.
 */
public final class RestClientConfig {
    private final BinanceEndpoints endpoints;
    private final Clock clock;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration defaultRetryAfter;

    private RestClientConfig(Builder b) {
        this.endpoints = b.endpoints;
        this.clock = b.clock;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.defaultRetryAfter = b.defaultRetryAfter;
    }

    public static Builder builder(BinanceEndpoints endpoints, Clock clock) {
        return new Builder(endpoints, clock);
    }

    public BinanceEndpoints endpoints() {
        return endpoints;
    }

    public Clock clock() {
        return clock;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public Duration defaultRetryAfter() {
        return defaultRetryAfter;
    }

    /** Collects the settings. Defaults: connect 5 s, request 10 s, Retry-After fallback 60 s. */
    public static final class Builder {
        private final BinanceEndpoints endpoints;
        private final Clock clock;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration defaultRetryAfter = Duration.ofSeconds(60);

        private Builder(BinanceEndpoints endpoints, Clock clock) {
            this.endpoints = endpoints;
            this.clock = clock;
        }

        public Builder connectTimeout(Duration v) {
            this.connectTimeout = v;
            return this;
        }

        /** From sending the request to the whole answer read. */
        public Builder requestTimeout(Duration v) {
            this.requestTimeout = v;
            return this;
        }

        /** The back-off after a 429 or 418 without a readable {@code Retry-After}. */
        public Builder defaultRetryAfter(Duration v) {
            this.defaultRetryAfter = v;
            return this;
        }

        public RestClientConfig build() {
            if (endpoints == null || clock == null) {
                throw new IllegalArgumentException("endpoints and clock are required");
            }
            positive("connectTimeout", connectTimeout);
            positive("requestTimeout", requestTimeout);
            positive("defaultRetryAfter", defaultRetryAfter);
            return new RestClientConfig(this);
        }

        private static void positive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration: " + d);
            }
        }
    }
}
