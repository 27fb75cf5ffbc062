package io.ttquant.app.store;

import io.ttquant.store.PgTestSupport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stops and starts the PostgreSQL cluster the export tests write to, for the outage drill:
 * {@code pg_ctlcluster --skip-systemctl-redirect <version> <cluster> stop|start}, which needs root
 * (CI runs as root). The cluster is {@code $TTQUANT_PG_OUTAGE_CLUSTER} ({@code version/name}),
 * by default the first version under {@code /etc/postgresql} and {@code main}; its port is the one
 * in {@link PgTestSupport#URL}. Stopping a shared cluster disturbs whatever else uses it at that
 * moment, so outside CI (where Maven runs the test classes one after the other) the drill runs
 * only when that variable names the cluster to stop (a developer can point it and
 * {@code TTQUANT_PG_URL} at a cluster of their own). {@link #start()} waits until
 * {@code pg_isready} answers; the test calls it in a finally block.
 */
final class PgOutage {
    private static final long READY_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(90);

    private final String version;
    private final String cluster;
    private final String port;

    private PgOutage(String version, String cluster, String port) {
        this.version = version;
        this.cluster = cluster;
        this.port = port;
    }

    /** The cluster to stop, or null with {@code why[0]} saying why it cannot be controlled here. */
    static PgOutage find(String[] why) {
        String uid = run(List.of("id", "-u"));
        if (uid == null || !uid.strip().equals("0")) {
            why[0] = "stopping PostgreSQL needs root (pg_ctlcluster); this user's id is " + (uid == null ? "unknown" : uid.strip());
            return null;
        }
        if (!onPath("pg_ctlcluster") || !onPath("pg_isready")) {
            why[0] = "pg_ctlcluster or pg_isready is not installed";
            return null;
        }
        String spec = System.getenv("TTQUANT_PG_OUTAGE_CLUSTER");
        if ((spec == null || spec.isBlank()) && !PgTestSupport.ci()) {
            // Stopping the shared cluster would break other developers' tests running against it right now.
            why[0] = "the drill stops PostgreSQL for a while: it runs in CI, or when TTQUANT_PG_OUTAGE_CLUSTER names the "
                    + "cluster to stop (e.g. 15/main, or a cluster of your own with TTQUANT_PG_URL pointing at it)";
            return null;
        }
        String version;
        String name;
        if (spec != null && !spec.isBlank()) {
            String[] parts = spec.strip().split("/");
            if (parts.length != 2) {
                why[0] = "TTQUANT_PG_OUTAGE_CLUSTER must be version/name, like 15/main";
                return null;
            }
            version = parts[0];
            name = parts[1];
        } else {
            try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
                version = versions.map(p -> p.getFileName().toString()).sorted().findFirst().orElse(null);
            } catch (IOException e) {
                version = null;
            }
            name = "main";
            if (version == null) {
                why[0] = "no PostgreSQL cluster under /etc/postgresql";
                return null;
            }
        }
        Matcher m = Pattern.compile("//[^/:]+:(\\d+)/").matcher(PgTestSupport.URL);
        PgOutage o = new PgOutage(version, name, m.find() ? m.group(1) : "5432");
        String clusters = run(List.of("pg_lsclusters", "-h"));
        if (clusters == null || !clusters.matches("(?s)(.*\\n)?" + Pattern.quote(version + " " + name + " ") + ".*")) {
            why[0] = "no PostgreSQL cluster " + version + "/" + name + " (pg_lsclusters)";
            return null;
        }
        return o;
    }

    /** Stops the cluster (fast: every open connection is closed at once). */
    void stop() {
        if (run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", "-m", "fast", version, cluster, "stop")) == null) {
            throw new IllegalStateException("could not stop PostgreSQL " + this);
        }
    }

    /** Starts the cluster (when it is not running) and waits until it accepts connections. */
    void start() {
        if (!ready()) {
            run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, cluster, "start"));
        }
        long deadline = System.nanoTime() + READY_DEADLINE_NANOS;
        while (!ready()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL " + this + " is not ready 90 s after its start");
            }
        }
    }

    /** Whether {@code pg_isready -h 127.0.0.1 -p PORT} says it accepts connections (it waits up to 1 s). */
    boolean ready() {
        return run(List.of("pg_isready", "-q", "-t", "1", "-h", "127.0.0.1", "-p", port)) != null;
    }

    @Override
    public String toString() {
        return version + "/" + cluster + " on port " + port;
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(List.of((path == null ? "" : path).split(File.pathSeparator)));
        dirs.add("/usr/bin");
        for (String d : dirs) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command; its output when it exited 0, else null. */
    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
