package io.ttquant.app.gateway.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Keeps the journal's disk use bounded: once segments are closed, replays the newest snapshot and
 * the closed segments after it into a {@link RecoveredState}, writes that as the snapshot covering
 * them (synced, then renamed into place), and only then deletes the segments and snapshots it
 * replaces. A crash at any step leaves either the old files or the new snapshot, and replay reads
 * the newest snapshot first, so no state is ever lost or applied twice.
 *
 * <p>It reads only closed segments, which the writer never touches again, and it is the only one
 * that deletes them, so it needs no lock with the writer: the writer hands over the index of the
 * newest closed segment through {@link #request}. It runs either on its own daemon thread or
 * inline on the caller's. A compaction that fails is kept as {@link #failure()} and nothing is
 * deleted; a file system failure (a full disk) is retried at the next request, damaged or
 * inconsistent closed segments are not (they will not heal, and a restart will refuse them).
 *
 * <p>With a watermark ({@link JournalConfig#compactionWatermark()}: how far the store exporter has
 * taken the records) it compacts only the closed segments that end at or below it, so a record is
 * never folded away before it was exported; held back, the background thread looks again every
 * {@link #WATERMARK_RECHECK_NANOS} (inline mode at the next request). Without one, nothing waits.
 */
final class JournalCompactor {
    private static final System.Logger LOG = System.getLogger(JournalCompactor.class.getName());
    /** How often a compaction held back by the watermark is looked at again. */
    static final long WATERMARK_RECHECK_NANOS = 500_000_000L;

    private final Path dir;
    private final long windowNanos;
    private final JournalObserver observer;
    private final Thread thread;
    /** How far records were exported (null: compaction is not held back). */
    private final LongSupplier watermark;
    private final SnapshotWriter writer = new SnapshotWriter();
    private final AtomicLong compactions = new AtomicLong();
    private final AtomicLong bytesDeleted = new AtomicLong();
    private volatile long requested = -1;
    private volatile long compactedUpTo;
    private volatile long failedAt = -1;
    private volatile JournalError failure;
    private volatile boolean stopping;
    private volatile boolean gaveUp;

    /**
     * @param snapshot   the newest snapshot on disk (-1 when none)
     * @param background run on a daemon thread of its own
     */
    JournalCompactor(Path dir, long windowNanos, JournalObserver observer, long snapshot, boolean background) {
        this(dir, windowNanos, observer, snapshot, background, null);
    }

    /** As above, holding compaction back to segments that end at or below {@code watermark} (null: none). */
    JournalCompactor(Path dir, long windowNanos, JournalObserver observer, long snapshot, boolean background,
                     LongSupplier watermark) {
        this.dir = dir;
        this.watermark = watermark;
        this.windowNanos = windowNanos;
        this.observer = observer;
        this.compactedUpTo = snapshot;
        if (background) {
            thread = new Thread(this::run, "journal-compactor-" + dir.getFileName());
            thread.setDaemon(true);
            thread.start();
        } else {
            thread = null;
        }
    }

    /** Segments up to {@code closedSegment} are closed and may be compacted. Inline mode compacts now. */
    void request(long closedSegment) {
        if (closedSegment <= requested || gaveUp) {
            return;
        }
        requested = closedSegment;
        if (thread == null) {
            long allowed = allowed(closedSegment);
            if (allowed > compactedUpTo) {
                compact(allowed);
            }
        } else {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        while (!stopping) {
            long want = requested;
            long allowed = want > compactedUpTo && !gaveUp ? allowed(want) : want;
            if (want > compactedUpTo && allowed > compactedUpTo && allowed > failedAt && !gaveUp) {
                try {
                    compact(allowed);
                } catch (RuntimeException e) {
                    // A bug: keep it visible instead of letting the thread die silently.
                    failure = JournalError.inconsistent("compaction crashed: " + e, -1);
                    gaveUp = true;
                    LOG.log(System.Logger.Level.ERROR, "journal compaction crashed; old segments kept", e);
                }
            } else if (allowed < want && !gaveUp) {
                LockSupport.parkNanos(this, WATERMARK_RECHECK_NANOS); // held back by the watermark: look again
            } else {
                LockSupport.park(this);
            }
        }
    }

    /**
     * The newest segment up to {@code want} that ends at or below the watermark (its successor's
     * header says where it ends); {@code want} without a watermark, {@link #compactedUpTo} when none.
     */
    long allowed(long want) {
        if (watermark == null) {
            return want;
        }
        long exported = watermark.getAsLong();
        for (long s = want; s > compactedUpTo; s--) {
            long end = basePosition(JournalFiles.segment(dir, s + 1));
            if (end >= 0 && end <= exported) {
                return s;
            }
        }
        return compactedUpTo;
    }

    /** The journal position a segment file starts at, from its header; -1 when it cannot be read. */
    private static long basePosition(Path segment) {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(FileHeader.SIZE);
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // read the whole header
            }
            String[] why = new String[1];
            FileHeader h = b.hasRemaining() ? null : FileHeader.read(b.array(), why);
            return h == null || h.kind != FileHeader.SEGMENT ? -1 : h.basePosition;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Stops the background thread after the compaction it is running, if any. */
    void close() {
        stopping = true;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Replaces everything up to {@code upTo} by one snapshot; false (with {@link #failure()} set) when it could not. */
    boolean compact(long upTo) {
        if (upTo <= compactedUpTo) {
            return true;
        }
        StateBuilder builder = new StateBuilder(windowNanos);
        ReplayResult r = JournalReader.replay(dir, builder, upTo, false);
        JournalError error = r.error();
        RecoveredState state = null;
        if (error == null && r.lastSegment() != upTo) {
            error = JournalError.missing("segment " + upTo + " to compact is not there", JournalFiles.segment(dir, upTo));
        }
        if (error == null) {
            state = builder.finish();
            error = builder.problem();
        }
        if (error == null) {
            try {
                writer.write(dir, state, upTo, r.endPosition());
                bytesDeleted.addAndGet(deleteCovered(dir, upTo));
            } catch (IOException e) {
                error = JournalError.io("cannot write the snapshot of segment " + upTo, JournalFiles.snapshot(dir, upTo), e);
            }
        }
        if (error != null) {
            failure = error;
            failedAt = upTo;
            gaveUp = error.kind() != JournalError.Kind.IO;
            LOG.log(System.Logger.Level.ERROR, "journal compaction failed, old segments kept: " + error.describe());
            observer.onCompaction(upTo, error);
            return false;
        }
        failure = null;
        compactedUpTo = upTo;
        compactions.incrementAndGet();
        observer.onCompaction(upTo, null);
        return true;
    }

    /** Deletes segments up to {@code snapshot} and older snapshots (all replaced by snapshot {@code snapshot}); returns the bytes freed. */
    static long deleteCovered(Path dir, long snapshot) throws IOException {
        JournalFiles files = JournalFiles.list(dir);
        long freed = 0;
        for (Long s : files.segments.headSet(snapshot, true)) {
            freed += delete(JournalFiles.segment(dir, s));
        }
        for (Long s : files.snapshots.headSet(snapshot, false)) {
            freed += delete(JournalFiles.snapshot(dir, s));
        }
        if (freed > 0) {
            JournalFiles.syncDirectory(dir);
        }
        return freed;
    }

    private static long delete(Path p) throws IOException {
        long size = Files.size(p);
        Files.delete(p);
        return size;
    }

    /** The newest segment covered by a snapshot, -1 when none. */
    long compactedUpTo() {
        return compactedUpTo;
    }

    /** Why the last compaction failed, or null when it succeeded (or none ran). */
    JournalError failure() {
        return failure;
    }

    long compactions() {
        return compactions.get();
    }

    long bytesDeleted() {
        return bytesDeleted.get();
    }
}
