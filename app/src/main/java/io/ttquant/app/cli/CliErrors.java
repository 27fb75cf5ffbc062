package io.ttquant.app.cli;

import io.ttquant.app.ServiceStartException;
import io.ttquant.core.data.MarketDataFormatException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns user errors into one clear line and an exit code, never a stack trace: bad options and
 * settings exit 2, bad data and I/O problems exit 1. Unexpected errors (bugs) print one line too;
 * the stack trace only with {@code TTQUANT_DEBUG=1}.
 */
public final class CliErrors {
    public static final int USAGE = 2;
    public static final int FAILURE = 1;

    private CliErrors() {
    }

    public static int handleParameterException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + ex.getMessage());
        err.println("see: ttquant " + cmd.getCommandName() + " --help");
        err.flush();
        return USAGE;
    }

    public static int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        int code;
        if (ex instanceof IllegalArgumentException || ex instanceof ParameterException) {
            err.println("error: " + ex.getMessage());
            code = USAGE;
        } else if (ex instanceof ServiceStartException) {
            err.println("error: " + ex.getMessage());
            code = FAILURE;
        } else if (ex instanceof MarketDataFormatException) {
            err.println("error: bad data: " + ex.getMessage());
            code = FAILURE;
        } else if (ex instanceof UncheckedIOException || ex instanceof java.io.IOException) {
            err.println("error: " + ioMessage(ex));
            code = FAILURE;
        } else {
            err.println("error: unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                    + " (set TTQUANT_DEBUG=1 for the stack trace)");
            code = FAILURE;
        }
        if ("1".equals(System.getenv("TTQUANT_DEBUG"))) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /**
     * An I/O failure in words. An {@link UncheckedIOException} from TTQuant says what was being done
     * to which path; a file-system exception often says nothing but the path, so its kind is added
     * ({@code cannot create directory out: out (file already exists)}).
     */
    static String ioMessage(Exception ex) {
        Throwable cause = ex instanceof UncheckedIOException ? ex.getCause() : ex;
        String text = String.valueOf(ex.getMessage());
        if (cause instanceof FileSystemException fs && fs.getReason() == null) {
            String kind = fs.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2");
            text += " (" + kind.toLowerCase(Locale.ROOT) + ")";
        }
        return text;
    }
}
