package io.ttquant.bench.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The tick-to-trade figures: two HdrHistograms (3 significant digits, up to 10 s) of the intervals
 * from a market event's publish to (i) its order passing the gateway's risk check and (ii) the
 * fill reaching the strategy, built from the three timestamp columns joined per order, and the
 * lines that print them with the machine they were measured on. It measures nothing itself.
 */
final class LatencyReport {
    final Histogram toAccept = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    final Histogram toFill = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    long noAccept;
    long noFill;
    long negative;

    /**
     * Joins per sent order: the event it answered ({@code tradeIdBySent}), when that event was
     * published ({@code publishNanos} by event number), when the gateway accepted it
     * ({@code acceptBySent}), when its fill reached the strategy ({@code fillBySent}); events numbered
     * below {@code firstMeasured} (the warm-up) are left out.
     */
    void join(long[] publishNanos, long[] tradeIdBySent, long[] acceptBySent, long[] fillBySent, long firstMeasured) {
        int n = Math.min(tradeIdBySent.length, acceptBySent.length);
        for (int s = 0; s < n; s++) {
            int k = (int) Math.min(Integer.MAX_VALUE, tradeIdBySent[s]);
            if (k < firstMeasured || k >= publishNanos.length || publishNanos[k] == 0) {
                continue;
            }
            long t0 = publishNanos[k];
            record(toAccept, acceptBySent[s], t0, true);
            record(toFill, s < fillBySent.length ? fillBySent[s] : 0, t0, false);
        }
    }

    private void record(Histogram h, long t, long t0, boolean accept) {
        if (t == 0) {
            if (accept) {
                noAccept++;
            } else {
                noFill++;
            }
            return;
        }
        if (t < t0) {
            negative++;
            return;
        }
        h.recordValue(Math.min(t - t0, h.getHighestTrackableValue()));
    }

    void print(String mode) {
        System.out.printf(Locale.ROOT, "tick-to-trade, %s: %d orders measured (no accept %d, no fill %d, clock anomalies %d)%n",
                mode, toAccept.getTotalCount(), noAccept, noFill, negative);
        line("md publish -> gateway risk check passed", toAccept);
        line("md publish -> fill at the strategy", toFill);
    }

    private static void line(String what, Histogram h) {
        System.out.printf(Locale.ROOT, "  %-40s p50 %8.2f µs  p99 %8.2f µs  p99.9 %8.2f µs  max %9.2f µs%n", what, us(h, 50),
                us(h, 99), us(h, 99.9), h.getMaxValue() / 1e3);
    }

    private static double us(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e3;
    }

    /** The machine: processors, CPU model, memory, OS and JDK. */
    static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (l.startsWith("model name")) {
                    cpu = l.substring(l.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            cpu = "unknown CPU (" + e.getMessage() + ")";
        }
        return String.format(Locale.ROOT, "machine: %d processors (nproc), %s; %s %s; %s %s (%s)",
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"));
    }
}
