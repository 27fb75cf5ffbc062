package io.ttquant.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A long-running service ({@code ttquant gateway}, {@code ttquant strategy}) kept in the
 * foreground of a command: Ctrl-C (a shutdown hook) closes it, {@code --for} stops it after a
 * while, and a service whose thread died makes the command exit non-zero so a supervisor restarts
 * it. It never starts the service and never prints the service's banner.
 */
final class ForegroundService {
    private final Runnable close;
    private final BooleanSupplier running;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;

    private ForegroundService(String hookName, Runnable close, BooleanSupplier running) {
        this.close = close;
        this.running = running;
        this.hook = new Thread(() -> {
            close.run();
            stopped.countDown();
        }, hookName);
    }

    /** Installs the Ctrl-C hook that closes the service: call right after starting it. */
    static ForegroundService hold(String hookName, Runnable close, BooleanSupplier running) {
        ForegroundService f = new ForegroundService(hookName, close, running);
        Runtime.getRuntime().addShutdownHook(f.hook);
        return f;
    }

    /**
     * Waits for Ctrl-C, for {@code limit} (null: no limit) or for the service's thread to die.
     *
     * @return 0, or {@link CliErrors#FAILURE} after printing {@code died} to {@code err} when the thread died
     */
    int await(Duration limit, PrintWriter out, String stoppedLine, PrintWriter err, String died) {
        long deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
        boolean done = false;
        while (!done && System.nanoTime() < deadline) {
            done = awaitFor(Duration.ofMillis(Math.min(200, Math.max(1, (deadline - System.nanoTime()) / 1_000_000))));
            if (!done && !running.getAsBoolean()) {
                // The service thread died: exit non-zero so a supervisor restarts it.
                Runtime.getRuntime().removeShutdownHook(hook);
                close.run();
                err.println(died);
                err.flush();
                return CliErrors.FAILURE;
            }
        }
        if (!done) {
            Runtime.getRuntime().removeShutdownHook(hook);
            close.run();
            out.println(stoppedLine);
            out.flush();
        }
        return 0;
    }

    private boolean awaitFor(Duration limit) {
        try {
            return stopped.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
