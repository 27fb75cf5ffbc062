package io.ttquant.sim.server;

import static io.ttquant.sim.server.TestJson.keys;
import static io.ttquant.sim.server.TestJson.list;
import static io.ttquant.sim.server.TestJson.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Market streams: raw and combined payloads in Binance's field order, and live (un)subscription. */
class WebSocketStreamsTest {
    static final List<String> TRADE = List.of("e", "E", "s", "t", "p", "q", "T", "m", "M");
    static final List<String> AGG_TRADE = List.of("e", "E", "s", "a", "p", "q", "f", "l", "T", "m", "M");
    static final List<String> BOOK_TICKER = List.of("u", "s", "b", "B", "a", "A");
    static final List<String> DEPTH_UPDATE = List.of("e", "E", "s", "U", "u", "b", "a");
    static final List<String> KLINE = List.of("e", "E", "s", "k");
    static final List<String> KLINE_K = List.of("t", "T", "s", "i", "f", "L", "o", "c", "h", "l", "v", "n", "x", "q", "V", "Q", "B");

    private static SimServerFixture f;

    @BeforeAll
    static void start() {
        f = new SimServerFixture(SimServerConfig.builder().wsMaxStreams(8).build());
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void shouldSendRawTradePayloadsOnWs() throws Exception {
        SimServerFixture.Ws ws = f.ws("/ws/btcusdt@trade");
        Map<String, Object> t = TestJson.object(ws.next());
        assertThat(keys(t)).isEqualTo(TRADE);
        assertThat(t.get("e")).isEqualTo("trade");
        assertThat(t.get("s")).isEqualTo("BTCUSDT");
        assertThat((String) t.get("p")).matches("\\d+\\.\\d{8}");
        ws.abort();
    }

    @Test
    void shouldCarrySeveralRawStreamsOnOneWsPath() throws Exception {
        SimServerFixture.Ws ws = f.ws("/ws/btcusdt@aggTrade/ethusdt@bookTicker");
        Map<String, Object> agg = TestJson.object(ws.nextContaining("\"e\":\"aggTrade\""));
        assertThat(keys(agg)).isEqualTo(AGG_TRADE);
        Map<String, Object> book = TestJson.object(ws.nextContaining("\"s\":\"ETHUSDT\""));
        assertThat(keys(book)).isEqualTo(BOOK_TICKER);
        ws.abort();
    }

    @Test
    void shouldWrapCombinedStreamsInAnEnvelope() throws Exception {
        SimServerFixture.Ws ws = f.ws("/stream?streams=btcusdt@depth@100ms/btcusdt@kline_1m/btcusdt@depth5@100ms");
        Map<String, Object> depth = TestJson.object(ws.nextContaining("\"stream\":\"btcusdt@depth@100ms\""));
        assertThat(keys(depth)).containsExactly("stream", "data");
        assertThat(keys(depth.get("data"))).isEqualTo(DEPTH_UPDATE);
        Map<String, Object> kline = TestJson.object(ws.nextContaining("\"stream\":\"btcusdt@kline_1m\""));
        assertThat(keys(kline.get("data"))).isEqualTo(KLINE);
        Map<String, Object> k = map(map(kline.get("data")).get("k"));
        assertThat(keys(k)).isEqualTo(KLINE_K);
        assertThat(k.get("i")).isEqualTo("1m");
        assertThat((Long) k.get("T") - (Long) k.get("t")).isEqualTo(59_999L);
        Map<String, Object> partial = TestJson.object(ws.nextContaining("\"stream\":\"btcusdt@depth5@100ms\""));
        Map<String, Object> book = map(partial.get("data"));
        assertThat(keys(book)).containsExactly("lastUpdateId", "bids", "asks");
        assertThat(list(book.get("bids"))).hasSize(5);
        assertThat(list(book.get("asks"))).hasSize(5);
        ws.abort();
    }

    @Test
    void shouldSubscribeUnsubscribeAndListLive() throws Exception {
        SimServerFixture.Ws ws = f.ws("/ws");
        ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\",\"ethusdt@trade\"],\"id\":1}");
        assertThat(ws.nextContaining("\"id\":1")).isEqualTo("{\"result\":null,\"id\":1}");
        ws.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":2}");
        assertThat(ws.nextContaining("\"id\":2")).isEqualTo("{\"result\":[\"btcusdt@trade\",\"ethusdt@trade\"],\"id\":2}");
        ws.send("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"ethusdt@trade\"],\"id\":3}");
        assertThat(ws.nextContaining("\"id\":3")).isEqualTo("{\"result\":null,\"id\":3}");
        ws.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":\"four\"}");
        assertThat(ws.nextContaining("\"id\":\"four\"")).isEqualTo("{\"result\":[\"btcusdt@trade\"],\"id\":\"four\"}");
        assertThat(keys(TestJson.object(ws.nextContaining("\"e\":\"trade\"")))).isEqualTo(TRADE);
        ws.abort();
    }

    @Test
    void shouldSwitchToCombinedPayloadsWithSetProperty() throws Exception {
        SimServerFixture.Ws ws = f.ws("/ws");
        ws.send("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",true],\"id\":5}");
        assertThat(ws.nextContaining("\"id\":5")).isEqualTo("{\"result\":null,\"id\":5}");
        ws.send("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":6}");
        assertThat(ws.nextContaining("\"id\":6")).isEqualTo("{\"result\":true,\"id\":6}");
        ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@bookTicker\"],\"id\":7}");
        assertThat(ws.nextContaining("\"id\":7")).isEqualTo("{\"result\":null,\"id\":7}");
        assertThat(ws.next()).startsWith("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":");
        ws.abort();
    }

    @Test
    void shouldAnswerBadRequestsWithBinanceErrors() throws Exception {
        SimServerFixture.Ws ws = f.ws("/ws");
        ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@nonsense\"],\"id\":1}");
        assertThat(ws.next()).isEqualTo("{\"error\":{\"code\":2,\"msg\":\"Invalid request: invalid stream\"},\"id\":1}");
        ws.send("{\"method\":\"SUBSCRIBEE\",\"params\":[\"btcusdt@trade\"],\"id\":2}");
        assertThat(ws.next()).startsWith("{\"error\":{\"code\":2,\"msg\":\"Invalid request: unknown variant `SUBSCRIBEE`");
        ws.send("not json at all");
        String invalid = ws.next();
        assertThat(invalid).startsWith("{\"error\":{\"code\":3,\"msg\":\"Invalid JSON:").endsWith("\"id\":null}");
        ws.abort();
    }

    @Test
    void shouldRefuseMoreStreamsThanTheConnectionLimit() throws Exception {
        SimServerFixture.Ws ws = f.ws("/ws");
        StringBuilder params = new StringBuilder();
        String[] names = {"trade", "aggTrade", "bookTicker", "depth", "depth@100ms", "depth5", "depth10", "depth20", "kline_1m"};
        for (String n : names) {
            params.append(params.length() == 0 ? "" : ",").append("\"btcusdt@").append(n).append('"');
        }
        ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[" + params + "],\"id\":9}");
        assertThat(ws.nextContaining("\"id\":9")).contains("\"error\":{\"code\":2").contains("too many streams");
        ws.abort();
    }

    @Test
    void shouldOpenAConnectionWhosePathNamesNoStreamAndSubscribeNothing() throws Exception {
        SimServerFixture.Ws ws = f.ws("/ws/0");
        ws.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":1}");
        assertThat(ws.next()).isEqualTo("{\"result\":[],\"id\":1}");
        ws.abort();
    }
}
