package io.ttquant.app.gateway.journal;

/**
 * What a replay read: how many records, from which snapshot and segments, where the valid data
 * ends, and how many bytes of torn tail follow it in the newest segment; or the error that stopped
 * it. A value, never thrown.
 */
public final class ReplayResult {
    private final JournalError error;
    private final long records;
    private final long snapshot;
    private final long lastSegment;
    private final long lastSegmentValidBytes;
    private final long tornBytes;
    private final long endPosition;

    ReplayResult(JournalError error, long records, long snapshot, long lastSegment, long lastSegmentValidBytes,
                 long tornBytes, long endPosition) {
        this.error = error;
        this.records = records;
        this.snapshot = snapshot;
        this.lastSegment = lastSegment;
        this.lastSegmentValidBytes = lastSegmentValidBytes;
        this.tornBytes = tornBytes;
        this.endPosition = endPosition;
    }

    public boolean ok() {
        return error == null;
    }

    /** Why the replay stopped, or null. */
    public JournalError error() {
        return error;
    }

    /** Records handed to the visitor (snapshot records included). */
    public long records() {
        return records;
    }

    /** Index of the snapshot the replay started from, -1 when none. */
    public long snapshot() {
        return snapshot;
    }

    /** Index of the newest segment read, -1 when there was none. */
    public long lastSegment() {
        return lastSegment;
    }

    /** Length in bytes of the newest segment's valid part (header included). */
    public long lastSegmentValidBytes() {
        return lastSegmentValidBytes;
    }

    /** Bytes after the last whole record of the newest segment (a write cut short by a crash); 0 normally. */
    public long tornBytes() {
        return tornBytes;
    }

    /** The journal position after the last valid record. */
    public long endPosition() {
        return endPosition;
    }
}
