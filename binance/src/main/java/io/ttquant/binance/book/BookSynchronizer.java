package io.ttquant.binance.book;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.OrderBook;
import io.ttquant.core.time.Clock;
import java.lang.System.Logger.Level;

/**
 * Keeps one instrument's {@link OrderBook} exactly in step with Binance spot, following Binance's
 * "How to manage a local order book correctly" for the diff depth stream ({@code U} = first,
 * {@code u} = last update id of an event):
 * <ol>
 *   <li>Diff events that arrive before the book is synchronised are copied into a bounded buffer,
 *       and the first one triggers a REST snapshot request.</li>
 *   <li>When the snapshot ({@code lastUpdateId}) arrives, buffered events with
 *       {@code u <= lastUpdateId} are dropped. If the first remaining event starts after the
 *       snapshot ({@code lastUpdateId + 1 < U}) the snapshot is too old and a new one is fetched,
 *       keeping the buffer (at once the first time, after the backoff when it happens again in a
 *       row).</li>
 *   <li>Otherwise the snapshot becomes the book and the buffered events, then the live ones, are
 *       applied while each satisfies {@code U <= local + 1 <= u} (local = the book's last update
 *       id); for a well-formed stream that is {@code U == previous u + 1}.</li>
 *   <li>An event with {@code u <= local} (a duplicate, or the overlap of a make-before-break
 *       reconnect) is dropped and counted. An event with {@code U > local + 1} is a gap: it is
 *       logged and counted, the book is cleared, the event is buffered and a new snapshot is
 *       requested.</li>
 *   <li>A failed snapshot request is retried after a backoff that doubles per consecutive
 *       unusable answer (failure or too old); the retry is issued by {@link #doWork(long)}, so time is whatever the caller
 *       passes in.</li>
 * </ol>
 * Output goes to a {@link BookListener}: after each synchronisation the snapshot event, then every
 * applied diff unchanged, so a downstream consumer rebuilds the identical book.
 *
 * <p>Single-threaded: every method is called on the owner's event-loop thread, and snapshot
 * answers come back on that thread. It never blocks, sleeps or reads the wall clock, and never
 * throws because of market data: lost, stale or out-of-order events are counted outcomes.
 * Exceptions mean programming errors (an event for another instrument, a snapshot passed as a
 * diff, an answer delivered from inside {@link SnapshotRequester#requestSnapshot}). While LIVE,
 * applying a diff allocates nothing once the book's arrays have grown to its depth.
 */
public final class BookSynchronizer {
    private static final System.Logger LOG = System.getLogger(BookSynchronizer.class.getName());

    /** Where the synchronisation stands. */
    public enum State {
        /** No diff seen yet, nothing requested. */
        IDLE,
        /** A snapshot has been requested; diffs are being buffered. */
        AWAITING_SNAPSHOT,
        /** The last snapshot request failed; diffs are buffered until the retry time. */
        BACKOFF,
        /** The book is exact as of its last update id; diffs are applied as they come. */
        LIVE
    }

    private static final int APPLIED = 0;
    private static final int STALE = 1;
    private static final int GAP = 2;

    private final Instrument instrument;
    private final SnapshotRequester requester;
    private final BookListener listener;
    private final Clock clock;
    private final BookSyncConfig config;
    private final OrderBook book;
    private final BookUpdateRing buffer;

    private State state = State.IDLE;
    /** While LIVE: the lowest update id the book does not contain yet (its last update id + 1). */
    private long nextUpdateId;
    private int consecutiveFailures;
    private long retryAtNanos;
    private boolean requesting;

    private final long[] resyncs = new long[ResyncReason.values().length];
    private long gaps;
    private long staleDropped;
    private long preSnapshotDropped;
    private long bufferOverflows;
    private long snapshotsRequested;
    private long snapshotsFailed;
    private long snapshotsApplied;
    private long answersIgnored;
    private long eventsApplied;

    public BookSynchronizer(Instrument instrument, SnapshotRequester requester, BookListener listener,
                            Clock clock, BookSyncConfig config) {
        if (instrument == null || requester == null || listener == null || clock == null || config == null) {
            throw new IllegalArgumentException("instrument, requester, listener, clock and config are required");
        }
        this.instrument = instrument;
        this.requester = requester;
        this.listener = listener;
        this.clock = clock;
        this.config = config;
        this.book = new OrderBook(instrument);
        this.buffer = new BookUpdateRing(config.bufferCapacity());
    }

    /** Takes one diff depth event ({@code snapshot=false}); the event is not kept after the call. */
    public void onDiff(BookUpdate diff) {
        checkInstrument(diff);
        if (diff.isSnapshot()) {
            throw new IllegalArgumentException("a snapshot passed to onDiff: " + diff);
        }
        if (state == State.LIVE) {
            if (tryApply(diff) == GAP) {
                long expected = nextUpdateId;
                buffer.clear();
                buffer.add(diff);
                startResync(ResyncReason.SEQUENCE_GAP, expected, diff);
            }
            return;
        }
        if (buffer.add(diff)) {
            bufferOverflows++;
        }
        if (state == State.IDLE) {
            requestSnapshot();
        }
    }

    /** The answer to a snapshot request ({@code snapshot=true}); ignored (and counted) when none is awaited. */
    public void onSnapshot(BookUpdate snapshot) {
        checkInstrument(snapshot);
        if (!snapshot.isSnapshot()) {
            throw new IllegalArgumentException("a diff passed to onSnapshot: " + snapshot);
        }
        checkNotReentrant();
        if (state != State.AWAITING_SNAPSHOT) {
            answersIgnored++;
            return;
        }
        long last = snapshot.lastUpdateId();
        boolean droppedOlder = false;
        while (!buffer.isEmpty() && buffer.first().lastUpdateId() <= last) {
            buffer.removeFirst();
            preSnapshotDropped++;
            droppedOlder = true;
        }
        if (!buffer.isEmpty() && buffer.first().firstUpdateId() > last + 1) {
            // The snapshot does not reach the first event we would apply. If older buffered events
            // were just dropped, the buffer itself has a hole; otherwise the snapshot is too old.
            if (droppedOlder) {
                startResync(ResyncReason.SEQUENCE_GAP, last + 1, buffer.first());
            } else {
                consecutiveFailures++;
                startResync(ResyncReason.SNAPSHOT_TOO_OLD, last + 1, buffer.first());
            }
            return;
        }
        consecutiveFailures = 0;
        snapshotsApplied++;
        book.apply(snapshot);
        nextUpdateId = last + 1;
        state = State.LIVE;
        listener.onBook(snapshot, book);
        drainBuffer();
    }

    /** The snapshot request failed; a retry is scheduled after the backoff and issued by {@link #doWork}. */
    public void onSnapshotFailed(Instrument instrument, String reason) {
        if (!sameInstrument(instrument)) {
            throw new IllegalArgumentException("snapshot failure for " + instrument + " sent to the " + this.instrument + " book");
        }
        checkNotReentrant();
        if (state != State.AWAITING_SNAPSHOT) {
            answersIgnored++;
            return;
        }
        snapshotsFailed++;
        consecutiveFailures++;
        scheduleRetry(reason);
    }

    private void scheduleRetry(String reason) {
        long delay = config.backoffNanos(consecutiveFailures);
        retryAtNanos = clock.nanos() + delay;
        state = State.BACKOFF;
        LOG.log(Level.WARNING, instrument.symbol() + " depth snapshot unusable (" + reason + "), "
                + consecutiveFailures + " in a row; retry in " + delay / 1_000_000 + " ms");
    }

    /** Duty cycle: issues a due snapshot retry. Returns the work done (0 when idle). */
    public int doWork(long nowNanos) {
        if (state == State.BACKOFF && nowNanos - retryAtNanos >= 0) {
            requestSnapshot();
            return 1;
        }
        return 0;
    }

    /**
     * Throws the book away and synchronises again (for example after the stream was
     * disconnected). Returns false, doing nothing, when the book is not live.
     */
    public boolean requestResync() {
        if (state != State.LIVE) {
            return false;
        }
        buffer.clear();
        startResync(ResyncReason.REQUESTED, nextUpdateId, null);
        return true;
    }

    private void drainBuffer() {
        while (state == State.LIVE && !buffer.isEmpty()) {
            BookUpdate next = buffer.first();
            if (tryApply(next) == GAP) {
                // The buffered events from this one on form the start of the next attempt.
                startResync(ResyncReason.SEQUENCE_GAP, nextUpdateId, next);
                return;
            }
            buffer.removeFirst();
        }
    }

    private int tryApply(BookUpdate diff) {
        long last = diff.lastUpdateId();
        if (last < nextUpdateId) {
            staleDropped++;
            return STALE;
        }
        if (diff.firstUpdateId() > nextUpdateId) {
            return GAP;
        }
        // U <= local + 1 <= u: every level in the event carries its absolute quantity as of u.
        book.apply(diff);
        nextUpdateId = last + 1;
        eventsApplied++;
        listener.onBook(diff, book);
        return APPLIED;
    }

    private void startResync(ResyncReason reason, long expectedUpdateId, BookUpdate offending) {
        resyncs[reason.ordinal()]++;
        if (reason == ResyncReason.SEQUENCE_GAP) {
            gaps++;
        }
        LOG.log(Level.WARNING, instrument.symbol() + " book resync " + reason + ": expected update id "
                + expectedUpdateId + (offending == null ? "" : ", got U=" + offending.firstUpdateId()
                + " u=" + offending.lastUpdateId()) + "; fetching a new snapshot");
        book.clear();
        state = State.AWAITING_SNAPSHOT;
        listener.onResync(instrument, reason);
        if (reason == ResyncReason.SNAPSHOT_TOO_OLD && consecutiveFailures > 1) {
            // A REST service that keeps answering with stale books is not asked again at once.
            scheduleRetry("snapshot too old");
        } else {
            requestSnapshot();
        }
    }

    private void requestSnapshot() {
        state = State.AWAITING_SNAPSHOT;
        snapshotsRequested++;
        requesting = true;
        try {
            requester.requestSnapshot(instrument);
        } finally {
            requesting = false;
        }
    }

    private void checkInstrument(BookUpdate event) {
        if (!sameInstrument(event.instrument())) {
            throw new IllegalArgumentException("event for " + event.instrument() + " sent to the " + instrument + " book");
        }
    }

    private boolean sameInstrument(Instrument other) {
        return other == instrument || other != null && other.symbol().equals(instrument.symbol());
    }

    private void checkNotReentrant() {
        if (requesting) {
            throw new IllegalStateException("snapshot answered from inside requestSnapshot; answers must come later");
        }
    }

    public Instrument instrument() {
        return instrument;
    }

    /** The synchronised book; exact as of {@code book().lastUpdateId()} while {@link #isLive()}, empty otherwise. */
    public OrderBook book() {
        return book;
    }

    public State state() {
        return state;
    }

    public boolean isLive() {
        return state == State.LIVE;
    }

    /** Diff events waiting for a snapshot. */
    public int bufferedEvents() {
        return buffer.size();
    }

    /** When the next snapshot retry is due (meaningful in {@link State#BACKOFF}). */
    public long retryAtNanos() {
        return retryAtNanos;
    }

    public long resyncs(ResyncReason reason) {
        return resyncs[reason.ordinal()];
    }

    public long resyncsTotal() {
        long total = 0;
        for (long r : resyncs) {
            total += r;
        }
        return total;
    }

    /** Sequence gaps found (each also counted as a {@link ResyncReason#SEQUENCE_GAP} resync). */
    public long gaps() {
        return gaps;
    }

    /** Diffs dropped because the book already contained them ({@code u <= local}). */
    public long staleDropped() {
        return staleDropped;
    }

    /** Buffered diffs dropped because a snapshot already contained them ({@code u <= lastUpdateId}). */
    public long preSnapshotDropped() {
        return preSnapshotDropped;
    }

    /** Oldest buffered diffs dropped because the buffer was full. */
    public long bufferOverflows() {
        return bufferOverflows;
    }

    public long snapshotsRequested() {
        return snapshotsRequested;
    }

    public long snapshotsFailed() {
        return snapshotsFailed;
    }

    /** Snapshots that became the book. */
    public long snapshotsApplied() {
        return snapshotsApplied;
    }

    /** Snapshot answers or failures that arrived when none was awaited. */
    public long answersIgnored() {
        return answersIgnored;
    }

    /** Diff events applied to the book (buffered and live). */
    public long eventsApplied() {
        return eventsApplied;
    }
}
