package io.ttquant.binance;

import java.net.URI;
import java.util.Locale;

/**
 * The two base URLs of a Binance spot deployment: REST ({@code https://...}, paths such as
 * {@code /api/v3/depth} are appended) and market-data WebSocket ({@code wss://...}, paths
 * {@code /stream?streams=...} are appended). Presets for production, the spot testnet and the
 * local simulator.
 *
 * <p>Immutable and validated at construction: a base URL carries only scheme, host and optional
 * port, never a path, query or credentials. It must never hold an API key or secret.
 */
public final class BinanceEndpoints {
    /** Binance spot production. */
    public static final BinanceEndpoints PRODUCTION =
            new BinanceEndpoints("production", "https://api.binance.com", "wss://stream.binance.com:9443");
    /** The Binance spot testnet. */
    public static final BinanceEndpoints TESTNET =
            new BinanceEndpoints("testnet", "https://testnet.binance.vision", "wss://stream.testnet.binance.vision");

    private final String name;
    private final URI rest;
    private final URI ws;

    private BinanceEndpoints(String name, String restBaseUrl, String wsBaseUrl) {
        this.name = name;
        this.rest = check(restBaseUrl, "http", "https");
        this.ws = check(wsBaseUrl, "ws", "wss");
    }

    /** The local exchange simulator on 127.0.0.1:{@code port}: {@code http://} and {@code ws://}. */
    public static BinanceEndpoints simulator(int port) {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("simulator port must be 1-65535: " + port);
        }
        return new BinanceEndpoints("simulator", "http://127.0.0.1:" + port, "ws://127.0.0.1:" + port);
    }

    /** Any other deployment, such as a proxy: {@code http(s)://host[:port]} and {@code ws(s)://host[:port]}. */
    public static BinanceEndpoints of(String name, String restBaseUrl, String wsBaseUrl) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("endpoints need a name");
        }
        return new BinanceEndpoints(name, restBaseUrl, wsBaseUrl);
    }

    /** A preset by name: {@code production}, {@code testnet} or {@code simulator:PORT}. */
    public static BinanceEndpoints named(String preset) {
        String p = preset == null ? "" : preset.trim().toLowerCase(Locale.ROOT);
        if (p.equals("production") || p.equals("prod")) {
            return PRODUCTION;
        }
        if (p.equals("testnet")) {
            return TESTNET;
        }
        if (p.startsWith("simulator:")) {
            try {
                return simulator(Integer.parseInt(p.substring("simulator:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("simulator preset needs a port: " + preset);
            }
        }
        throw new IllegalArgumentException("unknown endpoints preset '" + preset + "': production, testnet or simulator:PORT");
    }

    private static URI check(String url, String plain, String secure) {
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals(plain) && !scheme.equals(secure)) {
            throw new IllegalArgumentException("URL must start with " + plain + ":// or " + secure + "://: " + url);
        }
        if (u.getHost() == null || u.getHost().isEmpty()) {
            throw new IllegalArgumentException("URL needs a host: " + url);
        }
        if (u.getRawUserInfo() != null || u.getRawQuery() != null || u.getRawFragment() != null
                || (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/"))) {
            throw new IllegalArgumentException("a base URL holds only scheme, host and port: " + url);
        }
        return URI.create(scheme + "://" + u.getRawAuthority());
    }

    public String name() {
        return name;
    }

    /** The REST base, such as {@code https://api.binance.com}, without a trailing slash. */
    public URI rest() {
        return rest;
    }

    /** The WebSocket base, such as {@code wss://stream.binance.com:9443}, without a trailing slash. */
    public URI ws() {
        return ws;
    }

    public String restBaseUrl() {
        return rest.toString();
    }

    public String wsBaseUrl() {
        return ws.toString();
    }

    /** True when the WebSocket base needs TLS ({@code wss}). */
    public boolean wsSecure() {
        return ws.getScheme().equals("wss");
    }

    /** The WebSocket port, with the scheme's default when the URL names none. */
    public int wsPort() {
        return ws.getPort() > 0 ? ws.getPort() : (wsSecure() ? 443 : 80);
    }

    @Override
    public String toString() {
        return name + "{rest=" + rest + ", ws=" + ws + "}";
    }
}
