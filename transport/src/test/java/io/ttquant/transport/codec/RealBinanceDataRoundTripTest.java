package io.ttquant.transport.codec;

import static io.ttquant.transport.codec.WireOracle.assertSameEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ttquant.core.data.FileFormat;
import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.data.MarketDataSources;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.transport.proto.Trade;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real Binance data from {@code $TTQUANT_DATA} crosses the wire unchanged: every spot trade of a
 * recorded BTCUSDT session, a month of 5-minute klines and a 1000-level REST depth snapshot.
 * Each is encoded, parsed by the generated classes to the same values and decoded back to an
 * equal event. Skipped when TTQUANT_DATA is unset.
 */
class RealBinanceDataRoundTripTest {
    private static final Pattern LEVEL = Pattern.compile("\\[\"([0-9.]+)\",\"([0-9.]+)\"]");
    private Path data;

    @BeforeEach
    void findData() {
        String dir = System.getenv("TTQUANT_DATA");
        assumeTrue(dir != null && !dir.isBlank(), "TTQUANT_DATA is not set: no real Binance data to test with");
        data = Path.of(dir, "binance");
        assumeTrue(Files.isDirectory(data), "TTQUANT_DATA has no binance/ folder: " + data);
    }

    @Test
    void shouldCarryEveryRecordedSpotTradeAcrossTheWire() throws Exception {
        Instrument btc = Instruments.binanceSpot("BTCUSDT");
        Path file = data.resolve("trades/BTCUSDT-trades-spot-20240808T2354Z-20240809T0005Z.csv");
        assertThat(roundTrip(MarketDataSources.open(file, FileFormat.BINANCE_TRADES, btc), btc)).isEqualTo(19_904);
    }

    @Test
    void shouldCarryAMonthOfFiveMinuteKlinesAcrossTheWire() throws Exception {
        Instrument eth = Instruments.binanceSpot("ETHUSDT");
        Path file = data.resolve("klines/ETHUSDT-5m-spot-2021-04-20_2021-05-20.csv");
        assertThat(roundTrip(MarketDataSources.open(file, FileFormat.BINANCE_KLINE, eth), eth)).isEqualTo(8_583);
    }

    @Test
    void shouldCarryAThousandLevelDepthSnapshotAcrossTheWire() throws Exception {
        Instrument btc = Instruments.binanceSpot("BTCUSDT");
        String json = Files.readString(data.resolve("json/rest/spot/depth-BTCUSDT-limit1000-2024-08-08.json"));
        int asksAt = json.indexOf("\"asks\"");
        BookUpdate book = new BookUpdate().reset(btc, 0, 1_723_161_255_342_000_000L, true, 50_093_239_218L, 50_093_239_218L);
        Matcher m = LEVEL.matcher(json);
        while (m.find()) {
            long price = btc.price(m.group(1));
            long qty = btc.qty(m.group(2));
            if (m.start() < asksAt) {
                book.addBid(price, qty);
            } else {
                book.addAsk(price, qty);
            }
        }
        assertThat(book.bidCount()).isEqualTo(1000);
        assertThat(book.askCount()).isEqualTo(1000);

        MarketDataEncoder encoder = new MarketDataEncoder("binance");
        int length = encoder.encode(book, 1, 5);
        byte[] bytes = Arrays.copyOf(encoder.buffer(), length);
        io.ttquant.transport.proto.BookUpdate parsed = io.ttquant.transport.proto.BookUpdate.parseFrom(bytes);
        assertThat(parsed.getBidPrices(0)).isEqualTo(btc.price("61837.63"));
        assertThat(parsed.getBidQtys(0)).isEqualTo(btc.qty("3.78826"));
        assertThat(parsed.getAskPricesCount()).isEqualTo(1000);
        assertThat(parsed.getLastUpdateId()).isEqualTo(50_093_239_218L);
        MarketDataDecoder decoder = new MarketDataDecoder(SymbolTable.of(btc));
        assertThat(decoder.decode(book.kind(), bytes, 0, length)).isEqualTo(DecodeOutcome.OK);
        assertSameEvent(decoder.book(), book);
        // The REST body is JSON text; the packed varint arrays carry the same book in a fraction of it.
        assertThat(length).isLessThan(json.getBytes(StandardCharsets.US_ASCII).length / 3);
    }

    private static int roundTrip(MarketDataSource source, Instrument instrument) throws Exception {
        MarketDataEncoder encoder = new MarketDataEncoder("binance");
        MarketDataDecoder decoder = new MarketDataDecoder(SymbolTable.of(instrument));
        int count = 0;
        try (source) {
            while (source.advance()) {
                MarketEvent event = source.current();
                int length = encoder.encode(event, ++count, event.receiveTimeNanos());
                byte[] bytes = Arrays.copyOf(encoder.buffer(), length);
                assertThat(WireOracle.parse(event, bytes)).isEqualTo(WireOracle.toProto(event, "binance", count, event.receiveTimeNanos()));
                assertThat(decoder.decode(event.kind(), bytes, 0, length)).isEqualTo(DecodeOutcome.OK);
                assertSameEvent(decoder.event(), event);
                if (event instanceof io.ttquant.core.marketdata.TradeTick) {
                    assertThat(Trade.parseFrom(bytes).getPrice()).isPositive();
                }
            }
        }
        return count;
    }
}
