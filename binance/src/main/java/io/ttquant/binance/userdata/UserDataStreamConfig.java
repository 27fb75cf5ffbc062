package io.ttquant.binance.userdata;

import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.core.time.Clock;
import java.time.Duration;
import java.util.Random;

/**
 * The settings of a {@link UserDataStream}, validated once by {@link Builder#build()}, which
 * refuses values that break Binance's rules (a keepalive interval not shorter than the key's
 * 60-minute validity, connections older than 24 hours, more than one connection attempt a second)
 * with a message naming the setting.
 *
 * <p>Immutable. Durations are kept in nanoseconds; {@code tickInterval} is real (event loop)
 * time, every other duration is measured on the injected {@link Clock}. Holds no API key.
 */
public final class UserDataStreamConfig {
    private static final long SECOND = 1_000_000_000L;
    private static final long DAY = 86_400L * SECOND;

    private final BinanceEndpoints endpoints;
    private final Clock clock;
    private final Random random;
    private final long keepaliveIntervalNanos;
    private final long keepaliveRetryNanos;
    private final long listenKeyValidityNanos;
    private final long silenceTimeoutNanos;
    private final long maxConnectionAgeNanos;
    private final long initialBackoffNanos;
    private final long maxBackoffNanos;
    private final long minConnectIntervalNanos;
    private final long stableAfterNanos;
    private final long handshakeTimeoutNanos;
    private final long tickIntervalNanos;
    private final int maxMessageBytes;

    private UserDataStreamConfig(Builder b) {
        this.endpoints = b.endpoints;
        this.clock = b.clock;
        this.random = b.random;
        this.keepaliveIntervalNanos = b.keepaliveInterval.toNanos();
        this.keepaliveRetryNanos = b.keepaliveRetry.toNanos();
        this.listenKeyValidityNanos = b.listenKeyValidity.toNanos();
        this.silenceTimeoutNanos = b.silenceTimeout.toNanos();
        this.maxConnectionAgeNanos = b.maxConnectionAge.toNanos();
        this.initialBackoffNanos = b.initialBackoff.toNanos();
        this.maxBackoffNanos = b.maxBackoff.toNanos();
        this.minConnectIntervalNanos = b.minConnectInterval.toNanos();
        this.stableAfterNanos = b.stableAfter.toNanos();
        this.handshakeTimeoutNanos = b.handshakeTimeout.toNanos();
        this.tickIntervalNanos = b.tickInterval.toNanos();
        this.maxMessageBytes = b.maxMessageBytes;
    }

    /** Settings for the WebSocket base of {@code endpoints}, timed by {@code clock}. */
    public static Builder builder(BinanceEndpoints endpoints, Clock clock) {
        return new Builder(endpoints, clock);
    }

    public BinanceEndpoints endpoints() {
        return endpoints;
    }

    public Clock clock() {
        return clock;
    }

    public Random random() {
        return random;
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

    public long silenceTimeoutNanos() {
        return silenceTimeoutNanos;
    }

    public long maxConnectionAgeNanos() {
        return maxConnectionAgeNanos;
    }

    public long initialBackoffNanos() {
        return initialBackoffNanos;
    }

    public long maxBackoffNanos() {
        return maxBackoffNanos;
    }

    public long minConnectIntervalNanos() {
        return minConnectIntervalNanos;
    }

    public long stableAfterNanos() {
        return stableAfterNanos;
    }

    public long handshakeTimeoutNanos() {
        return handshakeTimeoutNanos;
    }

    public long tickIntervalNanos() {
        return tickIntervalNanos;
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** Collects the settings; every one has a default fit for Binance production. */
    public static final class Builder {
        private final BinanceEndpoints endpoints;
        private final Clock clock;
        private Random random;
        private Duration keepaliveInterval = Duration.ofMinutes(30);
        private Duration keepaliveRetry = Duration.ofMinutes(1);
        private Duration listenKeyValidity = Duration.ofMinutes(60);
        private Duration silenceTimeout = Duration.ofSeconds(60);
        private Duration maxConnectionAge = Duration.ofHours(23).plusMinutes(50);
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(60);
        private Duration minConnectInterval = Duration.ofSeconds(1);
        private Duration stableAfter = Duration.ofSeconds(60);
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private Duration tickInterval = Duration.ofMillis(100);
        private int maxMessageBytes = 1 << 20;

        private Builder(BinanceEndpoints endpoints, Clock clock) {
            this.endpoints = endpoints;
            this.clock = clock;
        }

        /** The source of backoff jitter; seed it for reproducible tests. Default: an unseeded {@link Random}. */
        public Builder random(Random v) {
            this.random = v;
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

        /**
         * No frame of any kind for this long: reconnect. A quiet user stream carries only Binance's
         * pings (every 20 s), so the default of 60 s tolerates two lost pings.
         */
        public Builder silenceTimeout(Duration v) {
            this.silenceTimeout = v;
            return this;
        }

        /** Reconnect a connection this old; Binance cuts at 24 h. Default 23 h 50 min. */
        public Builder maxConnectionAge(Duration v) {
            this.maxConnectionAge = v;
            return this;
        }

        /** Backoff jitter ceiling after the first loss, doubling per further loss up to {@code max}. Default 1 s and 60 s. */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** At most one connection attempt per this interval; at least 1 s. Default 1 s. */
        public Builder minConnectInterval(Duration v) {
            this.minConnectInterval = v;
            return this;
        }

        /** A connection that lived this long resets the backoff. Default 60 s. */
        public Builder stableAfter(Duration v) {
            this.stableAfter = v;
            return this;
        }

        /** TCP connect plus TLS and WebSocket handshake must finish within this. Default 10 s. */
        public Builder handshakeTimeout(Duration v) {
            this.handshakeTimeout = v;
            return this;
        }

        /** How often (real time) the event loop checks the clock-driven deadlines. Default 100 ms. */
        public Builder tickInterval(Duration v) {
            this.tickInterval = v;
            return this;
        }

        /** Largest text message (a frame or a reassembled fragmented message). Default 1 MiB. */
        public Builder maxMessageBytes(int v) {
            this.maxMessageBytes = v;
            return this;
        }

        public UserDataStreamConfig build() {
            if (endpoints == null) {
                throw new IllegalArgumentException("endpoints are required");
            }
            if (clock == null) {
                throw new IllegalArgumentException("clock is required");
            }
            if (random == null) {
                random = new Random();
            }
            positive("keepaliveInterval", keepaliveInterval);
            positive("keepaliveRetry", keepaliveRetry);
            positive("listenKeyValidity", listenKeyValidity);
            positive("silenceTimeout", silenceTimeout);
            positive("maxConnectionAge", maxConnectionAge);
            positive("initialBackoff", initialBackoff);
            positive("maxBackoff", maxBackoff);
            positive("stableAfter", stableAfter);
            positive("handshakeTimeout", handshakeTimeout);
            positive("tickInterval", tickInterval);
            if (keepaliveInterval.compareTo(listenKeyValidity) >= 0) {
                throw new IllegalArgumentException("keepaliveInterval (" + keepaliveInterval
                        + ") must be shorter than listenKeyValidity (" + listenKeyValidity + ")");
            }
            if (keepaliveRetry.compareTo(listenKeyValidity) >= 0) {
                throw new IllegalArgumentException("keepaliveRetry must be shorter than listenKeyValidity: " + keepaliveRetry);
            }
            if (maxConnectionAge.toNanos() >= DAY) {
                throw new IllegalArgumentException("maxConnectionAge must stay below Binance's 24 hours: " + maxConnectionAge);
            }
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff must be at least initialBackoff");
            }
            if (minConnectInterval == null || minConnectInterval.toNanos() < SECOND) {
                throw new IllegalArgumentException("minConnectInterval must be at least 1 s (one connection attempt a second): "
                        + minConnectInterval);
            }
            if (maxMessageBytes < 1024) {
                throw new IllegalArgumentException("maxMessageBytes must be at least 1024: " + maxMessageBytes);
            }
            return new UserDataStreamConfig(this);
        }

        private static void positive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration: " + d);
            }
        }
    }
}
