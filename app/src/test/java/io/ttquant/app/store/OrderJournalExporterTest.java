package io.ttquant.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.app.gateway.journal.JournalConfig;
import io.ttquant.app.gateway.journal.JournalWorkloads;
import io.ttquant.app.gateway.journal.OrderJournal;
import io.ttquant.core.time.Clock;
import io.ttquant.core.time.SystemEpochClock;
import io.ttquant.store.StoreException;
import io.ttquant.store.trading.FillRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exporter against an in-memory store with the real store's rules and injected failures,
 * on real journals written by the seeded gateway workload: every order, fill and position ends in
 * the store exactly once whatever fails when, a restart exports only what follows the saved
 * progress, compaction waits for the export, and failures are retried or stop the export loudly.
 * Time is a manual clock moved by the test; nothing sleeps (but the drain test, which runs the
 * real thread and polls with a deadline).
 */
class OrderJournalExporterTest {
    private static final long MS = 1_000_000L;
    private static final String SOURCE = OrderJournalExporter.Settings.sourceFor("paper");

    @TempDir
    Path root;

    private final ManualClock clock = new ManualClock();

    static final class ManualClock implements Clock {
        long now = 1_700_000_000_000_000_000L;

        @Override
        public long nanos() {
            return now;
        }
    }

    private static OrderJournalExporter.Settings settings(int batchRecords) {
        return OrderJournalExporter.Settings.defaults(SOURCE).withBatch(batchRecords, 50 * MS);
    }

    private OrderJournalExporter exporter(Path dir, FakeTradingStore store, int batchRecords) {
        return new OrderJournalExporter(settings(batchRecords), dir, () -> store, clock, nanos -> clock.now += nanos);
    }

    /** Opens the journal in {@code dir} (compaction held back by the exporter's watermark) and makes the exporter follow it. */
    static OrderJournal followed(Path dir, OrderJournalExporter e) {
        OrderJournal j = JournalWorkloads.open(dir, 1L << 30, e::watermark);
        e.follow(j::durablePosition);
        return j;
    }

    /** Steps the exporter, moving the clock 10 ms a step, until it has exported the journal's durable end (bounded). */
    private void exportAll(OrderJournalExporter e, OrderJournal j) {
        for (int i = 0; i < 200_000; i++) {
            e.doWork();
            if (e.state() == OrderJournalExporter.State.FAILED) {
                throw new AssertionError("export failed: " + e.lastError());
            }
            if (e.exportedPosition() == j.durablePosition() && e.pendingRecords() == 0) {
                return;
            }
            clock.now += 10 * MS;
        }
        throw new AssertionError("not exported: " + e.describe());
    }

    private static void assertExactlyOnce(FakeTradingStore store) {
        for (var e : store.fillWrites.entrySet()) {
            assertThat(e.getValue()).as("writes of fill %s", e.getKey()).isEqualTo(1);
        }
        for (int i = 1; i < store.progressHistory.size(); i++) {
            assertThat(store.progressHistory.get(i)).as("progress only grows").isGreaterThanOrEqualTo(store.progressHistory.get(i - 1));
        }
    }

    @Test
    void shouldExportEveryOrderFillAndPositionExactlyOnceWhenEveryThirdWriteFails() {
        Path dir = root.resolve("journal");
        FakeTradingStore store = new FakeTradingStore();
        store.failBefore = n -> n % 3 == 0 ? FakeTradingStore.retryable("connection reset (injected)") : null;
        OrderJournalExporter e = exporter(dir, store, 100);
        OrderJournal j = followed(dir, e);
        JournalWorkloads w = new JournalWorkloads(21);
        for (int round = 0; round < 20; round++) {
            w.write(j, 250); // the journal grows while the export runs and fails
            for (int k = 0; k < 30; k++) {
                e.doWork();
                clock.now += 7 * MS;
            }
        }
        exportAll(e, j);
        j.close();

        assertThat(e.retryableErrors()).isGreaterThan(10);
        assertThat(e.state()).isEqualTo(OrderJournalExporter.State.OK);
        assertExactlyOnce(store);
        StoreContent expected = JournalExpectation.of(dir);
        StoreContent actual = store.content();
        assertThat(expected.fills()).hasSizeGreaterThan(500);
        assertThat(actual.orders()).isEqualTo(expected.orders());
        assertThat(actual.fills()).isEqualTo(expected.fills());
        assertThat(actual.positions()).isEqualTo(expected.positions());
        assertThat(store.progress.get(SOURCE)).isEqualTo(e.exportedPosition());
        assertThat(e.fillRows()).isEqualTo(expected.fills().size());
        assertThat(e.batches()).isGreaterThanOrEqualTo(e.exportedRecords() / 100);
        e.close();
        assertThat(store.closed).isTrue();
    }

    @Test
    void shouldKeepTheStoreExactWhenACommitsAnswerIsLostAndTheBatchIsSentAgain() {
        Path dir = root.resolve("journal");
        FakeTradingStore store = new FakeTradingStore();
        store.failAfter = n -> n % 4 == 2 ? FakeTradingStore.retryable("connection lost after COMMIT (injected)") : null;
        OrderJournalExporter e = exporter(dir, store, 64);
        OrderJournal j = followed(dir, e);
        new JournalWorkloads(22).write(j, 3_000);
        exportAll(e, j);
        j.close();

        // Rows of a batch committed twice are stored once: the keys make the repeat harmless.
        StoreContent expected = JournalExpectation.of(dir);
        assertThat(store.content()).isEqualTo(expected);
        assertThat(store.fillWrites.values()).contains(2);
    }

    @Test
    void shouldExportOnlyWhatFollowsTheSavedProgressAfterARestart() {
        Path dir = root.resolve("journal");
        FakeTradingStore store = new FakeTradingStore();
        JournalWorkloads w = new JournalWorkloads(23);
        OrderJournalExporter first = exporter(dir, store, 100);
        OrderJournal j = followed(dir, first);
        w.write(j, 1_500);
        exportAll(first, j);
        long saved = first.exportedPosition();
        first.close();
        j.close(); // as at a restart (a kill leaves the same files and progress)

        int fillBatchesBefore = store.committedFills.size();
        Set<String> before = new HashSet<>(store.fills.keySet());
        OrderJournalExporter second = exporter(dir, store, 100);
        j = followed(dir, second);
        w.write(j, 1_500);
        exportAll(second, j);
        j.close();

        assertThat(second.startProgress()).isEqualTo(saved);
        List<List<FillRow>> after = store.committedFills.subList(fillBatchesBefore, store.committedFills.size());
        int fillsAfter = 0;
        for (List<FillRow> b : after) {
            for (FillRow f : b) {
                assertThat(before).as("a fill exported before the restart is not sent again").doesNotContain(FakeTradingStore.fillKey(f));
                fillsAfter++;
            }
        }
        assertThat(fillsAfter).isPositive();
        assertThat(second.fillRows()).isEqualTo(fillsAfter);
        assertExactlyOnce(store);
        assertThat(store.content()).isEqualTo(JournalExpectation.of(dir));
    }

    @Test
    void shouldHoldCompactionBackUntilTheRecordsAreExported() throws Exception {
        Path dir = root.resolve("journal");
        Path full = root.resolve("full"); // the same records, never compacted: what the store must hold
        FakeTradingStore store = new FakeTradingStore();
        store.down = true;
        OrderJournalExporter e = exporter(dir, store, 200);
        OrderJournal j = JournalWorkloads.open(dir, JournalConfig.MIN_SEGMENT_BYTES, e::watermark);
        OrderJournal f = JournalWorkloads.open(full, 1L << 30, null);
        e.follow(j::durablePosition);
        JournalWorkloads w = new JournalWorkloads(24);
        JournalWorkloads wf = new JournalWorkloads(24);
        for (int round = 0; round < 10; round++) {
            w.write(j, 300);
            wf.write(f, 300);
            for (int k = 0; k < 20; k++) {
                e.doWork();
                clock.now += 50 * MS;
            }
        }
        assertThat(e.state()).isEqualTo(OrderJournalExporter.State.RETRYING);
        assertThat(j.segment()).isGreaterThan(5);
        assertThat(j.compactions()).as("nothing exported, nothing compacted").isZero();
        long held = Files.list(dir).filter(p -> p.toString().endsWith(".seg")).count();
        assertThat(held).isEqualTo(j.segment() + 1);

        store.down = false; // the database is back
        for (int round = 0; round < 10; round++) {
            exportAll(e, j);
            w.write(j, 300); // segments keep rolling: now they may be compacted
            wf.write(f, 300);
        }
        exportAll(e, j);
        assertThat(j.compactions()).isPositive();
        assertThat(j.compactionFailure()).isNull();
        j.close();
        f.close();
        assertThat(e.state()).isEqualTo(OrderJournalExporter.State.OK);
        assertExactlyOnce(store);
        assertThat(store.content()).isEqualTo(JournalExpectation.of(full));
    }

    @Test
    void shouldExportASnapshotsOrdersAndPositionsAndSayWhatWasLostWhenTheJournalWasCompactedBeforeAnyExport() {
        Path dir = root.resolve("journal");
        OrderJournal j = JournalWorkloads.open(dir, JournalConfig.MIN_SEGMENT_BYTES, null); // no exporter yet: compacts
        new JournalWorkloads(25).write(j, 3_000);
        assertThat(j.compactions()).isPositive();
        FakeTradingStore store = new FakeTradingStore();
        OrderJournalExporter e = exporter(dir, store, 100);
        e.follow(j::durablePosition);
        exportAll(e, j);
        j.close();

        assertThat(e.compactedBeforeExport()).isPositive();
        assertThat(e.state()).isEqualTo(OrderJournalExporter.State.OK);
        StoreContent expected = JournalExpectation.of(dir); // the snapshot's orders and positions, the fills after it
        StoreContent actual = store.content();
        assertThat(actual.orders()).isEqualTo(expected.orders());
        assertThat(actual.positions()).isEqualTo(expected.positions());
        assertThat(actual.fills()).containsAll(expected.fills());
    }

    @Test
    void shouldRetryWithGrowingBackOffWhileTheStoreIsUnreachableAtStartAndThenExportEverything() {
        Path dir = root.resolve("journal");
        FakeTradingStore store = new FakeTradingStore();
        int[] opens = new int[1];
        boolean[] reachable = new boolean[1];
        OrderJournalExporter e = new OrderJournalExporter(settings(100), dir, () -> {
            opens[0]++;
            if (!reachable[0]) {
                throw new StoreException("cannot connect to 127.0.0.1:5432 (injected)", true, null);
            }
            return store;
        }, clock, nanos -> clock.now += nanos);
        OrderJournal j = followed(dir, e);
        new JournalWorkloads(26).write(j, 500);

        e.doWork();
        assertThat(opens[0]).isEqualTo(1);
        assertThat(e.state()).isEqualTo(OrderJournalExporter.State.RETRYING);
        assertThat(e.lastError()).contains("cannot open the store", "injected");
        clock.now += 99 * MS;
        e.doWork();
        assertThat(opens[0]).as("not before the back-off of 100 ms").isEqualTo(1);
        clock.now += MS;
        e.doWork();
        assertThat(opens[0]).isEqualTo(2);
        clock.now += 199 * MS;
        e.doWork();
        assertThat(opens[0]).as("the back-off doubled to 200 ms").isEqualTo(2);
        for (int i = 0; i < 10; i++) {
            clock.now += 60_000 * MS;
            e.doWork();
        }
        long at = opens[0];
        clock.now += 4_999 * MS;
        e.doWork();
        assertThat(opens[0]).as("the back-off stops growing at 5 s").isEqualTo(at);
        clock.now += MS;
        reachable[0] = true;
        exportAll(e, j);
        j.close();
        assertThat(e.state()).isEqualTo(OrderJournalExporter.State.OK);
        assertThat(store.content()).isEqualTo(JournalExpectation.of(dir));
    }

    @Test
    void shouldStopExportingForGoodAfterAFailureThatRetryingCannotFix() {
        Path dir = root.resolve("journal");
        FakeTradingStore store = new FakeTradingStore();
        store.failBefore = n -> n == 3 ? new StoreException("relation \"fills\" does not exist (injected)", false, null) : null;
        OrderJournalExporter e = exporter(dir, store, 50);
        OrderJournal j = followed(dir, e);
        new JournalWorkloads(27).write(j, 1_000);
        for (int i = 0; i < 1_000; i++) {
            e.doWork();
            clock.now += 10 * MS;
        }
        j.close();
        assertThat(e.state()).isEqualTo(OrderJournalExporter.State.FAILED);
        assertThat(e.lastError()).contains("does not exist");
        assertThat(e.fatalErrors()).isEqualTo(1);
        assertThat(store.writeCalls).as("nothing written after the failure").isEqualTo(3);
        assertThat(e.lagBytes()).isPositive();
        assertThat(e.watermark()).as("compaction keeps what was not exported").isLessThanOrEqualTo(e.exportedPosition());
    }

    @Test
    void shouldRefuseASavedProgressBeyondTheJournalsEnd() {
        Path dir = root.resolve("journal");
        FakeTradingStore store = new FakeTradingStore();
        store.progress.put(SOURCE, 1L << 40);
        OrderJournalExporter e = exporter(dir, store, 50);
        OrderJournal j = followed(dir, e);
        new JournalWorkloads(28).write(j, 100);
        e.doWork();
        j.close();
        assertThat(e.state()).isEqualTo(OrderJournalExporter.State.FAILED);
        assertThat(e.lastError()).contains("beyond the end", "another (or a reset) journal");
        assertThat(store.writeCalls).isZero();
    }

    @Test
    void shouldDrainEverythingJournaledWhenClosedAfterTheJournal() {
        Path dir = root.resolve("journal");
        FakeTradingStore store = new FakeTradingStore();
        OrderJournalExporter e = new OrderJournalExporter(OrderJournalExporter.Settings.defaults(SOURCE)
                .withBatch(1_000_000, TimeUnit.HOURS.toNanos(1)), dir, () -> store, SystemEpochClock.instance(),
                LockSupport::parkNanos);
        OrderJournal j = followed(dir, e);
        e.start();
        new JournalWorkloads(29).write(j, 2_000);
        j.close(); // the gateway stops: the journal is closed, then the export drains
        e.close(); // no batch was due (huge batches, an hour's delay): the drain writes it
        assertThat(e.exportedPosition()).isEqualTo(j.durablePosition());
        assertThat(store.content()).isEqualTo(JournalExpectation.of(dir));
        assertThat(store.closed).isTrue();
    }
}
