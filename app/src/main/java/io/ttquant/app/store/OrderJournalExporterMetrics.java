package io.ttquant.app.store;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The store export's Prometheus metrics ({@code ttquant_store_export_*} and
 * {@code ttquant_store_journal_bytes}), registered in the gateway's registry: records and rows
 * exported (per table), transactions, write errors (retried or fatal), how far the export stands
 * and how far behind the journal it is (bytes and records), the journal's size on disk, the state
 * (0 ok, 1 retrying, 2 failed) and journal bytes compacted before they were exported. Every value
 * is read at scrape time from the exporter's volatile stats; nothing here touches the export
 * thread or allocates per observation.
 */
public final class OrderJournalExporterMetrics {
    private OrderJournalExporterMetrics() {
    }

    /** Registers the series reading {@code exporter} in {@code registry}. */
    public static void register(PrometheusRegistry registry, OrderJournalExporter exporter) {
        CounterWithCallback.builder().name("ttquant_store_export_records_total")
                .help("Order journal records whose rows are committed to the store, since start")
                .callback(cb -> cb.call(exporter.exportedRecords())).register(registry);
        CounterWithCallback.builder().name("ttquant_store_export_rows_total")
                .help("Rows written to the store from the order journal, by table, since start").labelNames("table")
                .callback(cb -> {
                    cb.call(exporter.orderRows(), "orders");
                    cb.call(exporter.fillRows(), "fills");
                    cb.call(exporter.positionRows(), "positions");
                }).register(registry);
        CounterWithCallback.builder().name("ttquant_store_export_batches_total")
                .help("Transactions (rows and progress together) committed by the order journal export, since start")
                .callback(cb -> cb.call(exporter.batches())).register(registry);
        CounterWithCallback.builder().name("ttquant_store_export_write_errors_total")
                .help("Store failures of the order journal export: retryable (retried after a back-off) or fatal (export stopped)")
                .labelNames("kind")
                .callback(cb -> {
                    cb.call(exporter.retryableErrors(), "retryable");
                    cb.call(exporter.fatalErrors(), "fatal");
                }).register(registry);
        GaugeWithCallback.builder().name("ttquant_store_export_position")
                .help("Order journal position (bytes since the journal began) up to which the store holds the rows")
                .callback(cb -> cb.call(exporter.exportedPosition())).register(registry);
        GaugeWithCallback.builder().name("ttquant_store_export_journal_position")
                .help("Order journal position durable on disk (what the export replays towards)")
                .callback(cb -> cb.call(exporter.durablePosition())).register(registry);
        GaugeWithCallback.builder().name("ttquant_store_export_lag_bytes")
                .help("Order journal bytes durable but not yet in the store")
                .callback(cb -> cb.call(exporter.lagBytes())).register(registry);
        GaugeWithCallback.builder().name("ttquant_store_export_lag_records")
                .help("Order journal records read but not yet committed to the store")
                .callback(cb -> cb.call(exporter.pendingRecords())).register(registry);
        GaugeWithCallback.builder().name("ttquant_store_export_state")
                .help("Order journal export state: 0 ok, 1 retrying (store unreachable: the journal keeps everything), "
                        + "2 failed (export stopped; see the log)")
                .callback(cb -> cb.call(exporter.state().ordinal())).register(registry);
        GaugeWithCallback.builder().name("ttquant_store_export_compacted_unexported_bytes")
                .help("Order journal bytes compacted before they were exported (their fills are not in the store); 0 normally")
                .callback(cb -> cb.call(exporter.compactedBeforeExport())).register(registry);
        GaugeWithCallback.builder().name("ttquant_store_journal_bytes")
                .help("Bytes the order journal's files take on disk (grows while the store is unreachable)")
                .callback(cb -> cb.call(exporter.journalBytes())).register(registry);
    }
}
