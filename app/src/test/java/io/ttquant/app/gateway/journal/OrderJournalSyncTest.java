package io.ttquant.app.gateway.journal;

import static io.ttquant.app.gateway.journal.JournalFixture.BTC;
import static io.ttquant.app.gateway.journal.JournalFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.Side;
import io.ttquant.core.time.Clock;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderJournalSyncTest {
    @TempDir
    Path dir;

    /** Moves 1 µs forward every time it is read, so each sync measures exactly 1 µs. */
    static final class TickingClock implements Clock {
        long now = T0;

        @Override
        public long nanos() {
            now += 1_000;
            return now;
        }
    }

    @Test
    void shouldSyncEveryRecordBeforeAppendReturnsWhenThePolicySaysSo() {
        TickingClock clock = new TickingClock();
        List<long[]> seen = new ArrayList<>();
        JournalObserver observer = new JournalObserver() {
            @Override
            public void onSync(long latencyNanos, int records) {
                seen.add(new long[] {latencyNanos, records});
            }
        };
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).syncPolicy(SyncPolicy.everyRecord()).clock(clock)
                .observer(observer).build());

        for (int i = 1; i <= 5; i++) {
            long p = j.appendShutdown(T0 + i);
            assertThat(j.isDurable(p)).isTrue();
            assertThat(j.syncedPosition()).isEqualTo(p);
            assertThat(j.syncs()).isEqualTo(i);
        }
        assertThat(j.records()).isEqualTo(5);
        assertThat(j.bytes()).isEqualTo(5 * 18).isEqualTo(j.position());
        assertThat(j.syncNanosTotal()).isEqualTo(5 * 1_000);
        assertThat(j.syncNanosMax()).isEqualTo(1_000);
        assertThat(seen).hasSize(5).allSatisfy(s -> assertThat(s).containsExactly(1_000, 1));
        j.close();
    }

    @Test
    void shouldGroupCommitAfterNRecordsOrWhenTheOldestWaitedMMicroseconds() {
        JournalFixture.ManualClock clock = new JournalFixture.ManualClock();
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).syncPolicy(SyncPolicy.groupCommit(3, 500))
                .clock(clock).build());

        long p1 = j.appendKillSwitch(T0, false, "");
        j.appendKillSwitch(T0, false, "");
        assertThat(j.syncs()).isZero();
        assertThat(j.isDurable(p1)).isFalse();
        long p3 = j.appendKillSwitch(T0, false, "");
        assertThat(j.syncs()).as("three records waiting").isEqualTo(1);
        assertThat(j.isDurable(p3)).isTrue();

        long p4 = j.appendKillSwitch(T0, false, "");
        clock.now += 499_999;
        assertThat(j.doWork()).isZero();
        assertThat(j.isDurable(p4)).isFalse();
        clock.now += 1;
        assertThat(j.doWork()).as("the oldest waited 500 us").isEqualTo(1);
        assertThat(j.isDurable(p4)).isTrue();
        assertThat(j.doWork()).as("nothing waits").isZero();

        j.appendKillSwitch(T0, false, "");
        clock.now += 600_000;
        long p6 = j.appendKillSwitch(T0, false, "");
        assertThat(j.isDurable(p6)).as("an append past the deadline syncs at once").isTrue();
        assertThat(j.syncs()).isEqualTo(3);
        j.close();
    }

    @Test
    void shouldSyncOnlyWhenAskedWithTheOnRequestPolicy() {
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).build());
        long p = 0;
        for (int i = 0; i < 100; i++) {
            p = j.appendKillSwitch(T0, false, "");
        }
        assertThat(j.syncs()).isZero();
        assertThat(j.sync()).isEqualTo(p);
        assertThat(j.sync()).as("nothing new to sync").isEqualTo(p);
        assertThat(j.syncs()).isEqualTo(1);
        j.close();
        assertThat(j.appendKillSwitch(T0, false, "")).as("closed").isEqualTo(OrderJournal.FAILED);
    }

    @Test
    void shouldContinueAfterTheLastRecordWhenReopened() {
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).build());
        j.appendShutdown(T0);
        long end = j.appendShutdown(T0 + 1);
        j.close();

        JournalRecovery r = OrderJournal.open(JournalFixture.config(dir).build());
        assertThat(r.ok()).isTrue();
        assertThat(r.journal().position()).isEqualTo(end);
        long next = r.journal().appendShutdown(T0 + 2);
        r.journal().close();

        JournalFixture.Recorder rec = new JournalFixture.Recorder();
        JournalReader.replay(dir, rec);
        assertThat(rec.positions).containsExactly(18L, end, next);
    }

    @Test
    void shouldRefuseASecondWriterOnTheSameDirectoryUntilTheFirstCloses() {
        OrderJournal first = JournalFixture.open(JournalFixture.config(dir).build());

        JournalRecovery second = OrderJournal.open(JournalFixture.config(dir).build());

        assertThat(second.ok()).isFalse();
        assertThat(second.error().kind()).isEqualTo(JournalError.Kind.IO);
        assertThat(second.describe()).contains("open in another gateway");
        first.close();
        JournalRecovery third = OrderJournal.open(JournalFixture.config(dir).build());
        assertThat(third.ok()).isTrue();
        third.journal().close();
    }

    @Test
    void shouldRefuseABadConfigurationWithAMessage() {
        assertThatThrownBy(() -> JournalConfig.builder(dir).segmentBytes(1_000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("segment size");
        assertThatThrownBy(() -> JournalConfig.builder(dir).idempotencyWindowNanos(-1).build())
                .hasMessageContaining("window");
        assertThatThrownBy(() -> JournalConfig.builder(null).build()).hasMessageContaining("directory");
        assertThatThrownBy(() -> SyncPolicy.groupCommit(0, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNotAllocatePerRecordInSteadyState() {
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).build());
        Order o = JournalFixture.order(1, "alpha", "client-1", BTC, Side.BUY, 100_000, 6_100_000, T0);
        o.accept(T0);
        Fill f = JournalFixture.fill(o, 1, 1_000, 6_100_000, 10, T0);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < 20_000; i++) {
            write(j, o, f, i);
        }
        long before = mx.getThreadAllocatedBytes(thread);
        int n = 30_000;
        for (int i = 0; i < n; i++) {
            write(j, o, f, i);
        }
        long allocated = mx.getThreadAllocatedBytes(thread) - before;
        long segmentsAfter = j.segmentsRolled();
        j.close();

        assertThat(segmentsAfter).as("no segment roll inside the measurement").isZero();
        assertThat(allocated).as("bytes allocated for %d records and %d syncs", 3 * n, n / 100).isLessThan(4 * 1024);
    }

    private static void write(OrderJournal j, Order o, Fill f, int i) {
        j.appendSubmitted(T0 + i, o, "paper");
        j.appendFill(T0 + i, f);
        j.appendState(T0 + i, o, 77);
        if (i % 100 == 0) {
            j.sync();
        }
    }
}
