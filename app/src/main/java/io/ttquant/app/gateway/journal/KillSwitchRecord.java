package io.ttquant.app.gateway.journal;

import java.nio.ByteBuffer;

/** KILL_SWITCH: the global kill switch was engaged or released. Layout: time (8), engaged (1), reason (text, cut to 255). */
public final class KillSwitchRecord extends JournalRecord {
    public boolean engaged;
    public String reason;

    @Override
    public RecordType type() {
        return RecordType.KILL_SWITCH;
    }

    public KillSwitchRecord set(long timeNanos, boolean engaged, String reason) {
        this.timeNanos = timeNanos;
        this.engaged = engaged;
        this.reason = reason;
        return this;
    }

    @Override
    void encode(ByteBuffer b) {
        b.putLong(timeNanos).put((byte) (engaged ? 1 : 0));
        Ascii.putText(b, reason);
    }

    @Override
    void decode(ByteBuffer b) {
        timeNanos = b.getLong();
        engaged = bool(b.get());
        reason = Ascii.get(b);
    }

    @Override
    public String toString() {
        return "KILL_SWITCH{t=" + timeNanos + " engaged=" + engaged + " reason=" + reason + "}";
    }
}
