package io.ttquant.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ttquant.core.instrument.Instruments;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The admin endpoint's HTTP contract over a real socket, in front of a recording {@link GatewayControl}
 * (the gateway itself is exercised end to end in {@link GatewayServiceTest}).
 */
class GatewayAdminEndpointTest {
    private static final String TOKEN = "endpoint-test-token-0123456789";

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile boolean refuse;
    private final GatewayControl control = new GatewayControl() {
        @Override
        public CompletableFuture<Integer> engageKillSwitch(String reason) {
            calls.add("engage:" + reason);
            return refuse ? CompletableFuture.failedFuture(new RejectedExecutionException("the gateway is stopped"))
                    : CompletableFuture.completedFuture(3);
        }

        @Override
        public CompletableFuture<Boolean> releaseKillSwitch() {
            calls.add("release");
            return CompletableFuture.completedFuture(true);
        }

        @Override
        public CompletableFuture<GatewayStatus> status() {
            calls.add("status");
            return CompletableFuture.completedFuture(new GatewayStatus(1L, "paper", false, null, 0, 0, 0, List.of()));
        }
    };
    private final GatewayMetrics metrics = new GatewayMetrics(new PrometheusRegistry(), List.of("alpha"),
            List.of(Instruments.binanceSpot("BTCUSDT")));
    private final GatewayAdminEndpoint endpoint = GatewayAdminEndpoint.start(0, AdminToken.of(TOKEN, "test"), control, metrics);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void shouldCallTheGatewayOnlyForRequestsWithTheRightToken() throws Exception {
        assertThat(send("POST", "/admin/kill-switch?reason=x", null, "").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/admin/kill-switch?reason=x", "wrong-token-0123456789", "").statusCode()).isEqualTo(401);
        assertThat(send("GET", "/admin/status", TOKEN.substring(1), "").statusCode()).isEqualTo(401);
        assertThat(calls).isEmpty();

        HttpResponse<String> engaged = send("POST", "/admin/kill-switch?reason=risk%20desk", TOKEN, "");
        assertThat(engaged.statusCode()).isEqualTo(200);
        assertThat(engaged.body()).contains("\"cancelsSent\":3").contains("\"reason\":\"risk desk\"");
        assertThat(engaged.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(send("DELETE", "/admin/kill-switch", TOKEN, "").body()).contains("\"wasEngaged\":true");
        assertThat(send("GET", "/admin/status", TOKEN, "").body()).contains("\"engaged\" : false");
        assertThat(calls).containsExactly("engage:risk desk", "release", "status");
    }

    @Test
    void shouldTakeTheReasonFromAFormOrPlainBodyCleanedOfControlCharacters() throws Exception {
        send("POST", "/admin/kill-switch", TOKEN, "reason=feed+down%0Aforged+log+line");
        send("POST", "/admin/kill-switch", TOKEN, "exchange incident");
        send("POST", "/admin/kill-switch", TOKEN, "");
        assertThat(calls).containsExactly("engage:feed downforged log line", "engage:exchange incident",
                "engage:kill switch (admin endpoint)");
        assertThat(send("POST", "/admin/kill-switch", TOKEN, "x".repeat(5000)).statusCode()).isEqualTo(413);
    }

    @Test
    void shouldAnswerServiceUnavailableWhenTheGatewayRefusesAndErrorsForOtherRequests() throws Exception {
        refuse = true;
        HttpResponse<String> r = send("POST", "/admin/kill-switch", TOKEN, "");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("the gateway is stopped");
        assertThat(send("PUT", "/admin/kill-switch", TOKEN, "").statusCode()).isEqualTo(405);
        assertThat(send("POST", "/admin/status", TOKEN, "").statusCode()).isEqualTo(405);
        assertThat(send("GET", "/admin/other", TOKEN, "").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint.url() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header(GatewayAdminEndpoint.TOKEN_HEADER, token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
