package io.ttquant.app.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Calls a running gateway's {@link GatewayAdminEndpoint} ({@code ttquant gateway kill-switch ...}
 * and {@code ttquant gateway status}): one request per call, the token in the
 * {@value GatewayAdminEndpoint#TOKEN_HEADER} header, the answer returned as it came. It never
 * prints, logs or puts the token into a message; an unreachable endpoint is an
 * {@link UncheckedIOException} with one line saying where and why.
 */
public final class GatewayAdminClient {
    /** The default admin URL, matching the gateway's default admin port. */
    public static final String DEFAULT_URL = "http://127.0.0.1:" + GatewayConfig.DEFAULT_ADMIN_PORT;

    /** The endpoint's answer: HTTP status and JSON body. */
    public record Answer(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final URI base;
    private final String token;
    private final HttpClient http;

    /**
     * @param baseUrl the admin endpoint's base URL, like {@code http://127.0.0.1:7103}
     * @param token   the admin token's text
     */
    public GatewayAdminClient(String baseUrl, String token) {
        if (baseUrl == null || !baseUrl.matches("https?://[^/]+/?")) {
            throw new IllegalArgumentException("--admin-url must look like http://127.0.0.1:7103, got '" + baseUrl + "'");
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no admin token: set " + GatewayConfig.ADMIN_TOKEN_ENV + " or give --admin-token-file");
        }
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        this.token = token.strip();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The first line of a token file, stripped. */
    public static String readToken(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int eol = text.indexOf('\n');
            return (eol < 0 ? text : text.substring(0, eol)).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("--admin-token-file: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** {@code POST /admin/kill-switch?reason=...}. */
    public Answer engageKillSwitch(String reason) {
        String query = reason == null || reason.isBlank() ? "" : "?reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(base.resolve("/admin/kill-switch" + query))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** {@code DELETE /admin/kill-switch}. */
    public Answer releaseKillSwitch() {
        return send(HttpRequest.newBuilder(base.resolve("/admin/kill-switch")).DELETE());
    }

    /** {@code GET /admin/status}. */
    public Answer status() {
        return send(HttpRequest.newBuilder(base.resolve("/admin/status")).GET());
    }

    private Answer send(HttpRequest.Builder request) {
        HttpRequest r = request.header(GatewayAdminEndpoint.TOKEN_HEADER, token).timeout(Duration.ofSeconds(15)).build();
        try {
            HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (ConnectException e) {
            throw new UncheckedIOException("cannot reach the gateway admin endpoint at " + base + " (is the gateway running "
                    + "with an admin token?)", e);
        } catch (HttpTimeoutException e) {
            throw new UncheckedIOException("the gateway admin endpoint at " + base + " did not answer in time", e);
        } catch (IOException e) {
            throw new UncheckedIOException("request to the gateway admin endpoint at " + base + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while calling the gateway admin endpoint"));
        }
    }
}
