package io.ttquant.app.cli;

import io.ttquant.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs the {@code ttquant} command line in-process with its output and error lines captured. */
final class Cli {
    private Cli() {
    }

    /** What one invocation left behind: exit code, standard output and standard error. */
    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        List<String> outLines() {
            return out.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
