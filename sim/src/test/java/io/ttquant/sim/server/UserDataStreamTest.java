package io.ttquant.sim.server;

import static io.ttquant.sim.server.TestJson.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Listen keys (create, keepalive, close, expiry) and the user data stream they open. */
class UserDataStreamTest {
    private static String listenKey(SimServerFixture f) throws Exception {
        HttpResponse<String> r = f.apiKeyOnly("POST", "/api/v3/userDataStream", "");
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> o = TestJson.object(r.body());
        assertThat(keys(o)).containsExactly("listenKey");
        return (String) o.get("listenKey");
    }

    @Test
    void shouldReturnTheActiveListenKeyAndKeepItAlive() throws Exception {
        try (SimServerFixture f = new SimServerFixture(SimServerConfig.defaults())) {
            String key = listenKey(f);
            assertThat(key).hasSize(64);
            assertThat(listenKey(f)).isEqualTo(key);
            HttpResponse<String> keep = f.apiKeyOnly("PUT", "/api/v3/userDataStream", "listenKey=" + key);
            assertThat(keep.statusCode()).isEqualTo(200);
            assertThat(keep.body()).isEqualTo("{}");
            assertThat(keep.headers().firstValue("X-MBX-USED-WEIGHT-1M")).isPresent();
            HttpResponse<String> unknown = f.apiKeyOnly("PUT", "/api/v3/userDataStream", "listenKey=" + "x".repeat(64));
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).isEqualTo("{\"code\":-1125,\"msg\":\"This listenKey does not exist.\"}");
            HttpResponse<String> missing = f.apiKeyOnly("PUT", "/api/v3/userDataStream", "");
            assertThat(missing.body()).contains("-1102").contains("'listenKey'");
        }
    }

    @Test
    void shouldCloseTheStreamWhenItsListenKeyIsDeleted() throws Exception {
        try (SimServerFixture f = new SimServerFixture(SimServerConfig.defaults())) {
            String key = listenKey(f);
            SimServerFixture.Ws ws = f.ws("/ws/" + key);
            HttpResponse<String> closed = f.apiKeyOnly("DELETE", "/api/v3/userDataStream", "listenKey=" + key);
            assertThat(closed.body()).isEqualTo("{}");
            assertThat(ws.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
            assertThat(ws.messages).noneMatch(m -> m.contains("listenKeyExpired"));
            assertThat(f.apiKeyOnly("PUT", "/api/v3/userDataStream", "listenKey=" + key).body()).contains("-1125");
        }
    }

    @Test
    void shouldSendListenKeyExpiredAndCloseTheStreamWhenTheKeyExpires() throws Exception {
        try (SimServerFixture f = new SimServerFixture(SimServerConfig.builder().listenKeyValidityMillis(1500).build())) {
            String key = listenKey(f);
            SimServerFixture.Ws ws = f.ws("/stream?streams=" + key);
            Map<String, Object> expired = TestJson.object(ws.nextContaining("listenKeyExpired"));
            assertThat(expired.get("stream")).isEqualTo(key);
            Map<String, Object> data = TestJson.map(expired.get("data"));
            assertThat(keys(data)).containsExactly("e", "E", "listenKey");
            assertThat(data.get("E")).isInstanceOf(String.class);
            assertThat(data.get("listenKey")).isEqualTo(key);
            assertThat(ws.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
            assertThat(f.apiKeyOnly("PUT", "/api/v3/userDataStream", "listenKey=" + key).body()).contains("-1125");
            assertThat(listenKey(f)).isNotEqualTo(key);
        }
    }

    @Test
    void shouldRefuseAStreamForAnUnknownListenKey() {
        try (SimServerFixture f = new SimServerFixture(SimServerConfig.defaults())) {
            assertThatThrownBy(() -> f.http.newWebSocketBuilder()
                    .buildAsync(URI.create(f.server.wsUrl() + "/ws/" + "A".repeat(64)), new SimServerFixture.Ws()).join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(WebSocketHandshakeException.class);
        }
    }

    @Test
    void shouldDeliverExecutionReportsOnACombinedUserStream() throws Exception {
        try (SimServerFixture f = new SimServerFixture(SimServerConfig.defaults())) {
            String key = listenKey(f);
            SimServerFixture.Ws ws = f.ws("/stream?streams=" + key);
            assertThat(f.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.01").statusCode())
                    .isEqualTo(200);
            Map<String, Object> trade = TestJson.object(ws.nextContaining("\"x\":\"TRADE\""));
            assertThat(trade.get("stream")).isEqualTo(key);
            Map<String, Object> report = TestJson.map(trade.get("data"));
            assertThat(report.get("S")).isEqualTo("SELL");
            assertThat(report.get("N")).isEqualTo("USDT");
            assertThat((Long) report.get("t")).isPositive();
            assertThat(report.get("m")).isEqualTo(false);
            assertThat(TestJson.map(TestJson.object(ws.nextContaining("outboundAccountPosition")).get("data")).get("e"))
                    .isEqualTo("outboundAccountPosition");
            ws.abort();
        }
    }
}
