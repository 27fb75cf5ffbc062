package io.ttquant.app.gateway.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * One journal file seen through a reused buffer, the part the journal's two readers share
 * ({@link JournalReader} replays a journal, {@link JournalTail} follows one as it grows): bytes are
 * read a buffer at a time and never past a limit the caller gives (the end of the file, or what
 * the writer made durable), and a record is checked and decoded where it lies in the buffer. What
 * counts as a bad record (a torn tail, corruption) is the caller's to say. One thread; allocates
 * nothing after construction.
 */
final class FileWindow {
    /** The buffer's bytes, from file offset {@link #at}'s origin. */
    final byte[] array;
    /** The buffer, little-endian (the journal's byte order). */
    final ByteBuffer buf;
    private final ByteBuffer io;
    private final RecordFramer framer = new RecordFramer();
    private final RecordDecoder decoder = new RecordDecoder();
    private long start;
    private int length;

    FileWindow(int bytes) {
        array = new byte[bytes];
        buf = ByteBuffer.wrap(array).order(ByteOrder.LITTLE_ENDIAN);
        io = ByteBuffer.wrap(array);
    }

    /** Forgets what was read: the next {@link #ensure} reads (another file). */
    void reset() {
        start = 0;
        length = 0;
    }

    /**
     * Makes bytes [offset, offset + n) of the file available, reading from {@code offset} up to
     * {@code limit} (exclusive; at most a buffer); false when fewer than n bytes lie below the limit.
     */
    boolean ensure(FileChannel ch, long offset, int n, long limit) throws IOException {
        if (offset >= start && offset + n <= start + length) {
            return true;
        }
        int want = (int) Math.min(array.length, limit - offset);
        if (want < n) {
            return false;
        }
        start = offset;
        length = 0;
        io.clear().limit(want);
        while (length < want) {
            int r = ch.read(io, offset + length);
            if (r < 0) {
                throw new IOException("file shrank while being read");
            }
            length += r;
        }
        return true;
    }

    /** Where file offset {@code offset} (in the window) is in the buffer. */
    int at(long offset) {
        return (int) (offset - start);
    }

    /** Whether the record framed at buffer index {@code at}, with a body of {@code length} bytes, has its checksum. */
    boolean checksumMatches(int at, int length) {
        return framer.checksum(array, at + 4, 2 + length) == buf.getInt(at + RecordFramer.HEADER + length);
    }

    /** Decodes the body of the record at buffer index {@code at} and hands it to the visitor with its position. */
    void dispatch(RecordType type, int at, int length, long position, JournalVisitor visitor) {
        int limit = buf.limit();
        buf.limit(at + RecordFramer.HEADER + length).position(at + RecordFramer.HEADER);
        try {
            decoder.dispatch(type, buf, position, visitor);
        } finally {
            buf.limit(limit);
        }
    }
}
