package io.ttquant.binance.userdata;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A REST proxy on 127.0.0.1 in front of the simulator that forwards every request unchanged
 * (method, path and query, {@code X-MBX-APIKEY}, body; status, body and {@code Retry-After} back),
 * except that it can answer keepalives ({@code PUT}) itself: with Binance's {@code -1125} (a key
 * the exchange forgot while the stream stayed connected) or with a server error, which the
 * simulator alone cannot produce on demand.
 */
final class ListenKeyProxy implements AutoCloseable {
    static final String UNKNOWN_KEY = "{\"code\":-1125,\"msg\":\"This listenKey does not exist.\"}";

    private final String target;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private volatile int keepaliveStatus;
    private volatile byte[] keepaliveBody;

    ListenKeyProxy(String targetBaseUrl) throws IOException {
        this.target = targetBaseUrl;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers every keepalive itself with {@code status} and {@code body}. */
    void answerKeepalivesWith(int status, String body) {
        keepaliveBody = body.getBytes(StandardCharsets.UTF_8);
        keepaliveStatus = status;
    }

    /** Forwards keepalives again. */
    void forwardKeepalives() {
        keepaliveStatus = 0;
    }

    long requests(String method) {
        AtomicLong n = requests.get(method);
        return n == null ? 0 : n.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            requests.computeIfAbsent(method, m -> new AtomicLong()).incrementAndGet();
            int status = keepaliveStatus;
            if (method.equals("PUT") && status != 0) {
                reply(ex, status, keepaliveBody, null);
                return;
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + ex.getRequestURI()))
                    .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            String apiKey = ex.getRequestHeaders().getFirst("X-MBX-APIKEY");
            if (apiKey != null) {
                b.header("X-MBX-APIKEY", apiKey);
            }
            HttpResponse<byte[]> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            reply(ex, resp.statusCode(), resp.body(), resp.headers().firstValue("Retry-After").orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange ex, int status, byte[] body, String retryAfter) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json");
        if (retryAfter != null) {
            ex.getResponseHeaders().add("Retry-After", retryAfter);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
