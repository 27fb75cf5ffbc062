package io.ttquant.app.gateway.journal;

import java.nio.ByteBuffer;

/**
 * SNAPSHOT_BEGIN: first record of a snapshot; replay drops everything it had and starts from here.
 * Its time is the time of the newest record the snapshot covers. The orders, positions, fill ids,
 * strategy states and kill switch follow, then {@link SnapshotEndRecord}. Layout: time, next order
 * id, covered segment (8 bytes each), clean shutdown (1).
 */
public final class SnapshotBeginRecord extends JournalRecord {
    public long nextOrderId;
    /** The last segment whose records the snapshot holds. */
    public long coveredSegment;
    /** Whether the newest covered record was a SHUTDOWN. */
    public boolean cleanShutdown;

    @Override
    public RecordType type() {
        return RecordType.SNAPSHOT_BEGIN;
    }

    @Override
    void encode(ByteBuffer b) {
        b.putLong(timeNanos).putLong(nextOrderId).putLong(coveredSegment).put((byte) (cleanShutdown ? 1 : 0));
    }

    @Override
    void decode(ByteBuffer b) {
        timeNanos = b.getLong();
        nextOrderId = b.getLong();
        coveredSegment = b.getLong();
        cleanShutdown = bool(b.get());
    }

    @Override
    public String toString() {
        return "SNAPSHOT_BEGIN{t=" + timeNanos + " nextOrderId=" + nextOrderId + " covered=" + coveredSegment
                + " clean=" + cleanShutdown + "}";
    }
}
