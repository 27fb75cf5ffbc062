package io.ttquant.app.gateway.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Replays a journal directory to a {@link JournalVisitor}: the newest snapshot, then every later
 * segment in order, each record checked (length, CRC32C, fields) before the visitor sees it.
 *
 * <p>A bad record at the very end of the newest segment is a torn tail (the process died in the
 * middle of a write): a record cut short, or a checksum mismatch in a record that ends the file or
 * is followed only by zero bytes (the file system extended the file but never wrote the data).
 * Replay stops before it and reports its size; {@link OrderJournal#open} cuts it off. A bad record
 * anywhere else, a damaged file header, or a gap between files is reported as a
 * {@link JournalError} and ends the replay: it never skips a record silently. Reading never
 * changes a file.
 */
public final class JournalReader {
    private static final int BUFFER = 1 << 20;

    private final Path dir;
    private final JournalVisitor visitor;
    private final FileWindow window = new FileWindow(BUFFER);
    private FileChannel ch;
    private long size;

    private long records;
    private long position;
    private long validEnd;
    private long torn;

    private JournalReader(Path dir, JournalVisitor visitor) {
        this.dir = dir;
        this.visitor = visitor;
    }

    /**
     * Replays the whole journal in {@code dir} read-only. A torn tail is reported in the result,
     * not removed.
     */
    public static ReplayResult replay(Path dir, JournalVisitor visitor) {
        return replay(dir, visitor, Long.MAX_VALUE, true);
    }

    /**
     * Replays the newest snapshot at or below {@code upToSegment} and the segments after it up to
     * {@code upToSegment}; only when {@code tailMayBeTorn} may the last of them end in a torn tail.
     */
    static ReplayResult replay(Path dir, JournalVisitor visitor, long upToSegment, boolean tailMayBeTorn) {
        return new JournalReader(dir, visitor).run(upToSegment, tailMayBeTorn);
    }

    private ReplayResult run(long upToSegment, boolean tailMayBeTorn) {
        JournalFiles files;
        try {
            files = JournalFiles.list(dir);
        } catch (IOException e) {
            return failed(JournalError.io("cannot list the journal directory", dir, e), -1, -1);
        }
        long snapshot = files.latestSnapshot(upToSegment);
        long expected = snapshot + 1;
        long last = -1;
        long lastValid = 0;
        boolean havePosition = false;
        if (snapshot >= 0) {
            Path p = JournalFiles.snapshot(dir, snapshot);
            JournalError e = readFile(p, FileHeader.SNAPSHOT, snapshot, false, false);
            if (e != null) {
                return failed(e, snapshot, -1);
            }
            havePosition = true;
        }
        for (Long index : files.segments.tailSet(expected, true)) {
            if (index > upToSegment) {
                break;
            }
            if (index != expected) {
                Path missing = JournalFiles.segment(dir, expected);
                String what = snapshot < 0 && last < 0
                        ? "the journal starts at segment " + index + " but no snapshot covers the segments before it"
                        : "segment " + expected + " is missing";
                return failed(JournalError.missing(what, missing), snapshot, last);
            }
            Path p = JournalFiles.segment(dir, index);
            boolean newest = index.equals(files.segments.last()) || files.segments.higher(index) > upToSegment;
            JournalError e = readFile(p, FileHeader.SEGMENT, index, havePosition, tailMayBeTorn && newest);
            if (e != null) {
                return failed(e, snapshot, index);
            }
            havePosition = true;
            last = index;
            lastValid = validEnd;
            expected++;
        }
        return new ReplayResult(null, records, snapshot, last, lastValid, last < 0 ? 0 : torn, position);
    }

    private ReplayResult failed(JournalError e, long snapshot, long last) {
        return new ReplayResult(e, records, snapshot, last, 0, 0, position);
    }

    /** Reads one file; returns null when every record was read (a torn tail allowed when {@code tailMayBeTorn}). */
    private JournalError readFile(Path p, byte kind, long index, boolean checkBase, boolean tailMayBeTorn) {
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.READ)) {
            ch = c;
            size = c.size();
            window.reset();
            validEnd = 0;
            torn = 0;
            if (!ensure(0, FileHeader.SIZE)) {
                return JournalError.corrupt("file shorter than its header", p, 0);
            }
            String[] why = new String[1];
            FileHeader h = FileHeader.read(window.array, why);
            if (h == null) {
                return JournalError.corrupt(why[0], p, 0);
            }
            if (h.kind != kind || h.index != index) {
                return JournalError.corrupt("header says " + (h.kind == FileHeader.SEGMENT ? "segment " : "snapshot ")
                        + h.index + ", the name says otherwise", p, 0);
            }
            if (checkBase && h.basePosition != position) {
                return JournalError.missing("the file starts at journal position " + h.basePosition
                        + " but the data before it ends at " + position, p);
            }
            position = h.basePosition;
            return readRecords(p, kind == FileHeader.SNAPSHOT, tailMayBeTorn);
        } catch (IOException e) {
            return JournalError.io("cannot read", p, e);
        } finally {
            ch = null;
        }
    }

    private JournalError readRecords(Path p, boolean snapshot, boolean tailMayBeTorn) throws IOException {
        long offset = FileHeader.SIZE;
        RecordType lastType = null;
        while (offset < size) {
            long remaining = size - offset;
            if (remaining < RecordFramer.HEADER) {
                return bad(p, offset, tailMayBeTorn, "record header cut short");
            }
            ensure(offset, RecordFramer.HEADER);
            int at = window.at(offset);
            int length = window.buf.getInt(at);
            int typeCode = window.buf.getShort(at + 4);
            if (length < 0 || length > RecordFramer.MAX_BODY) {
                boolean zeros = tailMayBeTorn && allZeros(offset, size);
                return bad(p, offset, zeros, "record length " + length + " out of range");
            }
            int frame = RecordFramer.HEADER + length + RecordFramer.TRAILER;
            if (frame > remaining) {
                // Cut short by a crash, unless a whole record follows: then its length field is damaged.
                boolean tail = tailMayBeTorn && !wholeRecordWithin(offset + 1, size);
                return bad(p, offset, tail, "record runs past the end of the file");
            }
            ensure(offset, frame);
            at = window.at(offset);
            if (!window.checksumMatches(at, length)) {
                long end = offset + frame;
                boolean tail = tailMayBeTorn && (end == size || allZeros(end, size));
                return bad(p, offset, tail, "record checksum mismatch");
            }
            RecordType type = RecordType.of(typeCode);
            if (type == null) {
                return JournalError.corrupt("unknown record type " + typeCode, p, offset);
            }
            if (type.isSnapshotPart() && !snapshot) {
                return JournalError.corrupt(type + " outside a snapshot file", p, offset);
            }
            if (snapshot && (offset == FileHeader.SIZE) != (type == RecordType.SNAPSHOT_BEGIN)) {
                return JournalError.corrupt("a snapshot file must start with its only SNAPSHOT_BEGIN", p, offset);
            }
            if (!snapshot) {
                position += frame;
            }
            try {
                window.dispatch(type, at, length, position, visitor);
            } catch (MalformedRecordException e) {
                return JournalError.corrupt(e.getMessage(), p, offset);
            }
            records++;
            lastType = type;
            offset += frame;
            validEnd = offset;
        }
        validEnd = offset;
        if (snapshot && lastType != RecordType.SNAPSHOT_END) {
            return JournalError.corrupt("snapshot file does not end with SNAPSHOT_END", p, offset);
        }
        return null;
    }

    /** A bad record at {@code offset}: the torn tail when {@code tail}, else corruption. */
    private JournalError bad(Path p, long offset, boolean tail, String why) {
        if (tail) {
            validEnd = offset;
            torn = size - offset;
            return null;
        }
        return JournalError.corrupt(why, p, offset);
    }

    /** Makes bytes [offset, offset + n) of the file available in the buffer; false when the file is shorter. */
    private boolean ensure(long offset, int n) throws IOException {
        return window.ensure(ch, offset, n, size);
    }

    /** Whether a record with a valid checksum starts anywhere in [from, to) (fewer than one frame of bytes). */
    private boolean wholeRecordWithin(long from, long to) throws IOException {
        int n = (int) (to - from);
        ensure(from, n);
        int base = window.at(from);
        int minFrame = RecordFramer.HEADER + RecordFramer.TRAILER;
        for (int i = 0; i + minFrame <= n; i++) {
            int length = window.buf.getInt(base + i);
            if (length >= 0 && i + minFrame + length <= n && RecordType.of(window.buf.getShort(base + i + 4)) != null
                    && window.checksumMatches(base + i, length)) {
                return true;
            }
        }
        return false;
    }

    private boolean allZeros(long from, long to) throws IOException {
        for (long off = from; off < to; ) {
            int n = (int) Math.min(window.array.length, to - off);
            ensure(off, n);
            int at = window.at(off);
            for (int i = 0; i < n; i++) {
                if (window.array[at + i] != 0) {
                    return false;
                }
            }
            off += n;
        }
        return true;
    }
}
