package io.ttquant.store.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.order.Side;
import io.ttquant.store.Store;
import io.ttquant.store.StoreConfig;
import io.ttquant.store.Stores;
import io.ttquant.store.batch.TradeBatch;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retention job on an in-memory DuckDB store with a 30-day retention, driven by a fake clock
 * and a scheduler the test runs by hand: what it deletes, what it logs and counts, when it
 * schedules nothing, and that a failed run neither throws nor stops the next one.
 */
class RetentionJobTest {
    private static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");
    private static final long DAY = 86_400_000_000_000L;
    /** 2024-08-08T00:00:00Z. */
    private static final long T0 = 1_723_075_200_000_000_000L;

    private final AtomicLong now = new AtomicLong(T0);
    private final HandScheduler scheduler = new HandScheduler();
    private final ListLog log = new ListLog();
    private Store store;

    @BeforeEach
    void openStore() {
        store = Stores.open(StoreConfig.duckdb(null));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void shouldDeleteMarketDataOlderThanTheRetentionAtEachRunAndCountWhatItDid() {
        writeTrades(T0 - 40 * DAY, T0 - 31 * DAY, T0 - 29 * DAY);
        RetentionJob job = RetentionJob.start(store, now::get, store.retentionJobInterval(), RetentionJob.FIRST_RUN_DELAY,
                scheduler, log);

        assertThat(job.scheduled()).isTrue();
        assertThat(scheduler.firstDelay).isEqualTo(Duration.ofMinutes(1));
        assertThat(scheduler.interval).isEqualTo(Duration.ofHours(1));
        scheduler.runOnce();

        assertThat(store.count("market_trades")).isEqualTo(1);
        assertThat(job.runs()).isEqualTo(1);
        assertThat(job.rowsDeleted()).isEqualTo(2);
        assertThat(job.errors()).isZero();
        assertThat(log.lines).containsExactly("INFO Retention: deleted 2 rows of market data older than the retention "
                + "from " + store.describe());

        now.addAndGet(2 * DAY);
        scheduler.runOnce();

        assertThat(store.count("market_trades")).isZero();
        assertThat(job.runs()).isEqualTo(2);
        assertThat(job.rowsDeleted()).isEqualTo(3);
        assertThat(log.lines).hasSize(2);
    }

    @Test
    void shouldSayNothingWhenARunFindsNothingToDelete() {
        writeTrades(T0 - DAY);
        RetentionJob job = RetentionJob.start(store, now::get, Duration.ofHours(1), Duration.ZERO, scheduler, log);

        scheduler.runOnce();
        scheduler.runOnce();

        assertThat(job.runs()).isEqualTo(2);
        assertThat(job.rowsDeleted()).isZero();
        assertThat(log.lines).isEmpty();
        assertThat(store.count("market_trades")).isOne();
    }

    @Test
    void shouldScheduleNothingForAStoreThatKeepsMarketDataForEver() {
        try (Store forever = Stores.open(StoreConfig.duckdb(null).withRetention(0, 0))) {
            assertThat(forever.retentionJobInterval()).isZero();

            RetentionJob job = RetentionJob.start(forever, now::get, forever.retentionJobInterval(), Duration.ZERO,
                    scheduler, log);

            assertThat(job.scheduled()).isFalse();
            assertThat(scheduler.task).isNull();
            job.close();
            assertThat(job.runs()).isZero();
        }
    }

    @Test
    void shouldCountAFailedRunWithoutThrowingAndTryAgainAtTheNext() {
        Store failing = Stores.open(StoreConfig.duckdb(null));
        failing.close();
        RetentionJob job = RetentionJob.start(failing, now::get, Duration.ofHours(1), Duration.ZERO, scheduler, log);

        scheduler.runOnce();

        assertThat(job.errors()).isOne();
        assertThat(job.runs()).isOne();
        assertThat(log.lines).singleElement().asString().startsWith("WARN Retention: deleting old market data from ")
                .contains("failed (next try in 1 h)").contains("is closed");
        assertThat(job.run()).isEqualTo(-1);
        assertThat(job.errors()).isEqualTo(2);
    }

    @Test
    void shouldStopItsScheduleWhenClosedAndLeaveTheStoreOpen() {
        RetentionJob job = RetentionJob.start(store, now::get, Duration.ofHours(1), Duration.ZERO, scheduler, log);

        job.close();

        assertThat(scheduler.closed).isTrue();
        assertThat(store.count("market_trades")).isZero();
    }

    @Test
    void shouldRunOnItsOwnDaemonThreadUntilClosed() {
        writeTrades(T0 - 31 * DAY);
        RetentionJob job = RetentionJob.start(store, now::get, Duration.ofHours(1), Duration.ZERO,
                RetentionJob.Scheduler.DAEMON_THREAD);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (job.runs() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        job.close();

        assertThat(job.runs()).isOne();
        assertThat(job.rowsDeleted()).isOne();
        while (retentionThreadAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(retentionThreadAlive()).isFalse();
    }

    private static boolean retentionThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("ttquant-retention"));
    }

    private void writeTrades(long... times) {
        TradeBatch batch = new TradeBatch(times.length);
        for (int i = 0; i < times.length; i++) {
            batch.add("BINANCE", BTC, times[i], 0, i, 100, 1, Side.BUY);
        }
        store.writeTrades(batch);
    }

    /** Keeps the scheduled task for the test to run; records the schedule and whether it was closed. */
    private static final class HandScheduler implements RetentionJob.Scheduler {
        Runnable task;
        Duration firstDelay;
        Duration interval;
        boolean closed;

        @Override
        public AutoCloseable schedule(Runnable task, Duration firstDelay, Duration interval) {
            this.task = task;
            this.firstDelay = firstDelay;
            this.interval = interval;
            return () -> closed = true;
        }

        void runOnce() {
            task.run();
        }
    }
}
