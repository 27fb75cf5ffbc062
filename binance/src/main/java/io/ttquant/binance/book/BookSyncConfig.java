package io.ttquant.binance.book;

/**
 * Settings of a {@link BookSynchronizer}, checked once when built: how many diff events are kept
 * while waiting for a snapshot, and the retry backoff after a failed snapshot request (doubling
 * from {@code initialBackoffNanos} up to {@code maxBackoffNanos}).
 *
 * @param bufferCapacity      diff events buffered while syncing; past it the oldest is dropped
 * @param initialBackoffNanos wait before the first retry of a failed snapshot request
 * @param maxBackoffNanos     the longest wait between retries
 */
public record BookSyncConfig(int bufferCapacity, long initialBackoffNanos, long maxBackoffNanos) {

    public BookSyncConfig {
        if (bufferCapacity < 1 || bufferCapacity > 1_000_000) {
            throw new IllegalArgumentException("bufferCapacity must be 1..1000000, got " + bufferCapacity);
        }
        if (initialBackoffNanos <= 0 || maxBackoffNanos < initialBackoffNanos) {
            throw new IllegalArgumentException("need 0 < initialBackoffNanos <= maxBackoffNanos, got "
                    + initialBackoffNanos + " and " + maxBackoffNanos);
        }
    }

    /** 1024 buffered events (about 100 s of a 100 ms stream), retries from 1 s doubling to 30 s. */
    public static BookSyncConfig defaults() {
        return new BookSyncConfig(1024, 1_000_000_000L, 30_000_000_000L);
    }

    /** The wait before retry number {@code failures} (1 = first failure). */
    long backoffNanos(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 62);
        long delay = initialBackoffNanos;
        for (int i = 0; i < doublings && delay < maxBackoffNanos; i++) {
            delay = delay > maxBackoffNanos / 2 ? maxBackoffNanos : delay * 2;
        }
        return Math.min(delay, maxBackoffNanos);
    }
}
