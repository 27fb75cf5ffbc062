package io.ttquant.app.gateway.journal;

import java.nio.ByteBuffer;

/** SHUTDOWN: the gateway stopped cleanly. Recovery reports a clean shutdown when this is the last record. Layout: time (8). */
public final class ShutdownRecord extends JournalRecord {
    @Override
    public RecordType type() {
        return RecordType.SHUTDOWN;
    }

    public ShutdownRecord set(long timeNanos) {
        this.timeNanos = timeNanos;
        return this;
    }

    @Override
    void encode(ByteBuffer b) {
        b.putLong(timeNanos);
    }

    @Override
    void decode(ByteBuffer b) {
        timeNanos = b.getLong();
    }

    @Override
    public String toString() {
        return "SHUTDOWN{t=" + timeNanos + "}";
    }
}
