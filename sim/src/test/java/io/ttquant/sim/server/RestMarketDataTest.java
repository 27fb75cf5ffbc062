package io.ttquant.sim.server;

import static io.ttquant.sim.server.TestJson.keys;
import static io.ttquant.sim.server.TestJson.list;
import static io.ttquant.sim.server.TestJson.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public REST endpoints: paths, parameters, JSON shapes in Binance's field order, headers. */
class RestMarketDataTest {
    private static SimServerFixture f;

    @BeforeAll
    static void start() {
        f = new SimServerFixture(SimServerConfig.defaults());
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static void assertBinanceHeaders(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("X-MBX-USED-WEIGHT-1M")).isPresent();
        assertThat(Long.parseLong(r.headers().firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow())).isPositive();
    }

    private static void assertJson(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json;charset=UTF-8");
        assertBinanceHeaders(r);
    }

    @Test
    void shouldAnswerPingWithAnEmptyObject() throws Exception {
        HttpResponse<String> r = f.get("/api/v3/ping");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{}");
        assertJson(r);
    }

    @Test
    void shouldGiveTheServerTimeInMilliseconds() throws Exception {
        long before = System.currentTimeMillis();
        HttpResponse<String> r = f.get("/api/v3/time");
        long after = System.currentTimeMillis();
        Map<String, Object> o = TestJson.object(r.body());
        assertThat(keys(o)).containsExactly("serverTime");
        assertThat((Long) o.get("serverTime")).isBetween(before - 1000, after + 1000);
    }

    @Test
    void shouldDescribeSymbolsWithBinanceFiltersInExchangeInfo() throws Exception {
        HttpResponse<String> r = f.get("/api/v3/exchangeInfo");
        assertJson(r);
        Map<String, Object> o = TestJson.object(r.body());
        assertThat(keys(o)).containsExactly("timezone", "serverTime", "rateLimits", "exchangeFilters", "symbols");
        assertThat(keys(list(o.get("rateLimits")).get(0))).containsExactly("rateLimitType", "interval", "intervalNum", "limit");
        assertThat(list(o.get("symbols"))).extracting(s -> map(s).get("symbol")).containsExactly("BTCUSDT", "ETHUSDT");
        Map<String, Object> btc = map(list(o.get("symbols")).get(0));
        assertThat(keys(btc)).containsExactly("symbol", "status", "baseAsset", "baseAssetPrecision", "quoteAsset",
                "quotePrecision", "quoteAssetPrecision", "baseCommissionPrecision", "quoteCommissionPrecision", "orderTypes",
                "icebergAllowed", "ocoAllowed", "otoAllowed", "quoteOrderQtyMarketAllowed", "allowTrailingStop",
                "cancelReplaceAllowed", "amendAllowed", "isSpotTradingAllowed", "isMarginTradingAllowed", "filters",
                "permissions", "permissionSets", "defaultSelfTradePreventionMode", "allowedSelfTradePreventionModes");
        assertThat(btc.get("baseAsset")).isEqualTo("BTC");
        assertThat(btc.get("quoteAsset")).isEqualTo("USDT");
        List<Object> filters = list(btc.get("filters"));
        Map<String, Object> price = map(filters.get(0));
        assertThat(keys(price)).containsExactly("filterType", "minPrice", "maxPrice", "tickSize");
        assertThat(price.get("tickSize")).isEqualTo("0.01000000");
        Map<String, Object> lot = map(filters.get(1));
        assertThat(keys(lot)).containsExactly("filterType", "minQty", "maxQty", "stepSize");
        assertThat(lot.get("stepSize")).isEqualTo("0.00001000");
        assertThat(map(filters.get(2)).get("filterType")).isEqualTo("MARKET_LOT_SIZE");
        Map<String, Object> notional = map(filters.get(3));
        assertThat(keys(notional)).containsExactly("filterType", "minNotional", "applyMinToMarket", "maxNotional",
                "applyMaxToMarket", "avgPriceMins");
        assertThat(notional.get("minNotional")).isEqualTo("5.00000000");
    }

    @Test
    void shouldSelectSymbolsByNameOrList() throws Exception {
        Map<String, Object> one = TestJson.object(f.get("/api/v3/exchangeInfo?symbol=ETHUSDT").body());
        assertThat(list(one.get("symbols"))).extracting(s -> map(s).get("symbol")).containsExactly("ETHUSDT");
        Map<String, Object> two = TestJson.object(f.get("/api/v3/exchangeInfo?symbols=%5B%22ETHUSDT%22,%22BTCUSDT%22%5D").body());
        assertThat(list(two.get("symbols"))).extracting(s -> map(s).get("symbol")).containsExactly("ETHUSDT", "BTCUSDT");
        HttpResponse<String> unknown = f.get("/api/v3/exchangeInfo?symbol=DOGEUSDT");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
        assertJson(unknown);
        assertThat(f.get("/api/v3/exchangeInfo?symbols=%5BBTCUSDT%5D").body()).contains("\"code\":-1100").contains("'symbols'");
    }

    @Test
    void shouldReturnTheBookBestFirstWithTheDefaultLimit() throws Exception {
        HttpResponse<String> r = f.get("/api/v3/depth?symbol=BTCUSDT");
        assertJson(r);
        Map<String, Object> o = TestJson.object(r.body());
        assertThat(keys(o)).containsExactly("lastUpdateId", "bids", "asks");
        List<Object> bids = list(o.get("bids"));
        List<Object> asks = list(o.get("asks"));
        assertThat(bids).isNotEmpty().hasSizeLessThanOrEqualTo(100);
        assertThat(asks).isNotEmpty().hasSizeLessThanOrEqualTo(100);
        for (int i = 1; i < bids.size(); i++) {
            assertThat(TestJson.dec(list(bids.get(i)).get(0))).isLessThan(TestJson.dec(list(bids.get(i - 1)).get(0)));
        }
        for (int i = 1; i < asks.size(); i++) {
            assertThat(TestJson.dec(list(asks.get(i)).get(0))).isGreaterThan(TestJson.dec(list(asks.get(i - 1)).get(0)));
        }
        assertThat(TestJson.dec(list(bids.get(0)).get(0))).isLessThan(TestJson.dec(list(asks.get(0)).get(0)));
        assertThat((String) list(bids.get(0)).get(0)).matches("\\d+\\.\\d{8}");
        assertThat(list(TestJson.object(f.get("/api/v3/depth?symbol=BTCUSDT&limit=5").body()).get("bids"))).hasSize(5);
        assertThat(f.get("/api/v3/depth?symbol=BTCUSDT&limit=5000").headers().firstValue("X-MBX-USED-WEIGHT-1M")).isPresent();
    }

    @Test
    void shouldListTradesAndAggregateTradesWithBinanceFields() throws Exception {
        List<Object> trades = TestJson.array(f.get("/api/v3/trades?symbol=BTCUSDT&limit=3").body());
        assertThat(trades).hasSizeLessThanOrEqualTo(3).isNotEmpty();
        assertThat(keys(trades.get(0))).containsExactly("id", "price", "qty", "quoteQty", "time", "isBuyerMaker", "isBestMatch");
        List<Object> aggs = TestJson.array(f.get("/api/v3/aggTrades?symbol=BTCUSDT&limit=5").body());
        assertThat(aggs).isNotEmpty();
        assertThat(keys(aggs.get(0))).containsExactly("a", "p", "q", "f", "l", "T", "m", "M");
        long firstId = (Long) map(aggs.get(0)).get("a");
        List<Object> from = TestJson.array(f.get("/api/v3/aggTrades?symbol=BTCUSDT&fromId=" + firstId + "&limit=2").body());
        assertThat(map(from.get(0)).get("a")).isEqualTo(firstId);
        assertThat(from).hasSize(2);
        assertThat(f.get("/api/v3/aggTrades?symbol=BTCUSDT&startTime=0&endTime=7200000").body())
                .isEqualTo("{\"code\":-1127,\"msg\":\"More than 1 hours between startTime and endTime.\"}");
    }

    @Test
    void shouldReturnKlinesAsTwelveFieldArrays() throws Exception {
        List<Object> klines = TestJson.array(f.get("/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=2").body());
        assertThat(klines).isNotEmpty();
        List<Object> k = list(klines.get(klines.size() - 1));
        assertThat(k).hasSize(12);
        assertThat(k.get(0)).isInstanceOf(Long.class);
        assertThat(k.get(1)).isInstanceOf(String.class);
        assertThat((Long) k.get(6) - (Long) k.get(0)).isEqualTo(59_999L);
        assertThat(k.get(8)).isInstanceOf(Long.class);
        assertThat(k.get(11)).isEqualTo("0");
        HttpResponse<String> bad = f.get("/api/v3/klines?symbol=BTCUSDT&interval=2m");
        assertThat(bad.body()).isEqualTo("{\"code\":-1120,\"msg\":\"Invalid interval.\"}");
        assertThat(f.get("/api/v3/klines?symbol=BTCUSDT").body())
                .isEqualTo("{\"code\":-1102,\"msg\":\"Mandatory parameter 'interval' was not sent, was empty/null, or malformed.\"}");
    }

    @Test
    void shouldGiveBookTickersForOneOrAllSymbols() throws Exception {
        Map<String, Object> one = TestJson.object(f.get("/api/v3/ticker/bookTicker?symbol=ETHUSDT").body());
        assertThat(keys(one)).containsExactly("symbol", "bidPrice", "bidQty", "askPrice", "askQty");
        assertThat(TestJson.array(f.get("/api/v3/ticker/bookTicker").body())).hasSize(2);
        assertThat(TestJson.array(f.get("/api/v3/ticker/bookTicker?symbols=%5B%22ETHUSDT%22%5D").body())).hasSize(1);
        assertThat(f.get("/api/v3/ticker/bookTicker?symbol=ETHUSDT&symbols=%5B%22ETHUSDT%22%5D").body()).contains("-1128");
    }

    @Test
    void shouldGive24hTickersInFullAndMiniForm() throws Exception {
        Map<String, Object> full = TestJson.object(f.get("/api/v3/ticker/24hr?symbol=BTCUSDT").body());
        assertThat(keys(full)).containsExactly("symbol", "priceChange", "priceChangePercent", "weightedAvgPrice",
                "prevClosePrice", "lastPrice", "lastQty", "bidPrice", "bidQty", "askPrice", "askQty", "openPrice",
                "highPrice", "lowPrice", "volume", "quoteVolume", "openTime", "closeTime", "firstId", "lastId", "count");
        assertThat((String) full.get("priceChangePercent")).matches("-?\\d+\\.\\d{3}");
        List<Object> mini = TestJson.array(f.get("/api/v3/ticker/24hr?type=MINI").body());
        assertThat(keys(mini.get(0))).containsExactly("symbol", "openPrice", "highPrice", "lowPrice", "lastPrice", "volume",
                "quoteVolume", "openTime", "closeTime", "firstId", "lastId", "count");
        assertThat(f.get("/api/v3/ticker/24hr?type=SMALL").body()).isEqualTo("{\"code\":-1139,\"msg\":\"Invalid ticker type.\"}");
    }

    @Test
    void shouldAnswerUnknownPathsWith404AndWrongMethodsWith405() throws Exception {
        HttpResponse<String> r = f.get("/api/v3/doesNotExist");
        assertThat(r.statusCode()).isEqualTo(404);
        assertBinanceHeaders(r);
        HttpResponse<String> m = f.send(HttpRequest.newBuilder(f.uri("/api/v3/ping")).method("POST", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(m.statusCode()).isEqualTo(405);
        assertThat(m.body()).isEqualTo("{\"code\":-1020,\"msg\":\"This operation is not supported.\"}");
        assertJson(m);
    }

    @Test
    void shouldCountRequestWeightPerEndpoint() throws Exception {
        long w1 = Long.parseLong(f.get("/api/v3/ping").headers().firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow());
        long w2 = Long.parseLong(f.get("/api/v3/depth?symbol=BTCUSDT&limit=1000").headers().firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow());
        // Another test class's requests cannot interleave (one server per class); a minute boundary may reset the count.
        assertThat(w2 == w1 + 50 || w2 == 50).as("depth limit=1000 weighs 50: %s -> %s", w1, w2).isTrue();
    }
}
