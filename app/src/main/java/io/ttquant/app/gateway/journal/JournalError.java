package io.ttquant.app.gateway.journal;

import java.nio.file.Path;

/**
 * Why a journal could not be replayed or written, as a value: the gateway refuses to trade and
 * shows {@link #describe()}. Never a silent skip: a replay that meets one stops there.
 */
public final class JournalError {
    /** What went wrong. */
    public enum Kind {
        /** A record or file header is damaged somewhere other than the torn tail of the newest segment. */
        CORRUPT,
        /** A segment or snapshot the journal needs is missing (a gap in the segment sequence or positions). */
        MISSING_DATA,
        /** Every record is intact but they contradict each other (a fill for an order never journaled, an order id used twice...). */
        INCONSISTENT,
        /** The file system failed (cannot read, write, sync, create or delete). */
        IO
    }

    private final Kind kind;
    private final String message;
    private final Path file;
    private final long offset;

    JournalError(Kind kind, String message, Path file, long offset) {
        this.kind = kind;
        this.message = message;
        this.file = file;
        this.offset = offset;
    }

    static JournalError corrupt(String message, Path file, long offset) {
        return new JournalError(Kind.CORRUPT, message, file, offset);
    }

    static JournalError missing(String message, Path file) {
        return new JournalError(Kind.MISSING_DATA, message, file, -1);
    }

    /** An inconsistency found at journal {@code position} (-1 when it is about the whole state). */
    static JournalError inconsistent(String message, long position) {
        return new JournalError(Kind.INCONSISTENT, message, null, position);
    }

    static JournalError io(String what, Path file, Exception e) {
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new JournalError(Kind.IO, what + ": " + cause, file, -1);
    }

    public Kind kind() {
        return kind;
    }

    public String message() {
        return message;
    }

    /** The file concerned, or null. */
    public Path file() {
        return file;
    }

    /** Byte offset in {@link #file()} for CORRUPT; journal position for INCONSISTENT; -1 when not known. */
    public long offset() {
        return offset;
    }

    /** One line for logs and for the gateway's refusal to trade. */
    public String describe() {
        StringBuilder s = new StringBuilder("order journal ").append(kind.name().toLowerCase().replace('_', ' ')).append(": ")
                .append(message);
        if (file != null) {
            s.append(" (").append(file);
            if (offset >= 0) {
                s.append(" at byte ").append(offset);
            }
            s.append(')');
        } else if (offset >= 0) {
            s.append(" (at journal position ").append(offset).append(')');
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
