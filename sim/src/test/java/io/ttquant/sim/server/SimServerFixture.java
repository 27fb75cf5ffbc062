package io.ttquant.sim.server;

import io.ttquant.sim.market.SimConfig;
import io.ttquant.sim.market.SimExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A running simulator on an ephemeral port of 127.0.0.1 with one funded account, and the client
 * side of Binance's API (JDK HttpClient and WebSocket, HMAC signing) for the end-to-end tests.
 */
final class SimServerFixture implements AutoCloseable {
    static final String API_KEY = "testApiKey0123456789";
    static final String SECRET = "testSecretAbcdefghijklmnopqrstuvwxyz0123456789";
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    final SimExchange exchange;
    final SimServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    SimServerFixture(SimServerConfig config) {
        this(SimConfig.builder().seed(7).account(API_KEY, SECRET, Map.of("USDT", "100000", "BTC", "1", "ETH", "10")).build(), config);
    }

    SimServerFixture(SimConfig simConfig, SimServerConfig config) {
        exchange = new SimExchange(simConfig);
        server = new SimServer(exchange, config).start(0);
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(TIMEOUT).GET().build());
    }

    HttpResponse<String> send(HttpRequest req) throws IOException, InterruptedException {
        return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    URI uri(String pathAndQuery) {
        return URI.create(server.restUrl() + pathAndQuery);
    }

    /** A signed request: {@code params} plus timestamp, signed as a query string (GET) or a form body. */
    HttpResponse<String> signed(String method, String path, String params) throws IOException, InterruptedException {
        return signedAt(method, path, params, System.currentTimeMillis());
    }

    HttpResponse<String> signedAt(String method, String path, String params, long timestamp) throws IOException, InterruptedException {
        String total = (params.isEmpty() ? "" : params + "&") + "timestamp=" + timestamp;
        String signed = total + "&signature=" + HmacSignature.sign(SECRET, total);
        HttpRequest.Builder b = HttpRequest.newBuilder().timeout(TIMEOUT).header("X-MBX-APIKEY", API_KEY);
        if (method.equals("GET") || method.equals("DELETE")) {
            b.uri(uri(path + "?" + signed)).method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.uri(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(signed));
        }
        return send(b.build());
    }

    HttpResponse<String> apiKeyOnly(String method, String path, String params) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder().timeout(TIMEOUT).header("X-MBX-APIKEY", API_KEY);
        b.uri(uri(path + (params.isEmpty() ? "" : "?" + params))).method(method, HttpRequest.BodyPublishers.noBody());
        return send(b.build());
    }

    /** Opens a WebSocket whose text messages land in {@code messages}. */
    Ws ws(String pathAndQuery) {
        Ws ws = new Ws();
        ws.socket = http.newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(URI.create(server.wsUrl() + pathAndQuery), ws).orTimeout(10, TimeUnit.SECONDS).join();
        return ws;
    }

    @Override
    public void close() {
        server.close();
    }

    /** A WebSocket client that queues every text message and records pings and the close. */
    static final class Ws implements WebSocket.Listener {
        final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final LinkedBlockingQueue<Long> pings = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<String> pongs = new LinkedBlockingQueue<>();
        WebSocket socket;
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
            pings.add(System.nanoTime());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, java.nio.ByteBuffer message) {
            pongs.add(StandardCharsets.UTF_8.decode(message).toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }

        void send(String text) {
            socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
        }

        /** The next message, failing after the fixture's timeout. */
        String next() throws InterruptedException {
            String m = messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (m == null) {
                throw new AssertionError("no WebSocket message within " + TIMEOUT);
            }
            return m;
        }

        /** The next message containing {@code marker}, skipping others. */
        String nextContaining(String marker) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                String m = messages.poll(Math.max(1, left), TimeUnit.NANOSECONDS);
                if (m == null) {
                    throw new AssertionError("no WebSocket message with " + marker + " within " + TIMEOUT);
                }
                if (m.contains(marker)) {
                    return m;
                }
            }
        }

        void abort() {
            socket.abort();
        }
    }
}
