package io.ttquant.sim.server;

import java.util.Map;

/**
 * Transport settings of the simulator: rate limits, WebSocket keep-alive and limits, listen-key
 * validity, request size bounds, the engine's tick cadence, the depth streams' cadence and how far
 * the synthetic market may lag behind the clock before its backlog is shed. Defaults are Binance's
 * published figures (6000 request weight per minute, 100 orders per 10 s, 200,000 per day, a ping
 * every 20 s, 60 s to answer it, 5 incoming messages per second, 1024 streams per connection,
 * connections closed after 24 hours, listen keys valid 60 minutes, depth diffs every 100 ms);
 * tests shrink them. Also the admin token and the faults in force at start (both off by default).
 *
 * <p>Immutable, validated once by {@link Builder#build()}, which refuses impossible values with a
 * message naming the setting. Nothing re-checks a setting after start.
 */
public final class SimServerConfig {
    static final long DEFAULT_TICK_MILLIS = 10;

    private final int weightPerMinute;
    private final int ordersPer10s;
    private final int ordersPerDay;
    private final int rejectionsBeforeBan;
    private final long wsPingIntervalMillis;
    private final long wsPongTimeoutMillis;
    private final int wsMaxIncomingPerSecond;
    private final int wsMaxStreams;
    private final long listenKeyValidityMillis;
    private final int maxOutboundBytesPerConnection;
    private final long tickMillis;
    private final long depthIntervalMillis;
    private final long maxFlowLagMillis;
    private final long wsMaxConnectionAgeMillis;
    private final long wsShutdownNoticeMillis;
    private final int maxDelayedMessages;
    private final long klinePushMillis;
    private final int maxUriLength;
    private final int maxHeaderBytes;
    private final int maxBodyBytes;
    private final int maxWsFrameBytes;
    private final int maxPendingRequests;
    private final int ioThreads;
    private final String adminToken;
    private final FaultSpec startFaults;

    private SimServerConfig(Builder b, FaultSpec startFaults) {
        this.weightPerMinute = b.weightPerMinute;
        this.ordersPer10s = b.ordersPer10s;
        this.ordersPerDay = b.ordersPerDay;
        this.rejectionsBeforeBan = b.rejectionsBeforeBan;
        this.wsPingIntervalMillis = b.wsPingIntervalMillis;
        this.wsPongTimeoutMillis = b.wsPongTimeoutMillis;
        this.wsMaxIncomingPerSecond = b.wsMaxIncomingPerSecond;
        this.wsMaxStreams = b.wsMaxStreams;
        this.listenKeyValidityMillis = b.listenKeyValidityMillis;
        this.maxOutboundBytesPerConnection = b.maxOutboundBytesPerConnection;
        this.tickMillis = b.tickMillis > 0 ? b.tickMillis : Math.min(DEFAULT_TICK_MILLIS, b.depthIntervalMillis);
        this.depthIntervalMillis = b.depthIntervalMillis;
        this.maxFlowLagMillis = b.maxFlowLagMillis;
        this.wsMaxConnectionAgeMillis = b.wsMaxConnectionAgeMillis;
        this.wsShutdownNoticeMillis = b.wsShutdownNoticeMillis;
        this.maxDelayedMessages = b.maxDelayedMessages;
        this.klinePushMillis = b.klinePushMillis;
        this.maxUriLength = b.maxUriLength;
        this.maxHeaderBytes = b.maxHeaderBytes;
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxWsFrameBytes = b.maxWsFrameBytes;
        this.maxPendingRequests = b.maxPendingRequests;
        this.ioThreads = b.ioThreads;
        this.adminToken = b.adminToken;
        this.startFaults = startFaults;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static SimServerConfig defaults() {
        return builder().build();
    }

    public int weightPerMinute() {
        return weightPerMinute;
    }

    public int ordersPer10s() {
        return ordersPer10s;
    }

    public int ordersPerDay() {
        return ordersPerDay;
    }

    /** 429 answers an IP may receive within one minute before it is banned (418). */
    public int rejectionsBeforeBan() {
        return rejectionsBeforeBan;
    }

    public long wsPingIntervalMillis() {
        return wsPingIntervalMillis;
    }

    public long wsPongTimeoutMillis() {
        return wsPongTimeoutMillis;
    }

    public int wsMaxIncomingPerSecond() {
        return wsMaxIncomingPerSecond;
    }

    public int wsMaxStreams() {
        return wsMaxStreams;
    }

    public long listenKeyValidityMillis() {
        return listenKeyValidityMillis;
    }

    /** Bytes a WebSocket client may leave unread before it is disconnected as too slow. */
    public int maxOutboundBytesPerConnection() {
        return maxOutboundBytesPerConnection;
    }

    /** The engine's duty cycle: how often it advances the market and flushes (default 10 ms, never above the depth interval). */
    public long tickMillis() {
        return tickMillis;
    }

    /**
     * Cadence of the {@code @depth@100ms} diff stream and the {@code @depth<N>@100ms} partial books
     * (default 100, Binance's; tests shrink it to stream many diffs quickly). The stream names keep
     * {@code @100ms}; {@code @depth} and {@code @depth<N>} stay at one second.
     */
    public long depthIntervalMillis() {
        return depthIntervalMillis;
    }

    /**
     * How far the synthetic market may fall behind the clock when the engine cannot run it at its
     * configured intensity: older backlog is skipped, not caught up (default 100 ms).
     */
    public long maxFlowLagMillis() {
        return maxFlowLagMillis;
    }

    /** A WebSocket connection is closed this long after it opened (default 24 hours, Binance's). */
    public long wsMaxConnectionAgeMillis() {
        return wsMaxConnectionAgeMillis;
    }

    /**
     * When positive, a connection receives Binance's {@code serverShutdown} event this long before
     * it is closed for its age (default 0: closed without notice, as Binance documents the 24-hour
     * cut).
     */
    public long wsShutdownNoticeMillis() {
        return wsShutdownNoticeMillis;
    }

    /** Stream messages an injected delay may hold at once; past it they are dropped and counted (default 100,000). */
    public int maxDelayedMessages() {
        return maxDelayedMessages;
    }

    public long klinePushMillis() {
        return klinePushMillis;
    }

    public int maxUriLength() {
        return maxUriLength;
    }

    public int maxHeaderBytes() {
        return maxHeaderBytes;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    public int maxWsFrameBytes() {
        return maxWsFrameBytes;
    }

    /** REST requests waiting for the engine before new ones are refused with 503 / -1008. */
    public int maxPendingRequests() {
        return maxPendingRequests;
    }

    /** Netty I/O threads; 0 for Netty's default (twice the cores). */
    public int ioThreads() {
        return ioThreads;
    }

    /** The token {@code /admin/...} requests must carry in {@code X-Admin-Token}; null: the admin endpoint is off (404). */
    public String adminToken() {
        return adminToken;
    }

    /** Faults in force from the start (see {@link Builder#faults(Map)}). */
    FaultSpec startFaults() {
        return startFaults;
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private int weightPerMinute = 6000;
        private int ordersPer10s = 100;
        private int ordersPerDay = 200_000;
        private int rejectionsBeforeBan = 10;
        private long wsPingIntervalMillis = 20_000;
        private long wsPongTimeoutMillis = 60_000;
        private int wsMaxIncomingPerSecond = 5;
        private int wsMaxStreams = 1024;
        private long listenKeyValidityMillis = 60 * 60_000L;
        private int maxOutboundBytesPerConnection = 16 << 20;
        private long tickMillis;
        private long depthIntervalMillis = 100;
        private long maxFlowLagMillis = 100;
        private long wsMaxConnectionAgeMillis = 86_400_000L;
        private long wsShutdownNoticeMillis;
        private int maxDelayedMessages = 100_000;
        private long klinePushMillis = 1000;
        private int maxUriLength = 8192;
        private int maxHeaderBytes = 16384;
        private int maxBodyBytes = 65536;
        private int maxWsFrameBytes = 65536;
        private int maxPendingRequests = 100_000;
        private int ioThreads;
        private String adminToken;
        private Map<String, String> faults = Map.of();

        private Builder() {
        }

        public Builder weightPerMinute(int v) {
            this.weightPerMinute = v;
            return this;
        }

        public Builder ordersPer10s(int v) {
            this.ordersPer10s = v;
            return this;
        }

        public Builder ordersPerDay(int v) {
            this.ordersPerDay = v;
            return this;
        }

        public Builder rejectionsBeforeBan(int v) {
            this.rejectionsBeforeBan = v;
            return this;
        }

        public Builder wsPingIntervalMillis(long v) {
            this.wsPingIntervalMillis = v;
            return this;
        }

        public Builder wsPongTimeoutMillis(long v) {
            this.wsPongTimeoutMillis = v;
            return this;
        }

        public Builder wsMaxIncomingPerSecond(int v) {
            this.wsMaxIncomingPerSecond = v;
            return this;
        }

        public Builder wsMaxStreams(int v) {
            this.wsMaxStreams = v;
            return this;
        }

        public Builder listenKeyValidityMillis(long v) {
            this.listenKeyValidityMillis = v;
            return this;
        }

        public Builder maxOutboundBytesPerConnection(int v) {
            this.maxOutboundBytesPerConnection = v;
            return this;
        }

        public Builder tickMillis(long v) {
            this.tickMillis = v;
            return this;
        }

        /** Depth stream cadence in ms, 1-1000 (see {@link SimServerConfig#depthIntervalMillis()}). */
        public Builder depthIntervalMillis(long v) {
            this.depthIntervalMillis = v;
            return this;
        }

        /** See {@link SimServerConfig#maxFlowLagMillis()}; 0 sheds all backlog at once. */
        public Builder maxFlowLagMillis(long v) {
            this.maxFlowLagMillis = v;
            return this;
        }

        /** See {@link SimServerConfig#wsMaxConnectionAgeMillis()}; at least 100. */
        public Builder wsMaxConnectionAgeMillis(long v) {
            this.wsMaxConnectionAgeMillis = v;
            return this;
        }

        /** See {@link SimServerConfig#wsShutdownNoticeMillis()}; 0 (off) or less than the maximum age. */
        public Builder wsShutdownNoticeMillis(long v) {
            this.wsShutdownNoticeMillis = v;
            return this;
        }

        public Builder maxDelayedMessages(int v) {
            this.maxDelayedMessages = v;
            return this;
        }

        public Builder klinePushMillis(long v) {
            this.klinePushMillis = v;
            return this;
        }

        public Builder maxUriLength(int v) {
            this.maxUriLength = v;
            return this;
        }

        public Builder maxHeaderBytes(int v) {
            this.maxHeaderBytes = v;
            return this;
        }

        public Builder maxBodyBytes(int v) {
            this.maxBodyBytes = v;
            return this;
        }

        public Builder maxWsFrameBytes(int v) {
            this.maxWsFrameBytes = v;
            return this;
        }

        public Builder maxPendingRequests(int v) {
            this.maxPendingRequests = v;
            return this;
        }

        public Builder ioThreads(int v) {
            this.ioThreads = v;
            return this;
        }

        /** Enables {@code /admin/faults} for requests carrying this token (8-256 printable ASCII characters); null disables it. */
        public Builder adminToken(String v) {
            this.adminToken = v;
            return this;
        }

        /**
         * Faults in force from the start, with the keys of {@code POST /admin/faults}
         * (dropAllConnections, wsDropRate, seed, delayMs, delayStream, dropFraction, dropStream, stallSeconds,
         * stallStream, restStatus, restSeconds, clockSkewMs, serverShutdown, serverShutdownGraceMs); time windows
         * start when the server starts.
         */
        public Builder faults(Map<String, String> v) {
            this.faults = Map.copyOf(v);
            return this;
        }

        public SimServerConfig build() {
            positive("weightPerMinute", weightPerMinute);
            positive("ordersPer10s", ordersPer10s);
            positive("ordersPerDay", ordersPerDay);
            positive("rejectionsBeforeBan", rejectionsBeforeBan);
            positive("wsPingIntervalMillis", wsPingIntervalMillis);
            positive("wsPongTimeoutMillis", wsPongTimeoutMillis);
            positive("wsMaxIncomingPerSecond", wsMaxIncomingPerSecond);
            positive("wsMaxStreams", wsMaxStreams);
            positive("listenKeyValidityMillis", listenKeyValidityMillis);
            if (tickMillis < 0) {
                throw new IllegalArgumentException("tickMillis must be positive: " + tickMillis);
            }
            positive("klinePushMillis", klinePushMillis);
            if (depthIntervalMillis < 1 || depthIntervalMillis > 1000) {
                throw new IllegalArgumentException("depthIntervalMillis must be 1-1000: " + depthIntervalMillis);
            }
            if (maxFlowLagMillis < 0 || maxFlowLagMillis > 60_000) {
                throw new IllegalArgumentException("maxFlowLagMillis must be 0-60000: " + maxFlowLagMillis);
            }
            if (wsMaxConnectionAgeMillis < 100) {
                throw new IllegalArgumentException("wsMaxConnectionAgeMillis must be at least 100: " + wsMaxConnectionAgeMillis);
            }
            if (wsShutdownNoticeMillis < 0 || wsShutdownNoticeMillis >= wsMaxConnectionAgeMillis) {
                throw new IllegalArgumentException("wsShutdownNoticeMillis must be 0 (off) or less than wsMaxConnectionAgeMillis: "
                        + wsShutdownNoticeMillis);
            }
            positive("maxDelayedMessages", maxDelayedMessages);
            if (maxOutboundBytesPerConnection < 4096) {
                throw new IllegalArgumentException("maxOutboundBytesPerConnection must be at least 4096: " + maxOutboundBytesPerConnection);
            }
            if (maxUriLength < 256 || maxHeaderBytes < 1024 || maxBodyBytes < 1024 || maxWsFrameBytes < 1024) {
                throw new IllegalArgumentException("maxUriLength >= 256, maxHeaderBytes, maxBodyBytes and maxWsFrameBytes >= 1024 required");
            }
            positive("maxPendingRequests", maxPendingRequests);
            if (ioThreads < 0) {
                throw new IllegalArgumentException("ioThreads must be >= 0: " + ioThreads);
            }
            if (tickMillis > depthIntervalMillis) {
                throw new IllegalArgumentException("tickMillis must be at most depthIntervalMillis (" + depthIntervalMillis
                        + "), the depth streams' cadence: " + tickMillis);
            }
            if (adminToken != null && !adminToken.matches("[\\x21-\\x7e]{8,256}")) {
                throw new IllegalArgumentException("adminToken must be 8-256 printable ASCII characters without spaces");
            }
            FaultSpec start = faults.isEmpty() ? FaultSpec.NONE : FaultSpec.of(faults);
            if (start.error() != null) {
                throw new IllegalArgumentException("fault setting: " + start.error());
            }
            return new SimServerConfig(this, start);
        }

        private static void positive(String name, long v) {
            if (v <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + v);
            }
        }
    }
}
