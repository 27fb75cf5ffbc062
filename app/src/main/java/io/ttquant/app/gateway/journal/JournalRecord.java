package io.ttquant.app.gateway.journal;

import java.nio.ByteBuffer;

/**
 * One record of the order journal, as a pre-allocated, reused event object: the writer fills a
 * record's public fields and appends it; the reader decodes into one instance per type and hands
 * it to a {@link JournalVisitor}, so a visitor must copy what it keeps. Each subclass owns its
 * fixed little-endian body layout ({@link #encode}/{@link #decode}); the frame around it (length,
 * type, CRC32C) belongs to {@link RecordFramer}. A record never holds a secret.
 */
public abstract class JournalRecord {
    /** The gateway's time of the event, ns since the epoch. */
    public long timeNanos;
    private long position;

    JournalRecord() {
    }

    /** The kind of record, which decides its layout. */
    public abstract RecordType type();

    /** On replay: the journal position just after this record (what {@code append} returned for it). */
    public long position() {
        return position;
    }

    void position(long position) {
        this.position = position;
    }

    /** Writes the body at the buffer's position (little endian); never allocates. */
    abstract void encode(ByteBuffer b);

    /** Reads the body from the buffer's position; throws {@link MalformedRecordException} for an out-of-range field. */
    abstract void decode(ByteBuffer b);

    static boolean bool(byte b) {
        if (b != 0 && b != 1) {
            throw new MalformedRecordException("flag is neither 0 nor 1: " + b);
        }
        return b == 1;
    }
}
