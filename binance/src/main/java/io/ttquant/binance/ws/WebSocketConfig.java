package io.ttquant.binance.ws;

import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.core.time.Clock;
import java.time.Duration;
import java.util.Random;

/**
 * The settings every owner of Binance WebSocket connections shares (the market-data
 * {@link StreamClient}, the user data stream): where to connect, the clock, and how connections
 * are watched and replaced (silence, age, handshake timeout, reconnect backoff with jitter, the
 * tick that checks the deadlines, the largest message). {@link Builder#validate()} refuses values
 * that break Binance's rules (connections older than 24 hours, more than one connection attempt a
 * second) with a message naming the setting; each owner's config adds its own settings and checks.
 *
 * <p>Immutable. Durations are kept in nanoseconds; {@code tickInterval} is real (event loop)
 * time, every other duration is measured on the injected {@link Clock}. Holds no API key.
 */
public abstract class WebSocketConfig {
    private static final long SECOND = 1_000_000_000L;
    private static final long DAY = 86_400L * SECOND;

    private final BinanceEndpoints endpoints;
    private final Clock clock;
    private final Random random;
    private final long silenceTimeoutNanos;
    private final long maxConnectionAgeNanos;
    private final long initialBackoffNanos;
    private final long maxBackoffNanos;
    private final long minConnectIntervalNanos;
    private final long stableAfterNanos;
    private final long handshakeTimeoutNanos;
    private final long tickIntervalNanos;
    private final int maxMessageBytes;

    /** The shared settings of {@code b}, which {@link Builder#validate()} has checked. */
    protected WebSocketConfig(Builder<?> b) {
        this.endpoints = b.endpoints;
        this.clock = b.clock;
        this.random = b.random;
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

    public final BinanceEndpoints endpoints() {
        return endpoints;
    }

    public final Clock clock() {
        return clock;
    }

    public final Random random() {
        return random;
    }

    public final long silenceTimeoutNanos() {
        return silenceTimeoutNanos;
    }

    public final long maxConnectionAgeNanos() {
        return maxConnectionAgeNanos;
    }

    public final long initialBackoffNanos() {
        return initialBackoffNanos;
    }

    public final long maxBackoffNanos() {
        return maxBackoffNanos;
    }

    public final long minConnectIntervalNanos() {
        return minConnectIntervalNanos;
    }

    public final long stableAfterNanos() {
        return stableAfterNanos;
    }

    public final long handshakeTimeoutNanos() {
        return handshakeTimeoutNanos;
    }

    public final long tickIntervalNanos() {
        return tickIntervalNanos;
    }

    public final int maxMessageBytes() {
        return maxMessageBytes;
    }

    /**
     * Collects the shared settings; every one has a default fit for Binance production, the
     * silence timeout and the largest message chosen by the owner's config.
     *
     * @param <B> the owner's builder, which every setter returns
     */
    public abstract static class Builder<B extends Builder<B>> {
        private final BinanceEndpoints endpoints;
        private final Clock clock;
        private Random random;
        private Duration silenceTimeout;
        private Duration maxConnectionAge = Duration.ofHours(23).plusMinutes(50);
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(60);
        private Duration minConnectInterval = Duration.ofSeconds(1);
        private Duration stableAfter = Duration.ofSeconds(60);
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private Duration tickInterval = Duration.ofMillis(100);
        private int maxMessageBytes;

        /** Settings for the WebSocket base of {@code endpoints}, timed by {@code clock}, with the owner's two defaults. */
        protected Builder(BinanceEndpoints endpoints, Clock clock, Duration defaultSilenceTimeout, int defaultMaxMessageBytes) {
            this.endpoints = endpoints;
            this.clock = clock;
            this.silenceTimeout = defaultSilenceTimeout;
            this.maxMessageBytes = defaultMaxMessageBytes;
        }

        /** This builder, as the owner's type. */
        protected abstract B self();

        /** The source of backoff jitter; seed it for reproducible tests. Default: an unseeded {@link Random}. */
        public B random(Random v) {
            this.random = v;
            return self();
        }

        /** No frame of any kind (data, ping, answer) for this long: the connection is presumed dead and replaced. */
        public B silenceTimeout(Duration v) {
            this.silenceTimeout = v;
            return self();
        }

        /** A connection this old is replaced; Binance cuts at 24 h. Default 23 h 50 min. */
        public B maxConnectionAge(Duration v) {
            this.maxConnectionAge = v;
            return self();
        }

        /** Backoff jitter ceiling after the first loss, doubling per further loss up to {@code max}. Default 1 s and 60 s. */
        public B backoff(Duration initial, Duration max) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return self();
        }

        /** At most one connection attempt per this interval; at least 1 s. Default 1 s. */
        public B minConnectInterval(Duration v) {
            this.minConnectInterval = v;
            return self();
        }

        /** A connection that lived this long resets the backoff. Default 60 s. */
        public B stableAfter(Duration v) {
            this.stableAfter = v;
            return self();
        }

        /** TCP connect plus TLS and WebSocket handshake must finish within this. Default 10 s. */
        public B handshakeTimeout(Duration v) {
            this.handshakeTimeout = v;
            return self();
        }

        /** How often (real time) the event loop checks the clock-driven deadlines. Default 100 ms. */
        public B tickInterval(Duration v) {
            this.tickInterval = v;
            return self();
        }

        /** Largest text message (a frame or a reassembled fragmented message); at least 1024. */
        public B maxMessageBytes(int v) {
            this.maxMessageBytes = v;
            return self();
        }

        /** Checks the shared settings and fills in the default {@link Random}; the owner's {@code build()} calls it first. */
        protected final void validate() {
            if (endpoints == null) {
                throw new IllegalArgumentException("endpoints are required");
            }
            if (clock == null) {
                throw new IllegalArgumentException("clock is required");
            }
            if (random == null) {
                random = new Random();
            }
            positive("silenceTimeout", silenceTimeout);
            positive("maxConnectionAge", maxConnectionAge);
            positive("initialBackoff", initialBackoff);
            positive("maxBackoff", maxBackoff);
            positive("stableAfter", stableAfter);
            positive("handshakeTimeout", handshakeTimeout);
            positive("tickInterval", tickInterval);
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
        }

        /** Refuses a missing, zero or negative {@code d}, naming the setting. */
        protected static void positive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration: " + d);
            }
        }
    }
}
