package io.ttquant.app.store;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import io.ttquant.store.PoolStats;
import io.ttquant.store.writer.DropReason;
import io.ttquant.store.writer.RecordedStream;
import io.ttquant.store.writer.RecorderStats;
import io.ttquant.store.writer.RetentionJob;
import io.ttquant.store.writer.WriterState;

/**
 * The store's Prometheus metrics ({@code ttquant_store_*}): what the market data recorder wrote
 * ({@code rows_written_total}, {@code batches_total}, {@code batch_rows} and {@code flush_seconds}
 * histograms, by table), its queues ({@code queue_depth}, {@code queue_capacity} by stream), rows
 * dropped by stream and reason, rows failed and write errors by table and kind (retryable or
 * non_retryable), retries, whether the writer is up ({@code writer_up}: 1 writing normally, 0
 * retrying or closed), and, when the store pools connections ({@link PoolStats}), the pool's
 * active, idle and maximum connections; and, with {@link #registerRetention}, what the store's
 * retention job did ({@code retention_runs_total}, {@code retention_rows_deleted_total},
 * {@code retention_errors_total}).
 *
 * <p>Counters and gauges are read from {@link RecorderStats} at scrape time on the HTTP thread;
 * the two histograms are fed per batch by the recorder's writer thread (Prometheus histograms are
 * thread-safe, and a batch is thousands of rows, so this is off any per-event path). Every
 * labelled series is bound at construction.
 */
public final class StoreMetrics {
    private static final double[] FLUSH_BUCKETS = {
        0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
    private static final double[] ROWS_BUCKETS = {1, 10, 100, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 100_000};
    private static final RecordedStream[] STREAMS = RecordedStream.values();
    private static final DropReason[] REASONS = DropReason.values();

    private final DistributionDataPoint[] flushSeconds = new DistributionDataPoint[STREAMS.length];
    private final DistributionDataPoint[] batchRows = new DistributionDataPoint[STREAMS.length];

    /**
     * Registers the metrics of {@code stats} (null: no recorder) and of {@code pool} (null: the
     * store does not pool connections) and sets itself as the recorder's write listener.
     */
    public StoreMetrics(PrometheusRegistry registry, RecorderStats stats, PoolStats pool) {
        if (stats != null) {
            registerRecorder(registry, stats);
        }
        if (pool != null) {
            GaugeWithCallback.builder().name("ttquant_store_pool_connections")
                    .help("Connections of the store's pool: active (lent out), idle, max (the most it opens)")
                    .labelNames("state")
                    .callback(cb -> {
                        cb.call(pool.active(), "active");
                        cb.call(pool.idle(), "idle");
                        cb.call(pool.max(), "max");
                    }).register(registry);
        }
    }

    /** {@link #StoreMetrics(PrometheusRegistry, RecorderStats, PoolStats)} with the pool of {@code store} when it has one. */
    public static StoreMetrics register(PrometheusRegistry registry, RecorderStats stats, Object store) {
        return new StoreMetrics(registry, stats, store instanceof PoolStats p ? p : null);
    }

    /**
     * Registers the counters of a retention job: {@code ttquant_store_retention_runs_total},
     * {@code ttquant_store_retention_rows_deleted_total} and {@code ttquant_store_retention_errors_total},
     * read from the job at scrape time.
     */
    public static void registerRetention(PrometheusRegistry registry, RetentionJob job) {
        CounterWithCallback.builder().name("ttquant_store_retention_runs_total")
                .help("Runs of the store's retention job (deleting market data older than the retention), failed ones included")
                .callback(cb -> cb.call(job.runs())).register(registry);
        CounterWithCallback.builder().name("ttquant_store_retention_rows_deleted_total")
                .help("Rows of market data the store's retention job deleted")
                .callback(cb -> cb.call(job.rowsDeleted())).register(registry);
        CounterWithCallback.builder().name("ttquant_store_retention_errors_total")
                .help("Runs of the store's retention job that failed (the next run tries again)")
                .callback(cb -> cb.call(job.errors())).register(registry);
    }

    private void registerRecorder(PrometheusRegistry registry, RecorderStats stats) {
        CounterWithCallback.builder().name("ttquant_store_rows_written_total")
                .help("Market data rows written to the store, by table").labelNames("table")
                .callback(cb -> {
                    for (RecordedStream s : STREAMS) {
                        cb.call(stats.rowsWritten(s), s.table());
                    }
                }).register(registry);
        CounterWithCallback.builder().name("ttquant_store_batches_total")
                .help("Batches written to the store, by table").labelNames("table")
                .callback(cb -> {
                    for (RecordedStream s : STREAMS) {
                        cb.call(stats.batchesWritten(s), s.table());
                    }
                }).register(registry);
        Histogram flush = Histogram.builder().name("ttquant_store_flush_seconds")
                .help("Time to write one batch to the store, by table").unit(Unit.SECONDS).labelNames("table")
                .classicOnly().classicUpperBounds(FLUSH_BUCKETS).register(registry);
        Histogram rows = Histogram.builder().name("ttquant_store_batch_rows")
                .help("Rows per batch written to the store, by table").labelNames("table")
                .classicOnly().classicUpperBounds(ROWS_BUCKETS).register(registry);
        for (RecordedStream s : STREAMS) {
            flushSeconds[s.ordinal()] = flush.labelValues(s.table());
            batchRows[s.ordinal()] = rows.labelValues(s.table());
        }
        GaugeWithCallback.builder().name("ttquant_store_queue_depth")
                .help("Rows waiting in the recorder's queue, by stream").labelNames("stream")
                .callback(cb -> {
                    for (RecordedStream s : STREAMS) {
                        cb.call(stats.queueDepth(s), s.label());
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("ttquant_store_queue_capacity")
                .help("Rows the recorder's queue holds before dropping, by stream").labelNames("stream")
                .callback(cb -> {
                    for (RecordedStream s : STREAMS) {
                        cb.call(stats.queueCapacity(s), s.label());
                    }
                }).register(registry);
        CounterWithCallback.builder().name("ttquant_store_dropped_total")
                .help("Market data rows not recorded, by stream and reason (queue_full: the explicit DROP_NEWEST policy; "
                        + "closed: offered after shutdown began; shutdown: unwritten at the shutdown deadline; invalid)")
                .labelNames("stream", "reason")
                .callback(cb -> {
                    for (RecordedStream s : STREAMS) {
                        for (DropReason r : REASONS) {
                            cb.call(stats.dropped(s, r), s.label(), r.label());
                        }
                    }
                }).register(registry);
        CounterWithCallback.builder().name("ttquant_store_failed_rows_total")
                .help("Rows of batches that failed with a non-retryable error, by table").labelNames("table")
                .callback(cb -> {
                    for (RecordedStream s : STREAMS) {
                        cb.call(stats.failedRows(s), s.table());
                    }
                }).register(registry);
        CounterWithCallback.builder().name("ttquant_store_write_errors_total")
                .help("Failed batch writes, by table and kind (retryable: retried with back-off; non_retryable: rows failed)")
                .labelNames("table", "kind")
                .callback(cb -> {
                    for (RecordedStream s : STREAMS) {
                        cb.call(stats.writeErrors(s, true), s.table(), "retryable");
                        cb.call(stats.writeErrors(s, false), s.table(), "non_retryable");
                    }
                }).register(registry);
        CounterWithCallback.builder().name("ttquant_store_retries_total")
                .help("Batch writes retried after a retryable failure")
                .callback(cb -> cb.call(stats.retries())).register(registry);
        GaugeWithCallback.builder().name("ttquant_store_writer_up")
                .help("1 while the market data writer writes normally, 0 while it retries a failing store or is closed")
                .callback(cb -> cb.call(stats.state() == WriterState.OK ? 1 : 0)).register(registry);
        stats.writeListener(this::onWrite);
    }

    private void onWrite(RecordedStream stream, int rows, long nanos) {
        flushSeconds[stream.ordinal()].observe(nanos / 1e9);
        batchRows[stream.ordinal()].observe(rows);
    }
}
