package io.ttquant.app.gateway.binance;

import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.binance.trading.ApiCredentials;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.time.Clock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The gateway's settings of the {@code binance} venue (the {@code binance:} section of the gateway's
 * YAML file and its options), checked by {@code GatewayConfig}: where Binance is, the API
 * credentials and where they came from, {@code recvWindow}, how often open orders are polled while
 * the user data stream is down, what the restart reconciliation does about orders placed by hand
 * and how long it may take. {@link #venueConfig} turns them into the venue's configuration.
 *
 * <p>Immutable. The secret stays inside {@link ApiCredentials}: nothing here prints it.
 */
public final class BinanceSettings {
    /** The {@code binance.endpoint} presets besides a base URL. */
    public static final String LIVE = "live";
    public static final String TESTNET = "testnet";
    public static final long DEFAULT_RECV_WINDOW_MILLIS = 5_000;
    public static final long DEFAULT_POLL_INTERVAL_MILLIS = 3_000;
    public static final long DEFAULT_RECONCILE_TIMEOUT_MILLIS = 60_000;

    private final BinanceEndpoints endpoints;
    private final ApiCredentials credentials;
    private final String credentialsSource;
    private final long recvWindowMillis;
    private final long pollIntervalMillis;
    private final ForeignOrderPolicy foreignOrders;
    private final long reconcileTimeoutMillis;

    /** Values already checked one by one (by {@code GatewayConfig.Builder}). */
    public BinanceSettings(BinanceEndpoints endpoints, ApiCredentials credentials, String credentialsSource, long recvWindowMillis,
                           long pollIntervalMillis, ForeignOrderPolicy foreignOrders, long reconcileTimeoutMillis) {
        if (endpoints == null || credentials == null || credentialsSource == null || foreignOrders == null) {
            throw new IllegalArgumentException("binance: endpoints, credentials, their source and a foreign-orders policy are required");
        }
        this.endpoints = endpoints;
        this.credentials = credentials;
        this.credentialsSource = credentialsSource;
        this.recvWindowMillis = recvWindowMillis;
        this.pollIntervalMillis = pollIntervalMillis;
        this.foreignOrders = foreignOrders;
        this.reconcileTimeoutMillis = reconcileTimeoutMillis;
    }

    /**
     * {@code binance.endpoint}: {@code live} (Binance spot), {@code testnet}, or a base URL such as
     * {@code http://127.0.0.1:8090} (the simulator): REST at that URL, WebSocket at the same host and
     * port with {@code ws://} (or {@code wss://} for {@code https://}).
     *
     * @throws IllegalArgumentException one line saying what is accepted
     */
    public static BinanceEndpoints endpoint(String text) {
        String t = text == null ? "" : text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals(LIVE) || lower.equals("production")) {
            return BinanceEndpoints.PRODUCTION;
        }
        if (lower.equals(TESTNET)) {
            return BinanceEndpoints.TESTNET;
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            URI u;
            try {
                u = URI.create(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a URL: '" + t + "'");
            }
            String ws = (lower.startsWith("https://") ? "wss://" : "ws://") + u.getRawAuthority();
            return BinanceEndpoints.of("url", t, ws);
        }
        throw new IllegalArgumentException("must be live, testnet or a base URL like http://127.0.0.1:8090, got '" + t + "'");
    }

    public BinanceEndpoints endpoints() {
        return endpoints;
    }

    public ApiCredentials credentials() {
        return credentials;
    }

    /** Where the credentials came from (the environment variables or the file), for the start-up line. */
    public String credentialsSource() {
        return credentialsSource;
    }

    public long recvWindowMillis() {
        return recvWindowMillis;
    }

    public long pollIntervalMillis() {
        return pollIntervalMillis;
    }

    public ForeignOrderPolicy foreignOrders() {
        return foreignOrders;
    }

    public long reconcileTimeoutMillis() {
        return reconcileTimeoutMillis;
    }

    /**
     * The venue's configuration: these settings, requests stamped by {@code clock} (an epoch clock
     * readable on any thread), and the symbols' rules as Binance gave them ({@code instruments},
     * at the gateway's scales).
     */
    public BinanceVenueConfig venueConfig(Clock clock, List<Instrument> instruments) {
        return BinanceVenueConfig.builder(endpoints, credentials, clock).recvWindowMillis(recvWindowMillis)
                .pollInterval(Duration.ofMillis(pollIntervalMillis)).instruments(instruments).foreignOrders(foreignOrders)
                .reconcileTimeout(Duration.ofMillis(reconcileTimeoutMillis)).build();
    }

    /** One line for the start-up log; never the secret. */
    public String describe() {
        return endpoints.name() + " " + endpoints.restBaseUrl() + " (stream " + endpoints.wsBaseUrl() + "), API key from "
                + credentialsSource + ", recvWindow " + recvWindowMillis + " ms, poll " + pollIntervalMillis + " ms while the stream is down"
                + ", foreign orders " + foreignOrders.name().toLowerCase(Locale.ROOT) + ", reconcile within " + reconcileTimeoutMillis
                + " ms";
    }

    @Override
    public String toString() {
        return "BinanceSettings{" + describe() + ", " + credentials + "}";
    }
}
