package io.ttquant.app.cli;

import io.ttquant.app.Main;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ttquant run}: the main job. Until the live pipeline lands (market data, strategy engine and
 * paper gateway in one JVM), it runs the bundled demo: the ema-cross strategy backtested on the
 * seeded synthetic market, with the full report.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run TTQuant's main job on this machine.",
                "Today: the demo backtest (ema-cross on the seeded synthetic market) with its report."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "ttquant-demo", description = "Output folder. Default: ${DEFAULT-VALUE}.")
    String out;

    @Option(names = "--bars", defaultValue = "20000", description = "Demo length in 1-hour bars. Default: ${DEFAULT-VALUE}.")
    long bars;

    @Override
    public Integer call() {
        return Main.execute(spec.commandLine().getOut(), spec.commandLine().getErr(), "backtest", "--strategy", "ema-cross", "--param", "fast=10", "--param", "slow=30",
                "--param", "qty=1", "--cash", "100000", "--fee-bps", "10", "--bars", Long.toString(bars), "--out", out);
    }
}
