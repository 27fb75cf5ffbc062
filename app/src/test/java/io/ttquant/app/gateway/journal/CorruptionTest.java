package io.ttquant.app.gateway.journal;

import static io.ttquant.app.gateway.journal.JournalFixture.BTC;
import static io.ttquant.app.gateway.journal.JournalFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.order.Order;
import io.ttquant.core.order.Side;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage anywhere but the torn tail is corruption: the journal is not opened, the error names
 * the file and the offset of the bad record, and nothing on disk is changed.
 */
class CorruptionTest {
    @TempDir
    Path root;

    private long nextId = 1;

    /** Writes {@code orders} more orders (submitted and accepted); returns the end position of each record. */
    private List<Long> write(OrderJournal j, int orders) {
        List<Long> ends = new ArrayList<>();
        for (long id = nextId; id < nextId + orders; id++) {
            Order o = JournalFixture.order(id, "alpha", "c" + id, BTC, Side.BUY, BTC.qty("0.1"), BTC.price("60000"), T0 + id);
            ends.add(j.appendSubmitted(T0 + id, o, "paper"));
            o.accept(T0 + id);
            ends.add(j.appendState(T0 + id, o, 100 + id));
        }
        nextId += orders;
        return ends;
    }

    @Test
    void shouldReportEveryFlippedByteOfAMiddleRecordAsCorruptionAndChangeNothing() throws IOException {
        Path original = JournalFixture.newDir(root, "original");
        OrderJournal j = JournalFixture.open(JournalFixture.config(original).build());
        List<Long> ends = write(j, 10);
        j.close();
        byte[] segment = Files.readAllBytes(JournalFixture.segment(original, 0));
        int middle = 9; // the 10th record, ORDER_SUBMITTED of order 5
        long start = FileHeader.SIZE + ends.get(middle - 1);
        long end = FileHeader.SIZE + ends.get(middle);

        for (int at = (int) start; at < end; at++) {
            byte[] damaged = segment.clone();
            damaged[at] ^= (byte) 0x80;
            Path dir = JournalFixture.newDir(root, "flip" + at);
            Path file = JournalFixture.segment(dir, 0);
            Files.write(file, damaged);

            JournalRecovery r = OrderJournal.open(JournalFixture.config(dir).build());

            assertThat(r.ok()).as("byte %d flipped", at).isFalse();
            assertThat(r.error().kind()).isEqualTo(JournalError.Kind.CORRUPT);
            assertThat(r.error().file()).isEqualTo(file);
            assertThat(r.error().offset()).as("byte %d flipped", at).isEqualTo(start);
            assertThat(r.describe()).contains("refusing to trade", file.toString(), "at byte " + start);
            assertThat(Files.readAllBytes(file)).as("nothing cut").isEqualTo(damaged);
        }
    }

    /** A copy of a journal directory with snapshot {@code snapshot} and closed segments after it. */
    private record Image(Path dir, long snapshot) {
        Path segment(int afterSnapshot) {
            return JournalFixture.segment(dir, snapshot + afterSnapshot);
        }
    }

    /**
     * A crash image with a snapshot and several closed segments after it: the background compactor
     * is held inside its first report while the writer goes on, and the directory is copied then.
     */
    private Image imageWithClosedSegments(String name) throws Exception {
        Path live = JournalFixture.newDir(root, name + "-live");
        CountDownLatch compacted = new CountDownLatch(1);
        CountDownLatch hold = new CountDownLatch(1);
        long[] covered = {-1};
        JournalObserver blocking = new JournalObserver() {
            @Override
            public void onCompaction(long coveredSegment, JournalError error) {
                covered[0] = coveredSegment;
                compacted.countDown();
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        OrderJournal j = JournalFixture.open(JournalFixture.config(live).segmentBytes(JournalConfig.MIN_SEGMENT_BYTES)
                .compaction(JournalConfig.Compaction.BACKGROUND).observer(blocking).build());
        while (j.segment() < 1) {
            write(j, 1);
        }
        assertThat(compacted.await(30, TimeUnit.SECONDS)).as("first compaction").isTrue();
        assertThat(j.compactionFailure()).isNull();
        long snapshot = covered[0];
        while (j.segment() < snapshot + 4) {
            write(j, 1);
        }
        j.sync();
        Path image = JournalFixture.copy(live, root.resolve(name));
        hold.countDown();
        j.close();
        return new Image(image, snapshot);
    }

    @Test
    void shouldReportDamageInTheLastRecordOfAnOlderSegmentAsCorruptionNotATornTail() throws Exception {
        Image image = imageWithClosedSegments("older");
        Path dir = image.dir();
        long k = image.snapshot();
        assertThat(JournalFiles.list(dir).snapshots).containsExactly(k);
        assertThat(JournalFiles.list(dir).segments).containsExactly(k + 1, k + 2, k + 3, k + 4);
        JournalRecovery intact = OrderJournal.open(JournalFixture.config(JournalFixture.copy(dir, root.resolve("older-copy"))).build());
        assertThat(intact.ok()).as("the undamaged image recovers").isTrue();
        intact.journal().close();
        Path older = image.segment(2);
        byte[] bytes = Files.readAllBytes(older);
        bytes[bytes.length - 2] ^= 1;
        Files.write(older, bytes);

        JournalRecovery r = OrderJournal.open(JournalFixture.config(dir).build());

        assertThat(r.ok()).isFalse();
        assertThat(r.error().kind()).isEqualTo(JournalError.Kind.CORRUPT);
        assertThat(r.error().file()).isEqualTo(older);
        assertThat(Files.readAllBytes(older)).isEqualTo(bytes);
        assertThat(JournalFiles.list(dir).segments).as("nothing compacted or deleted").hasSize(4);
    }

    @Test
    void shouldReportAMissingSegmentAsMissingData() throws Exception {
        Image image = imageWithClosedSegments("gap");
        Files.delete(image.segment(2));

        JournalRecovery r = OrderJournal.open(JournalFixture.config(image.dir()).build());

        assertThat(r.ok()).isFalse();
        assertThat(r.error().kind()).isEqualTo(JournalError.Kind.MISSING_DATA);
        assertThat(r.error().message()).contains("segment " + (image.snapshot() + 2) + " is missing");
    }

    @Test
    void shouldReportSegmentsWithoutTheSnapshotThatCoversTheirPastAsMissingData() throws Exception {
        Image image = imageWithClosedSegments("nosnapshot");
        Files.delete(JournalFiles.snapshot(image.dir(), image.snapshot()));

        JournalRecovery r = OrderJournal.open(JournalFixture.config(image.dir()).build());

        assertThat(r.ok()).isFalse();
        assertThat(r.error().kind()).isEqualTo(JournalError.Kind.MISSING_DATA);
        assertThat(r.error().message()).contains("starts at segment " + (image.snapshot() + 1) + " but no snapshot covers");
    }

    @Test
    void shouldReportADamagedSnapshotAsCorruption() throws Exception {
        Image image = imageWithClosedSegments("badsnapshot");
        Path snapshot = JournalFiles.snapshot(image.dir(), image.snapshot());
        byte[] bytes = Files.readAllBytes(snapshot);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(snapshot, bytes);

        JournalRecovery r = OrderJournal.open(JournalFixture.config(image.dir()).build());

        assertThat(r.ok()).isFalse();
        assertThat(r.error().kind()).isEqualTo(JournalError.Kind.CORRUPT);
        assertThat(r.error().file()).isEqualTo(snapshot);
    }

    @Test
    void shouldReportADamagedFileHeaderAsCorruption() throws IOException {
        Path dir = JournalFixture.newDir(root, "header");
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).build());
        write(j, 2);
        j.close();
        Path file = JournalFixture.segment(dir, 0);
        byte[] bytes = Files.readAllBytes(file);
        bytes[10] ^= 4;
        Files.write(file, bytes);

        JournalRecovery r = OrderJournal.open(JournalFixture.config(dir).build());

        assertThat(r.ok()).isFalse();
        assertThat(r.error().kind()).isEqualTo(JournalError.Kind.CORRUPT);
        assertThat(r.error().message()).contains("header");
    }
}
