package io.ttquant.sim.server;

import static io.ttquant.sim.server.TestJson.keys;
import static io.ttquant.sim.server.TestJson.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.order.Side;
import io.ttquant.sim.market.SimConfig;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v3/historicalTrades}: trades from a trade id on, in {@code /api/v3/trades}'
 * shape, with Binance's default and maximum limit and weight 25 — what a market-data client uses
 * to backfill a gap in trade ids.
 */
class HistoricalTradesTest {
    private static SimServerFixture f;

    @BeforeAll
    static void start() throws Exception {
        SimConfig quiet = SimConfig.builder().seed(7).flowIntensity(0)
                .account(SimServerFixture.API_KEY, SimServerFixture.SECRET, Map.of("USDT", "100000")).build();
        f = new SimServerFixture(quiet, SimServerConfig.defaults());
        f.server.onEngine(() -> {
            f.exchange.placeSyntheticLimit("BTCUSDT", Side.SELL, "60000.00", "1.00000");
            for (int i = 0; i < 12; i++) {
                f.exchange.placeSyntheticMarket("BTCUSDT", Side.BUY, "0.00100");
            }
            return null;
        }, 10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static List<Long> ids(String body) {
        List<Long> out = new ArrayList<>();
        for (Object o : TestJson.array(body)) {
            out.add((Long) map(o).get("id"));
        }
        return out;
    }

    @Test
    void shouldListTradesFromTheGivenIdOldestFirst() throws Exception {
        HttpResponse<String> r = f.get("/api/v3/historicalTrades?symbol=BTCUSDT&fromId=3&limit=4");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ids(r.body())).containsExactly(3L, 4L, 5L, 6L);
        Map<String, Object> first = map(TestJson.array(r.body()).get(0));
        assertThat(keys(first)).containsExactly("id", "price", "qty", "quoteQty", "time", "isBuyerMaker", "isBestMatch");
        assertThat(first).containsEntry("price", "60000.00000000").containsEntry("qty", "0.00100000")
                .containsEntry("isBuyerMaker", false);
    }

    @Test
    void shouldAnswerWithTheSameTradesAsTheRecentTradesEndpoint() throws Exception {
        String recent = f.get("/api/v3/trades?symbol=BTCUSDT&limit=12").body();
        assertThat(f.get("/api/v3/historicalTrades?symbol=BTCUSDT&fromId=1&limit=12").body()).isEqualTo(recent);
    }

    @Test
    void shouldGiveTheMostRecentTradesWithoutFromIdAndNothingPastTheLastId() throws Exception {
        assertThat(ids(f.get("/api/v3/historicalTrades?symbol=BTCUSDT&limit=2").body())).containsExactly(11L, 12L);
        assertThat(ids(f.get("/api/v3/historicalTrades?symbol=BTCUSDT").body())).hasSize(12).startsWith(1L).endsWith(12L);
        assertThat(f.get("/api/v3/historicalTrades?symbol=BTCUSDT&fromId=13").body()).isEqualTo("[]");
        assertThat(f.get("/api/v3/historicalTrades?symbol=ETHUSDT&fromId=1").body()).isEqualTo("[]");
    }

    @Test
    void shouldChargeWeight25() throws Exception {
        long before = weight(f.get("/api/v3/ping"));
        long after = weight(f.get("/api/v3/historicalTrades?symbol=BTCUSDT&fromId=1&limit=1000"));
        assertThat(after - before).isEqualTo(25);
    }

    @Test
    void shouldRefuseAMissingSymbolAndABadFromId() throws Exception {
        HttpResponse<String> noSymbol = f.get("/api/v3/historicalTrades?fromId=1");
        assertThat(noSymbol.statusCode()).isEqualTo(400);
        assertThat(TestJson.object(noSymbol.body()).get("code")).isEqualTo(-1102L);
        HttpResponse<String> badId = f.get("/api/v3/historicalTrades?symbol=BTCUSDT&fromId=-5");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(TestJson.object(badId.body()).get("code")).isEqualTo(-1100L);
        HttpResponse<String> unknown = f.get("/api/v3/historicalTrades?symbol=NOPEUSDT");
        assertThat(TestJson.object(unknown.body()).get("code")).isEqualTo(-1121L);
    }

    private static long weight(HttpResponse<String> r) {
        return Long.parseLong(r.headers().firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow());
    }
}
