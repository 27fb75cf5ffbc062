package io.ttquant.app.gateway.journal;

import static io.ttquant.app.gateway.journal.JournalFixture.BTC;
import static io.ttquant.app.gateway.journal.JournalFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactionTest {
    private static final long MS = 1_000_000L;

    @TempDir
    Path root;

    private static JournalConfig.Builder config(Path dir, long segmentBytes) {
        return JournalFixture.config(dir).segmentBytes(segmentBytes).idempotencyWindowNanos(2_000 * MS);
    }

    private static String recover(JournalConfig config) {
        JournalRecovery r = OrderJournal.open(config);
        assertThat(r.ok()).as("%s", r.error()).isTrue();
        r.journal().close();
        return JournalFixture.describe(r.state());
    }

    @Test
    void shouldRecoverTheSameStateFromACompactedJournalAsFromReplayingEveryRecord() throws Exception {
        JournalConfig full = config(JournalFixture.newDir(root, "full"), 1L << 30).build();
        JournalConfig compacted = config(JournalFixture.newDir(root, "compacted"), 64 * 1024).build();
        TradingWorkload a = new TradingWorkload(7, 40, MS);
        TradingWorkload b = new TradingWorkload(7, 40, MS);
        long compactions = 0;
        for (int round = 0; round < 4; round++) {
            OrderJournal fj = OrderJournal.open(full).journal();
            OrderJournal cj = OrderJournal.open(compacted).journal();
            for (int i = 0; i < 5_000; i++) {
                a.step(fj);
                b.step(cj);
            }
            compactions += cj.compactions();
            assertThat(fj.compactions()).isZero();
            assertThat(cj.compactionFailure()).isNull();
            fj.close();
            cj.close();

            String expected = recover(full);
            assertThat(recover(compacted)).as("after round %d", round).isEqualTo(expected);
            assertThat(expected).contains("PARTIALLY_FILLED", "strategy ", "RiskDay{");
        }
        assertThat(compactions).isGreaterThan(20);
        assertThat(JournalFiles.list(compacted.directory()).segments).hasSize(1);
        assertThat(JournalFiles.list(compacted.directory()).snapshots).hasSize(1);
    }

    @Test
    void shouldCompactInTheBackgroundToTheSameState() {
        JournalConfig inline = config(JournalFixture.newDir(root, "inline"), 64 * 1024).build();
        JournalConfig background = config(JournalFixture.newDir(root, "background"), 64 * 1024)
                .compaction(JournalConfig.Compaction.BACKGROUND).build();
        OrderJournal ij = OrderJournal.open(inline).journal();
        OrderJournal bj = OrderJournal.open(background).journal();
        TradingWorkload a = new TradingWorkload(11, 40, MS);
        TradingWorkload b = new TradingWorkload(11, 40, MS);
        for (int i = 0; i < 15_000; i++) {
            a.step(ij);
            b.step(bj);
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (bj.compactedUpTo() < bj.segment() - 1 && System.nanoTime() < deadline) {
            Thread.yield(); // wait, with a deadline, for the compactor thread to catch up
        }
        assertThat(bj.compactedUpTo()).isEqualTo(bj.segment() - 1);
        assertThat(bj.compactionFailure()).isNull();
        ij.close();
        bj.close();

        assertThat(recover(background)).isEqualTo(recover(inline));
    }

    @Test
    void shouldRecoverWhenACrashLeftReplacedFilesBesideTheNewSnapshot() throws Exception {
        Path dir = JournalFixture.newDir(root, "leftovers");
        JournalConfig config = config(dir, JournalConfig.MIN_SEGMENT_BYTES).build();
        OrderJournal j = OrderJournal.open(config).journal();
        TradingWorkload w = new TradingWorkload(3, 40, MS);
        while (j.segment() < 3) {
            w.step(j);
        }
        j.sync();
        Path before = JournalFixture.copy(dir, root.resolve("before"));
        while (j.segment() < 6) {
            w.step(j);
        }
        j.close();
        String expected = recover(config);
        // A crash after snapshot 5 was published but before the files it replaces were deleted,
        // and one while a snapshot was being written.
        for (Path p : JournalFiles.list(before).snapshots.stream().map(i -> JournalFiles.snapshot(before, i)).toList()) {
            Files.copy(p, dir.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(JournalFixture.segment(before, 3), JournalFixture.segment(dir, 3));
        Files.write(JournalFiles.temporary(JournalFiles.snapshot(dir, 9)), new byte[100]);

        assertThat(recover(config)).isEqualTo(expected);
        JournalFiles after = JournalFiles.list(dir);
        assertThat(after.snapshots).containsExactly(5L);
        assertThat(after.segments).containsExactly(6L);
        assertThat(after.temporaries).isEmpty();
    }

    @Test
    void shouldKeepDiskUseBoundedOverAMillionOrders() {
        Path dir = JournalFixture.newDir(root, "million");
        long segmentBytes = 1024 * 1024;
        JournalConfig config = JournalFixture.config(dir).segmentBytes(segmentBytes).idempotencyWindowNanos(10 * MS).build();
        OrderJournal j = OrderJournal.open(config).journal();
        int orders = 1_000_000;
        long t = T0;
        long maxDisk = 0;
        long net = 0;
        for (long id = 1; id <= orders; id++) {
            t += 10_000;
            Side side = id % 3 == 0 ? Side.SELL : Side.BUY;
            Order o = JournalFixture.order(id, "s" + (id % 4), "c" + id, BTC, side, 1_000, 6_000_000 + id % 1000, t);
            j.appendSubmitted(t, o, "paper");
            o.accept(t);
            if (id % 10 == 0) {
                j.appendState(t, o, id); // every tenth order stays open for a while
                continue;
            }
            o.fill(1_000, o.price(), 5, t);
            Fill f = JournalFixture.fill(o, id, 1_000, o.price(), 5, t);
            j.appendFill(t, f);
            j.appendState(t, o, id);
            net += side == Side.BUY ? 1_000 : -1_000;
            if (id % 10 == 9 && id > 9) {
                Order open = JournalFixture.order(id - 9, "s" + ((id - 9) % 4), "c" + (id - 9), BTC, Side.BUY, 1_000, 1, t);
                open.accept(t);
                open.cancel(t);
                j.appendState(t, open, id - 9);
            }
            if (id % 20_000 == 0) {
                maxDisk = Math.max(maxDisk, JournalFixture.diskBytes(dir));
            }
        }
        j.close();

        assertThat(j.compactionFailure()).isNull();
        assertThat(j.bytes()).as("written in total").isGreaterThan(150L * segmentBytes);
        assertThat(j.compactions()).isGreaterThan(150);
        assertThat(maxDisk).as("disk use at its highest").isLessThan(4 * segmentBytes);
        JournalRecovery r = OrderJournal.open(config);
        assertThat(r.ok()).isTrue();
        RecoveredState s = r.state();
        r.journal().close();
        assertThat(s.nextOrderId()).isEqualTo(orders + 1);
        assertThat(s.openOrders()).as("the others were canceled").extracting(RecoveredOrder::orderId).containsExactly((long) orders);
        long recovered = 0;
        for (RecoveredPosition p : s.positions()) {
            recovered += p.netQty();
        }
        assertThat(recovered).isEqualTo(net);
        assertThat(s.accountPosition("paper", "BTCUSDT").netQty()).isEqualTo(net);
        assertThat(s.orders().size()).as("orders inside the 10 ms window").isBetween(900, 1_100);
    }
}
