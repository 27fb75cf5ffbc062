package io.ttquant.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Placeholder so {@code --help} lists the benchmarks; the launcher script runs them from the bench module. */
@Command(name = "bench", description = "Run the JMH benchmarks (builds the bench module; extra arguments go to JMH, e.g. -prof gc).")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("run the benchmarks with the launcher: ./ttquant bench [JMH options]");
        return CliErrors.USAGE;
    }
}
