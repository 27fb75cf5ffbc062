package io.ttquant.bench.pipeline;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * How the benchmark stops a child process: a daemon thread reads the child's standard input and
 * raises the flag at the line {@code stop} or when the input ends (the benchmark died). The child's
 * loop only reads a volatile flag; nothing else is shared.
 */
final class StopSignal {
    private volatile boolean raised;

    /** Starts listening on standard input. */
    static StopSignal onStandardInput() {
        StopSignal s = new StopSignal();
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.trim().equals("stop")) {
                        break;
                    }
                }
            } catch (Exception e) {
                System.err.println("stdin: " + e);
            }
            s.raised = true;
        }, "stop-signal");
        t.setDaemon(true);
        t.start();
        return s;
    }

    boolean raised() {
        return raised;
    }
}
