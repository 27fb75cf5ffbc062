package io.ttquant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input to {@code ttquant backtest} ends with an exit code and one line on stderr that says
 * what is wrong, never a stack trace and never a report: 2 for impossible options and settings,
 * 1 for data that cannot be read.
 */
class BacktestCommandErrorsTest {
    @TempDir
    Path dir;

    private Path klines() {
        return MarketDataFixtures.write(dir.resolve("klines.csv"), MarketDataFixtures.klineRows(MarketDataFixtures.sineBars(200)));
    }

    /** A run on {@link #klines()} (unless {@code extra} names its own {@code --data}) with {@code extra} appended. */
    private Cli.Result backtest(String... extra) {
        List<String> args = new ArrayList<>(List.of("backtest", "--out", dir.resolve("out").toString()));
        List<String> given = List.of(extra);
        if (!given.contains("--data")) {
            args.addAll(List.of("--data", klines().toString()));
        }
        args.addAll(given);
        return Cli.run(args.toArray(String[]::new));
    }

    /** Exit code {@code code}, nothing on stdout, exactly one stderr line starting "error: " holding every fragment, no report. */
    private void assertRefusedInOneLine(Cli.Result r, int code, String... fragments) {
        assertThat(r.exitCode()).as("%s", r).isEqualTo(code);
        assertNoStackTrace(r);
        assertThat(r.errLines()).as("%s", r).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("error: ").contains(fragments).doesNotContain("unexpected");
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("out/summary.json")).doesNotExist();
    }

    private static void assertNoStackTrace(Cli.Result r) {
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception in thread").doesNotContain("Caused by");
        assertThat(r.out()).doesNotContain("\tat ");
    }

    @Test
    void shouldListValidStrategiesWhenStrategyUnknown() {
        assertRefusedInOneLine(backtest("--strategy", "ema-crossover"), 2, "unknown strategy 'ema-crossover'", "ema-cross",
                "bollinger-reversion");
    }

    @Test
    void shouldListValidParametersWhenParameterUnknown() {
        assertRefusedInOneLine(backtest("--param", "fast=10", "--param", "speed=3"), 2, "unknown parameter 'speed'", "fast",
                "slow", "qty");
    }

    @Test
    void shouldRefuseFastPeriodNotBelowSlowPeriod() {
        assertRefusedInOneLine(backtest("--param", "fast=30", "--param", "slow=10"), 2, "fast (30) must be less than slow (10)");
        assertRefusedInOneLine(backtest("--param", "fast=20", "--param", "slow=20"), 2, "fast (20) must be less than slow (20)");
    }

    @Test
    void shouldRefuseNonIntegerStrategyParameter() {
        assertRefusedInOneLine(backtest("--param", "fast=ten"), 2, "fast", "ten");
    }

    @Test
    void shouldRefuseNegativeFee() {
        assertRefusedInOneLine(backtest("--fee-bps", "-1"), 2, "--fee-bps", "negative");
    }

    @Test
    void shouldRefuseUnknownFillMode() {
        assertRefusedInOneLine(backtest("--fill", "bogus"), 2, "--fill", "bogus", "next-open", "close");
    }

    @Test
    void shouldRefuseZeroVolumeCap() {
        assertRefusedInOneLine(backtest("--volume-cap", "0"), 2, "--volume-cap");
    }

    @Test
    void shouldRefuseNonNumericCash() {
        assertRefusedInOneLine(backtest("--cash", "lots"), 2, "--cash", "lots");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "--slippage-bps     | -2        | --slippage-bps",
            "--slippage-ticks   | -1        | --slippage-ticks",
            "--maker-fee-bps    | x         | --maker-fee-bps",
            "--taker-fee-bps    | -0.5      | --taker-fee-bps",
            "--latency-ms       | -3        | --latency-ms",
            "--latency-jitter-ms | 1e400x   | --latency-jitter-ms",
            "--volume-cap       | 1.5       | --volume-cap",
            "--volume-cap       | NaN       | --volume-cap",
            "--limit-fill       | sometimes | --limit-fill",
            "--on-bad-row       | ignore    | --on-bad-row",
            "--interval         | 1M        | 1M",
            "--cash             | -100      | --cash",
            "--cash             | 0.000000001 | --cash"})
    void shouldRefuseImpossibleSettingInOneLine(String option, String value, String named) {
        assertRefusedInOneLine(backtest(option, value), 2, named);
    }

    @Test
    void shouldRefuseSyntheticStartPriceOffTheTickGrid() {
        Cli.Result r = Cli.run("backtest", "--bars", "100", "--start-price", "30000.001", "--out", dir.resolve("out").toString());

        assertRefusedInOneLine(r, 2, "--start-price", "30000.001");
    }

    @Test
    void shouldRefuseNonPositiveSyntheticBarCount() {
        Cli.Result r = Cli.run("backtest", "--bars", "0", "--out", dir.resolve("out").toString());

        assertRefusedInOneLine(r, 2, "--bars");
    }

    @Test
    void shouldNameMissingDataFile() {
        assertRefusedInOneLine(backtest("--data", dir.resolve("no-such-klines.csv").toString()), 2, "no-such-klines.csv");
    }

    @Test
    void shouldNameFileAndLineOfMalformedRow() {
        List<String> rows = new ArrayList<>(MarketDataFixtures.klineRows(MarketDataFixtures.sineBars(200)));
        rows.set(99, rows.get(99).replaceFirst(",[0-9.]+,", ",12x34.5,"));
        Path bad = MarketDataFixtures.write(dir.resolve("BTCUSDT-1m-bad.csv"), rows);

        assertRefusedInOneLine(backtest("--data", bad.toString()), 1, "BTCUSDT-1m-bad.csv:100:", "12x34.5");
    }

    @Test
    void shouldNameFileAndLineOfMalformedRowInsideZip() {
        List<String> rows = new ArrayList<>(MarketDataFixtures.klineRows(MarketDataFixtures.sineBars(200)));
        rows.set(149, "1704076140000,30000.00,29000.00");
        Path bad = MarketDataFixtures.zip(dir.resolve("BTCUSDT-1m-bad.zip"), "BTCUSDT-1m-bad.csv", rows);

        assertRefusedInOneLine(backtest("--data", bad.toString()), 1, "BTCUSDT-1m-bad.zip:150:", "columns");
    }

    @Test
    void shouldRefuseEmptyDataFileInOneLine() {
        Path empty = MarketDataFixtures.write(dir.resolve("empty.csv"), List.of());

        assertRefusedInOneLine(backtest("--data", empty.toString()), 2, "empty.csv", "no data");
    }

    @Test
    void shouldRefuseDataFileWithHeaderOnly() {
        Path headerOnly = MarketDataFixtures.write(dir.resolve("header.csv"), List.of("open_time,open,high,low,close,volume"));

        assertRefusedInOneLine(backtest("--data", headerOnly.toString()), 2, "header.csv", "no data");
    }

    @Test
    void shouldRefuseFolderWithoutDataFiles() {
        Path folder = dir.resolve("nothing-here");
        MarketDataFixtures.write(folder.resolve("README.txt"), List.of("no data"));

        assertRefusedInOneLine(backtest("--data", folder.toString()), 2, "nothing-here", "no data files");
    }

    @Test
    void shouldListValidFormatsWhenFormatUnknown() {
        assertRefusedInOneLine(backtest("--format", "binance-klines"), 2, "binance-klines", "binance-kline,", "binance-trades",
                "binance-aggtrades", "csv");
    }

    @Test
    void shouldRefuseUnknownFormatEvenWithoutData() {
        List<String> args = List.of("backtest", "--bars", "100", "--format", "parquet", "--out", dir.resolve("out").toString());

        assertRefusedInOneLine(Cli.run(args.toArray(String[]::new)), 2, "parquet", "binance-kline");
    }

    @Test
    void shouldAskForTickSizeWhenSymbolHasNoBuiltInRules() {
        assertRefusedInOneLine(backtest("--symbol", "DOGEUSDT"), 2, "DOGEUSDT", "--tick-size");
    }

    @Test
    void shouldSuggestTickSizeWhenPricesAreFinerThanTheTick() {
        assertRefusedInOneLine(backtest("--tick-size", "0.1"), 1, "klines.csv:1:", "--tick-size");
    }

    @Test
    void shouldRefuseQuantityFinerThanTheStepSize() {
        assertRefusedInOneLine(backtest("--param", "qty=0.0000001"), 2, "qty", "step size");
    }

    @Test
    void shouldSayWhatWentWrongWhenOutputFolderIsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("report-here"), "a file, not a folder");

        Cli.Result r = Cli.run("backtest", "--data", klines().toString(), "--out", file.toString());

        assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
        assertNoStackTrace(r);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("error: ").contains("report-here", "already exists");
    }

    @Test
    void shouldPointToHelpOnUnknownOption() {
        Cli.Result r = backtest("--cash-usd", "5");

        assertThat(r.exitCode()).isEqualTo(2);
        assertNoStackTrace(r);
        assertThat(r.errLines()).containsExactly("error: Unknown options: '--cash-usd', '5'", "see: ttquant backtest --help");
    }

    @Test
    void shouldRefuseParameterWithoutValue() {
        Cli.Result r = backtest("--param", "fast");

        assertThat(r.exitCode()).isEqualTo(2);
        assertNoStackTrace(r);
        assertThat(r.errLines().get(0)).startsWith("error: ").contains("--param", "fast");
    }
}
