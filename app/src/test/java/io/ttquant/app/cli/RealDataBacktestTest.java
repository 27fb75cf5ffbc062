package io.ttquant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** {@code ttquant backtest} on the real Binance files of {@code $TTQUANT_DATA} (skipped without it). */
@EnabledIfEnvironmentVariable(named = "TTQUANT_DATA", matches = ".+")
class RealDataBacktestTest {
    private static final Path DATA = Path.of(System.getenv().getOrDefault("TTQUANT_DATA", "."), "binance");

    @TempDir
    Path dir;

    private BacktestOutput backtest(String... args) {
        Cli.Result r = Cli.run(args);
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.err()).doesNotContain("error");
        return new BacktestOutput(Path.of(args[args.length - 1]));
    }

    @Test
    void shouldBacktestAMonthOfBtcusdtMinuteBarsInTheSixColumnLayout() {
        // freqtrade export: header open_time_ms,open,high,low,close,volume, gzip, volumes with up to 6 decimals
        Path file = DATA.resolve("klines/BTCUSDT-1m-spot-2021-04-20_2021-05-20.csv.gz");

        BacktestOutput out = backtest("backtest", "--strategy", "ema-cross", "--param", "fast=10", "--param", "slow=30",
                "--param", "qty=1", "--data", file.toString(), "--format", "binance-kline", "--interval", "1m",
                "--symbol", "BTCUSDT", "--step-size", "0.000001", "--quiet", "--out", dir.resolve("btc").toString());

        assertThat(out.summaryLong("bars")).isEqualTo(42_915);
        assertThat(out.summaryLong("skipped_rows")).isZero();
        assertThat(out.summaryLong("trades")).isPositive();
        assertThat(out.rows("trades.csv")).hasSize((int) out.summaryLong("trades"));
        // a bar is an event at its close: the first bar opens at 20:42
        assertThat(out.summary().get("start")).isEqualTo("2021-04-20T20:43:00.000Z");
        assertThat(out.summary().get("end")).isEqualTo("2021-05-20T20:41:00.000Z");
    }

    @Test
    void shouldBacktestADataBinanceVisionZipOfAdabtc() {
        Path file = DATA.resolve("klines/data-binance-vision-format/ADABTC-1m-2021-11-28.zip");

        BacktestOutput out = backtest("backtest", "--data", file.toString(), "--symbol", "ADABTC", "--cash", "1",
                "--param", "qty=10000", "--out", dir.resolve("ada").toString());

        assertThat(out.summaryLong("bars")).isEqualTo(1440);
        assertThat(out.summary().get("valuation_asset")).isEqualTo("BTC");
        assertThat(out.summary().get("start")).isEqualTo("2021-11-28T00:01:00.000Z");
        assertThat(out.summary().get("end")).isEqualTo("2021-11-29T00:00:00.000Z");
        assertThat(out.summaryLong("trades")).isPositive();
    }

    @Test
    void shouldReplayRealBinanceTradesThroughABarStrategyWithoutTrading() {
        // no built-in strategy reacts to trades: the run proves the reader and the engine, not a strategy
        Path file = DATA.resolve("trades/BTCUSDT-trades-spot-20240808T2354Z-20240809T0005Z.csv");

        BacktestOutput out = backtest("backtest", "--data", file.toString(), "--format", "binance-trades", "--symbol", "BTCUSDT",
                "--bar-interval", "none", "--out", dir.resolve("trades").toString());

        assertThat(out.summaryLong("events")).isEqualTo(19_904);
        assertThat(out.summaryLong("bars")).isZero();
        assertThat(out.summaryLong("trades")).isZero();
        assertThat(out.summaryDecimal("final_equity")).isEqualByComparingTo("100000");

        // by default the trades also make one-minute bars: 23:54 to 00:05 is 12 minutes
        BacktestOutput withBars = backtest("backtest", "--data", file.toString(), "--format", "binance-trades", "--symbol", "BTCUSDT",
                "--param", "fast=2", "--param", "slow=3", "--param", "qty=0.01", "--out", dir.resolve("bars").toString());
        assertThat(withBars.summaryLong("bars")).isEqualTo(12);
        assertThat(withBars.summaryLong("events")).isEqualTo(19_904 + 12);
    }
}
