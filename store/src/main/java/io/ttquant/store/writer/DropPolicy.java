package io.ttquant.store.writer;

/**
 * What the recorder does with a row offered while its stream's queue is full. The feed never
 * waits on the database, so the only choices drop something; every dropped row is counted.
 */
public enum DropPolicy {
    /**
     * Drop the row being offered and keep the queued ones: the stored history keeps its oldest
     * part contiguous and the gap is at its end, while the database catches up.
     */
    DROP_NEWEST
}
