package io.ttquant.store.duckdb;

import static io.ttquant.store.duckdb.DuckDbStoreTest.BTC;
import static io.ttquant.store.duckdb.DuckDbStoreTest.DAY;
import static io.ttquant.store.duckdb.DuckDbStoreTest.T0;
import static io.ttquant.store.duckdb.DuckDbStoreTest.VENUE;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.store.StoreConfig;
import io.ttquant.store.batch.TradeBatch;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading while writing: a backtest thread reads history while the writer thread appends. Every
 * read sees whole batches only (each is one transaction), in order, and a reader keeps the snapshot
 * it started with while later batches commit.
 */
class DuckDbStoreConcurrencyTest {
    private static final int BATCH = 2_000;
    private static final int BATCHES = 40;

    @TempDir
    Path dir;
    private DuckDbStore store;
    private ExecutorService writerThread;

    @BeforeEach
    void open() {
        store = DuckDbStore.open(StoreConfig.duckdb(dir.resolve("concurrent.duckdb")));
        writerThread = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void close() throws InterruptedException {
        writerThread.shutdownNow();
        assertThat(writerThread.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        store.close();
    }

    @Test
    void shouldReadWholeBatchesInOrderWhileAnotherThreadWrites() throws Exception {
        AtomicInteger written = new AtomicInteger();
        // a batch is visible to readers once committed, which can be just before written counts it
        AtomicInteger started = new AtomicInteger();
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            TradeBatch batch = new TradeBatch(BATCH);
            for (int b = 0; b < BATCHES; b++) {
                batch.clear();
                for (int i = 0; i < BATCH; i++) {
                    long id = (long) b * BATCH + i;
                    batch.add(VENUE, BTC, T0 + id * 1_000L, 0, id, 100 + id % 7, 1, Side.BUY);
                }
                started.incrementAndGet();
                store.writeTrades(batch);
                written.incrementAndGet();
            }
        }, writerThread);

        int reads = 0;
        while (!writing.isDone() || reads == 0) {
            int before = written.get();
            long n = readAndCheckOrder();
            int after = started.get();
            assertThat(n % BATCH).as("whole batches only").isZero();
            assertThat(n / BATCH).isBetween((long) before, (long) after);
            reads++;
        }
        writing.get(60, TimeUnit.SECONDS);
        assertThat(readAndCheckOrder()).isEqualTo((long) BATCH * BATCHES);
    }

    @Test
    void shouldKeepTheSnapshotAReaderStartedWith() {
        TradeBatch batch = new TradeBatch(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(VENUE, BTC, T0 + i * 1_000L, 0, i, 100, 1, Side.BUY);
        }
        store.writeTrades(batch);
        try (MarketDataSource source = store.readTrades(VENUE, BTC, T0, T0 + DAY)) {
            assertThat(source.advance()).isTrue();
            store.writeTrades(batch);
            int n = 1;
            while (source.advance()) {
                n++;
            }
            assertThat(n).isEqualTo(BATCH);
        }
        assertThat(store.count("market_trades")).isEqualTo(2L * BATCH);
    }

    /** Reads every trade, checking (time, id) order; returns how many. */
    private long readAndCheckOrder() {
        long n = 0;
        long lastId = -1;
        try (MarketDataSource source = store.readTrades(VENUE, BTC, T0, T0 + DAY)) {
            while (source.advance()) {
                TradeTick t = (TradeTick) source.current();
                assertThat(t.tradeId()).isEqualTo(lastId + 1);
                assertThat(t.exchangeTimeNanos()).isEqualTo(T0 + t.tradeId() * 1_000L);
                lastId = t.tradeId();
                n++;
            }
        }
        return n;
    }
}
