package io.ttquant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code ttquant --help}, {@code ttquant} alone, {@code ttquant backtest --help} and {@code ttquant strategies} show. */
class HelpAndStrategiesCommandTest {
    @Test
    void shouldListEveryCommandInHelp() {
        Cli.Result r = Cli.run("--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Usage: ttquant").containsPattern("(?m)^\\s+run\\s").containsPattern("(?m)^\\s+backtest\\s")
                .containsPattern("(?m)^\\s+strategies\\s").containsPattern("(?m)^\\s+bench\\s");
    }

    @Test
    void shouldPrintUsageToCallersOutputWhenNoCommandGiven() {
        Cli.Result r = Cli.run();

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: ttquant", "backtest", "strategies");
    }

    @Test
    void shouldDescribeEveryBacktestOptionOfTheReadme() {
        Cli.Result r = Cli.run("backtest", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--strategy", "--param", "--data", "--format", "--symbol", "--tick-size", "--step-size",
                "--min-notional", "--cash", "--fee-bps", "--maker-fee-bps", "--taker-fee-bps", "--slippage-bps",
                "--slippage-ticks", "--fill", "--latency-ms", "--latency-jitter-ms", "--volume-cap", "--limit-fill",
                "--queue-position", "--on-bad-row", "--bars", "--interval", "--seed", "--start-price", "--out");
    }

    @Test
    void shouldListBothStrategiesWithTheirParameters() {
        Cli.Result r = Cli.run("strategies");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("(?m)^ema-cross - ").containsPattern("(?m)^bollinger-reversion - ");
        String ema = r.out().substring(r.out().indexOf("ema-cross - "), r.out().indexOf("bollinger-reversion - "));
        String bollinger = r.out().substring(r.out().indexOf("bollinger-reversion - "));
        assertThat(ema).containsPattern("(?m)^\\s+fast\\s+default 10\\s").containsPattern("(?m)^\\s+slow\\s+default 30\\s")
                .containsPattern("(?m)^\\s+qty\\s+default 1\\s");
        assertThat(bollinger).containsPattern("(?m)^\\s+period\\s+default 20\\s").containsPattern("(?m)^\\s+k\\s+default 2\\s")
                .containsPattern("(?m)^\\s+qty\\s+default 1\\s");
    }

    @Test
    void shouldTellToUseTheLauncherForBenchmarks() {
        Cli.Result r = Cli.run("bench");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("run the benchmarks with the launcher: ./ttquant bench [JMH options]");
    }
}
