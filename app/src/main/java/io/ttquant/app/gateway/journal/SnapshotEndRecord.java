package io.ttquant.app.gateway.journal;

import java.nio.ByteBuffer;

/** SNAPSHOT_END: last record of a snapshot. Layout: time (8), records between begin and end (8), checked on replay. */
public final class SnapshotEndRecord extends JournalRecord {
    public long records;

    @Override
    public RecordType type() {
        return RecordType.SNAPSHOT_END;
    }

    @Override
    void encode(ByteBuffer b) {
        b.putLong(timeNanos).putLong(records);
    }

    @Override
    void decode(ByteBuffer b) {
        timeNanos = b.getLong();
        records = b.getLong();
    }

    @Override
    public String toString() {
        return "SNAPSHOT_END{t=" + timeNanos + " records=" + records + "}";
    }
}
