package io.ttquant.binance.ws;

import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.core.time.Clock;
import java.time.Duration;

/**
 * The settings of a {@link StreamClient}: the connection settings every WebSocket owner shares
 * ({@link WebSocketConfig}; here the silence timeout defaults to 30 s and the largest message to
 * 4 MiB) plus the combined stream's own (how long a replacement waits for data before it takes
 * over, the control-message rate, how many streams a connection, its URL and one SUBSCRIBE
 * carry). Validated once by {@link Builder#build()}, which also refuses more than 5 control
 * messages a second and more than 1024 streams, with a message naming the setting.
 *
 * <p>Immutable. Durations are kept in nanoseconds; {@code tickInterval} is real (event loop)
 * time, every other duration is measured on the injected {@link Clock}.
 */
public final class StreamClientConfig extends WebSocketConfig {
    private static final long SECOND = 1_000_000_000L;

    private final long switchWaitNanos;
    private final int controlMessagesPerWindow;
    private final long controlWindowNanos;
    private final int maxStreams;
    private final int maxUrlLength;
    private final int maxStreamsPerControlMessage;

    private StreamClientConfig(Builder b) {
        super(b);
        this.switchWaitNanos = b.switchWait.toNanos();
        this.controlMessagesPerWindow = b.controlMessagesPerWindow;
        this.controlWindowNanos = b.controlWindow.toNanos();
        this.maxStreams = b.maxStreams;
        this.maxUrlLength = b.maxUrlLength;
        this.maxStreamsPerControlMessage = b.maxStreamsPerControlMessage;
    }

    public static Builder builder(BinanceEndpoints endpoints, Clock clock) {
        return new Builder(endpoints, clock);
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
    public static final class Builder extends WebSocketConfig.Builder<Builder> {
        private Duration switchWait = Duration.ofSeconds(30);
        private int controlMessagesPerWindow = 5;
        private Duration controlWindow = Duration.ofMillis(1_100);
        private int maxStreams = 1024;
        private int maxUrlLength = 4_000;
        private int maxStreamsPerControlMessage = 100;

        private Builder(BinanceEndpoints endpoints, Clock clock) {
            super(endpoints, clock, Duration.ofSeconds(30), 4 << 20);
        }

        @Override
        protected Builder self() {
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
            validate();
            positive("switchWait", switchWait);
            positive("controlWindow", controlWindow);
            if (controlMessagesPerWindow < 1 || controlMessagesPerWindow > 5) {
                throw new IllegalArgumentException("controlRate messages must be 1-5 (Binance allows 5 a second): "
                        + controlMessagesPerWindow);
            }
            if (controlWindow.toNanos() < SECOND) {
                throw new IllegalArgumentException("controlRate window must be at least 1 s: " + controlWindow);
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
    }
}
