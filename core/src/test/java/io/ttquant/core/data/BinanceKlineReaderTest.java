package io.ttquant.core.data;

import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.MarketDataKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static io.ttquant.core.data.Fixtures.MINUTE;
import static io.ttquant.core.data.Fixtures.MS;
import static io.ttquant.core.data.Fixtures.bars;
import static io.ttquant.core.data.Fixtures.open;
import static io.ttquant.core.data.Fixtures.resource;
import static io.ttquant.core.data.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinanceKlineReaderTest {
    @TempDir
    Path tmp;

    @Test
    void shouldReadTwelveColumnKlinesWithoutHeaderExactly() {
        List<Bar> bars = bars(open(resource("BTCUSDT-1m-2024-01-01.csv"), FileFormat.BINANCE_KLINE));

        assertThat(bars).hasSize(3);
        Bar first = bars.get(0);
        assertThat(first.kind()).isEqualTo(MarketDataKind.BAR);
        assertThat(first.instrument()).isSameAs(Fixtures.BTCUSDT);
        assertThat(first.openTimeNanos()).isEqualTo(1_704_067_200_000L * MS);
        assertThat(first.intervalNanos()).isEqualTo(MINUTE);
        assertThat(first.closeTimeNanos()).isEqualTo(1_704_067_260_000L * MS);
        assertThat(first.timeNanos()).isEqualTo(first.closeTimeNanos());
        assertThat(first.open()).isEqualTo(4_228_358L);
        assertThat(first.high()).isEqualTo(4_229_862L);
        assertThat(first.low()).isEqualTo(4_226_102L);
        assertThat(first.close()).isEqualTo(4_227_536L);
        assertThat(first.volume()).isEqualTo(3_592_724L);
        assertThat(bars.get(2).openTimeNanos()).isEqualTo(1_704_067_320_000L * MS);
        assertThat(bars.get(2).close()).isEqualTo(4_226_399L);
    }

    @Test
    void shouldSkipHeaderRowAndCarriageReturns() {
        List<Bar> plain = bars(open(resource("BTCUSDT-1m-2024-01-01.csv"), FileFormat.BINANCE_KLINE));
        List<Bar> withHeader = bars(open(resource("BTCUSDT-1m-2024-01-01-header-crlf.csv"), FileFormat.BINANCE_KLINE));

        assertThat(withHeader).usingRecursiveFieldByFieldElementComparator().isEqualTo(plain);
    }

    @Test
    void shouldDetectMicrosecondTimestampsOf2025SpotFiles() {
        List<Bar> bars = bars(open(resource("BTCUSDT-1m-2025-01-01-micros.csv"), FileFormat.BINANCE_KLINE));

        assertThat(bars).hasSize(2);
        assertThat(bars.get(0).openTimeNanos()).isEqualTo(1_735_689_600_000_000L * 1_000);
        assertThat(bars.get(0).intervalNanos()).isEqualTo(MINUTE);
        assertThat(bars.get(1).openTimeNanos()).isEqualTo(1_735_689_660_000_000L * 1_000);
        assertThat(bars.get(1).open()).isEqualTo(9_361_093L);
    }

    @Test
    void shouldInferIntervalOfSixColumnLayoutFromFirstTwoRows() {
        List<Bar> bars = bars(open(resource("BTCUSDT-5m-freqtrade.csv"), FileFormat.BINANCE_KLINE));

        assertThat(bars).hasSize(3);
        assertThat(bars).allSatisfy(b -> assertThat(b.intervalNanos()).isEqualTo(5 * MINUTE));
        assertThat(bars.get(0).openTimeNanos()).isEqualTo(1_618_951_200_000L * MS);
        assertThat(bars.get(0).high()).isEqualTo(5_684_030L);
        assertThat(bars.get(0).volume()).isEqualTo(5_097_520L);
        assertThat(bars.get(1).openTimeNanos()).isEqualTo(1_618_951_500_000L * MS);
        assertThat(bars.get(1).close()).isEqualTo(5_677_700L);
        assertThat(bars.get(2).openTimeNanos()).isEqualTo(1_618_951_800_000L * MS);
    }

    @Test
    void shouldRoundVolumeHalfUpToQuantityScale() {
        List<Bar> bars = bars(open(resource("BTCUSDT-5m-freqtrade.csv"), FileFormat.BINANCE_KLINE));

        // 42.089461 -> 42.08946 and 49.644515 -> 49.64452 at five decimals
        assertThat(bars.get(1).volume()).isEqualTo(4_208_946L);
        assertThat(bars.get(2).volume()).isEqualTo(4_964_452L);
    }

    @Test
    void shouldUseConfiguredIntervalForSixColumnLayout() {
        ReaderOptions options = ReaderOptions.defaults().withBarIntervalNanos(5 * MINUTE);
        List<Bar> bars = bars(MarketDataSources.open(resource("BTCUSDT-5m-freqtrade.csv"), FileFormat.BINANCE_KLINE,
                Fixtures.BTCUSDT, options));

        assertThat(bars).hasSize(3);
        assertThat(bars.get(0).closeTimeNanos()).isEqualTo(1_618_951_500_000L * MS);
    }

    @Test
    void shouldRejectOverlappingBarsWhenConfiguredIntervalIsTooLong() {
        ReaderOptions options = ReaderOptions.defaults().withBarIntervalNanos(15 * MINUTE);
        MarketDataSource source = MarketDataSources.open(resource("BTCUSDT-5m-freqtrade.csv"), FileFormat.BINANCE_KLINE,
                Fixtures.BTCUSDT, options);

        assertThatThrownBy(() -> bars(source))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessageStartingWith("BTCUSDT-5m-freqtrade.csv:3: bar opening at 2021-04-20T20:45:00Z overlaps the previous bar");
    }

    @Test
    void shouldRejectTwelveColumnRowWhoseIntervalDisagreesWithConfiguredInterval() {
        ReaderOptions options = ReaderOptions.defaults().withBarIntervalNanos(5 * MINUTE);
        MarketDataSource source = MarketDataSources.open(resource("BTCUSDT-1m-2024-01-01.csv"), FileFormat.BINANCE_KLINE,
                Fixtures.BTCUSDT, options);

        assertThatThrownBy(() -> bars(source))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessage("BTCUSDT-1m-2024-01-01.csv:1: the row's interval is 1m but the configured bar interval is 5m");
    }

    @Test
    void shouldFailWhenSixColumnFileHasOneRowAndNoInterval() throws IOException {
        Path file = write(tmp, "one.csv", "1618951200000,56738.76,56840.3,56733.23,56813.98,50.9752");

        assertThatThrownBy(() -> bars(open(file, FileFormat.BINANCE_KLINE)))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessageStartingWith("one.csv:1: only one bar and no interval");
    }

    @Test
    void shouldReadSingleSixColumnRowWhenIntervalIsConfigured() throws IOException {
        Path file = write(tmp, "one.csv", "1618951200000,56738.76,56840.3,56733.23,56813.98,50.9752");
        ReaderOptions options = ReaderOptions.defaults().withBarIntervalNanos(MINUTE);

        List<Bar> bars = bars(MarketDataSources.open(file, FileFormat.BINANCE_KLINE, Fixtures.BTCUSDT, options));

        assertThat(bars).singleElement().satisfies(b -> assertThat(b.intervalNanos()).isEqualTo(MINUTE));
    }

    @Test
    void shouldEmitNothingForEmptyFile() throws IOException {
        Path file = write(tmp, "empty.csv", "");

        try (MarketDataSource source = open(file, FileFormat.BINANCE_KLINE)) {
            assertThat(source.advance()).isFalse();
            assertThat(source.advance()).isFalse();
            assertThat(source.skippedRows()).isZero();
        }
    }

    @Test
    void shouldDescribeSourceByFileName() {
        try (MarketDataSource source = open(resource("BTCUSDT-1m-2024-01-01.csv"), FileFormat.BINANCE_KLINE)) {
            assertThat(source.description()).isEqualTo("BTCUSDT-1m-2024-01-01.csv");
        }
    }

    @Test
    void shouldStopAfterClose() {
        MarketDataSource source = open(resource("BTCUSDT-1m-2024-01-01.csv"), FileFormat.BINANCE_KLINE);
        assertThat(source.advance()).isTrue();

        source.close();
        source.close();

        assertThat(source.advance()).isFalse();
    }
}
