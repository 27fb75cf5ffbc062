package io.ttquant.app.gateway.journal;

/**
 * Thrown while decoding a record whose checksum was right but whose fields are not (a value out of
 * range, a field running past the record): the journal was written by another version or by a
 * bug. Internal to the reader, which turns it into a {@link JournalError}; it never leaves the
 * package.
 */
final class MalformedRecordException extends RuntimeException {
    MalformedRecordException(String message) {
        super(message, null, false, false);
    }
}
