package io.ttquant.app.gateway.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Follows a journal that another thread is appending to: from the newest snapshot (and the
 * segments after it) or from a given journal position, hands each record that has become durable
 * to a {@link JournalVisitor}, with its position, in journal order, across segment roll-overs.
 * It is how the store exporter reads what the gateway journaled, while the gateway trades.
 *
 * <p>Positions are the journal's own: bytes of records since the journal began, across segments
 * ({@link JournalRecord#position()} is the position after the record, what append returned for
 * it), so they only grow, and a segment's file header says at which position it starts. Records
 * of a snapshot all carry the snapshot's position (the end of the segments it replaces).
 *
 * <p>The caller says how far to read: the writer's {@link OrderJournal#durablePosition()}, read
 * (a volatile read) before the files are. Everything below it was written and synced before that
 * position was published, so this reader never reads past it and never sees a record half
 * written, nor buffers bytes beyond it that could still change. A segment ends where the next
 * starts: when the current file holds nothing more below the limit, the rest is in the next
 * segment, which the writer created before it made any record in it durable.
 *
 * <p>A damaged record, a missing segment, a position that is not a record boundary or a record
 * that crosses the durable limit stop the tail with a {@link JournalError} ({@link #error()}):
 * it never skips a record. Reading never changes a file. Compaction may delete a segment this
 * tail has passed (or holds open: reading an open file goes on); it must not delete one the tail
 * has not read yet: the exporter's watermark ({@link JournalConfig.Builder#compactionWatermark})
 * sees to that. One thread; it allocates only what decoding a record's texts allocates.
 */
public final class JournalTail implements AutoCloseable {
    private static final int BUFFER = 256 * 1024;

    private final Path dir;
    private final boolean fromSnapshot;
    private final FileWindow window = new FileWindow(BUFFER);

    /** Records ending at or below this position are read but not handed over (-1: none to skip). */
    private long skipTo;
    /** A position records must not straddle (-1: none), see {@link #requireBoundary}. */
    private long boundary = -1;
    private boolean started;
    private boolean inSnapshot;
    private RecordType lastSnapshotType;
    private long segment;
    private FileChannel ch;
    private Path file;
    private long fileOffset;
    private long fileSize;
    private long position;
    private JournalError error;
    private long records;
    private boolean closed;

    private JournalTail(Path dir, boolean fromSnapshot, long skipTo) {
        this.dir = dir;
        this.fromSnapshot = fromSnapshot;
        this.skipTo = skipTo;
    }

    /** A tail from the beginning: the newest snapshot, if any, then every segment after it. */
    public static JournalTail fromStart(Path dir) {
        return new JournalTail(dir, true, -1);
    }

    /**
     * A tail that hands over the records after journal {@code position} (which must be a record
     * boundary, as returned by append or {@link JournalRecord#position()}, and at most the durable
     * position the first poll is given).
     */
    public static JournalTail from(Path dir, long position) {
        if (position < 0) {
            throw new IllegalArgumentException("journal position " + position + " is negative");
        }
        return new JournalTail(dir, false, position);
    }

    /**
     * Reads the records that end at or below {@code durableUpTo}, up to {@code maxRecords} of them,
     * and hands each to the visitor; returns how many it handed over (0 when there are none yet,
     * or after an error: see {@link #error()}).
     */
    public int poll(long durableUpTo, JournalVisitor visitor, int maxRecords) {
        if (error != null || closed) {
            return 0;
        }
        int n = 0;
        try {
            if (!started && !begin()) {
                return 0;
            }
            while (n < maxRecords && error == null) {
                long cap;
                if (inSnapshot) {
                    cap = fileSize - fileOffset;
                    if (cap == 0) {
                        endSnapshot();
                        continue;
                    }
                } else {
                    if (position >= durableUpTo) {
                        break;
                    }
                    cap = Math.min(fileSize - fileOffset, durableUpTo - position);
                    if (cap <= 0) {
                        fileSize = ch.size();
                        cap = Math.min(fileSize - fileOffset, durableUpTo - position);
                    }
                    if (cap <= 0) {
                        // Nothing more in this segment below the limit: the rest is in the next one.
                        if (!openSegment(segment + 1, true)) {
                            break;
                        }
                        continue;
                    }
                }
                int r = readRecord(cap, visitor);
                if (r > 0) {
                    n++;
                } else if (r < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            error = JournalError.io("cannot read the journal while following it", file, e);
        }
        return n;
    }

    /** Opens the first file; false when the journal has no file yet (or on an error). */
    private boolean begin() throws IOException {
        JournalFiles files;
        try {
            files = JournalFiles.list(dir);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (fromSnapshot) {
            if (!files.snapshots.isEmpty()) {
                long s = files.snapshots.last();
                if (!open(JournalFiles.snapshot(dir, s), FileHeader.SNAPSHOT, s, -1)) {
                    return false;
                }
                inSnapshot = true;
                lastSnapshotType = null;
                segment = s;
                started = true;
                return true;
            }
            if (files.segments.isEmpty()) {
                return false;
            }
            long first = files.segments.first();
            if (first != 0) {
                error = JournalError.missing("the journal starts at segment " + first + " but no snapshot covers the "
                        + "segments before it", JournalFiles.segment(dir, 0));
                return false;
            }
            started = open(JournalFiles.segment(dir, first), FileHeader.SEGMENT, first, -1);
            segment = first;
            return started;
        }
        // From a position: the newest segment starting at or below it.
        for (Long s : files.segments.descendingSet()) {
            long base = basePosition(JournalFiles.segment(dir, s));
            if (base < 0) {
                return false;
            }
            if (base <= skipTo) {
                segment = s;
                started = open(JournalFiles.segment(dir, s), FileHeader.SEGMENT, s, -1);
                return started;
            }
        }
        if (!files.segments.isEmpty()) {
            error = JournalError.missing("journal position " + skipTo + " is before the oldest segment kept (compacted)",
                    JournalFiles.segment(dir, files.segments.first()));
        }
        return false;
    }

    /** The base position in a segment's header; -1 with {@link #error} set when it cannot be read. */
    private long basePosition(Path p) throws IOException {
        if (!open(p, FileHeader.SEGMENT, -1, -1)) {
            return -1;
        }
        long base = position;
        closeFile();
        return base;
    }

    /**
     * Opens a file and checks its header (kind, index unless -1, base position unless
     * {@code expectedBase} is -1); sets the position to its base. False with {@link #error} set.
     */
    private boolean open(Path p, byte kind, long index, long expectedBase) throws IOException {
        closeFile();
        file = p;
        ch = FileChannel.open(p, StandardOpenOption.READ);
        fileSize = ch.size();
        window.reset();
        if (fileSize < FileHeader.SIZE || !window.ensure(ch, 0, FileHeader.SIZE, FileHeader.SIZE)) {
            return fail(JournalError.corrupt("file shorter than its header", p, 0));
        }
        String[] why = new String[1];
        FileHeader h = FileHeader.read(window.array, why);
        if (h == null) {
            return fail(JournalError.corrupt(why[0], p, 0));
        }
        if (h.kind != kind || (index >= 0 && h.index != index)) {
            return fail(JournalError.corrupt("header says " + (h.kind == FileHeader.SEGMENT ? "segment " : "snapshot ") + h.index
                    + ", expected " + (kind == FileHeader.SEGMENT ? "segment " : "snapshot ") + index, p, 0));
        }
        if (expectedBase >= 0 && h.basePosition != expectedBase) {
            return fail(JournalError.missing("the file starts at journal position " + h.basePosition + " but the data before it "
                    + "ends at " + expectedBase, p));
        }
        position = h.basePosition;
        fileOffset = FileHeader.SIZE;
        return true;
    }

    /** Moves to segment {@code next}, which must start where the data read so far ends. */
    private boolean openSegment(long next, boolean required) throws IOException {
        Path p = JournalFiles.segment(dir, next);
        if (!Files.exists(p)) {
            if (required) {
                error = JournalError.missing("segment " + next + " is missing while the journal is durable beyond position "
                        + position, p);
            }
            return false;
        }
        if (!open(p, FileHeader.SEGMENT, next, position)) {
            return false;
        }
        segment = next;
        return true;
    }

    /** The snapshot is read: the segment after it continues at its position. */
    private void endSnapshot() throws IOException {
        if (lastSnapshotType != RecordType.SNAPSHOT_END) {
            fail(JournalError.corrupt("snapshot file does not end with SNAPSHOT_END", file, fileOffset));
            return;
        }
        inSnapshot = false;
        long base = position;
        closeFile();
        position = base;
        if (!openSegment(segment + 1, false)) {
            // The journal always has a segment after its newest snapshot; without one there is nothing more yet.
            if (error == null) {
                error = JournalError.missing("no segment follows snapshot " + segment, JournalFiles.segment(dir, segment + 1));
            }
        }
    }

    /**
     * Reads the record at the current offset, at most {@code cap} bytes long; returns 1 when it was
     * handed to the visitor, 0 when it was skipped, -1 on an error.
     */
    private int readRecord(long cap, JournalVisitor visitor) throws IOException {
        if (cap < RecordFramer.HEADER + RecordFramer.TRAILER) {
            return failed(JournalError.corrupt("record cut short " + (inSnapshot ? "at the end of the snapshot"
                    : "below the durable position " + (position + cap)), file, fileOffset));
        }
        window.ensure(ch, fileOffset, RecordFramer.HEADER, fileOffset + cap);
        int at = window.at(fileOffset);
        int length = window.buf.getInt(at);
        int typeCode = window.buf.getShort(at + 4);
        if (length < 0 || length > RecordFramer.MAX_BODY) {
            return failed(JournalError.corrupt("record length " + length + " out of range", file, fileOffset));
        }
        int frame = RecordFramer.HEADER + length + RecordFramer.TRAILER;
        if (frame > cap) {
            return failed(JournalError.corrupt("record of " + frame + " bytes runs past " + (inSnapshot ? "the end of the snapshot"
                    : "the durable position " + (position + cap)), file, fileOffset));
        }
        window.ensure(ch, fileOffset, frame, fileOffset + cap);
        at = window.at(fileOffset);
        if (!window.checksumMatches(at, length)) {
            return failed(JournalError.corrupt("record checksum mismatch", file, fileOffset));
        }
        RecordType type = RecordType.of(typeCode);
        if (type == null) {
            return failed(JournalError.corrupt("unknown record type " + typeCode, file, fileOffset));
        }
        if (inSnapshot) {
            if ((lastSnapshotType == null) != (type == RecordType.SNAPSHOT_BEGIN)) {
                return failed(JournalError.corrupt("a snapshot file must start with its only SNAPSHOT_BEGIN", file, fileOffset));
            }
        } else if (type.isSnapshotPart()) {
            return failed(JournalError.corrupt(type + " outside a snapshot file", file, fileOffset));
        }
        long end = inSnapshot ? position : position + frame;
        if (!inSnapshot && boundary >= 0 && position < boundary && end > boundary) {
            return failed(JournalError.inconsistent("journal position " + boundary + " is not a record boundary (a record "
                    + "runs from " + position + " to " + end + ")", boundary));
        }
        if (!inSnapshot && skipTo >= 0) {
            if (end > skipTo) {
                return failed(JournalError.inconsistent("journal position " + skipTo + " is not a record boundary (a record "
                        + "ends at " + end + ")", skipTo));
            }
            fileOffset += frame;
            position = end;
            records++;
            if (end == skipTo) {
                skipTo = -1;
            }
            return 0;
        }
        try {
            window.dispatch(type, at, length, end, visitor);
        } catch (MalformedRecordException e) {
            return failed(JournalError.corrupt(e.getMessage(), file, fileOffset));
        }
        if (inSnapshot) {
            lastSnapshotType = type;
        }
        fileOffset += frame;
        position = end;
        records++;
        return 1;
    }

    private boolean fail(JournalError e) {
        error = e;
        return false;
    }

    private int failed(JournalError e) {
        error = e;
        return -1;
    }

    private void closeFile() throws IOException {
        if (ch != null) {
            FileChannel c = ch;
            ch = null;
            c.close();
        }
        window.reset();
    }

    /**
     * Makes it an error for a segment record to start below {@code position} and end above it: a
     * position kept elsewhere (the store's export progress) must be where a record ends, or it
     * belongs to another journal.
     */
    public void requireBoundary(long position) {
        this.boundary = position;
    }

    /** Whether the records being read are a snapshot's (they all carry the snapshot's position). */
    public boolean inSnapshot() {
        return inSnapshot;
    }

    /** The journal position reached: the end of the last record read (a snapshot's records: its position). */
    public long position() {
        return position;
    }

    /** Records read so far (handed over or skipped). */
    public long records() {
        return records;
    }

    /** Why the tail stopped, or null while it reads. */
    public JournalError error() {
        return error;
    }

    @Override
    public void close() {
        closed = true;
        try {
            closeFile();
        } catch (IOException e) {
            // Closing a file opened for reading: nothing was written, nothing can be lost.
        }
    }

    /** Bytes the journal's files take on disk now (segments, snapshots and files being created); 0 when none. */
    public static long bytesOnDisk(Path dir) {
        long total = 0;
        try (var files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                String n = p.getFileName().toString();
                if (n.endsWith(JournalFiles.SEGMENT) || n.endsWith(JournalFiles.SNAPSHOT) || n.endsWith(JournalFiles.TEMPORARY)) {
                    try {
                        total += Files.size(p);
                    } catch (IOException e) {
                        // Deleted by compaction between the listing and now: it takes no space any more.
                    }
                }
            }
        } catch (IOException e) {
            return total;
        }
        return total;
    }
}
