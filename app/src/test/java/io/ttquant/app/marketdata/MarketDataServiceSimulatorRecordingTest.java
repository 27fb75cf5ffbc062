package io.ttquant.app.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.store.Store;
import io.ttquant.store.StoreConfig;
import io.ttquant.store.Stores;
import io.ttquant.store.writer.RecordedStream;
import io.ttquant.store.writer.RecorderStats;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live pipeline (against the exchange simulator on 127.0.0.1) recording into DuckDB: every
 * published trade and quote is stored, and each symbol's book is snapshotted periodically.
 */
class MarketDataServiceSimulatorRecordingTest {
    @TempDir
    Path dir;

    @Test
    void shouldStoreEveryPublishedTradeAndQuoteAndPeriodicBookSnapshotsOfEverySymbol() throws Exception {
        Path db = dir.resolve("live.duckdb");
        RecorderStats stats;
        int trades = 0;
        int quotes = 0;
        SimulatorFeedHarness h = new SimulatorFeedHarness(300, 20,
                c -> c.store(StoreConfig.duckdb(db)).bookSnapshotInterval(Duration.ofMillis(200)));
        try {
            stats = h.service.recorder().stats();
            SimulatorFeedHarness.await(60_000, "three book snapshots per symbol and some trades written",
                    () -> stats.rowsWritten(RecordedStream.BOOK_SNAPSHOTS) >= 3L * SimulatorFeedHarness.SYMBOLS.size()
                            && stats.rowsWritten(RecordedStream.TRADES) > 0);
        } finally {
            h.close();
        }
        // The service is closed: its event loop (the downstream's thread) has stopped.
        for (String s : SimulatorFeedHarness.SYMBOLS) {
            trades += h.downstream.count(s, "trade");
            quotes += h.downstream.count(s, "quote");
        }
        assertThat(stats.droppedTotal(RecordedStream.TRADES) + stats.droppedTotal(RecordedStream.QUOTES)
                + stats.droppedTotal(RecordedStream.BOOK_SNAPSHOTS)).isZero();
        try (Store store = Stores.open(StoreConfig.duckdb(db))) {
            assertThat(store.count("market_trades")).isEqualTo(trades).isPositive();
            assertThat(store.count("market_quotes")).isEqualTo(quotes).isPositive();
            assertThat(store.count("book_snapshots")).isEqualTo(stats.rowsWritten(RecordedStream.BOOK_SNAPSHOTS))
                    .isGreaterThanOrEqualTo(3L * SimulatorFeedHarness.SYMBOLS.size());
        }
    }
}
