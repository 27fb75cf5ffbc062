package io.ttquant.app.gateway.journal;

import static io.ttquant.app.gateway.journal.JournalFixture.BTC;
import static io.ttquant.app.gateway.journal.JournalFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.order.Order;
import io.ttquant.core.order.Side;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tail the store exporter follows the journal with: it hands over exactly the records a full
 * replay reads, in order and with their positions, across segment roll-overs and from a
 * compaction's snapshot; it never hands over what is not durable yet (buffered, written but not
 * synced, or half written); and it resumes from a position.
 */
class JournalTailTest {
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    /** Every record of a full read-only replay, as text with its position. */
    private List<String> replayed() {
        JournalFixture.Recorder all = new JournalFixture.Recorder();
        ReplayResult r = JournalReader.replay(dir, all);
        assertThat(r.ok()).as("%s", r.error()).isTrue();
        return withPositions(all);
    }

    private static List<String> withPositions(JournalFixture.Recorder r) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < r.records.size(); i++) {
            out.add(r.positions.get(i) + " " + r.records.get(i));
        }
        return out;
    }

    @Test
    void shouldHandOverEveryDurableRecordInOrderAcrossSegmentRollOversWhileTheJournalGrows() {
        OrderJournal j = JournalWorkloads.open(dir, JournalConfig.MIN_SEGMENT_BYTES, () -> 0); // nothing compacted
        TradingWorkload w = new TradingWorkload(3, 40, MS);
        JournalFixture.Recorder seen = new JournalFixture.Recorder();
        try (JournalTail tail = JournalTail.fromStart(dir)) {
            for (int round = 0; round < 60; round++) {
                for (int i = 0; i < 50; i++) {
                    w.step(j);
                }
                j.sync();
                // Small polls, so that many end in the middle of a segment and resume there.
                while (tail.poll(j.durablePosition(), seen, 7) > 0) {
                    assertThat(tail.error()).isNull();
                }
                assertThat(tail.error()).isNull();
                assertThat(tail.position()).isEqualTo(j.durablePosition());
            }
        }
        assertThat(j.segment()).as("segments rolled").isGreaterThan(5);
        j.close();
        assertThat(withPositions(seen)).isEqualTo(replayed());
    }

    @Test
    void shouldNeverHandOverARecordThatIsNotDurableOrHalfWritten() throws Exception {
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).build()); // syncs on request only
        Order o = JournalFixture.order(1, "alpha", "c1", BTC, Side.BUY, BTC.qty("0.1"), BTC.price("30000"), T0);
        long first = j.appendSubmitted(T0, o, JournalFixture.VENUE);
        j.sync();
        JournalFixture.Recorder seen = new JournalFixture.Recorder();
        JournalTail tail = JournalTail.fromStart(dir);
        assertThat(tail.poll(j.durablePosition(), seen, 100)).isEqualTo(1);
        assertThat(seen.positions).containsExactly(first);

        // Appended, still in the journal's buffer: not durable, not handed over.
        long second = j.appendState(T0 + 1, o, 77);
        assertThat(tail.poll(j.durablePosition(), seen, 100)).isZero();
        // A write in progress: half a record in the file beyond the durable position.
        Path segment = JournalFiles.segment(dir, j.segment());
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {40, 0, 0, 0, 2, 0, 1, 2, 3}), ch.size());
        }
        assertThat(tail.poll(j.durablePosition(), seen, 100)).isZero();
        assertThat(tail.error()).isNull();
        assertThat(tail.position()).isEqualTo(first);

        // Synced (the journal writes over the torn bytes): now it comes, whole.
        j.sync();
        assertThat(tail.poll(j.durablePosition(), seen, 100)).isEqualTo(1);
        assertThat(seen.positions).containsExactly(first, second);
        assertThat(seen.records.get(1)).contains("ORDER_STATE", "venueOrderId=77");
        assertThat(tail.error()).isNull();
        tail.close();
        j.close();
    }

    @Test
    void shouldResumeFromAPositionAndRefuseOneThatIsNoRecordBoundary() {
        OrderJournal j = JournalWorkloads.open(dir, JournalConfig.MIN_SEGMENT_BYTES, () -> 0);
        new JournalWorkloads(5).write(j, 2_000);
        long durable = j.durablePosition();
        j.close();
        List<String> all = replayed();
        int k = all.size() / 2;
        long resumeAt = Long.parseLong(all.get(k).substring(0, all.get(k).indexOf(' ')));

        JournalFixture.Recorder rest = new JournalFixture.Recorder();
        try (JournalTail tail = JournalTail.from(dir, resumeAt)) {
            while (tail.poll(durable, rest, 1_000) > 0) {
                assertThat(tail.error()).isNull();
            }
            assertThat(tail.error()).isNull();
        }
        assertThat(withPositions(rest)).isEqualTo(all.subList(k + 1, all.size()));

        try (JournalTail wrong = JournalTail.from(dir, resumeAt - 1)) {
            assertThat(wrong.poll(durable, new JournalFixture.Recorder(), 1_000_000)).isZero();
            assertThat(wrong.error()).isNotNull();
            assertThat(wrong.error().describe()).contains("not a record boundary");
        }
    }

    @Test
    void shouldStartFromTheNewestSnapshotAndGoOnWithTheSegmentsAfterIt() {
        OrderJournal j = JournalWorkloads.open(dir, JournalConfig.MIN_SEGMENT_BYTES, null); // compacts at every roll
        new JournalWorkloads(9).write(j, 3_000);
        assertThat(j.compactions()).isPositive();
        long durable = j.durablePosition();
        JournalFixture.Recorder seen = new JournalFixture.Recorder();
        try (JournalTail tail = JournalTail.fromStart(dir)) {
            while (tail.poll(durable, seen, 500) > 0) {
                assertThat(tail.error()).isNull();
            }
            assertThat(tail.error()).isNull();
            assertThat(tail.position()).isEqualTo(durable);
        }
        j.close();
        assertThat(seen.records.get(0)).startsWith("SNAPSHOT_BEGIN");
        assertThat(withPositions(seen)).isEqualTo(replayed());
    }

    @Test
    void shouldStopWithAnErrorAtADamagedRecordInsteadOfSkippingIt() throws Exception {
        OrderJournal j = JournalWorkloads.open(dir, 1L << 20, null);
        new JournalWorkloads(2).write(j, 200);
        long durable = j.durablePosition();
        Path segment = JournalFiles.segment(dir, j.segment());
        j.close();
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {(byte) 0xFF}), ch.size() / 2);
        }
        JournalFixture.Recorder seen = new JournalFixture.Recorder();
        try (JournalTail tail = JournalTail.fromStart(dir)) {
            while (tail.poll(durable, seen, 1_000) > 0) {
                // read up to the damage
            }
            assertThat(tail.error()).isNotNull();
            assertThat(tail.error().kind()).isEqualTo(JournalError.Kind.CORRUPT);
            assertThat(tail.position()).isLessThan(durable);
        }
    }
}
