package io.ttquant.sim.server;

import static io.ttquant.sim.server.TestJson.keys;
import static io.ttquant.sim.server.TestJson.list;
import static io.ttquant.sim.server.TestJson.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The simulator's JSON next to real captured Binance messages of {@code $TTQUANT_DATA}: stream
 * payloads must have the captures' fields in the captures' order; REST bodies recorded with sorted
 * keys (gocryptotrader) must have the same field set. Skipped without the data.
 */
@EnabledIfEnvironmentVariable(named = "TTQUANT_DATA", matches = ".+")
class RealBinanceShapesTest {
    private static final Path JSON = Path.of(System.getenv().getOrDefault("TTQUANT_DATA", "."), "binance", "json");
    private static SimServerFixture f;

    @BeforeAll
    static void start() {
        f = new SimServerFixture(SimServerConfig.defaults());
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static Map<String, Object> capture(String file) throws IOException {
        return TestJson.object(Files.readString(JSON.resolve(file)));
    }

    private static Object restCapture(String file) throws IOException {
        return TestJson.parse(Files.readString(JSON.resolve("rest/spot").resolve(file)));
    }

    private static Map<String, Object> live(String stream, String marker) throws Exception {
        SimServerFixture.Ws ws = f.ws("/stream?streams=" + stream);
        try {
            return TestJson.object(ws.nextContaining(marker));
        } finally {
            ws.abort();
        }
    }

    @Test
    void shouldMatchCapturedStreamPayloadsFieldByField() throws Exception {
        String[][] cases = {
                {"ws/spot/trade-BTCUSDT.json", "btcusdt@trade", "\"e\":\"trade\""},
                {"ws/spot/aggTrade-BTCUSDT.json", "btcusdt@aggTrade", "\"e\":\"aggTrade\""},
                {"ws/spot/bookTicker-BTCUSDT.json", "btcusdt@bookTicker", "\"u\":"},
                {"ws/spot/depthUpdate-BTCUSDT-100ms.json", "btcusdt@depth@100ms", "depthUpdate"},
                {"ws/spot/kline_1m-BTCUSDT-open.json", "btcusdt@kline_1m", "\"e\":\"kline\""},
        };
        for (String[] c : cases) {
            Map<String, Object> real = capture(c[0]);
            Map<String, Object> ours = live(c[1], c[2]);
            assertThat(keys(ours)).as(c[0]).isEqualTo(keys(real));
            assertThat(ours.get("stream")).isEqualTo(real.get("stream"));
            Map<String, Object> realData = map(real.get("data"));
            Map<String, Object> ourData = map(ours.get("data"));
            assertThat(keys(ourData)).as(c[0]).isEqualTo(keys(realData));
            for (String k : keys(realData)) {
                assertThat(ourData.get(k) == null ? null : ourData.get(k).getClass()).as(c[0] + " " + k)
                        .isEqualTo(realData.get(k) == null ? null : realData.get(k).getClass());
            }
            if (realData.containsKey("k")) {
                assertThat(keys(ourData.get("k"))).isEqualTo(keys(realData.get("k")));
            }
        }
    }

    @Test
    void shouldMatchTheCapturedDepthSnapshotShape() throws Exception {
        Map<String, Object> real = TestJson.map(restCapture("depth-BTCUSDT-limit1000-2024-08-08.json"));
        Map<String, Object> ours = TestJson.object(f.get("/api/v3/depth?symbol=BTCUSDT&limit=1000").body());
        assertThat(keys(ours)).isEqualTo(keys(real));
        List<Object> realLevel = list(list(real.get("bids")).get(0));
        List<Object> ourLevel = list(list(ours.get("bids")).get(0));
        assertThat(ourLevel).hasSameSizeAs(realLevel);
        assertThat(((String) ourLevel.get(0)).replaceAll("\\d", "9").replaceAll("^9+", "9"))
                .isEqualTo(((String) realLevel.get(0)).replaceAll("\\d", "9").replaceAll("^9+", "9"));
    }

    @Test
    void shouldHaveTheFieldsOfRecordedRestResponses() throws Exception {
        assertSameKeys(restCapture("gct-ticker-24hr-BTCUSDT.json"), TestJson.parse(f.get("/api/v3/ticker/24hr?symbol=BTCUSDT").body()));
        assertSameKeys(restCapture("gct-ticker-bookTicker-BTCUSDT.json"),
                TestJson.parse(f.get("/api/v3/ticker/bookTicker?symbol=BTCUSDT").body()));
        assertSameKeys(list(restCapture("gct-trades-ETHBTC-1000.json")).get(0),
                list(TestJson.parse(f.get("/api/v3/trades?symbol=BTCUSDT&limit=1").body())).get(0));
        assertSameKeys(list(restCapture("gct-aggTrades-BTCUSDT-1000.json")).get(0),
                list(TestJson.parse(f.get("/api/v3/aggTrades?symbol=BTCUSDT&limit=1").body())).get(0));
        List<Object> realKline = list(list(restCapture("gct-klines-BTCUSDT-1m-2020-05-06.json")).get(0));
        List<Object> ourKline = list(list(TestJson.parse(f.get("/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=1").body())).get(0));
        assertThat(ourKline).hasSameSizeAs(realKline);
        for (int i = 0; i < realKline.size(); i++) {
            assertThat(ourKline.get(i).getClass()).as("kline field %s", i).isEqualTo(realKline.get(i).getClass());
        }
    }

    @Test
    void shouldHaveTheFieldsAndFiltersOfTheRecordedExchangeInfo() throws Exception {
        Map<String, Object> real = map(restCapture("gct-exchangeInfo-2025-08-07-trimmed.json"));
        Map<String, Object> ours = TestJson.object(f.get("/api/v3/exchangeInfo?symbol=BTCUSDT").body());
        assertThat(new HashSet<>(keys(ours))).isEqualTo(new HashSet<>(keys(real)));
        Map<String, Object> realBtc = null;
        for (Object s : list(real.get("symbols"))) {
            if ("BTCUSDT".equals(map(s).get("symbol"))) {
                realBtc = map(s);
            }
        }
        assertThat(realBtc).isNotNull();
        Map<String, Object> ourBtc = map(list(ours.get("symbols")).get(0));
        assertThat(new HashSet<>(keys(ourBtc))).isEqualTo(new HashSet<>(keys(realBtc)));
        for (Object of : list(ourBtc.get("filters"))) {
            String type = (String) map(of).get("filterType");
            Object rf = list(realBtc.get("filters")).stream().filter(x -> type.equals(map(x).get("filterType"))).findFirst().orElseThrow();
            assertThat(new HashSet<>(keys(of))).as(type).isEqualTo(new HashSet<>(keys(rf)));
            if (!type.startsWith("MARKET") && !type.startsWith("MAX")) {
                for (String k : keys(of)) {
                    if (k.equals("tickSize") || k.equals("stepSize") || k.equals("minQty") || k.equals("minNotional") || k.equals("minPrice")) {
                        assertThat(map(of).get(k)).as(type + "." + k).isEqualTo(map(rf).get(k));
                    }
                }
            }
        }
    }

    private static void assertSameKeys(Object real, Object ours) {
        Set<String> r = new HashSet<>(keys(real));
        assertThat(new HashSet<>(keys(ours))).isEqualTo(r);
    }
}
