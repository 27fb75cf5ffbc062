package io.ttquant.app;

import io.ttquant.app.cli.BacktestCommand;
import io.ttquant.app.cli.BenchCommand;
import io.ttquant.app.cli.CliErrors;
import io.ttquant.app.cli.RunCommand;
import io.ttquant.app.cli.StrategiesCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ttquant} command line: one entry point for every TTQuant process and tool. */
@Command(name = "ttquant", mixinStandardHelpOptions = true, version = "TTQuant 0.1.0",
        description = "Quantitative trading for crypto markets: backtests, paper and live trading on Binance.",
        subcommands = {RunCommand.class, BacktestCommand.class, StrategiesCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (0 success, 1 failure, 2 usage error). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(CliErrors::handleExecutionException);
        cli.setParameterExceptionHandler(CliErrors::handleParameterException);
        return cli.execute(args);
    }
}
