package io.ttquant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic demo: {@code ttquant backtest} without {@code --data}, and {@code ttquant run}. */
class DemoAndRunCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldBacktestSyntheticDemoWithoutDataAndDrawTheReport() {
        Path out = dir.resolve("demo");

        Cli.Result r = Cli.run("backtest", "--bars", "3000", "--out", out.toString());

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(out.resolve("report.html")).isRegularFile();
        BacktestOutput report = new BacktestOutput(out);
        assertThat(report.read("report.html")).contains("<svg");
        assertThat(report.summaryLong("bars")).isEqualTo(3000);
        assertThat(report.summary().get("strategy")).isEqualTo("ema-cross");
        assertThat(r.out()).contains("3,000 bars");
    }

    @Test
    void shouldRunTheSameDemoTwiceWithTheSameResult() {
        BacktestOutput first = new BacktestOutput(dir.resolve("a"));
        BacktestOutput second = new BacktestOutput(dir.resolve("b"));

        assertThat(Cli.run("backtest", "--bars", "3000", "--seed", "7", "--out", first.dir().toString()).exitCode()).isZero();
        assertThat(Cli.run("backtest", "--bars", "3000", "--seed", "7", "--out", second.dir().toString()).exitCode()).isZero();

        assertThat(second.resultSummary()).isEqualTo(first.resultSummary());
        assertThat(second.read("fills.csv")).isEqualTo(first.read("fills.csv"));
    }

    @Test
    void shouldRunTheDemoAsTheMainJobAndPrintItsSummaryThroughTheCallersOutput() {
        Path out = dir.resolve("run-demo");

        Cli.Result r = Cli.run("run", "--out", out.toString(), "--bars", "3000");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).contains("ema-cross on BTCUSDT", "3,000 bars", "report.html");
        BacktestOutput report = new BacktestOutput(out);
        assertThat(report.read("report.html")).contains("<svg");
        assertThat(report.summaryLong("bars")).isEqualTo(3000);
        assertThat(report.summary().get("params")).isEqualTo(Map.of("fast", "10", "slow", "30", "qty", "1"));
    }

    @Test
    void shouldPassBacktestFailureOfRunThroughAsItsExitCode() {
        Cli.Result r = Cli.run("run", "--out", dir.resolve("x").toString(), "--bars", "0");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("error: --bars must be positive, got 0");
    }
}
