package io.ttquant.sim.server;

import static io.ttquant.sim.server.SimServerFixture.API_KEY;
import static io.ttquant.sim.server.SimServerFixture.SECRET;
import static io.ttquant.sim.server.TestJson.dec;
import static io.ttquant.sim.server.TestJson.keys;
import static io.ttquant.sim.server.TestJson.list;
import static io.ttquant.sim.server.TestJson.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SIGNED endpoints: authentication, timing, orders, account, trades and the user data stream. */
class SignedEndpointsTest {
    private SimServerFixture f;

    @BeforeEach
    void start() {
        f = new SimServerFixture(SimServerConfig.defaults());
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static void assertError(HttpResponse<String> r, int status, int code, String msg) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).isEqualTo("{\"code\":" + code + ",\"msg\":\"" + msg + "\"}");
        assertThat(r.headers().firstValue("X-MBX-USED-WEIGHT-1M")).isPresent();
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json;charset=UTF-8");
    }

    private Map<String, BigDecimal> balances() throws Exception {
        Map<String, BigDecimal> out = new HashMap<>();
        for (Object b : list(TestJson.object(f.signed("GET", "/api/v3/account", "").body()).get("balances"))) {
            out.put((String) map(b).get("asset"), dec(map(b).get("free")));
            out.put(map(b).get("asset") + ".locked", dec(map(b).get("locked")));
        }
        return out;
    }

    private BigDecimal bestBid() throws Exception {
        return dec(TestJson.object(f.get("/api/v3/ticker/bookTicker?symbol=BTCUSDT").body()).get("bidPrice"));
    }

    @Test
    void shouldRefuseRequestsWithoutOrWithAnUnknownApiKey() throws Exception {
        HttpResponse<String> none = f.send(HttpRequest.newBuilder(f.uri("/api/v3/account?timestamp=1&signature=x")).build());
        assertError(none, 401, -2014, "API-key format invalid.");
        HttpResponse<String> unknown = f.send(HttpRequest.newBuilder(f.uri("/api/v3/account?timestamp=1&signature=x"))
                .header("X-MBX-APIKEY", "someoneElse").build());
        assertError(unknown, 401, -2015, "Invalid API-key, IP, or permissions for action.");
        HttpResponse<String> stream = f.send(HttpRequest.newBuilder(f.uri("/api/v3/userDataStream"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertError(stream, 401, -2014, "API-key format invalid.");
    }

    @Test
    void shouldRejectABadSignature() throws Exception {
        String q = "timestamp=" + System.currentTimeMillis();
        HttpResponse<String> r = f.send(HttpRequest.newBuilder(f.uri("/api/v3/account?" + q + "&signature="
                + HmacSignature.sign("wrongSecret", q))).header("X-MBX-APIKEY", API_KEY).build());
        assertError(r, 400, -1022, "Signature for this request is not valid.");
        HttpResponse<String> missing = f.send(HttpRequest.newBuilder(f.uri("/api/v3/account?" + q))
                .header("X-MBX-APIKEY", API_KEY).build());
        assertError(missing, 400, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
    }

    @Test
    void shouldRejectStaleFutureAndMissingTimestamps() throws Exception {
        long now = System.currentTimeMillis();
        assertError(f.signedAt("GET", "/api/v3/account", "", now - 6_000), 400, -1021,
                "Timestamp for this request is outside of the recvWindow.");
        assertThat(f.signedAt("GET", "/api/v3/account", "recvWindow=60000", now - 6_000).statusCode()).isEqualTo(200);
        assertError(f.signedAt("GET", "/api/v3/account", "", now + 5_000), 400, -1021,
                "Timestamp for this request was 1000ms ahead of the server's time.");
        assertError(f.signedAt("GET", "/api/v3/account", "recvWindow=60001", now), 400, -1131,
                "recvWindow must be less than 60000");
        String noTs = "recvWindow=5000";
        HttpResponse<String> r = f.send(HttpRequest.newBuilder(f.uri("/api/v3/account?" + noTs + "&signature="
                + HmacSignature.sign(SECRET, noTs))).header("X-MBX-APIKEY", API_KEY).build());
        assertError(r, 400, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
    }

    @Test
    void shouldVerifyParametersSplitBetweenQueryStringAndBody() throws Exception {
        String query = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC";
        String body = "quantity=0.01&price=1000&timestamp=" + System.currentTimeMillis();
        String sig = HmacSignature.sign(SECRET, query + body);
        HttpResponse<String> r = f.send(HttpRequest.newBuilder(f.uri("/api/v3/order?" + query))
                .header("X-MBX-APIKEY", API_KEY).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body + "&signature=" + sig)).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(TestJson.object(r.body()).get("status")).isEqualTo("NEW");
    }

    @Test
    void shouldPlaceQueryListAndCancelALimitOrderWithUserStreamEvents() throws Exception {
        String listenKey = (String) TestJson.object(f.apiKeyOnly("POST", "/api/v3/userDataStream", "").body()).get("listenKey");
        SimServerFixture.Ws user = f.ws("/ws/" + listenKey);
        BigDecimal price = bestBid().subtract(new BigDecimal("1000.00"));

        HttpResponse<String> placed = f.signed("POST", "/api/v3/order",
                "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=" + price.toPlainString()
                        + "&newClientOrderId=myOrder1");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
        assertThat(placed.headers().firstValue("X-MBX-ORDER-COUNT-10S")).contains("1");
        assertThat(placed.headers().firstValue("X-MBX-ORDER-COUNT-1D")).contains("1");
        Map<String, Object> full = TestJson.object(placed.body());
        assertThat(keys(full)).containsExactly("symbol", "orderId", "orderListId", "clientOrderId", "transactTime", "price",
                "origQty", "executedQty", "origQuoteOrderQty", "cummulativeQuoteQty", "status", "timeInForce", "type",
                "side", "workingTime", "fills", "selfTradePreventionMode");
        assertThat(full.get("clientOrderId")).isEqualTo("myOrder1");
        assertThat(full.get("status")).isEqualTo("NEW");
        assertThat(list(full.get("fills"))).isEmpty();
        long orderId = (Long) full.get("orderId");

        Map<String, Object> query = TestJson.object(f.signed("GET", "/api/v3/order", "symbol=BTCUSDT&orderId=" + orderId).body());
        assertThat(keys(query)).containsExactly("symbol", "orderId", "orderListId", "clientOrderId", "price", "origQty",
                "executedQty", "cummulativeQuoteQty", "status", "timeInForce", "type", "side", "stopPrice", "icebergQty",
                "time", "updateTime", "isWorking", "workingTime", "origQuoteOrderQty", "selfTradePreventionMode");
        assertThat(dec(query.get("price"))).isEqualByComparingTo(price);
        assertThat(TestJson.object(f.signed("GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=myOrder1").body())
                .get("orderId")).isEqualTo(orderId);

        List<Object> open = TestJson.array(f.signed("GET", "/api/v3/openOrders", "symbol=BTCUSDT").body());
        assertThat(open).extracting(o -> map(o).get("orderId")).containsExactly(orderId);
        assertThat(TestJson.array(f.signed("GET", "/api/v3/openOrders", "").body())).hasSize(1);
        Map<String, BigDecimal> locked = balances();
        assertThat(locked.get("USDT.locked")).isEqualByComparingTo(price.multiply(new BigDecimal("0.01")));

        HttpResponse<String> canceled = f.signed("DELETE", "/api/v3/order", "symbol=BTCUSDT&orderId=" + orderId
                + "&newClientOrderId=cancel1");
        assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(200);
        Map<String, Object> c = TestJson.object(canceled.body());
        assertThat(keys(c)).containsExactly("symbol", "origClientOrderId", "orderId", "orderListId", "clientOrderId",
                "transactTime", "price", "origQty", "executedQty", "origQuoteOrderQty", "cummulativeQuoteQty", "status",
                "timeInForce", "type", "side", "selfTradePreventionMode");
        assertThat(c.get("status")).isEqualTo("CANCELED");
        assertThat(c.get("origClientOrderId")).isEqualTo("myOrder1");
        assertThat(c.get("clientOrderId")).isEqualTo("cancel1");
        assertThat(TestJson.array(f.signed("GET", "/api/v3/openOrders", "symbol=BTCUSDT").body())).isEmpty();
        assertThat(balances().get("USDT.locked")).isEqualByComparingTo(BigDecimal.ZERO);

        Map<String, Object> newReport = TestJson.object(user.nextContaining("executionReport"));
        assertThat(keys(newReport)).containsExactly("e", "E", "s", "c", "S", "o", "f", "q", "p", "P", "F", "g", "C", "x", "X",
                "r", "i", "l", "z", "L", "n", "N", "T", "t", "I", "w", "m", "M", "O", "Z", "Y", "Q", "W", "V");
        assertThat(newReport.get("x")).isEqualTo("NEW");
        assertThat(newReport.get("i")).isEqualTo(orderId);
        assertThat(newReport.get("c")).isEqualTo("myOrder1");
        assertThat(newReport.get("w")).isEqualTo(true);
        Map<String, Object> position = TestJson.object(user.nextContaining("outboundAccountPosition"));
        assertThat(keys(position)).containsExactly("e", "E", "u", "B");
        Map<String, Object> usdt = map(list(position.get("B")).get(0));
        assertThat(keys(usdt)).containsExactly("a", "f", "l");
        assertThat(usdt.get("a")).isEqualTo("USDT");
        assertThat(dec(usdt.get("l"))).isEqualByComparingTo(price.multiply(new BigDecimal("0.01")));
        Map<String, Object> cancelReport = TestJson.object(user.nextContaining("executionReport"));
        assertThat(cancelReport.get("x")).isEqualTo("CANCELED");
        assertThat(cancelReport.get("X")).isEqualTo("CANCELED");
        assertThat(cancelReport.get("c")).isEqualTo("cancel1");
        assertThat(cancelReport.get("C")).isEqualTo("myOrder1");
        Map<String, Object> released = TestJson.object(user.nextContaining("outboundAccountPosition"));
        assertThat(dec(map(list(released.get("B")).get(0)).get("l"))).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void shouldFillAMarketOrderAndMoveBalancesExactly() throws Exception {
        Map<String, BigDecimal> before = balances();
        HttpResponse<String> r = f.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.5");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, Object> o = TestJson.object(r.body());
        assertThat(o.get("status")).isEqualTo("FILLED");
        assertThat(dec(o.get("executedQty"))).isEqualByComparingTo("0.5");
        List<Object> fills = list(o.get("fills"));
        assertThat(fills).isNotEmpty();
        assertThat(keys(fills.get(0))).containsExactly("price", "qty", "commission", "commissionAsset", "tradeId");
        BigDecimal qty = BigDecimal.ZERO;
        BigDecimal quote = BigDecimal.ZERO;
        BigDecimal commission = BigDecimal.ZERO;
        for (Object fo : fills) {
            Map<String, Object> fill = map(fo);
            qty = qty.add(dec(fill.get("qty")));
            quote = quote.add(dec(fill.get("price")).multiply(dec(fill.get("qty"))));
            assertThat(fill.get("commissionAsset")).isEqualTo("BTC");
            commission = commission.add(dec(fill.get("commission")));
        }
        assertThat(qty).isEqualByComparingTo("0.5");
        assertThat(dec(o.get("cummulativeQuoteQty"))).isEqualByComparingTo(quote);
        Map<String, BigDecimal> after = balances();
        assertThat(after.get("BTC")).isEqualByComparingTo(before.get("BTC").add(qty).subtract(commission));
        assertThat(after.get("USDT")).isEqualByComparingTo(before.get("USDT").subtract(quote));
        List<Object> trades = TestJson.array(f.signed("GET", "/api/v3/myTrades", "symbol=BTCUSDT&orderId=" + o.get("orderId")).body());
        assertThat(trades).hasSize(fills.size());
        assertThat(keys(trades.get(0))).containsExactly("symbol", "id", "orderId", "orderListId", "price", "qty", "quoteQty",
                "commission", "commissionAsset", "time", "isBuyer", "isMaker", "isBestMatch");
    }

    @Test
    void shouldAnswerAckAndResultResponseTypes() throws Exception {
        Map<String, Object> ack = TestJson.object(f.signed("POST", "/api/v3/order",
                "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.001&newOrderRespType=ACK").body());
        assertThat(keys(ack)).containsExactly("symbol", "orderId", "orderListId", "clientOrderId", "transactTime");
        Map<String, Object> result = TestJson.object(f.signed("POST", "/api/v3/order",
                "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.001&newOrderRespType=RESULT").body());
        assertThat(keys(result)).containsExactly("symbol", "orderId", "orderListId", "clientOrderId", "transactTime", "price",
                "origQty", "executedQty", "origQuoteOrderQty", "cummulativeQuoteQty", "status", "timeInForce", "type",
                "side", "workingTime", "selfTradePreventionMode");
    }

    @Test
    void shouldRejectOrdersWithBinanceErrors() throws Exception {
        assertError(f.signed("DELETE", "/api/v3/order", "symbol=BTCUSDT&orderId=999999"), 400, -2011, "Unknown order sent.");
        assertError(f.signed("GET", "/api/v3/order", "symbol=BTCUSDT&orderId=999999"), 400, -2013, "Order does not exist.");
        assertError(f.signed("DELETE", "/api/v3/order", "symbol=BTCUSDT"), 400, -1102,
                "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        assertError(f.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=1000.001"),
                400, -1013, "Filter failure: PRICE_FILTER");
        assertError(f.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.000001&price=1000"),
                400, -1013, "Filter failure: LOT_SIZE");
        assertError(f.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=200&price=1000"),
                400, -2010, "Account has insufficient balance for requested action.");
        assertError(f.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.01&price=1000"),
                400, -1102, "Mandatory parameter 'timeInForce' was not sent, was empty/null, or malformed.");
        assertError(f.signed("POST", "/api/v3/order", "symbol=btcusdt&side=BUY&type=MARKET&quantity=0.01"),
                400, -1100, "Illegal characters found in parameter 'symbol'; legal range is '^[A-Z0-9-_.]{1,20}$'.");
        assertError(f.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01&bogus=1"),
                400, -1104, "Not all sent parameters were read; read '6' parameter(s) but was sent '7'.");
        assertError(f.signed("DELETE", "/api/v3/openOrders", "symbol=BTCUSDT"), 400, -2011, "Unknown order sent.");
    }

    @Test
    void shouldCancelAllOpenOrdersOfASymbol() throws Exception {
        BigDecimal price = bestBid().subtract(new BigDecimal("500"));
        for (int i = 0; i < 3; i++) {
            assertThat(f.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price="
                    + price.subtract(BigDecimal.valueOf(i)).toPlainString()).statusCode()).isEqualTo(200);
        }
        List<Object> canceled = TestJson.array(f.signed("DELETE", "/api/v3/openOrders", "symbol=BTCUSDT").body());
        assertThat(canceled).hasSize(3).allSatisfy(o -> assertThat(map(o).get("status")).isEqualTo("CANCELED"));
        assertThat(TestJson.array(f.signed("GET", "/api/v3/openOrders", "symbol=BTCUSDT").body())).isEmpty();
    }

    @Test
    void shouldDescribeTheAccount() throws Exception {
        Map<String, Object> a = TestJson.object(f.signed("GET", "/api/v3/account", "").body());
        assertThat(keys(a)).containsExactly("makerCommission", "takerCommission", "buyerCommission", "sellerCommission",
                "commissionRates", "canTrade", "canWithdraw", "canDeposit", "brokered", "requireSelfTradePrevention",
                "preventSor", "updateTime", "accountType", "balances", "permissions", "uid");
        assertThat(list(a.get("balances"))).extracting(b -> map(b).get("asset")).containsExactly("BTC", "ETH", "USDT");
        assertThat(dec(map(list(a.get("balances")).get(2)).get("free"))).isEqualByComparingTo("100000");
    }
}
