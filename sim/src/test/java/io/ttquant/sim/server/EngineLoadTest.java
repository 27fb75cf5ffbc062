package io.ttquant.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.sim.market.SimConfig;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine under more synthetic flow than it can run, and the depth cadence tests shrink: a
 * backlog is shed (and counted) instead of caught up, so REST answers and streams keep flowing;
 * the {@code @depth@100ms} diffs follow {@code depthIntervalMillis} on the engine clock without a
 * gap in update ids.
 */
class EngineLoadTest {
    @Test
    void shouldShedABacklogItCannotRunAndKeepAnsweringAndStreaming() throws Exception {
        TestClock clock = new TestClock();
        SimConfig market = SimConfig.builder().clock(clock).seed(3).flowIntensity(100_000)
                .account(SimServerFixture.API_KEY, SimServerFixture.SECRET, Map.of("USDT", "100000")).build();
        try (SimServerFixture f = new SimServerFixture(market, SimServerConfig.builder().maxFlowLagMillis(50).build())) {
            SimServerFixture.Ws ws = f.ws("/ws/btcusdt@trade");
            ws.nextContaining("\"e\":\"trade\"");
            // Two symbols at 100,000 actions a second for a minute: six million actions due at once.
            clock.advance(60_000);
            HttpResponse<String> time = f.get("/api/v3/time");
            assertThat(time.statusCode()).isEqualTo(200);
            SlowConsumerTest.await(() -> f.server.stats().flowSkippedMillis() >= 30_000, 10_000);
            assertThat(f.server.stats().flowBudgetExhausted()).isPositive();
            HttpResponse<String> order = f.signedAt("POST", "/api/v3/order",
                    "symbol=BTCUSDT&side=BUY&type=MARKET&quoteOrderQty=100", clock.millis());
            assertThat(order.statusCode()).as(order.body()).isEqualTo(200);
            ws.messages.clear();
            List<Long> ids = new ArrayList<>();
            while (ids.size() < 50) {
                ids.add((Long) TestJson.object(ws.nextContaining("\"e\":\"trade\"")).get("t"));
            }
            for (int i = 1; i < ids.size(); i++) {
                assertThat(ids.get(i)).as("trade ids stay gap-free while time is shed").isEqualTo(ids.get(i - 1) + 1);
            }
            ws.abort();
        }
    }

    @Test
    void shouldStreamDepthDiffsAtTheConfiguredIntervalWithoutGaps() throws Exception {
        TestClock clock = new TestClock();
        long t = (clock.millis() / 1_000 + 2) * 1_000;
        clock.pin(t);
        SimConfig market = SimConfig.builder().clock(clock).seed(8).flowIntensity(20_000).build();
        try (SimServerFixture f = new SimServerFixture(market, SimServerConfig.builder().depthIntervalMillis(5).build())) {
            assertThat(f.server.config().tickMillis()).as("the tick follows a faster depth cadence").isEqualTo(5);
            SimServerFixture.Ws ws = f.ws("/ws/btcusdt@depth@100ms");
            ws.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":1}");
            ws.nextContaining("\"id\":1");
            ws.messages.clear();
            long lastU = -1;
            for (int step = 1; step <= 40; step++) {
                long at = t + 5L * step;
                clock.pin(at);
                Map<String, Object> e = TestJson.object(ws.nextContaining("\"e\":\"depthUpdate\""));
                assertThat((Long) e.get("E")).as("one diff per 5 ms of engine time").isEqualTo(at);
                if (lastU >= 0) {
                    assertThat((Long) e.get("U")).isEqualTo(lastU + 1);
                }
                lastU = (Long) e.get("u");
            }
            ws.abort();
        }
    }

    @Test
    void shouldKeepTheDefaultCadenceAt100Milliseconds() {
        SimServerConfig c = SimServerConfig.defaults();
        assertThat(c.depthIntervalMillis()).isEqualTo(100);
        assertThat(c.tickMillis()).isEqualTo(10);
        assertThat(c.wsMaxConnectionAgeMillis()).isEqualTo(86_400_000L);
        assertThat(SimServerConfig.builder().depthIntervalMillis(1).build().tickMillis()).isEqualTo(1);
    }
}
