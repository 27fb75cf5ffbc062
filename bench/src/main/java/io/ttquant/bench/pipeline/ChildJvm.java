package io.ttquant.bench.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark process started as a child JVM on this JVM's own classpath and Java: its output lines
 * collected by a reader thread (and echoed with a prefix), the lines it announces itself with
 * ({@code READY ...}, {@code DONE ...}) waited for with a deadline, stopped by the line {@code stop}
 * on its standard input, killed when it does not end in time. It knows nothing of what the child
 * does.
 */
final class ChildJvm implements AutoCloseable {
    private final String name;
    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

    ChildJvm(String name, Class<?> main, List<String> jvmOptions, List<String> args) throws IOException {
        this.name = name;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                    System.out.println("  [" + name + "] " + line);
                }
            } catch (IOException e) {
                lines.add("READ FAILED " + e);
            }
            lines.add("EOF");
        }, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The first output line starting with {@code prefix}, waited for up to {@code seconds}. */
    String await(String prefix, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException(name + " did not print " + prefix + " within " + seconds + " s");
            }
            if (line.equals("EOF")) {
                throw new IllegalStateException(name + " ended before printing " + prefix);
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** Asks the child to stop (the line {@code stop}). */
    void stop() throws IOException {
        OutputStream in = process.getOutputStream();
        in.write("stop\n".getBytes(StandardCharsets.US_ASCII));
        in.flush();
    }

    /** Waits for the child to end, killing it after {@code seconds}. */
    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the child is gone already
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** The value of {@code key=value} in a line such as {@code READY orders=tcp://...}. */
    static String field(String line, String key) {
        for (String part : line.split(" ")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        throw new IllegalStateException("no " + key + "= in '" + line + "'");
    }
}
