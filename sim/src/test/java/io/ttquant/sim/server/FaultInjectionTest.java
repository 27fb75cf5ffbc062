package io.ttquant.sim.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.sim.market.SimConfig;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * Faults on demand through {@code /admin/faults}: dropped connections, dropped, delayed and
 * stalled stream messages, REST fault windows and clock skew, all timed by the engine's (test)
 * clock, and the admin endpoint's own guard rails.
 */
class FaultInjectionTest {
    static final String TOKEN = "admin-token-123";

    private static SimServerFixture fixture(TestClock clock, SimServerConfig.Builder config) {
        return new SimServerFixture(SimConfig.builder().clock(clock).seed(5)
                .account(SimServerFixture.API_KEY, SimServerFixture.SECRET, Map.of("USDT", "100000", "BTC", "1")).build(),
                config.build());
    }

    private static SimServerFixture fixture(TestClock clock) {
        return fixture(clock, SimServerConfig.builder().adminToken(TOKEN));
    }

    private static HttpResponse<String> admin(SimServerFixture f, String method, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(f.uri("/admin/faults")).timeout(SimServerFixture.TIMEOUT)
                .header("X-Admin-Token", TOKEN);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return f.send(b.build());
    }

    private static void post(SimServerFixture f, String body) throws Exception {
        HttpResponse<String> r = admin(f, "POST", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /**
     * Sends a control message and returns every stream message that arrived before its answer:
     * answers are never faulted and keep their order, so this marks a point in the stream.
     */
    private static List<String> barrier(SimServerFixture.Ws ws, int id) throws InterruptedException {
        ws.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + id + "}");
        List<String> before = new ArrayList<>();
        while (true) {
            String m = ws.next();
            if (m.contains("\"id\":" + id) && m.contains("\"result\"")) {
                return before;
            }
            before.add(m);
        }
    }

    private static void awaitAtLeast(LongSupplier counter, long n) throws InterruptedException {
        long deadline = System.nanoTime() + SimServerFixture.TIMEOUT.toNanos();
        while (counter.getAsLong() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("counter stayed at " + counter.getAsLong() + ", expected " + n);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void shouldCloseOpenStreamClientsWhenAllConnectionsAreDropped() throws Exception {
        try (SimServerFixture f = fixture(new TestClock())) {
            SimServerFixture.Ws ws = f.ws("/ws/btcusdt@depth@100ms");
            ws.next();
            post(f, "{\"dropAllConnections\":true}");
            assertThat(ws.closed.get(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(f.server.stats().faultDisconnects()).isEqualTo(1);
        }
    }

    @Test
    void shouldDropConnectionsAtRandomWhenTheRateIsOne() throws Exception {
        TestClock clock = new TestClock();
        try (SimServerFixture f = fixture(clock)) {
            SimServerFixture.Ws ws = f.ws("/ws/btcusdt@depth@100ms");
            ws.next();
            post(f, "wsDropRate=1&seed=9");
            clock.advance(1_000);
            assertThat(ws.closed.get(10, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void shouldAnswer503DuringTheWindowAndRecoverWhenTheClockMovesPastIt() throws Exception {
        TestClock clock = new TestClock();
        try (SimServerFixture f = fixture(clock)) {
            long t = clock.millis();
            clock.pin(t);
            post(f, "{\"restStatus\":503,\"restSeconds\":10}");
            HttpResponse<String> down = f.get("/api/v3/ping");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).isEqualTo("{\"code\":-1008,\"msg\":\"Server is currently overloaded with other requests. "
                    + "Please try again in a few minutes.\"}");
            clock.pin(t + 9_999);
            assertThat(f.get("/api/v3/time").statusCode()).isEqualTo(503);
            clock.pin(t + 10_000);
            assertThat(f.get("/api/v3/ping").statusCode()).isEqualTo(200);
            assertThat(f.server.stats().faultRestAnswers()).isEqualTo(2);
        }
    }

    @Test
    void shouldAnswer429WithRetryAfterWhileAdminStaysUnfaulted() throws Exception {
        TestClock clock = new TestClock();
        try (SimServerFixture f = fixture(clock)) {
            clock.pin(clock.millis());
            post(f, "restStatus=429&restSeconds=30");
            HttpResponse<String> r = f.get("/api/v3/depth?symbol=BTCUSDT");
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("Retry-After")).contains("30");
            assertThat(TestJson.object(r.body()).get("code")).isEqualTo(-1003L);
            HttpResponse<String> state = admin(f, "GET", null);
            assertThat(state.statusCode()).isEqualTo(200);
            assertThat(TestJson.object(state.body())).containsEntry("restStatus", 429L).containsEntry("restSecondsLeft", 30L);
            assertThat(admin(f, "DELETE", null).statusCode()).isEqualTo(200);
            assertThat(f.get("/api/v3/ping").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldAnswer418And5xxWithBinanceBodies() throws Exception {
        TestClock clock = new TestClock();
        try (SimServerFixture f = fixture(clock)) {
            clock.pin(clock.millis());
            post(f, "restStatus=418&restSeconds=5");
            HttpResponse<String> banned = f.get("/api/v3/ping");
            assertThat(banned.statusCode()).isEqualTo(418);
            assertThat(banned.headers().firstValue("Retry-After")).contains("5");
            assertThat(TestJson.object(banned.body()).get("code")).isEqualTo(-1003L);
            post(f, "restStatus=500&restSeconds=5");
            HttpResponse<String> internal = f.get("/api/v3/ping");
            assertThat(internal.statusCode()).isEqualTo(500);
            assertThat(TestJson.object(internal.body()).get("code")).isEqualTo(-1000L);
            post(f, "restStatus=502&restSeconds=5");
            HttpResponse<String> gateway = f.get("/api/v3/ping");
            assertThat(gateway.statusCode()).isEqualTo(502);
            assertThat(TestJson.object(gateway.body()).get("code")).isEqualTo(-1001L);
        }
    }

    @Test
    void shouldSkewServerTimeAndRejectARealTimeSignatureOutsideRecvWindow() throws Exception {
        TestClock clock = new TestClock();
        try (SimServerFixture f = fixture(clock)) {
            long t = clock.millis();
            clock.pin(t);
            post(f, "{\"clockSkewMs\":10000}");
            assertThat(TestJson.object(f.get("/api/v3/time").body()).get("serverTime")).isEqualTo(t + 10_000);
            HttpResponse<String> late = f.signedAt("GET", "/api/v3/account", "", t);
            assertThat(late.statusCode()).isEqualTo(400);
            assertThat(late.body()).isEqualTo("{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}");
            assertThat(f.signedAt("GET", "/api/v3/account", "recvWindow=20000", t).statusCode()).isEqualTo(200);
            post(f, "{\"clockSkewMs\":-5000}");
            HttpResponse<String> ahead = f.signedAt("GET", "/api/v3/account", "", t);
            assertThat(TestJson.object(ahead.body()).get("code")).isEqualTo(-1021L);
            assertThat(TestJson.object(admin(f, "GET", null).body())).containsEntry("clockSkewMs", -5000L);
        }
    }

    @Test
    void shouldStallOneStreamWhileOthersContinueThenResume() throws Exception {
        TestClock clock = new TestClock();
        try (SimServerFixture f = fixture(clock)) {
            SimServerFixture.Ws ws = f.ws("/stream?streams=btcusdt@trade/btcusdt@depth@100ms");
            ws.nextContaining("\"stream\":\"btcusdt@trade\"");
            post(f, "{\"stallStream\":\"btcusdt@trade\",\"stallSeconds\":60}");
            barrier(ws, 1);
            List<String> during = new ArrayList<>();
            int depth = 0;
            while (depth < 15) {
                String m = ws.next();
                during.add(m);
                if (m.contains("\"stream\":\"btcusdt@depth@100ms\"")) {
                    depth++;
                }
            }
            assertThat(during).noneMatch(m -> m.contains("\"stream\":\"btcusdt@trade\""));
            assertThat(TestJson.object(admin(f, "GET", null).body())).containsEntry("stallStream", "btcusdt@trade");
            clock.advance(61_000);
            assertThat(ws.nextContaining("\"stream\":\"btcusdt@trade\"")).contains("\"e\":\"trade\"");
            ws.abort();
        }
    }

    @Test
    void shouldDropEveryMessageWhenTheDropFractionIsOne() throws Exception {
        try (SimServerFixture f = fixture(new TestClock())) {
            SimServerFixture.Ws ws = f.ws("/ws/btcusdt@depth@100ms");
            ws.next();
            post(f, "{\"dropFraction\":1.0,\"dropStream\":\"*\"}");
            barrier(ws, 1);
            awaitAtLeast(() -> f.server.stats().faultDroppedMessages(), 5);
            assertThat(barrier(ws, 2)).isEmpty();
            assertThat(admin(f, "DELETE", null).statusCode()).isEqualTo(200);
            assertThat(ws.next()).contains("\"e\":\"depthUpdate\"");
            ws.abort();
        }
    }

    @Test
    void shouldHoldDelayedMessagesUntilTheEngineClockPassesTheDelay() throws Exception {
        TestClock clock = new TestClock();
        try (SimServerFixture f = fixture(clock)) {
            SimServerFixture.Ws ws = f.ws("/ws/btcusdt@depth@100ms");
            ws.next();
            post(f, "delayMs=60000&delayStream=btcusdt@depth@100ms");
            barrier(ws, 1);
            awaitAtLeast(() -> f.server.stats().faultDelayedMessages(), 5);
            assertThat(barrier(ws, 2)).isEmpty();
            clock.advance(61_000);
            assertThat(ws.next()).contains("\"e\":\"depthUpdate\"");
            ws.abort();
        }
    }

    @Test
    void shouldDropAndCountDelayedMessagesPastTheBound() throws Exception {
        TestClock clock = new TestClock();
        try (SimServerFixture f = fixture(clock, SimServerConfig.builder().adminToken(TOKEN).maxDelayedMessages(5))) {
            SimServerFixture.Ws ws = f.ws("/stream?streams=btcusdt@depth@100ms");
            ws.next();
            post(f, "delayMs=60000");
            barrier(ws, 1);
            awaitAtLeast(() -> f.server.stats().faultDelayOverflowDrops(), 3);
            Map<String, Object> state = TestJson.object(admin(f, "GET", null).body());
            assertThat(state).containsEntry("delayedMessages", 5L).containsEntry("maxDelayedMessages", 5L);
            assertThat(f.server.stats().faultDelayedMessages()).isEqualTo(5);
            clock.advance(61_000);
            List<String> released = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                released.add(ws.nextContaining("\"stream\":\"btcusdt@depth@100ms\""));
            }
            assertThat(released).allMatch(m -> m.startsWith("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\""));
            ws.abort();
        }
    }

    @Test
    void shouldStampStreamEventsWithTheSameSkewedClockAsServerTime() throws Exception {
        TestClock clock = new TestClock();
        try (SimServerFixture f = fixture(clock)) {
            long t = clock.millis() + 1_000;
            clock.pin(t);
            post(f, "{\"clockSkewMs\":-3000}");
            SimServerFixture.Ws ws = f.ws("/ws/btcusdt@depth@100ms/btcusdt@kline_1m");
            long serverTime = (Long) TestJson.object(f.get("/api/v3/time").body()).get("serverTime");
            assertThat(serverTime).isEqualTo(t - 3_000);
            clock.pin(t + 1_500);
            Map<String, Object> depth = TestJson.object(ws.nextContaining("\"e\":\"depthUpdate\""));
            Map<String, Object> kline = TestJson.object(ws.nextContaining("\"e\":\"kline\""));
            long later = (Long) TestJson.object(f.get("/api/v3/time").body()).get("serverTime");
            assertThat(later).isEqualTo(t + 1_500 - 3_000);
            assertThat((Long) depth.get("E")).isBetween(serverTime, later);
            assertThat((Long) kline.get("E")).isBetween(serverTime, later);
            ws.abort();
        }
    }

    @Test
    void shouldRefuseAdminRequestsWithoutTheRightToken() throws Exception {
        try (SimServerFixture f = fixture(new TestClock())) {
            HttpResponse<String> missing = f.get("/admin/faults");
            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(missing.body()).contains("missing X-Admin-Token");
            HttpResponse<String> wrong = f.send(HttpRequest.newBuilder(f.uri("/admin/faults")).header("X-Admin-Token", "nope")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"restStatus\":503,\"restSeconds\":60}")).build());
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(f.get("/api/v3/ping").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldHideTheAdminEndpointWhenNoTokenIsConfigured() throws Exception {
        try (SimServerFixture f = fixture(new TestClock(), SimServerConfig.builder())) {
            HttpResponse<String> r = f.send(HttpRequest.newBuilder(f.uri("/admin/faults")).header("X-Admin-Token", TOKEN).build());
            assertThat(r.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void shouldAnswerBadAdminBodiesWith400AndKeepServing() throws Exception {
        try (SimServerFixture f = fixture(new TestClock())) {
            HttpResponse<String> notJson = admin(f, "POST", "{not json");
            assertThat(notJson.statusCode()).isEqualTo(400);
            assertThat(TestJson.object(notJson.body()).get("error").toString()).startsWith("malformed JSON");
            assertThat(admin(f, "POST", "{\"dropFraction\":2}").body()).contains("'dropFraction' must be a number from 0 to 1");
            assertThat(admin(f, "POST", "{\"bogus\":1}").body()).contains("unknown key 'bogus'");
            assertThat(admin(f, "POST", "restStatus=404&restSeconds=1").statusCode()).isEqualTo(400);
            assertThat(admin(f, "POST", "{\"restStatus\":503}").body()).contains("restStatus needs restSeconds");
            assertThat(admin(f, "POST", "{\"stallStream\":\"nonsense\",\"stallSeconds\":1}").statusCode()).isEqualTo(400);
            assertThat(admin(f, "POST", "[1,2]").statusCode()).isEqualTo(400);
            assertThat(admin(f, "POST", "").statusCode()).isEqualTo(400);
            assertThat(admin(f, "PATCH", "{}").statusCode()).isEqualTo(405);
            assertThat(f.server.stats().restInternalErrors()).isZero();
            assertThat(f.get("/api/v3/ping").statusCode()).isEqualTo(200);
            assertThat(admin(f, "GET", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldNotChargeAdminRequestsAgainstTheRateLimits() throws Exception {
        TestClock clock = new TestClock();
        try (SimServerFixture f = fixture(clock)) {
            clock.pin(clock.millis());
            assertThat(f.get("/api/v3/ping").headers().firstValue("X-MBX-USED-WEIGHT-1M")).contains("1");
            for (int i = 0; i < 5; i++) {
                admin(f, "GET", null);
            }
            assertThat(f.get("/api/v3/ping").headers().firstValue("X-MBX-USED-WEIGHT-1M")).contains("2");
        }
    }

    @Test
    void shouldApplyStartFaultsAndRefuseInvalidOnes() throws Exception {
        try (SimServerFixture f = fixture(new TestClock(),
                SimServerConfig.builder().faults(Map.of("restStatus", "503", "restSeconds", "600")))) {
            assertThat(f.get("/api/v3/ping").statusCode()).isEqualTo(503);
        }
        assertThatThrownBy(() -> SimServerConfig.builder().faults(Map.of("dropFraction", "2")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dropFraction");
        assertThatThrownBy(() -> SimServerConfig.builder().adminToken("short").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("adminToken");
    }
}
