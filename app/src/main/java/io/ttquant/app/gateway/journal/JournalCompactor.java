package io.ttquant.app.gateway.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

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
 */
final class JournalCompactor {
    private static final System.Logger LOG = System.getLogger(JournalCompactor.class.getName());

    private final Path dir;
    private final long windowNanos;
    private final JournalObserver observer;
    private final Thread thread;
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
        this.dir = dir;
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
            compact(closedSegment);
        } else {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        while (!stopping) {
            long want = requested;
            if (want > compactedUpTo && want > failedAt && !gaveUp) {
                try {
                    compact(want);
                } catch (RuntimeException e) {
                    // A bug: keep it visible instead of letting the thread die silently.
                    failure = JournalError.inconsistent("compaction crashed: " + e, -1);
                    gaveUp = true;
                    LOG.log(System.Logger.Level.ERROR, "journal compaction crashed; old segments kept", e);
                }
            } else {
                LockSupport.park(this);
            }
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
