package io.ttquant.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ttquant.store.StoreConfig;
import io.ttquant.store.StoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB locks a database file for one process: a store in a second process (a child JVM running
 * {@link DuckDbOpenProbe}) is refused with a clear, retryable message instead of a stack trace,
 * either way round, and closing the store releases the file.
 */
class DuckDbStoreLockTest {
    private static final long WAIT_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void shouldRefuseAStoreInAnotherProcessWhileThisProcessHasTheFileAndAllowItOnceClosed() throws Exception {
        Path file = dir.resolve("locked.duckdb");
        DuckDbStore store = DuckDbStore.open(StoreConfig.duckdb(file));
        try {
            String refused = probe(file);
            assertThat(refused).startsWith("PROBE REFUSED retryable=true")
                    .contains("DuckDB file " + file.toAbsolutePath())
                    .contains("is in use by another process")
                    .contains("PID " + ProcessHandle.current().pid());
        } finally {
            store.close();
        }

        assertThat(probe(file)).isEqualTo("PROBE OPENED");
    }

    @Test
    void shouldRefuseThisProcessWhileAnotherProcessHasTheFile() throws Exception {
        Path file = dir.resolve("held.duckdb");
        Process child = start(file, "hold");
        try {
            assertThat(firstProbeLine(child)).isEqualTo("PROBE OPENED");

            StoreException e = catchThrowableOfType(StoreException.class,
                    () -> DuckDbStore.open(StoreConfig.duckdb(file)));

            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("is in use by another process").contains("PID " + child.pid())
                    .contains("stop that process or use another file");
            // the refusal left nothing behind in this process
        } finally {
            child.getOutputStream().close();
            assertThat(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("child exits").isTrue();
        }
        DuckDbStore.open(StoreConfig.duckdb(file)).close();
    }

    /** Runs the probe on the file without holding it; returns its line. */
    private String probe(Path file) throws Exception {
        Process child = start(file, "once");
        try {
            return firstProbeLine(child);
        } finally {
            child.getOutputStream().close();
            assertThat(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("child exits").isTrue();
        }
    }

    private static Process start(Path file, String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DuckDbOpenProbe.class.getName(), file.toString(), mode);
        pb.redirectErrorStream(true);
        return pb.start();
    }

    /** The first line starting with PROBE (log lines may come before), waiting at most WAIT_SECONDS. */
    private static String firstProbeLine(Process child) throws InterruptedException, ExecutionException {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8));
                StringBuilder seen = new StringBuilder();
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                    if (l.startsWith("PROBE ")) {
                        // drain the rest so the child never blocks on a full pipe
                        Thread drain = new Thread(() -> {
                            try {
                                while (out.readLine() != null) {
                                    // discard
                                }
                            } catch (IOException ignored) {
                                // the child is gone
                            }
                        });
                        drain.setDaemon(true);
                        drain.start();
                        return l;
                    }
                    seen.append(l).append('\n');
                }
                return "no PROBE line; output was:\n" + seen;
            } catch (IOException e) {
                return "reading the child failed: " + e;
            }
        });
        try {
            return line.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            child.destroyForcibly();
            return "the child printed no PROBE line within " + WAIT_SECONDS + " s";
        }
    }
}
