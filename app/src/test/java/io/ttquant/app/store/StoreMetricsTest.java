package io.ttquant.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.store.MarketDataStoreStub;
import io.ttquant.store.PoolStats;
import io.ttquant.store.Store;
import io.ttquant.store.StoreConfig;
import io.ttquant.store.StoreException;
import io.ttquant.store.Stores;
import io.ttquant.store.batch.TradeBatch;
import io.ttquant.store.writer.MarketDataRecorder;
import io.ttquant.store.writer.RecorderConfig;
import io.ttquant.store.writer.RetentionJob;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The {@code ttquant_store_*} metrics as a scrape shows them. */
class StoreMetricsTest {
    private static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");

    @Test
    void shouldExportWhatTheRecorderWroteDroppedAndFailedAndThePoolUsage() throws Exception {
        CountingStore store = new CountingStore();
        AtomicLong now = new AtomicLong();
        RecorderConfig config = RecorderConfig.builder().queues(4, 4, 4, 4).batchRows(2).build();
        MarketDataRecorder recorder = new MarketDataRecorder(store, config, now::get, nanos -> now.addAndGet(nanos));
        PrometheusRegistry registry = new PrometheusRegistry();
        new StoreMetrics(registry, recorder.stats(), new PoolStats() {
            @Override
            public int active() {
                return 3;
            }

            @Override
            public int idle() {
                return 2;
            }

            @Override
            public int max() {
                return 10;
            }
        });
        TradeTick t = new TradeTick();
        for (int i = 0; i < 6; i++) {
            recorder.recordTrade("binance", t.set(BTC, i, i, 1, 1, Side.BUY, i));
        }
        recorder.doWork(now.get());
        store.fail = true;
        recorder.doWork(now.get());
        String text = scrape(registry);
        assertThat(text)
                .contains("ttquant_store_rows_written_total{table=\"market_trades\"} 2.0")
                .contains("ttquant_store_batches_total{table=\"market_trades\"} 1.0")
                .contains("ttquant_store_batch_rows_count{table=\"market_trades\"} 1")
                .contains("ttquant_store_flush_seconds_count{table=\"market_trades\"} 1")
                .contains("ttquant_store_queue_depth{stream=\"trades\"} 0.0")
                .contains("ttquant_store_queue_capacity{stream=\"quotes\"} 4.0")
                .contains("ttquant_store_dropped_total{reason=\"queue_full\",stream=\"trades\"} 2.0")
                .contains("ttquant_store_write_errors_total{kind=\"retryable\",table=\"market_trades\"} 1.0")
                .contains("ttquant_store_retries_total 1.0")
                .contains("ttquant_store_writer_up 0.0")
                .contains("ttquant_store_pool_connections{state=\"active\"} 3.0")
                .contains("ttquant_store_pool_connections{state=\"max\"} 10.0");
        store.fail = false;
        recorder.close();
        assertThat(scrape(registry)).contains("ttquant_store_rows_written_total{table=\"market_trades\"} 4.0");
    }

    @Test
    void shouldExportWhatTheRetentionJobDid() throws Exception {
        long day = 86_400_000_000_000L;
        long now = 1_723_075_200_000_000_000L;
        try (Store store = Stores.open(StoreConfig.duckdb(null))) {
            TradeBatch old = new TradeBatch(2);
            old.add("BINANCE", BTC, now - 40 * day, 0, 1, 100, 1, Side.BUY);
            old.add("BINANCE", BTC, now - 35 * day, 0, 2, 100, 1, Side.BUY);
            store.writeTrades(old);
            Runnable[] task = new Runnable[1];
            RetentionJob job = RetentionJob.start(store, () -> now, Duration.ofHours(1), Duration.ZERO,
                    (run, firstDelay, interval) -> {
                        task[0] = run;
                        return () -> { };
                    });
            PrometheusRegistry registry = new PrometheusRegistry();
            StoreMetrics.registerRetention(registry, job);

            task[0].run();
            task[0].run();

            assertThat(scrape(registry)).contains("ttquant_store_retention_runs_total 2.0")
                    .contains("ttquant_store_retention_rows_deleted_total 2.0")
                    .contains("ttquant_store_retention_errors_total 0.0");
        }
    }

    private static String scrape(PrometheusRegistry registry) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Counts trades; fails (retryable) while {@code fail} is set. */
    private static final class CountingStore extends MarketDataStoreStub {
        volatile boolean fail;
        long trades;

        @Override
        public void writeTrades(TradeBatch batch) {
            if (fail) {
                throw new StoreException("down", true, null);
            }
            trades += batch.size();
        }

        @Override
        public long count(String table) {
            return trades;
        }
    }
}
