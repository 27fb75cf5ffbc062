package io.ttquant.app;

import io.ttquant.app.cli.BacktestCommand;
import io.ttquant.app.cli.BenchCommand;
import io.ttquant.app.cli.CliErrors;
import io.ttquant.app.cli.DataCommand;
import io.ttquant.app.cli.ExchangeSimCommand;
import io.ttquant.app.cli.GatewayCommand;
import io.ttquant.app.cli.MarketDataCommand;
import io.ttquant.app.cli.RunCommand;
import io.ttquant.app.cli.StrategiesCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code ttquant} command line: one entry point for every TTQuant process and tool. */
@Command(name = "ttquant", mixinStandardHelpOptions = true, version = "TTQuant 0.1.0",
        description = "Quantitative trading for crypto markets: backtests, paper and live trading on Binance.",
        subcommands = {RunCommand.class, BacktestCommand.class, StrategiesCommand.class, BenchCommand.class, ExchangeSimCommand.class, MarketDataCommand.class, GatewayCommand.class, DataCommand.class, io.ttquant.app.cli.StrategyCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (0 success, 1 failure, 2 usage error). */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    /** Runs the command line writing its output and error lines to {@code out} and {@code err}; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = newCommandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    private static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(CliErrors::handleExecutionException);
        cli.setParameterExceptionHandler(CliErrors::handleParameterException);
        return cli;
    }
}
