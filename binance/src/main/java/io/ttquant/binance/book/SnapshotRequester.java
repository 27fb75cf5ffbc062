package io.ttquant.binance.book;

import io.ttquant.core.instrument.Instrument;

/**
 * Asks for a REST depth snapshot ({@code GET /api/v3/depth?limit=1000}) on behalf of a
 * {@link BookSynchronizer}. The answer must come back later, on the synchronizer's own thread,
 * through {@link BookSynchronizer#onSnapshot} or {@link BookSynchronizer#onSnapshotFailed}.
 *
 * <p>An implementation must never block and must never answer from inside
 * {@link #requestSnapshot} (the synchronizer treats a re-entrant answer as a bug).
 */
@FunctionalInterface
public interface SnapshotRequester {
    /** Starts fetching a depth snapshot for {@code instrument}; returns at once. */
    void requestSnapshot(Instrument instrument);
}
