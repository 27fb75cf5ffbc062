package io.ttquant.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.sim.market.SimConfig;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Connection lifetime on the engine's (test) clock: a connection is closed at its maximum age
 * (Binance: 24 hours), optionally after Binance's {@code serverShutdown} event, raw or in the
 * combined envelope; and a server shutdown triggered through the admin endpoint notifies every
 * open connection and closes it after the grace.
 */
class ConnectionLifetimeTest {
    private static final String TOKEN = "admin-token-123";

    private static SimServerFixture fixture(TestClock clock, SimServerConfig.Builder config) {
        return new SimServerFixture(SimConfig.builder().clock(clock).seed(5).flowIntensity(0)
                .account(SimServerFixture.API_KEY, SimServerFixture.SECRET, Map.of("USDT", "1000")).build(),
                config.adminToken(TOKEN).build());
    }

    /** A control message's answer proves the connection is still open and everything before it arrived. */
    private static void assertOpen(SimServerFixture.Ws ws, int id) throws InterruptedException {
        ws.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + id + "}");
        assertThat(ws.nextContaining("\"id\":" + id)).startsWith("{\"result\":[");
        assertThat(ws.closed).isNotDone();
    }

    @Test
    void shouldCloseAConnectionAtItsMaximumAgeWithoutNoticeByDefault() throws Exception {
        TestClock clock = new TestClock();
        long t = clock.millis() + 1_000;
        clock.pin(t);
        try (SimServerFixture f = fixture(clock, SimServerConfig.builder().wsMaxConnectionAgeMillis(2_000))) {
            SimServerFixture.Ws ws = f.ws("/ws/btcusdt@trade");
            assertOpen(ws, 1);
            clock.pin(t + 1_900);
            assertOpen(ws, 2);
            clock.pin(t + 2_050);
            assertThat(ws.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
            assertThat(ws.messages).noneMatch(m -> m.contains("serverShutdown"));
            assertThat(f.server.stats().maxAgeDisconnects()).isEqualTo(1);
        }
    }

    @Test
    void shouldSendServerShutdownBeforeTheMaximumAgeWhenANoticeIsConfigured() throws Exception {
        TestClock clock = new TestClock();
        long t = clock.millis() + 1_000;
        clock.pin(t);
        SimServerConfig.Builder config = SimServerConfig.builder().wsMaxConnectionAgeMillis(2_000).wsShutdownNoticeMillis(500);
        try (SimServerFixture f = fixture(clock, config)) {
            SimServerFixture.Ws raw = f.ws("/ws/btcusdt@trade");
            SimServerFixture.Ws combined = f.ws("/stream?streams=btcusdt@trade");
            assertOpen(raw, 1);
            assertOpen(combined, 1);
            clock.pin(t + 1_600);
            String event = raw.nextContaining("serverShutdown");
            assertThat(event).matches("\\{\"e\":\"serverShutdown\",\"E\":\\d+}");
            assertThat((Long) TestJson.object(event).get("E")).isEqualTo(t + 1_600);
            String wrapped = combined.nextContaining("serverShutdown");
            assertThat(wrapped).isEqualTo("{\"stream\":\"!serverShutdown\",\"data\":" + event + "}");
            assertOpen(raw, 2);
            clock.pin(t + 2_000);
            assertThat(raw.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
            assertThat(combined.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
            assertThat(raw.messages).as("one notice only").noneMatch(m -> m.contains("serverShutdown"));
            assertThat(f.server.stats().serverShutdownEvents()).isEqualTo(2);
            assertThat(f.server.stats().maxAgeDisconnects()).isEqualTo(2);
        }
    }

    @Test
    void shouldNotifyAndThenCloseEveryConnectionOnATriggeredServerShutdown() throws Exception {
        TestClock clock = new TestClock();
        long t = clock.millis() + 1_000;
        clock.pin(t);
        try (SimServerFixture f = fixture(clock, SimServerConfig.builder())) {
            SimServerFixture.Ws first = f.ws("/ws/btcusdt@depth@100ms");
            SimServerFixture.Ws second = f.ws("/stream?streams=ethusdt@trade");
            assertOpen(first, 1);
            assertOpen(second, 1);
            HttpResponse<String> r = f.send(HttpRequest.newBuilder(f.uri("/admin/faults")).header("X-Admin-Token", TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"serverShutdown\":true,\"serverShutdownGraceMs\":3000}"))
                    .timeout(SimServerFixture.TIMEOUT).build());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(first.nextContaining("serverShutdown")).isEqualTo("{\"e\":\"serverShutdown\",\"E\":" + t + "}");
            assertThat(second.nextContaining("serverShutdown"))
                    .isEqualTo("{\"stream\":\"!serverShutdown\",\"data\":{\"e\":\"serverShutdown\",\"E\":" + t + "}}");
            assertOpen(first, 2);

            clock.pin(t + 3_000);
            assertThat(first.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1001);
            assertThat(second.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1001);
            assertThat(f.server.stats().serverShutdownDisconnects()).isEqualTo(2);

            SimServerFixture.Ws later = f.ws("/ws/btcusdt@trade");
            clock.pin(t + 10_000);
            assertOpen(later, 3);
            assertThat(later.messages).noneMatch(m -> m.contains("serverShutdown"));
            later.abort();
        }
    }

    @Test
    void shouldRefuseAGraceWithoutTheShutdownItself() throws Exception {
        try (SimServerFixture f = fixture(new TestClock(), SimServerConfig.builder())) {
            HttpResponse<String> r = f.send(HttpRequest.newBuilder(f.uri("/admin/faults")).header("X-Admin-Token", TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"serverShutdownGraceMs\":3000}"))
                    .timeout(SimServerFixture.TIMEOUT).build());
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("serverShutdownGraceMs needs serverShutdown=true");
        }
    }
}
