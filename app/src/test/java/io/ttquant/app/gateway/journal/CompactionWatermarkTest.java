package io.ttquant.app.gateway.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compaction with an export watermark folds only the segments that end at or below it, so no
 * record is compacted away before the store exporter took it; the state recovered is the same
 * either way. Without a watermark nothing changes (the other compaction tests).
 */
class CompactionWatermarkTest {
    private static final long MS = 1_000_000L;

    @TempDir
    Path root;

    @Test
    void shouldCompactOnlySegmentsEndingAtOrBelowTheWatermark() throws Exception {
        Path dir = JournalFixture.newDir(root, "held");
        AtomicLong watermark = new AtomicLong();
        OrderJournal j = JournalWorkloads.open(dir, JournalConfig.MIN_SEGMENT_BYTES, watermark::get);
        JournalWorkloads w = new JournalWorkloads(4);
        w.write(j, 3_000);
        assertThat(j.segment()).isGreaterThan(4);
        assertThat(j.compactions()).as("held back: nothing exported").isZero();
        assertThat(JournalFiles.list(dir).snapshots).isEmpty();
        assertThat(JournalFiles.list(dir).segments.first()).isZero();

        // Exported up to the end of segment 2 (where segment 3 starts): segments 0..2 may go, no more.
        watermark.set(baseOf(dir, 3));
        w.write(j, 400); // rolls on: the next request compacts what the watermark allows
        assertThat(j.compactedUpTo()).isEqualTo(2);
        assertThat(JournalFiles.list(dir).segments.first()).isEqualTo(3);

        // One byte short of segment 4's start: segment 3 must stay.
        watermark.set(baseOf(dir, 4) - 1);
        long before = j.segment();
        while (j.segment() == before) {
            w.write(j, 50);
        }
        assertThat(j.compactedUpTo()).isEqualTo(2);

        watermark.set(Long.MAX_VALUE);
        before = j.segment();
        while (j.segment() == before) {
            w.write(j, 50);
        }
        assertThat(j.compactedUpTo()).isEqualTo(j.segment() - 1);
        assertThat(j.compactionFailure()).isNull();
        j.close();

        // The state is what replaying every record gives.
        Path full = JournalFixture.newDir(root, "full");
        OrderJournal f = JournalWorkloads.open(full, 1L << 30, null);
        new JournalWorkloads(4).write(f, (int) w.steps());
        f.close();
        assertThat(describe(dir)).isEqualTo(describe(full));
    }

    @Test
    void shouldCompactInTheBackgroundOnceTheWatermarkMoves() {
        Path dir = JournalFixture.newDir(root, "background");
        AtomicLong watermark = new AtomicLong();
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).segmentBytes(JournalConfig.MIN_SEGMENT_BYTES)
                .compaction(JournalConfig.Compaction.BACKGROUND).compactionWatermark(watermark::get).build());
        new JournalWorkloads(6).write(j, 2_000);
        assertThat(j.segment()).isGreaterThan(3);
        assertThat(j.compactions()).isZero();
        watermark.set(j.durablePosition());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (j.compactedUpTo() < j.segment() - 1 && System.nanoTime() < deadline) {
            Thread.yield(); // the compactor looks at the watermark again on its own (polled with a deadline)
        }
        assertThat(j.compactedUpTo()).isEqualTo(j.segment() - 1);
        j.close();
    }

    /** The journal position segment {@code segment} starts at, from its header. */
    private static long baseOf(Path dir, long segment) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(FileHeader.SIZE);
        try (FileChannel ch = FileChannel.open(JournalFiles.segment(dir, segment))) {
            ch.read(b);
        }
        return FileHeader.read(b.array(), new String[1]).basePosition;
    }

    private static String describe(Path dir) {
        JournalRecovery r = OrderJournal.open(JournalFixture.config(dir).build());
        assertThat(r.ok()).as("%s", r.error()).isTrue();
        r.journal().close();
        return JournalFixture.describe(r.state());
    }
}
