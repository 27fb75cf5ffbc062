package io.ttquant.app.metrics;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Arrays;

/**
 * A latency histogram for a hot path with one writer thread: recording is a short scan over the
 * bucket bounds and three plain {@code long} increments, no atomics, no allocation. The scrape
 * (another thread) copies the counts racily: it may see one recording half-counted (in a bucket
 * but not yet in the sum), which a monitoring histogram tolerates; 64-bit reads never tear on the
 * JVMs we run on. Exposed as a Prometheus classic histogram in seconds.
 *
 * <p>Must never be recorded from two threads; use the Prometheus client's own histogram there.
 */
public final class SingleWriterHistogram implements Collector {
    private final String name;
    private final String help;
    private final double[] upperBoundsSeconds;
    private final long[] upperBoundsNanos;
    private final long[] counts;
    private long sumNanos;

    /** {@code name} ends with {@code _seconds}; bounds in seconds, ascending, without +Inf. */
    public SingleWriterHistogram(String name, String help, double... boundsSeconds) {
        if (!name.endsWith("_seconds")) {
            throw new IllegalArgumentException("a latency histogram's name ends with _seconds: " + name);
        }
        for (int i = 1; i < boundsSeconds.length; i++) {
            if (!(boundsSeconds[i] > boundsSeconds[i - 1])) {
                throw new IllegalArgumentException("bucket bounds must ascend");
            }
        }
        this.name = name;
        this.help = help;
        this.upperBoundsSeconds = Arrays.copyOf(boundsSeconds, boundsSeconds.length + 1);
        this.upperBoundsSeconds[boundsSeconds.length] = Double.POSITIVE_INFINITY;
        this.upperBoundsNanos = new long[boundsSeconds.length];
        for (int i = 0; i < boundsSeconds.length; i++) {
            upperBoundsNanos[i] = Math.round(boundsSeconds[i] * 1e9);
        }
        this.counts = new long[boundsSeconds.length + 1];
    }

    /** Records one duration in nanoseconds (negative counts as 0). Writer thread only. */
    public void record(long nanos) {
        long v = Math.max(0, nanos);
        long[] bounds = upperBoundsNanos;
        int i = 0;
        while (i < bounds.length && v > bounds[i]) {
            i++;
        }
        counts[i]++;
        sumNanos += v;
    }

    /** Recordings so far (a racy read from other threads). */
    public long count() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    @Override
    public MetricSnapshot collect() {
        long[] copy = counts.clone();
        double sum = sumNanos / 1e9;
        return HistogramSnapshot.builder().name(name).unit(Unit.SECONDS).help(help)
                .dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                        .classicHistogramBuckets(ClassicHistogramBuckets.of(upperBoundsSeconds, copy)).sum(sum).build())
                .build();
    }

    @Override
    public String getPrometheusName() {
        return name;
    }
}
