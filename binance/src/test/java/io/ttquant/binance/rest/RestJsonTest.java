package io.ttquant.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The REST answer parser on small hand-written answers (always) and on real recorded Binance
 * answers from {@code $TTQUANT_DATA} (skipped when unset): key order does not matter, unknown
 * fields are ignored, values land exactly at the instrument's scales, and malformed input fails.
 */
class RestJsonTest {
    private static final Instrument BTCUSDT = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001").build();
    private static final long MS = 1_000_000L;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Path data(String relative) {
        String root = System.getenv("TTQUANT_DATA");
        assumeTrue(root != null && !root.isBlank(), "TTQUANT_DATA is not set: real Binance samples skipped");
        Path p = Path.of(root, "binance", "json", "rest", "spot", relative);
        assumeTrue(Files.isRegularFile(p), "missing sample " + p);
        return p;
    }

    private static byte[] read(Path p) throws IOException {
        if (p.toString().endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                return in.readAllBytes();
            }
        }
        return Files.readAllBytes(p);
    }

    @Test
    void shouldReadADepthAnswerInAnyKeyOrderWithExtraFieldsIgnored() throws IOException {
        String body = "{\"asks\":[[\"100.02000000\",\"1.50000000\"],[\"100.05\",\"0.00001\"]],\"E\":5,"
                + "\"bids\":[[\"100.01000000\",\"2.00000000\",[]],[\"99.90000000\",\"0.10000000\"]],\"lastUpdateId\":987654321}";
        BookUpdate u = new RestJson().depth(bytes(body), BTCUSDT, 42 * MS);
        assertThat(u.isSnapshot()).isTrue();
        assertThat(u.lastUpdateId()).isEqualTo(987_654_321L);
        assertThat(u.instrument()).isSameAs(BTCUSDT);
        assertThat(u.receiveTimeNanos()).isEqualTo(42 * MS);
        assertThat(u.bidCount()).isEqualTo(2);
        assertThat(u.bidPrice(0)).isEqualTo(10_001L);
        assertThat(u.bidQty(0)).isEqualTo(200_000L);
        assertThat(u.bidPrice(1)).isEqualTo(9_990L);
        assertThat(u.askCount()).isEqualTo(2);
        assertThat(u.askPrice(1)).isEqualTo(10_005L);
        assertThat(u.askQty(1)).isEqualTo(1L);
    }

    @Test
    void shouldTakeTheAggressorFromTheMakerFlagAndTheIdFromA() throws IOException {
        String body = "[{\"a\":26129,\"p\":\"0.01633102\",\"q\":\"4.70443515\",\"f\":27781,\"l\":27781,\"T\":1498793709153,"
                + "\"m\":true,\"M\":true},{\"M\":false,\"T\":1498793709200,\"a\":26130,\"f\":27782,\"l\":27783,\"m\":false,"
                + "\"p\":\"0.01633200\",\"q\":\"1.00000000\"}]";
        Instrument i = Instrument.builder("LTCBTC").tickSize("0.00000001").stepSize("0.00000001").build();
        List<TradeTick> t = new RestJson().aggTrades(bytes(body), i, 7);
        assertThat(t).hasSize(2);
        assertThat(t.get(0).tradeId()).isEqualTo(26129L);
        assertThat(t.get(0).price()).isEqualTo(1_633_102L);
        assertThat(t.get(0).qty()).isEqualTo(470_443_515L);
        assertThat(t.get(0).aggressor()).as("buyer was the maker: the seller took").isEqualTo(Side.SELL);
        assertThat(t.get(0).exchangeTimeNanos()).isEqualTo(1_498_793_709_153L * MS);
        assertThat(t.get(1).aggressor()).isEqualTo(Side.BUY);
        assertThat(t.get(1).tradeId()).isEqualTo(26130L);
    }

    @Test
    void shouldReadRecentTradesAndServerTime() throws IOException {
        String body = "[{\"id\":28457,\"price\":\"4.00000100\",\"qty\":\"12.00000000\",\"quoteQty\":\"48.000012\","
                + "\"time\":1499865549590,\"isBuyerMaker\":true,\"isBestMatch\":true}]";
        Instrument i = Instrument.builder("BNBBTC").tickSize("0.00000001").stepSize("0.01").build();
        List<TradeTick> t = new RestJson().trades(bytes(body), i, 0);
        assertThat(t).singleElement().satisfies(x -> {
            assertThat(x.tradeId()).isEqualTo(28457L);
            assertThat(x.price()).isEqualTo(400_000_100L);
            assertThat(x.qty()).isEqualTo(1_200L);
            assertThat(x.aggressor()).isEqualTo(Side.SELL);
        });
        assertThat(new RestJson().serverTime(bytes("{\"serverTime\":1499827319559}"))).isEqualTo(1_499_827_319_559L);
    }

    @Test
    void shouldRefuseMalformedAnswersRatherThanReturnPartOfThem() {
        assertThatThrownBy(() -> new RestJson().depth(bytes("{\"lastUpdateId\":1,\"bids\":[[\"1.00\",\"1\"]"), BTCUSDT, 0))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new RestJson().depth(bytes("{\"bids\":[],\"asks\":[]}"), BTCUSDT, 0))
                .hasMessageContaining("lastUpdateId");
        assertThatThrownBy(() -> new RestJson().depth(bytes("{\"lastUpdateId\":1,\"bids\":[[\"1.001\",\"1\"]],\"asks\":[]}"), BTCUSDT, 0))
                .as("a price finer than the tick").isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> new RestJson().aggTrades(bytes("[{\"a\":1,\"p\":\"1.00\",\"q\":\"1\",\"T\":5}]"), BTCUSDT, 0))
                .hasMessageContaining("trade without");
        assertThatThrownBy(() -> new RestJson().serverTime(bytes("{\"serverTime\":\"soon\"}"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new RestJson().serverTime(bytes("{\"serverTime\":1} x"))).isInstanceOf(IOException.class);
    }

    @Test
    void shouldBuildInstrumentsFromFiltersTreatingZeroAsNoLimit() throws IOException {
        String body = "{\"timezone\":\"UTC\",\"symbols\":[{\"filters\":[{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"0.00000000\","
                + "\"maxPrice\":\"0.00000000\",\"tickSize\":\"0.01000000\"},{\"filterType\":\"PERCENT_PRICE\",\"multiplierUp\":\"5\"},"
                + "{\"stepSize\":\"0.00100000\",\"filterType\":\"LOT_SIZE\",\"minQty\":\"0.00100000\",\"maxQty\":\"9000.00000000\"},"
                + "{\"filterType\":\"MIN_NOTIONAL\",\"minNotional\":\"10.00000000\"}],\"symbol\":\"BNBUSDT\",\"baseAsset\":\"BNB\","
                + "\"quoteAsset\":\"USDT\",\"orderTypes\":[\"LIMIT\"]}]}";
        List<Instrument> out = new RestJson().exchangeInfo(bytes(body), true, new ArrayList<>());
        assertThat(out).singleElement().satisfies(i -> {
            assertThat(i.symbol()).isEqualTo("BNBUSDT");
            assertThat(i.baseAsset()).isEqualTo("BNB");
            assertThat(i.priceScale()).isEqualTo(2);
            assertThat(i.qtyScale()).isEqualTo(3);
            assertThat(i.minPrice()).as("0 disables the bound: the tick is the least price").isEqualTo(1L);
            assertThat(i.maxPrice()).isEqualTo(Long.MAX_VALUE / 2);
            assertThat(i.minQty()).isEqualTo(1L);
            assertThat(i.maxQty()).isEqualTo(9_000_000L);
            assertThat(i.minNotional()).isEqualTo(1_000_000_000L);
        });
    }

    @Test
    void shouldSkipUnrepresentableSymbolsOnlyWhenAllSymbolsWereAskedFor() throws IOException {
        String body = "{\"symbols\":[{\"symbol\":\"GOODUSDT\",\"filters\":[{\"filterType\":\"PRICE_FILTER\",\"tickSize\":\"0.01\"},"
                + "{\"filterType\":\"LOT_SIZE\",\"stepSize\":\"0.1\"}]},{\"symbol\":\"BADUSDT\",\"filters\":[]}]}";
        List<String> skipped = new ArrayList<>();
        assertThat(new RestJson().exchangeInfo(bytes(body), false, skipped)).extracting(Instrument::symbol).containsExactly("GOODUSDT");
        assertThat(skipped).containsExactly("BADUSDT");
        assertThatThrownBy(() -> new RestJson().exchangeInfo(bytes(body), true, new ArrayList<>())).hasMessageContaining("BADUSDT");
    }

    @Test
    void shouldReadARealBinanceDepthSnapshotOfAThousandLevels() throws IOException {
        BookUpdate u = new RestJson().depth(read(data("depth-BTCUSDT-limit1000-2024-08-08.json")), BTCUSDT, 0);
        assertThat(u.lastUpdateId()).isEqualTo(50_093_239_218L);
        assertThat(u.bidCount()).isEqualTo(1000);
        assertThat(u.askCount()).isEqualTo(1000);
        assertThat(u.bidPrice(0)).isEqualTo(6_183_763L);
        assertThat(u.bidQty(0)).isEqualTo(378_826L);
        assertThat(u.askPrice(0)).isEqualTo(6_183_764L);
        assertThat(u.bidPrice(999)).isEqualTo(6_163_155L);
        assertThat(u.bidQty(999)).isEqualTo(14L);
        for (int i = 1; i < 1000; i++) {
            assertThat(u.bidPrice(i)).isLessThan(u.bidPrice(i - 1));
            assertThat(u.askPrice(i)).isGreaterThan(u.askPrice(i - 1));
        }
    }

    @Test
    void shouldReadRealAggTradesAndTradesWhoseKeysARecordedAlphabetically() throws IOException {
        // BTCUSDT's step size was 0.000001 in 2020
        Instrument btc2020 = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.000001").build();
        List<TradeTick> agg = new RestJson().aggTrades(read(data("gct-aggTrades-BTCUSDT-1000.json")), btc2020, 0);
        assertThat(agg).hasSize(1000);
        assertThat(agg.get(0).tradeId()).isEqualTo(202_790_190L);
        assertThat(agg.get(0).price()).isEqualTo(713_989L);
        assertThat(agg.get(0).qty()).isEqualTo(67_023L);
        assertThat(agg.get(0).aggressor()).isEqualTo(Side.BUY);
        assertThat(agg.get(999).tradeId()).isEqualTo(202_791_189L);
        assertThat(agg.get(999).aggressor()).isEqualTo(Side.SELL);
        for (int i = 1; i < agg.size(); i++) {
            assertThat(agg.get(i).tradeId()).isEqualTo(agg.get(i - 1).tradeId() + 1);
        }
        Instrument ethbtc = Instrument.builder("ETHBTC").tickSize("0.000001").stepSize("0.0001").build();
        List<TradeTick> trades = new RestJson().trades(read(data("gct-trades-ETHBTC-1000.json")), ethbtc, 0);
        assertThat(trades).hasSize(1000);
        assertThat(trades.get(0).tradeId()).isEqualTo(409_018_748L);
        assertThat(trades.get(0).price()).isEqualTo(64_362L);
        assertThat(trades.get(0).qty()).isEqualTo(158L);
        assertThat(trades.get(0).exchangeTimeNanos()).isEqualTo(1_679_280_337_591L * MS);
    }

    @Test
    void shouldReadRealExchangeInfoWithTheOldAndTheNewFilterSets() throws IOException {
        List<String> skipped = new ArrayList<>();
        List<Instrument> old = new RestJson().exchangeInfo(read(data("exchangeInfo-full-2021-10-12.json.gz")), false, skipped);
        assertThat(old.size() + skipped.size()).isEqualTo(1695);
        Instrument btc = old.stream().filter(i -> i.symbol().equals("BTCUSDT")).findFirst().orElseThrow();
        assertThat(btc.formatPrice(btc.tickSize())).isEqualTo("0.01");
        assertThat(btc.formatQty(btc.stepSize())).isEqualTo("0.00001");
        assertThat(btc.maxPrice()).isEqualTo(100_000_000L);
        assertThat(btc.maxQty()).isEqualTo(900_000_000L);
        assertThat(btc.minNotional()).as("MIN_NOTIONAL of 2021").isEqualTo(1_000_000_000L);

        List<Instrument> modern = new RestJson().exchangeInfo(read(data("gct-exchangeInfo-2025-08-07-trimmed.json")), true, new ArrayList<>());
        assertThat(modern).hasSize(25);
        Instrument ethbtc = modern.get(0);
        assertThat(ethbtc.symbol()).isEqualTo("ETHBTC");
        assertThat(ethbtc.baseAsset()).isEqualTo("ETH");
        assertThat(ethbtc.quoteAsset()).isEqualTo("BTC");
        assertThat(ethbtc.priceScale()).isEqualTo(5);
        assertThat(ethbtc.qtyScale()).isEqualTo(4);
        assertThat(ethbtc.minPrice()).isEqualTo(1L);
        assertThat(ethbtc.minNotional()).as("NOTIONAL of 2025").isEqualTo(10_000L);
    }
}
