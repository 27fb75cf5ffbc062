package io.ttquant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic demo is {@code ttquant backtest} without {@code --data}; {@code ttquant run} is the whole
 * system in one JVM (tested in {@code io.ttquant.app.run}) and no longer runs the demo.
 */
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
    void shouldLeaveTheDemoToBacktestAndSayWhatRunStartsInItsHelp() {
        Cli.Result r = Cli.run("run", "--help");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).contains("whole TTQuant system in one JVM", "The demo backtest is 'ttquant backtest'", "--for",
                "--metrics-port", "--http-port", "--feed", "--no-store");
    }

    @Test
    void shouldRefuseTheFormerDemoOptionsOfRunWithExitCode2() {
        Cli.Result r = Cli.run("run", "--bars", "3000", "--out", dir.resolve("x").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines().get(0)).startsWith("error: Unknown options: '--bars', '3000'");
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
