package io.ttquant.store.writer;

/** The recorder's writer as metrics show it. */
public enum WriterState {
    /** Writing normally (or idle). */
    OK,
    /** At least one stream's last write failed with a retryable error and is waiting to retry. */
    RETRYING,
    /** Closed: nothing more will be written. */
    CLOSED
}
