package io.ttquant.app.gateway.journal;

import static io.ttquant.app.gateway.journal.JournalFixture.BTC;
import static io.ttquant.app.gateway.journal.JournalFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.order.Order;
import io.ttquant.core.order.Side;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash in the middle of a write leaves the newest segment ending in part of a record. Opening
 * the journal must cut exactly that part off, keep every earlier record, and append after it.
 */
class TornTailTest {
    @TempDir
    Path root;

    private Path original;
    private long lastRecordStart;
    private byte[] segment;

    @BeforeEach
    void fiveOrdersThenASixth() throws IOException {
        original = JournalFixture.newDir(root, "original");
        OrderJournal j = JournalFixture.open(JournalFixture.config(original).build());
        for (long id = 1; id <= 5; id++) {
            Order o = JournalFixture.order(id, "alpha", "c" + id, BTC, Side.BUY, BTC.qty("0.1"), BTC.price("60000"), T0 + id);
            j.appendSubmitted(T0 + id, o, "paper");
            o.accept(T0 + id);
            j.appendState(T0 + id, o, 100 + id);
        }
        lastRecordStart = FileHeader.SIZE + j.position();
        Order sixth = JournalFixture.order(6, "alpha", "c6", BTC, Side.SELL, BTC.qty("0.1"), BTC.price("61000"), T0 + 6);
        j.appendSubmitted(T0 + 6, sixth, "paper");
        j.close();
        segment = Files.readAllBytes(JournalFixture.segment(original, 0));
    }

    private Path journalWithSegment(String name, byte[] bytes) throws IOException {
        Path dir = JournalFixture.newDir(root, name);
        Files.write(JournalFixture.segment(dir, 0), bytes);
        return dir;
    }

    @Test
    void shouldCutATornLastRecordAtEveryByteOffsetAndKeepEveryEarlierRecord() throws IOException {
        for (int cut = (int) lastRecordStart; cut < segment.length; cut++) {
            Path dir = journalWithSegment("cut" + cut, Arrays.copyOf(segment, cut));

            JournalRecovery r = OrderJournal.open(JournalFixture.config(dir).build());

            assertThat(r.ok()).as("cut at %d: %s", cut, r.error()).isTrue();
            assertThat(r.truncatedBytes()).as("cut at %d", cut).isEqualTo(cut - lastRecordStart);
            RecoveredState s = r.state();
            assertThat(s.openOrders()).as("cut at %d", cut).extracting(RecoveredOrder::orderId)
                    .containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(s.order(5).venueOrderId()).isEqualTo(105);
            assertThat(s.nextOrderId()).as("the torn order was never durable, its id is free").isEqualTo(6);
            assertThat(Files.size(JournalFixture.segment(dir, 0))).isEqualTo(lastRecordStart);

            OrderJournal j = r.journal();
            Order again = JournalFixture.order(6, "alpha", "c6", BTC, Side.SELL, BTC.qty("0.1"), BTC.price("61000"), T0 + 7);
            j.appendSubmitted(T0 + 7, again, "paper");
            j.close();
            JournalRecovery after = OrderJournal.open(JournalFixture.config(dir).build());
            assertThat(after.ok()).isTrue();
            assertThat(after.truncatedBytes()).isZero();
            assertThat(after.state().order(6).createdNanos()).isEqualTo(T0 + 7);
            after.journal().close();
        }
    }

    @Test
    void shouldTreatAChecksumMismatchInTheLastRecordAsATornTail() throws IOException {
        byte[] damaged = segment.clone();
        damaged[segment.length - 7] ^= 0x20;
        Path dir = journalWithSegment("crc", damaged);

        JournalRecovery r = OrderJournal.open(JournalFixture.config(dir).build());

        assertThat(r.ok()).isTrue();
        assertThat(r.truncatedBytes()).isEqualTo(segment.length - lastRecordStart);
        assertThat(r.state().order(6)).isNull();
        assertThat(r.state().order(5)).isNotNull();
        r.journal().close();
    }

    @Test
    void shouldTreatZeroBytesAfterTheLastRecordAsATornTail() throws IOException {
        byte[] withZeros = Arrays.copyOf(segment, segment.length + 4096);
        Path dir = journalWithSegment("zeros", withZeros);

        JournalRecovery r = OrderJournal.open(JournalFixture.config(dir).build());

        assertThat(r.ok()).isTrue();
        assertThat(r.truncatedBytes()).isEqualTo(4096);
        assertThat(r.state().order(6)).as("the whole sixth record is kept").isNotNull();
        r.journal().close();
    }

    @Test
    void shouldTreatAPartlyZeroedLastRecordFollowedByZerosAsATornTail() throws IOException {
        byte[] partly = Arrays.copyOf(segment, segment.length + 1000);
        Arrays.fill(partly, (int) lastRecordStart + 20, partly.length, (byte) 0);
        Path dir = journalWithSegment("partly", partly);

        JournalRecovery r = OrderJournal.open(JournalFixture.config(dir).build());

        assertThat(r.ok()).isTrue();
        assertThat(r.truncatedBytes()).isEqualTo(partly.length - lastRecordStart);
        assertThat(r.state().order(6)).isNull();
        r.journal().close();
    }

    @Test
    void shouldReportButNotCutATornTailWhenOnlyReading() throws IOException {
        Path dir = journalWithSegment("readonly", Arrays.copyOf(segment, segment.length - 3));

        ReplayResult r = JournalReader.replay(dir, new JournalFixture.Recorder());

        assertThat(r.ok()).isTrue();
        assertThat(r.tornBytes()).isEqualTo(segment.length - 3 - lastRecordStart);
        assertThat(r.records()).isEqualTo(10);
        assertThat(Files.size(JournalFixture.segment(dir, 0))).isEqualTo(segment.length - 3);
    }

    @Test
    void shouldIgnoreAndRemoveASegmentWhoseCreationWasInterrupted() throws IOException {
        Path dir = journalWithSegment("tmp", segment);
        Path half = JournalFiles.temporary(JournalFixture.segment(dir, 1));
        Files.write(half, new byte[] {1, 2, 3}, StandardOpenOption.CREATE_NEW);

        JournalRecovery r = OrderJournal.open(JournalFixture.config(dir).build());

        assertThat(r.ok()).isTrue();
        assertThat(r.state().order(6)).isNotNull();
        assertThat(Files.exists(half)).isFalse();
        assertThat(r.journal().segment()).isZero();
        r.journal().close();
    }
}
