package io.ttquant.binance.userdata;

import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.binance.ws.WebSocketConfig;
import io.ttquant.core.time.Clock;
import java.time.Duration;

/**
 * The settings of a {@link UserDataStream}: the connection settings every WebSocket owner shares
 * ({@link WebSocketConfig}; here the silence timeout defaults to 60 s, as a quiet user stream
 * carries only Binance's pings, every 20 s, so two lost pings are tolerated, and the largest
 * message to 1 MiB) plus the listen key's timing. Validated once by {@link Builder#build()}, which
 * also refuses a keepalive interval not shorter than the key's 60-minute validity, with a message
 * naming the setting.
 *
 * <p>Immutable. Durations are kept in nanoseconds; {@code tickInterval} is real (event loop)
 * time, every other duration is measured on the injected {@link Clock}. Holds no API key.
 */
public final class UserDataStreamConfig extends WebSocketConfig {
    private final long keepaliveIntervalNanos;
    private final long keepaliveRetryNanos;
    private final long listenKeyValidityNanos;

    private UserDataStreamConfig(Builder b) {
        super(b);
        this.keepaliveIntervalNanos = b.keepaliveInterval.toNanos();
        this.keepaliveRetryNanos = b.keepaliveRetry.toNanos();
        this.listenKeyValidityNanos = b.listenKeyValidity.toNanos();
    }

    /** Settings for the WebSocket base of {@code endpoints}, timed by {@code clock}. */
    public static Builder builder(BinanceEndpoints endpoints, Clock clock) {
        return new Builder(endpoints, clock);
    }

    public long keepaliveIntervalNanos() {
        return keepaliveIntervalNanos;
    }

    public long keepaliveRetryNanos() {
        return keepaliveRetryNanos;
    }

    public long listenKeyValidityNanos() {
        return listenKeyValidityNanos;
    }

    /** Collects the settings; every one has a default fit for Binance production. */
    public static final class Builder extends WebSocketConfig.Builder<Builder> {
        private Duration keepaliveInterval = Duration.ofMinutes(30);
        private Duration keepaliveRetry = Duration.ofMinutes(1);
        private Duration listenKeyValidity = Duration.ofMinutes(60);

        private Builder(BinanceEndpoints endpoints, Clock clock) {
            super(endpoints, clock, Duration.ofSeconds(60), 1 << 20);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** A keepalive ({@code PUT}) this long after the key was created or last extended. Binance recommends 30 min (default). */
        public Builder keepaliveInterval(Duration v) {
            this.keepaliveInterval = v;
            return this;
        }

        /** After a keepalive failed for another reason than an unknown key, try again this much later. Default 1 min. */
        public Builder keepaliveRetry(Duration v) {
            this.keepaliveRetry = v;
            return this;
        }

        /**
         * How long Binance keeps a key valid after its creation or last keepalive (60 min). A key
         * not extended within it is taken as gone and replaced, and on a reconnect a key still
         * within it is reused.
         */
        public Builder listenKeyValidity(Duration v) {
            this.listenKeyValidity = v;
            return this;
        }

        public UserDataStreamConfig build() {
            validate();
            positive("keepaliveInterval", keepaliveInterval);
            positive("keepaliveRetry", keepaliveRetry);
            positive("listenKeyValidity", listenKeyValidity);
            if (keepaliveInterval.compareTo(listenKeyValidity) >= 0) {
                throw new IllegalArgumentException("keepaliveInterval (" + keepaliveInterval
                        + ") must be shorter than listenKeyValidity (" + listenKeyValidity + ")");
            }
            if (keepaliveRetry.compareTo(listenKeyValidity) >= 0) {
                throw new IllegalArgumentException("keepaliveRetry must be shorter than listenKeyValidity: " + keepaliveRetry);
            }
            return new UserDataStreamConfig(this);
        }
    }
}
