package io.ttquant.binance.ws;

import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.core.time.Clock;
import java.time.Duration;
import java.util.Random;

/**
 * The settings of a {@link StreamClient}, validated once by {@link Builder#build()}, which
 * refuses values that would break Binance's rules (more than 5 control messages a second, more
 * than one connection attempt a second, connections older than 24 hours, more than 1024 streams)
 * with a message naming the setting.
 *
 * <p>Immutable. Durations are kept in nanoseconds; {@code tickInterval} is real (event loop)
 * time, every other duration is measured on the injected {@link Clock}.
 */
public final class StreamClientConfig {
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
    private final long switchWaitNanos;
    private final int controlMessagesPerWindow;
    private final long controlWindowNanos;
    private final long tickIntervalNanos;
    private final int maxMessageBytes;
    private final int maxStreams;
    private final int maxUrlLength;
    private final int maxStreamsPerControlMessage;

    private StreamClientConfig(Builder b) {
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
        this.switchWaitNanos = b.switchWait.toNanos();
        this.controlMessagesPerWindow = b.controlMessagesPerWindow;
        this.controlWindowNanos = b.controlWindow.toNanos();
        this.tickIntervalNanos = b.tickInterval.toNanos();
        this.maxMessageBytes = b.maxMessageBytes;
        this.maxStreams = b.maxStreams;
        this.maxUrlLength = b.maxUrlLength;
        this.maxStreamsPerControlMessage = b.maxStreamsPerControlMessage;
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

    public Random random() {
        return random;
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

    public long switchWaitNanos() {
        return switchWaitNanos;
    }

    public int controlMessagesPerWindow() {
        return controlMessagesPerWindow;
    }

    public long controlWindowNanos() {
        return controlWindowNanos;
    }

    public long tickIntervalNanos() {
        return tickIntervalNanos;
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    public int maxStreams() {
        return maxStreams;
    }

    public int maxUrlLength() {
        return maxUrlLength;
    }

    public int maxStreamsPerControlMessage() {
        return maxStreamsPerControlMessage;
    }

    /** Collects the settings; every one has a default fit for Binance production. */
    public static final class Builder {
        private final BinanceEndpoints endpoints;
        private final Clock clock;
        private Random random;
        private Duration silenceTimeout = Duration.ofSeconds(30);
        private Duration maxConnectionAge = Duration.ofHours(23).plusMinutes(50);
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(60);
        private Duration minConnectInterval = Duration.ofSeconds(1);
        private Duration stableAfter = Duration.ofSeconds(60);
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private Duration switchWait = Duration.ofSeconds(30);
        private int controlMessagesPerWindow = 5;
        private Duration controlWindow = Duration.ofMillis(1_100);
        private Duration tickInterval = Duration.ofMillis(100);
        private int maxMessageBytes = 4 << 20;
        private int maxStreams = 1024;
        private int maxUrlLength = 4_000;
        private int maxStreamsPerControlMessage = 100;

        private Builder(BinanceEndpoints endpoints, Clock clock) {
            this.endpoints = endpoints;
            this.clock = clock;
        }

        /** The source of backoff jitter; seed it for reproducible tests. Default: an unseeded {@link Random}. */
        public Builder random(Random v) {
            this.random = v;
            return this;
        }

        /** No frame of any kind (data, ping, control answer) for this long: reconnect. Default 30 s. */
        public Builder silenceTimeout(Duration v) {
            this.silenceTimeout = v;
            return this;
        }

        /** Replace a connection this old (make-before-break); Binance cuts at 24 h. Default 23 h 50 min. */
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

        /** A replacement that delivered no data for this long after its handshake takes over anyway. Default 30 s. */
        public Builder switchWait(Duration v) {
            this.switchWait = v;
            return this;
        }

        /**
         * At most {@code messages} outgoing control messages and pongs per {@code window} on one
         * connection. Binance allows 5 a second; the default window of 1.1 s leaves a margin for
         * network jitter.
         */
        public Builder controlRate(int messages, Duration window) {
            this.controlMessagesPerWindow = messages;
            this.controlWindow = window;
            return this;
        }

        /** How often (real time) the event loop checks the clock-driven deadlines. Default 100 ms. */
        public Builder tickInterval(Duration v) {
            this.tickInterval = v;
            return this;
        }

        /** Largest text message (a frame or a reassembled fragmented message). Default 4 MiB. */
        public Builder maxMessageBytes(int v) {
            this.maxMessageBytes = v;
            return this;
        }

        /** Streams per connection; Binance allows 1024. */
        public Builder maxStreams(int v) {
            this.maxStreams = v;
            return this;
        }

        /** Streams go into the connect URL up to this length; the rest are subscribed by message. Default 4000. */
        public Builder maxUrlLength(int v) {
            this.maxUrlLength = v;
            return this;
        }

        /** Streams per SUBSCRIBE or UNSUBSCRIBE message. Default 100. */
        public Builder maxStreamsPerControlMessage(int v) {
            this.maxStreamsPerControlMessage = v;
            return this;
        }

        public StreamClientConfig build() {
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
            positive("switchWait", switchWait);
            positive("tickInterval", tickInterval);
            positive("controlWindow", controlWindow);
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
            if (controlMessagesPerWindow < 1 || controlMessagesPerWindow > 5) {
                throw new IllegalArgumentException("controlRate messages must be 1-5 (Binance allows 5 a second): "
                        + controlMessagesPerWindow);
            }
            if (controlWindow.toNanos() < SECOND) {
                throw new IllegalArgumentException("controlRate window must be at least 1 s: " + controlWindow);
            }
            if (maxMessageBytes < 1024) {
                throw new IllegalArgumentException("maxMessageBytes must be at least 1024: " + maxMessageBytes);
            }
            if (maxStreams < 1 || maxStreams > 1024) {
                throw new IllegalArgumentException("maxStreams must be 1-1024: " + maxStreams);
            }
            if (maxUrlLength < 64) {
                throw new IllegalArgumentException("maxUrlLength must be at least 64: " + maxUrlLength);
            }
            if (maxStreamsPerControlMessage < 1) {
                throw new IllegalArgumentException("maxStreamsPerControlMessage must be positive");
            }
            return new StreamClientConfig(this);
        }

        private static void positive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration: " + d);
            }
        }
    }
}
