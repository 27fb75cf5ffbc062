package io.ttquant.app.cli;

import io.ttquant.core.strategy.StrategyCatalog;
import io.ttquant.core.strategy.StrategyFactory;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the built-in strategies with their parameters and defaults. */
@Command(name = "strategies", mixinStandardHelpOptions = true, description = "List the built-in strategies and their parameters.")
public final class StrategiesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (StrategyFactory f : new StrategyCatalog().all()) {
            out.println(f.name() + " - " + f.description());
            for (StrategyFactory.ParamSpec p : f.params()) {
                out.printf("    %-8s default %-6s %s%n", p.name(), p.defaultValue().isEmpty() ? "-" : p.defaultValue(), p.description());
            }
        }
        out.flush();
        return 0;
    }
}
