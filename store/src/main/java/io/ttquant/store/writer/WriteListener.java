package io.ttquant.store.writer;

/**
 * Told of every batch the recorder wrote, on the writer thread, for histograms (batch size,
 * write latency). Must be quick and must never throw or block: it runs between database writes.
 */
@FunctionalInterface
public interface WriteListener {
    void onWrite(RecordedStream stream, int rows, long nanos);
}
