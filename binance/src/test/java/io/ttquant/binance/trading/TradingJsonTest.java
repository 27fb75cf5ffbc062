package io.ttquant.binance.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link TradingJson} on the answer examples of Binance's spot REST documentation, and on malformed answers. */
class TradingJsonTest {
    private static final Instrument BTCUSDT = Instruments.binanceSpot("BTCUSDT");
    private static final Instrument LTCBTC = Instrument.builder("LTCBTC").tickSize("0.000001").stepSize("0.001").build();
    private static final Instrument BNBBTC = Instrument.builder("BNBBTC").tickSize("0.0000001").stepSize("0.01").build();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // POST /api/v3/order, newOrderRespType=FULL, from Binance's documentation.
    private static final String DOC_FULL = """
            {"symbol":"BTCUSDT","orderId":28,"orderListId":-1,"clientOrderId":"6gCrw2kRUAF9CvJDGP16IP","transactTime":1507725176595,
             "price":"0.00000000","origQty":"10.00000000","executedQty":"10.00000000","origQuoteOrderQty":"0.000000",
             "cummulativeQuoteQty":"10.00000000","status":"FILLED","timeInForce":"GTC","type":"MARKET","side":"SELL",
             "workingTime":1507725176595,"selfTradePreventionMode":"NONE",
             "fills":[
              {"price":"4000.00000000","qty":"1.00000000","commission":"4.00000000","commissionAsset":"USDT","tradeId":56},
              {"price":"3999.00000000","qty":"5.00000000","commission":"19.99500000","commissionAsset":"USDT","tradeId":57},
              {"price":"3998.00000000","qty":"2.00000000","commission":"7.99600000","commissionAsset":"USDT","tradeId":58},
              {"price":"3997.00000000","qty":"1.00000000","commission":"3.99700000","commissionAsset":"USDT","tradeId":59},
              {"price":"3995.00000000","qty":"1.00000000","commission":"3.99500000","commissionAsset":"USDT","tradeId":60}]}
            """;

    @Test
    void shouldReadAFullNewOrderAnswerWithItsFillsExactly() throws Exception {
        VenueOrder o = new TradingJson().order(b(DOC_FULL), BTCUSDT);
        assertThat(o.instrument()).isSameAs(BTCUSDT);
        assertThat(o.orderId()).isEqualTo(28);
        assertThat(o.clientOrderId()).isEqualTo("6gCrw2kRUAF9CvJDGP16IP");
        assertThat(o.cancelClientOrderId()).isNull();
        assertThat(o.transactTimeMillis()).isEqualTo(1507725176595L);
        assertThat(o.price()).isZero();
        assertThat(o.origQty()).isEqualTo(10_00000L);
        assertThat(o.executedQty()).isEqualTo(10_00000L);
        assertThat(o.cummulativeQuoteQty()).isEqualTo(10_00000000L);
        assertThat(o.status()).isEqualTo(BinanceOrderStatus.FILLED);
        assertThat(o.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(o.type()).isEqualTo(BinanceOrderType.MARKET);
        assertThat(o.side()).isEqualTo(Side.SELL);
        assertThat(o.fills()).containsExactly(
                new OrderFill(4000_00, 1_00000, 4_00000000L, "USDT", 56),
                new OrderFill(3999_00, 5_00000, 19_99500000L, "USDT", 57),
                new OrderFill(3998_00, 2_00000, 7_99600000L, "USDT", 58),
                new OrderFill(3997_00, 1_00000, 3_99700000L, "USDT", 59),
                new OrderFill(3995_00, 1_00000, 3_99500000L, "USDT", 60));
    }

    @Test
    void shouldReadACancelAnswerKeepingTheOrdersOwnClientId() throws Exception {
        String doc = """
                {"symbol":"LTCBTC","origClientOrderId":"myOrder1","orderId":4,"orderListId":-1,"clientOrderId":"cancelMyOrder1",
                 "transactTime":1684804350068,"price":"2.00000000","origQty":"1.00000000","executedQty":"0.00000000",
                 "cummulativeQuoteQty":"0.00000000","status":"CANCELED","timeInForce":"GTC","type":"LIMIT","side":"BUY",
                 "selfTradePreventionMode":"NONE"}""";
        VenueOrder o = new TradingJson().order(b(doc), LTCBTC);
        assertThat(o.clientOrderId()).isEqualTo("myOrder1");
        assertThat(o.cancelClientOrderId()).isEqualTo("cancelMyOrder1");
        assertThat(o.status()).isEqualTo(BinanceOrderStatus.CANCELED);
        assertThat(o.status().toCore()).isEqualTo(io.ttquant.core.order.OrderStatus.CANCELED);
        assertThat(o.price()).isEqualTo(2_000000L);
        assertThat(o.origQty()).isEqualTo(1_000L);
        assertThat(o.fills()).isEmpty();
    }

    @Test
    void shouldReadAQueryAnswerWithTimesAndStopPrice() throws Exception {
        String doc = """
                {"symbol":"LTCBTC","orderId":1,"orderListId":-1,"clientOrderId":"myOrder1","price":"0.1","origQty":"1.0",
                 "executedQty":"0.0","cummulativeQuoteQty":"0.0","status":"NEW","timeInForce":"GTC","type":"LIMIT","side":"BUY",
                 "stopPrice":"0.0","icebergQty":"0.0","time":1499827319559,"updateTime":1499827319560,"isWorking":true,
                 "workingTime":1499827319559,"origQuoteOrderQty":"0.000000","selfTradePreventionMode":"NONE"}""";
        VenueOrder o = new TradingJson().order(b(doc), LTCBTC);
        assertThat(o.price()).isEqualTo(100_000L);
        assertThat(o.status().toCore()).isEqualTo(io.ttquant.core.order.OrderStatus.ACCEPTED);
        assertThat(o.timeMillis()).isEqualTo(1499827319559L);
        assertThat(o.updateTimeMillis()).isEqualTo(1499827319560L);
        assertThat(o.transactTimeMillis()).isEqualTo(-1);
        assertThat(o.lastEventTimeMillis()).isEqualTo(1499827319560L);
        assertThat(o.stopPrice()).isZero();
    }

    @Test
    void shouldReadAnAckAnswerAsAnOrderWithoutState() throws Exception {
        String doc = "{\"symbol\":\"BTCUSDT\",\"orderId\":28,\"orderListId\":-1,\"clientOrderId\":\"abc\",\"transactTime\":1507725176595}";
        VenueOrder o = new TradingJson().order(b(doc), BTCUSDT);
        assertThat(o.hasState()).isFalse();
        assertThat(o.status()).isNull();
        assertThat(o.orderId()).isEqualTo(28);
    }

    @Test
    void shouldReadOpenOrdersOfAnySymbolWhateverTheKeyOrder() throws Exception {
        String body = "[{\"price\":\"0.1\",\"origQty\":\"2.5\",\"executedQty\":\"0.5\",\"stopPrice\":\"0.09\",\"symbol\":\"LTCBTC\","
                + "\"orderId\":7,\"clientOrderId\":\"a\",\"cummulativeQuoteQty\":\"0.05\",\"status\":\"PARTIALLY_FILLED\","
                + "\"timeInForce\":\"IOC\",\"type\":\"STOP_LOSS_LIMIT\",\"side\":\"SELL\",\"time\":1,\"updateTime\":2},"
                + "{\"symbol\":\"BTCUSDT\",\"orderId\":8,\"clientOrderId\":\"b\",\"price\":\"54321.07000000\",\"origQty\":\"0.00100000\","
                + "\"executedQty\":\"0.00000000\",\"cummulativeQuoteQty\":\"0.00000000\",\"status\":\"NEW\",\"timeInForce\":\"GTC\","
                + "\"type\":\"LIMIT\",\"side\":\"BUY\"}]";
        Map<String, Instrument> known = Map.of("LTCBTC", LTCBTC, "BTCUSDT", BTCUSDT);
        List<VenueOrder> orders = new TradingJson().orders(b(body), null, known::get);
        assertThat(orders).hasSize(2);
        VenueOrder ltc = orders.get(0);
        assertThat(ltc.instrument()).isSameAs(LTCBTC);
        assertThat(ltc.price()).isEqualTo(100_000L);
        assertThat(ltc.stopPrice()).isEqualTo(90_000L);
        assertThat(ltc.origQty()).isEqualTo(2_500L);
        assertThat(ltc.executedQty()).isEqualTo(500L);
        assertThat(ltc.cummulativeQuoteQty()).isEqualTo(5_000_000L);
        assertThat(ltc.type()).isEqualTo(BinanceOrderType.STOP_LOSS_LIMIT);
        assertThat(ltc.timeInForce()).isEqualTo(TimeInForce.IOC);
        assertThat(orders.get(1).price()).isEqualTo(5_432_107L);
        assertThat(orders.get(1).origQty()).isEqualTo(100L);
        assertThatThrownBy(() -> new TradingJson().orders(b(body), null, Map.of("BTCUSDT", BTCUSDT)::get))
                .hasMessageContaining("no instrument for symbol LTCBTC");
        assertThat(new TradingJson().orders(b("[]"), BTCUSDT, null)).isEmpty();
    }

    @Test
    void shouldReadMyTradesExactly() throws Exception {
        String doc = """
                [{"symbol":"BNBBTC","id":28457,"orderId":100234,"orderListId":-1,"price":"4.00000100","qty":"12.00000000",
                  "quoteQty":"48.000012","commission":"10.10000000","commissionAsset":"BNB","time":1499865549590,
                  "isBuyer":true,"isMaker":false,"isBestMatch":true}]""";
        List<AccountTrade> trades = new TradingJson().trades(b(doc), BNBBTC);
        assertThat(trades).containsExactly(new AccountTrade(BNBBTC, 28457, 100234, 40_000_010L, 1_200L, 48_00001200L,
                10_10000000L, "BNB", 1499865549590L, true, false));
    }

    @Test
    void shouldReadTheAccountsBalances() throws Exception {
        String doc = """
                {"makerCommission":15,"takerCommission":15,"buyerCommission":0,"sellerCommission":0,
                 "commissionRates":{"maker":"0.00150000","taker":"0.00150000","buyer":"0.00000000","seller":"0.00000000"},
                 "canTrade":true,"canWithdraw":true,"canDeposit":true,"brokered":false,"requireSelfTradePrevention":false,
                 "preventSor":false,"updateTime":123456789,"accountType":"SPOT",
                 "balances":[{"asset":"BTC","free":"4723846.89208129","locked":"0.00000000"},
                             {"asset":"LTC","free":"4763368.68006011","locked":"0.00000001"}],
                 "permissions":["SPOT"],"uid":354937868}""";
        AccountBalances a = new TradingJson().account(b(doc));
        assertThat(a.canTrade()).isTrue();
        assertThat(a.updateTimeMillis()).isEqualTo(123456789L);
        assertThat(a.balances()).containsExactly(new AssetBalance("BTC", 472384689208129L, 0),
                new AssetBalance("LTC", 476336868006011L, 1));
        assertThat(a.free("BTC")).isEqualTo(472384689208129L);
        assertThat(a.locked("LTC")).isEqualTo(1);
        assertThat(a.balance("ETH")).isEqualTo(new AssetBalance("ETH", 0, 0));
    }

    @Test
    void shouldReadExchangeInfoRateLimitsAndTheServerTime() throws Exception {
        String doc = """
                {"timezone":"UTC","serverTime":1565246363776,"rateLimits":[
                  {"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":6000},
                  {"rateLimitType":"ORDERS","interval":"SECOND","intervalNum":10,"limit":100},
                  {"rateLimitType":"ORDERS","interval":"DAY","intervalNum":1,"limit":200000},
                  {"rateLimitType":"RAW_REQUESTS","interval":"MINUTE","intervalNum":5,"limit":61000},
                  {"rateLimitType":"SOMETHING_NEW","interval":"MINUTE","intervalNum":1,"limit":1}],
                 "exchangeFilters":[],"symbols":[{"symbol":"ETHBTC","filters":[{"filterType":"PRICE_FILTER"}]}]}""";
        assertThat(new TradingJson().rateLimits(b(doc))).containsExactlyElementsOf(RateLimit.BINANCE_SPOT_DEFAULTS);
        assertThat(new TradingJson().serverTime(b("{\"serverTime\":1499827319559}"))).isEqualTo(1499827319559L);
    }

    @Test
    void shouldRefuseAnswersThatDoNotFitTheInstrumentOrTheRequest() {
        TradingJson json = new TradingJson();
        String finer = DOC_FULL.replace("\"4000.00000000\"", "\"4000.005\"");
        assertThatThrownBy(() -> json.order(b(finer), BTCUSDT)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> json.order(b(DOC_FULL), LTCBTC)).hasMessageContaining("answer for BTCUSDT, asked for LTCBTC");
        assertThatThrownBy(() -> json.order(b(DOC_FULL.replace("\"FILLED\"", "\"ALMOST\"")), BTCUSDT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> json.order(b(DOC_FULL + "{}"), BTCUSDT)).hasMessageContaining("trailing content");
        assertThatThrownBy(() -> json.order(b("{\"symbol\":\"BTCUSDT\",\"orderId\":1}"), BTCUSDT))
                .hasMessageContaining("without symbol, orderId or clientOrderId");
        assertThatThrownBy(() -> json.account(b("{\"balances\":[{\"asset\":\"BTC\",\"free\":\"-1\",\"locked\":\"0\"}]}")))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> json.trades(b("[{\"symbol\":\"BTCUSDT\",\"id\":1}]"), BNBBTC)).hasMessageContaining("asked for BNBBTC");
    }
}
