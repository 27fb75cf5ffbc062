package io.ttquant.core.data;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.ttquant.core.data.Fixtures.MINUTE;
import static io.ttquant.core.data.Fixtures.MS;
import static io.ttquant.core.data.Fixtures.bars;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the real Binance files of the shared data set. Runs only when {@code TTQUANT_DATA} names
 * that directory (e.g. {@code TTQUANT_DATA=/work/shared/data}); JUnit reports it as skipped otherwise.
 * The expected figures were read from the files with zcat, awk and Python's Decimal.
 */
@EnabledIfEnvironmentVariable(named = "TTQUANT_DATA", matches = ".+",
        disabledReason = "set TTQUANT_DATA to the shared data directory to read real Binance files")
class RealBinanceDataTest {
    /** BTCUSDT with one more quantity decimal than Binance's step, because the freqtrade klines carry six. */
    private static final Instrument BTCUSDT_6 = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.000001").build();

    @TempDir
    Path tmp;

    private static Path data(String relative) {
        return Path.of(System.getenv("TTQUANT_DATA")).resolve(relative);
    }

    @Test
    void shouldStreamAMonthOfFreqtradeBitcoinMinuteBarsFromGzip() {
        Path file = data("binance/klines/BTCUSDT-1m-spot-2021-04-20_2021-05-20.csv.gz");
        long n = 0;
        long gaps = 0;
        long missing = 0;
        long volume = 0;
        long high = Long.MIN_VALUE;
        long low = Long.MAX_VALUE;
        Bar first = new Bar();
        Bar last = new Bar();
        try (MarketDataSource source = MarketDataSources.open(file, FileFormat.BINANCE_KLINE, BTCUSDT_6)) {
            long previousOpen = 0;
            while (source.advance()) {
                Bar b = (Bar) source.current();
                if (n == 0) {
                    first.copyFrom(b);
                } else if (b.openTimeNanos() - previousOpen != MINUTE) {
                    gaps++;
                    missing += (b.openTimeNanos() - previousOpen) / MINUTE - 1;
                }
                assertThat(b.intervalNanos()).isEqualTo(MINUTE);
                previousOpen = b.openTimeNanos();
                volume += b.volume();
                high = Math.max(high, b.high());
                low = Math.min(low, b.low());
                last.copyFrom(b);
                n++;
            }
            assertThat(source.skippedRows()).isZero();
        }

        assertThat(n).isEqualTo(42_915);
        assertThat(first.openTimeNanos()).isEqualTo(1_618_951_320_000L * MS);
        assertThat(first.open()).isEqualTo(5_673_876L);
        assertThat(first.high()).isEqualTo(5_684_030L);
        assertThat(first.low()).isEqualTo(5_673_323L);
        assertThat(first.close()).isEqualTo(5_681_398L);
        assertThat(first.volume()).isEqualTo(50_975_200L);
        assertThat(last.openTimeNanos()).isEqualTo(1_621_543_200_000L * MS);
        assertThat(last.close()).isEqualTo(4_012_396L);
        assertThat(last.volume()).isEqualTo(65_796_633L);
        // the 2021-04-25 04:00-08:45 spot maintenance outage
        assertThat(gaps).isEqualTo(1);
        assertThat(missing).isEqualTo(284);
        assertThat(volume).isEqualTo(2_829_854_529_613L);
        assertThat(high).isEqualTo(5_950_000L);
        assertThat(low).isEqualTo(3_000_000L);
    }

    @Test
    void shouldReadBinanceVisionZipAndCsvOfSameDayAsIdenticalBars() {
        Instrument adabtc = Instruments.binanceSpot("ADABTC");
        Path dir = data("binance/klines/data-binance-vision-format");

        List<Bar> fromZip = bars(MarketDataSources.open(dir.resolve("ADABTC-1m-2021-11-28.zip"), FileFormat.BINANCE_KLINE, adabtc));
        List<Bar> fromCsv = bars(MarketDataSources.open(dir.resolve("ADABTC-1m-2021-11-28.csv"), FileFormat.BINANCE_KLINE, adabtc));

        assertThat(fromZip).hasSize(1_440);
        assertThat(fromZip).usingRecursiveFieldByFieldElementComparator().isEqualTo(fromCsv);
        Bar first = fromZip.get(0);
        assertThat(first.openTimeNanos()).isEqualTo(1_638_057_600_000L * MS);
        assertThat(first.intervalNanos()).isEqualTo(MINUTE);
        assertThat(first.open()).isEqualTo(2_820L);
        assertThat(first.high()).isEqualTo(2_821L);
        assertThat(first.low()).isEqualTo(2_817L);
        assertThat(first.close()).isEqualTo(2_818L);
        assertThat(first.volume()).isEqualTo(853_427L);
        assertThat(fromZip.get(1_439).closeTimeNanos()).isEqualTo(1_638_144_000_000L * MS);
        assertThat(fromZip.stream().mapToLong(Bar::volume).sum()).isEqualTo(390_918_986L);
    }

    @Test
    void shouldConcatenateDailyFilesOfDirectoryInNameOrder() throws IOException {
        Instrument adabtc = Instruments.binanceSpot("ADABTC");
        Path source = data("binance/klines/data-binance-vision-format");
        Path days = Files.createDirectory(tmp.resolve("ADABTC-1m"));
        Files.copy(source.resolve("ADABTC-1m-2021-11-27.csv"), days.resolve("ADABTC-1m-2021-11-27.csv"));
        Files.copy(source.resolve("ADABTC-1m-2021-11-28.zip"), days.resolve("ADABTC-1m-2021-11-28.zip"));

        List<Bar> bars = bars(MarketDataSources.open(days, FileFormat.BINANCE_KLINE, adabtc));

        assertThat(bars).hasSize(2_880);
        for (int i = 0; i < bars.size(); i++) {
            assertThat(bars.get(i).openTimeNanos()).isEqualTo(1_637_971_200_000L * MS + i * MINUTE);
        }
        assertThat(bars.get(1_439).close()).isEqualTo(2_821L);
        assertThat(bars.get(1_440).open()).isEqualTo(2_820L);
    }

    @Test
    void shouldReadElevenMinutesOfBitcoinSpotTrades() {
        Path file = data("binance/trades/BTCUSDT-trades-spot-20240808T2354Z-20240809T0005Z.csv");
        long n = 0;
        long expectedId = 3_735_683_259L;
        long sells = 0;
        long qty = 0;
        long lastTime = 0;
        try (MarketDataSource source = MarketDataSources.open(file, FileFormat.BINANCE_TRADES, Fixtures.BTCUSDT)) {
            while (source.advance()) {
                TradeTick t = (TradeTick) source.current();
                assertThat(t.tradeId()).isEqualTo(expectedId++);
                if (n == 0) {
                    assertThat(t.price()).isEqualTo(6_183_763L);
                    assertThat(t.qty()).isEqualTo(2_000L);
                    assertThat(t.exchangeTimeNanos()).isEqualTo(1_723_161_255_342L * MS);
                    assertThat(t.aggressor()).isEqualTo(Side.SELL);
                }
                if (n == 9_999) {
                    assertThat(t.price()).isEqualTo(6_171_701L);
                    assertThat(t.qty()).isEqualTo(115L);
                    assertThat(t.aggressor()).isEqualTo(Side.BUY);
                }
                if (t.aggressor() == Side.SELL) {
                    sells++;
                }
                qty += t.qty();
                lastTime = t.exchangeTimeNanos();
                n++;
            }
        }

        assertThat(n).isEqualTo(19_904);
        assertThat(expectedId - 1).isEqualTo(3_735_703_162L);
        assertThat(sells).isEqualTo(10_811);
        assertThat(qty).isEqualTo(43_791_552L);
        assertThat(lastTime).isEqualTo(1_723_161_905_800L * MS);
    }
}
