package io.ttquant.core.data;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.ttquant.core.data.Fixtures.MS;
import static io.ttquant.core.data.Fixtures.bars;
import static io.ttquant.core.data.Fixtures.open;
import static io.ttquant.core.data.Fixtures.openSkipping;
import static io.ttquant.core.data.Fixtures.resource;
import static io.ttquant.core.data.Fixtures.trades;
import static io.ttquant.core.data.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BadRowPolicyTest {
    private static final String GOOD = "1704067200000,42283.58000000,42298.62000000,42261.02000000,42275.36000000,35.92724000,"
            + "1704067259999,1519078.19896580,1327,17.05521000,721157.60417870,0";

    @TempDir
    Path tmp;

    @Test
    void shouldFailOnFirstBadRowNamingFileAndLine() {
        MarketDataFormatException e = catchThrowableOfType(MarketDataFormatException.class,
                () -> bars(open(resource("BTCUSDT-1m-bad-rows.csv"), FileFormat.BINANCE_KLINE)));

        assertThat(e).hasMessage("BTCUSDT-1m-bad-rows.csv:2: expected 12 columns (Binance kline) or 6 "
                + "(open_time,open,high,low,close,volume), got 5");
        assertThat(e.file()).isEqualTo("BTCUSDT-1m-bad-rows.csv");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).startsWith("expected 12 columns");
    }

    @Test
    void shouldSkipAndCountBadRowsUnderSkipPolicy() {
        List<String> told = new ArrayList<>();
        ReaderOptions options = ReaderOptions.defaults().withBadRowPolicy(BadRowPolicy.SKIP)
                .withSkippedRowListener((file, line, reason) -> told.add(file + ":" + line + ": " + reason));
        MarketDataSource source = MarketDataSources.open(resource("BTCUSDT-1m-bad-rows.csv"), FileFormat.BINANCE_KLINE,
                Fixtures.BTCUSDT, options);

        List<Bar> bars = new ArrayList<>();
        long skipped;
        try (source) {
            while (source.advance()) {
                Bar b = new Bar();
                b.copyFrom((Bar) source.current());
                bars.add(b);
            }
            skipped = source.skippedRows();
        }

        assertThat(bars).extracting(Bar::openTimeNanos).containsExactly(1_704_067_200_000L * MS, 1_704_067_260_000L * MS);
        assertThat(skipped).isEqualTo(5);
        assertThat(told).hasSize(5);
        assertThat(told.get(0)).startsWith("BTCUSDT-1m-bad-rows.csv:2: expected 12 columns");
        assertThat(told.get(1)).isEqualTo("BTCUSDT-1m-bad-rows.csv:3: open 42275.365 has more decimals than the tick size 0.01 "
                + "of BTCUSDT allows; set the instrument's tick size (--tick-size)");
        assertThat(told.get(2)).startsWith("BTCUSDT-1m-bad-rows.csv:4: inconsistent bar: need low <= open, close <= high");
        assertThat(told.get(3)).isEqualTo("BTCUSDT-1m-bad-rows.csv:5: out of time order: open time 2023-12-31T23:59:00Z "
                + "is earlier than the previous bar's open time 2024-01-01T00:00:00Z");
        assertThat(told.get(4)).isEqualTo("BTCUSDT-1m-bad-rows.csv:6: volume: not a number: abc");
    }

    @Test
    void shouldReportZeroSkippedRowsUnderFailPolicy() {
        try (MarketDataSource source = open(resource("BTCUSDT-1m-2024-01-01.csv"), FileFormat.BINANCE_KLINE)) {
            while (source.advance()) {
                assertThat(source.skippedRows()).isZero();
            }
        }
    }

    static Stream<Arguments> badKlineRows() {
        return Stream.of(
                Arguments.of(GOOD.replace("42283.58000000", "-1"), "open must be positive: '-1'"),
                Arguments.of(GOOD.replace("42283.58000000", "4228x.58"), "open: not a number: 4228x.58"),
                Arguments.of(GOOD.replace("42283.58000000", ""), "open: empty number"),
                Arguments.of(GOOD.replace(",35.92724000,", ",-35.9,"), "volume must not be negative: '-35.9'"),
                Arguments.of(GOOD.replace("1704067259999", "1704067199999"),
                        "close_time 1704067199999 is before open_time 1704067200000"),
                Arguments.of(GOOD.replace("1704067259999", "17040672S9999"),
                        "close_time: expected an integer, got '17040672S9999'"),
                Arguments.of(GOOD.replace("42261.02000000", "42290.00000000"),
                        "inconsistent bar: need low <= open, close <= high and volume >= 0; got open 42283.58, "
                                + "high 42298.62, low 42290, close 42275.36, volume 35.92724"),
                Arguments.of(GOOD + ",extra", "expected 12 columns (Binance kline) or 6 (open_time,open,high,low,close,volume), got 13"));
    }

    @ParameterizedTest
    @MethodSource("badKlineRows")
    void shouldGiveClearReasonForBadKlineRow(String row, String reason) throws IOException {
        Path file = write(tmp, "k.csv", row);

        assertThatThrownBy(() -> bars(open(file, FileFormat.BINANCE_KLINE)))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessage("k.csv:1: " + reason);
    }

    @Test
    void shouldRejectPriceOffTheTickGrid() throws IOException {
        Instrument coarse = Instrument.builder("BTCUSDT")
                .tickSize("0.10").stepSize("0.00001").build();
        Path file = write(tmp, "k.csv", GOOD);

        assertThatThrownBy(() -> bars(MarketDataSources.open(file, FileFormat.BINANCE_KLINE, coarse)))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessage("k.csv:1: open 42283.58000000 has more decimals than the tick size 0.1 of BTCUSDT allows; "
                        + "set the instrument's tick size (--tick-size)");
    }

    @Test
    void shouldRejectPriceNotMultipleOfTick() throws IOException {
        Instrument fives = Instrument.builder("BTCUSDT")
                .tickSize("0.05").stepSize("0.00001").build();
        Path file = write(tmp, "k.csv", GOOD);

        assertThatThrownBy(() -> bars(MarketDataSources.open(file, FileFormat.BINANCE_KLINE, fives)))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessage("k.csv:1: open 42283.58000000 is not a multiple of the tick size 0.05; "
                        + "set the instrument's tick size (--tick-size)");
    }

    @Test
    void shouldRejectRepeatedBarAsOutOfOrder() throws IOException {
        Path file = write(tmp, "k.csv", GOOD, GOOD);

        assertThatThrownBy(() -> bars(open(file, FileFormat.BINANCE_KLINE)))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessage("k.csv:2: out of time order: open time 2024-01-01T00:00:00Z repeats the previous bar's open time "
                        + "2024-01-01T00:00:00Z");
    }

    @Test
    void shouldRejectTradeEarlierThanPreviousButAcceptEqualTimes() throws IOException {
        Path file = write(tmp, "t.csv",
                "1,61837.63,0.02,1236.75,1723161255342,True,True",
                "2,61837.63,0.02,1236.75,1723161255342,True,True",
                "3,61837.63,0.02,1236.75,1723161255341,True,True",
                "4,61837.63,0.02,1236.75,1723161255343,True,True");

        assertThatThrownBy(() -> trades(open(file, FileFormat.BINANCE_TRADES)))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessage("t.csv:3: out of time order: time 2024-08-08T23:54:15.341Z is earlier than the previous row's "
                        + "2024-08-08T23:54:15.342Z");
        assertThat(trades(openSkipping(file, FileFormat.BINANCE_TRADES)))
                .extracting(t -> t.tradeId()).containsExactly(1L, 2L, 4L);
    }

    @Test
    void shouldRejectRowsOutOfOrderAcrossFilesOfDirectory() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("days"));
        write(dir, "a-2024-01-02.csv", GOOD.replace("1704067200000", "1704153600000").replace("1704067259999", "1704153659999"));
        write(dir, "b-2024-01-01.csv", GOOD);

        assertThatThrownBy(() -> bars(open(dir, FileFormat.BINANCE_KLINE)))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessageStartingWith("b-2024-01-01.csv:1: out of time order");
    }

    @Test
    void shouldReportCorruptCompressedDataWithFileName() throws IOException {
        Path gz = tmp.resolve("broken.csv.gz");
        Files.write(gz, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3});

        assertThatThrownBy(() -> bars(open(gz, FileFormat.BINANCE_KLINE)))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessageStartingWith("broken.csv.gz:");
    }
}
