package io.ttquant.sim.server;

import static io.ttquant.sim.server.SimServerFixture.API_KEY;
import static io.ttquant.sim.server.SimServerFixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.sim.market.SimConfig;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Request weight (429 with Retry-After, then 418) and order-count limits, on a pinned clock. */
class RateLimitTest {
    /** 15 seconds into a minute, so the whole test stays inside one rate-limit window. */
    private static final long T = 1_800_000_000_000L - 1_800_000_000_000L % 60_000L + 15_000L;

    private static SimServerFixture fixture(SimServerConfig config, TestClock clock) {
        clock.pin(T);
        return new SimServerFixture(SimConfig.builder().clock(clock).seed(3)
                .account(API_KEY, SECRET, Map.of("USDT", "100000", "BTC", "1")).build(), config);
    }

    @Test
    void shouldAnswer429WithRetryAfterPastTheWeightLimitAndThenBanWith418() throws Exception {
        TestClock clock = new TestClock();
        try (SimServerFixture f = fixture(SimServerConfig.builder().weightPerMinute(20).rejectionsBeforeBan(2).build(), clock)) {
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> ok = f.get("/api/v3/depth?symbol=BTCUSDT&limit=10");
                assertThat(ok.statusCode()).isEqualTo(200);
                assertThat(ok.headers().firstValue("X-MBX-USED-WEIGHT-1M")).contains(Integer.toString(5 * (i + 1)));
            }
            HttpResponse<String> limited = f.get("/api/v3/depth?symbol=BTCUSDT&limit=10");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).contains("45");
            assertThat(limited.headers().firstValue("X-MBX-USED-WEIGHT-1M")).contains("25");
            assertThat(limited.body()).isEqualTo("{\"code\":-1003,\"msg\":\"Too much request weight used; current limit is 20 "
                    + "request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.\"}");
            assertThat(f.get("/api/v3/ping").statusCode()).isEqualTo(429);
            HttpResponse<String> banned = f.get("/api/v3/ping");
            assertThat(banned.statusCode()).isEqualTo(418);
            assertThat(banned.headers().firstValue("Retry-After")).contains("120");
            assertThat(banned.body()).contains("\"code\":-1003").contains("IP banned until " + (T + 120_000));
            clock.pin(T + 120_000);
            assertThat(f.get("/api/v3/ping").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldLimitNewOrdersPerTenSecondsWithoutRetryAfter() throws Exception {
        TestClock clock = new TestClock();
        try (SimServerFixture f = fixture(SimServerConfig.builder().ordersPer10s(2).build(), clock)) {
            for (int i = 1; i <= 2; i++) {
                HttpResponse<String> r = f.signedAt("POST", "/api/v3/order",
                        "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=1000", T);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(r.headers().firstValue("X-MBX-ORDER-COUNT-10S")).contains(Integer.toString(i));
            }
            HttpResponse<String> third = f.signedAt("POST", "/api/v3/order",
                    "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=1000", T);
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.body()).isEqualTo("{\"code\":-1015,\"msg\":\"Too many new orders; current limit is 2 orders per 10 SECOND.\"}");
            assertThat(third.headers().firstValue("Retry-After")).isEmpty();
            assertThat(third.headers().firstValue("X-MBX-ORDER-COUNT-10S")).contains("3");
            clock.pin(T + 10_000);
            assertThat(f.signedAt("POST", "/api/v3/order",
                    "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=1000", T + 10_000).statusCode()).isEqualTo(200);
        }
    }
}
