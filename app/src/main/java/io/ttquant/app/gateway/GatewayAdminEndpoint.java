package io.ttquant.app.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ttquant.app.ServiceStartException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The gateway's admin endpoint: HTTP on 127.0.0.1 only, every request authenticated by the header
 * {@value #TOKEN_HEADER}, compared in constant time with the configured {@link AdminToken}.
 * <ul>
 *   <li>{@code POST /admin/kill-switch} (reason in the query or the body as {@code reason=...}, or the
 *       body's plain text): engages the kill switch and answers how many cancels were sent;</li>
 *   <li>{@code DELETE /admin/kill-switch}: releases it;</li>
 *   <li>{@code GET /admin/status}: the {@link GatewayStatus} as JSON.</li>
 * </ul>
 * A missing or wrong token is answered 401, counted and logged with the method, path and peer,
 * never with the token presented. Answers are JSON. Requests reach the gateway only through
 * {@link GatewayControl} (carried out on the gateway's thread); a gateway that does not answer in
 * time is a 503. One HTTP thread serves requests in turn; it never touches the gateway's state.
 */
public final class GatewayAdminEndpoint implements AutoCloseable {
    public static final String TOKEN_HEADER = "X-Admin-Token";
    static final long ANSWER_TIMEOUT_MILLIS = 5_000;
    private static final int MAX_BODY = 4096;
    private static final int MAX_REASON = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(GatewayAdminEndpoint.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;
    private final AdminToken token;
    private final GatewayControl control;
    private final GatewayMetrics metrics;

    private GatewayAdminEndpoint(HttpServer server, ExecutorService executor, AdminToken token, GatewayControl control,
                                 GatewayMetrics metrics) {
        this.server = server;
        this.executor = executor;
        this.token = token;
        this.control = control;
        this.metrics = metrics;
    }

    /**
     * Serves the admin endpoint on 127.0.0.1:{@code port} (0 picks a free port).
     *
     * @throws ServiceStartException when the port cannot be bound
     */
    public static GatewayAdminEndpoint start(int port, AdminToken token, GatewayControl control, GatewayMetrics metrics) {
        if (token == null || control == null || metrics == null) {
            throw new IllegalArgumentException("the admin endpoint needs a token, the gateway and its metrics");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new ServiceStartException("gateway did not start: cannot serve the admin endpoint on 127.0.0.1:" + port
                    + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ttquant-gateway-admin");
            t.setDaemon(true);
            return t;
        });
        GatewayAdminEndpoint endpoint = new GatewayAdminEndpoint(server, executor, token, control, metrics);
        server.createContext("/admin/", endpoint::handle);
        server.setExecutor(executor);
        server.start();
        return endpoint;
    }

    /** The base URL, {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getPath();
            if (!token.matches(ex.getRequestHeaders().getFirst(TOKEN_HEADER))) {
                metrics.onAdminUnauthorized();
                LOG.log(System.Logger.Level.WARNING, "gateway admin: refused " + printable(method) + " " + printable(path) + " from "
                        + ex.getRemoteAddress() + ": " + (ex.getRequestHeaders().containsKey(TOKEN_HEADER) ? "wrong" : "missing")
                        + " " + TOKEN_HEADER);
                ex.getResponseHeaders().add("WWW-Authenticate", "Token header=\"" + TOKEN_HEADER + "\"");
                answer(ex, 401, error("missing or wrong " + TOKEN_HEADER));
                return;
            }
            switch (path) {
                case "/admin/kill-switch" -> {
                    if (method.equals("POST")) {
                        engage(ex);
                    } else if (method.equals("DELETE")) {
                        release(ex);
                    } else {
                        ex.getResponseHeaders().add("Allow", "POST, DELETE");
                        answer(ex, 405, error("use POST to engage or DELETE to release the kill switch"));
                    }
                }
                case "/admin/status" -> {
                    if (method.equals("GET")) {
                        GatewayStatus status = await(ex, control.status());
                        if (status != null) {
                            metrics.onAdminCommand("status");
                            answer(ex, 200, status.toJson());
                        }
                    } else {
                        ex.getResponseHeaders().add("Allow", "GET");
                        answer(ex, 405, error("use GET for the status"));
                    }
                }
                default -> answer(ex, 404, error("no such admin resource: " + path));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "gateway admin: request failed", e);
            answer(ex, 500, error("internal error: " + e.getClass().getSimpleName()));
        } finally {
            ex.close();
        }
    }

    private void engage(HttpExchange ex) throws IOException {
        String reason = reason(ex);
        if (reason == null) {
            answer(ex, 413, error("request body larger than " + MAX_BODY + " bytes"));
            return;
        }
        Integer cancels = await(ex, control.engageKillSwitch(reason));
        if (cancels != null) {
            metrics.onAdminCommand("engage");
            answer(ex, 200, json(JSON.createObjectNode().put("killSwitch", true).put("reason", reason).put("cancelsSent", cancels)));
        }
    }

    private void release(HttpExchange ex) throws IOException {
        Boolean was = await(ex, control.releaseKillSwitch());
        if (was != null) {
            metrics.onAdminCommand("release");
            answer(ex, 200, json(JSON.createObjectNode().put("killSwitch", false).put("wasEngaged", was)));
        }
    }

    /** The future's answer, or null after answering 503 when the gateway did not answer in time or refused. */
    private <T> T await(HttpExchange ex, CompletableFuture<T> future) throws IOException {
        try {
            return future.get(ANSWER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer(ex, 503, error("the gateway did not answer within " + ANSWER_TIMEOUT_MILLIS + " ms"));
        } catch (ExecutionException e) {
            answer(ex, 503, error("the gateway refused the request: " + e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(ex, 503, error("interrupted"));
        }
        return null;
    }

    /** The reason from the query or body, cleaned of control characters and cut to a sane length; null for an oversized body. */
    private static String reason(HttpExchange ex) throws IOException {
        String fromQuery = param(ex.getRequestURI().getRawQuery());
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return null;
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        String reason = fromQuery;
        if (reason == null && !text.isEmpty()) {
            String fromForm = text.contains("=") ? param(text) : null;
            reason = fromForm != null ? fromForm : text.contains("=") ? null : text;
        }
        if (reason == null || reason.isBlank()) {
            return "kill switch (admin endpoint)";
        }
        StringBuilder clean = new StringBuilder();
        reason.codePoints().filter(c -> !Character.isISOControl(c)).limit(MAX_REASON).forEach(clean::appendCodePoint);
        return clean.toString().strip();
    }

    /** The value of {@code reason} in a query or form text, or null. */
    private static String param(String form) {
        if (form == null) {
            return null;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("reason")) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Text from the request, safe for one log line (control characters replaced, length capped). */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(MAX_REASON).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }

    private static String error(String message) {
        return json(JSON.createObjectNode().put("error", message));
    }

    private static String json(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers always serialises", e);
        }
    }

    private static void answer(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
