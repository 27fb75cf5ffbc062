package io.ttquant.binance.trade;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.time.Clock;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Turns one instrument's live trade stream into a gap-free sequence: Binance numbers the trades
 * of a symbol consecutively (one id space per stream kind: trade ids for {@code @trade}, aggregate
 * ids for {@code @aggTrade}; use one sequencer per id space). Downstream sees every trade once, in
 * id order.
 * <ul>
 *   <li>The first trade ever seen is the start; nothing before it is fetched.</li>
 *   <li>An id at or below the last emitted one is a duplicate: dropped and counted.</li>
 *   <li>The next id is emitted at once.</li>
 *   <li>A higher id opens a hole: this and the following live trades are held (bounded, in a
 *       pool of copies) and the missing ids are requested through {@link TradeBackfill}, at most
 *       {@code maxBatch} at a time, until the hole is closed; then the held trades are emitted.</li>
 *   <li>A failed request is retried after a doubling backoff, issued by {@link #doWork(long)};
 *       after {@code maxFailures} failures in a row the hole is given up: its ids are counted
 *       as lost, logged, and the sequence continues after it.</li>
 * </ul>
 *
 * <p>Single-threaded: every method runs on the owner's event-loop thread, and backfill answers
 * come back on that thread. It never blocks, sleeps or reads the wall clock; missing, repeated or
 * out-of-order trades are counted outcomes, never exceptions (an exception means a programming
 * error: a trade of another instrument, an answer given from inside the request). With no hole open it allocates
 * nothing and hands the caller's tick straight to the listener.
 */
public final class TradeSequencer {
    private static final System.Logger LOG = System.getLogger(TradeSequencer.class.getName());

    private final Instrument instrument;
    private final TradeBackfill backfill;
    private final TradeListener listener;
    private final Clock clock;
    private final TradeSequencerConfig config;
    private final TradeRing held;

    private boolean started;
    private long lastId;
    private boolean awaiting;
    private long requestedFrom;
    private boolean retryPending;
    private long retryAtNanos;
    private int consecutiveFailures;
    private boolean requesting;

    private long emitted;
    private long duplicates;
    private long gaps;
    private long backfilled;
    private long lost;
    private long overflowDropped;
    private long backfillRequests;
    private long backfillFailures;

    public TradeSequencer(Instrument instrument, TradeBackfill backfill, TradeListener listener, Clock clock,
                          TradeSequencerConfig config) {
        if (instrument == null || backfill == null || listener == null || clock == null || config == null) {
            throw new IllegalArgumentException("instrument, backfill, listener, clock and config are required");
        }
        this.instrument = instrument;
        this.backfill = backfill;
        this.listener = listener;
        this.clock = clock;
        this.config = config;
        this.held = new TradeRing(config.bufferCapacity());
    }

    /** Takes one trade from the live stream; the tick is not kept after the call. */
    public void onLive(TradeTick trade) {
        Instrument of = trade.instrument();
        if (of != instrument && (of == null || !of.symbol().equals(instrument.symbol()))) {
            throw new IllegalArgumentException("trade for " + of + " sent to the " + instrument + " sequencer");
        }
        long id = trade.tradeId();
        if (!started) {
            started = true;
            emit(trade, false);
            return;
        }
        if (id <= lastId) {
            duplicates++;
            return;
        }
        if (held.isEmpty()) {
            if (id == lastId + 1) {
                emit(trade, false);
                return;
            }
            gaps++;
            LOG.log(Level.DEBUG, () -> instrument.symbol() + " trade gap after id " + lastId + ", got " + id);
            held.insert(trade);
            consecutiveFailures = 0;
            retryPending = false;
            requestIfIdle();
            return;
        }
        if (id > held.lastId() + 1) {
            gaps++;
        }
        switch (held.insert(trade)) {
            case TradeRing.DUPLICATE:
                duplicates++;
                break;
            case TradeRing.INSERTED_DROPPED_HIGHEST:
            case TradeRing.DROPPED:
                overflowDropped++;
                break;
            default:
                break;
        }
        drainHeld();
        if (!held.isEmpty()) {
            requestIfIdle();
        }
    }

    /**
     * The answer to a backfill request: trades in id order. Trades already emitted are counted as
     * duplicates; the answer is used up to its first missing id.
     */
    public void onBackfill(List<TradeTick> trades) {
        checkNotReentrant();
        boolean solicited = awaiting;
        awaiting = false;
        if (!started) {
            return;
        }
        int progressed = 0;
        for (int i = 0, n = trades.size(); i < n; i++) {
            TradeTick t = trades.get(i);
            long id = t.tradeId();
            if (id <= lastId) {
                duplicates++;
                continue;
            }
            if (id != lastId + 1) {
                break;
            }
            backfilled++;
            progressed++;
            emit(t, true);
            drainHeld();
        }
        if (!solicited || held.isEmpty()) {
            if (held.isEmpty()) {
                consecutiveFailures = 0;
                retryPending = false;
            }
            return;
        }
        if (progressed > 0) {
            consecutiveFailures = 0;
            request();
        } else if (requestedFrom <= lastId) {
            // Live trades moved the sequence past what this request asked for: ask again, no failure.
            request();
        } else {
            fail("the answer did not continue from id " + (lastId + 1));
        }
    }

    /** The backfill request failed; a retry is scheduled (or the hole is given up after too many failures). */
    public void onBackfillFailed(String reason) {
        checkNotReentrant();
        if (!awaiting) {
            return;
        }
        awaiting = false;
        if (held.isEmpty()) {
            return;
        }
        fail(reason);
    }

    /** Duty cycle: issues a due backfill retry. Returns the work done (0 when idle). */
    public int doWork(long nowNanos) {
        if (retryPending && !awaiting && nowNanos - retryAtNanos >= 0) {
            retryPending = false;
            if (!held.isEmpty()) {
                request();
                return 1;
            }
        }
        return 0;
    }

    private void fail(String reason) {
        backfillFailures++;
        consecutiveFailures++;
        if (consecutiveFailures >= config.maxFailures()) {
            giveUpHole(reason);
            return;
        }
        long delay = config.backoffNanos(consecutiveFailures);
        retryAtNanos = clock.nanos() + delay;
        retryPending = true;
        LOG.log(Level.WARNING, instrument.symbol() + " trade backfill from id " + (lastId + 1) + " failed ("
                + reason + "), failure " + consecutiveFailures + " in a row; retry in " + delay / 1_000_000 + " ms");
    }

    private void giveUpHole(String reason) {
        long firstHeld = held.firstId();
        long missing = firstHeld - lastId - 1;
        lost += missing;
        LOG.log(Level.WARNING, instrument.symbol() + " trade ids " + (lastId + 1) + ".." + (firstHeld - 1) + " lost ("
                + missing + " trades) after " + consecutiveFailures + " failed backfills, last: " + reason);
        lastId = firstHeld - 1;
        consecutiveFailures = 0;
        retryPending = false;
        drainHeld();
        if (!held.isEmpty()) {
            request();
        }
    }

    /** Emits held trades while they continue the sequence. */
    private void drainHeld() {
        while (!held.isEmpty() && held.firstId() == lastId + 1) {
            emit(held.first(), false);
            held.removeFirst();
        }
    }

    private void requestIfIdle() {
        if (!awaiting && !retryPending) {
            request();
        }
    }

    private void request() {
        long from = lastId + 1;
        requestedFrom = from;
        // Always a full page: a request costs the same weight whatever its limit, and trades past the
        // hole fill any later holes among the held trades in the same answer.
        int limit = config.maxBatch();
        awaiting = true;
        backfillRequests++;
        requesting = true;
        try {
            backfill.requestTrades(instrument, from, limit);
        } finally {
            requesting = false;
        }
    }

    private void emit(TradeTick t, boolean fromBackfill) {
        lastId = t.tradeId();
        emitted++;
        listener.onTrade(t, fromBackfill);
    }

    private void checkNotReentrant() {
        if (requesting) {
            throw new IllegalStateException("backfill answered from inside requestTrades; answers must come later");
        }
    }

    public Instrument instrument() {
        return instrument;
    }

    /** The id of the last trade emitted (meaningless before the first trade). */
    public long lastId() {
        return lastId;
    }

    /** True while a hole is open (trades held, waiting for a backfill). */
    public boolean hasGap() {
        return !held.isEmpty();
    }

    public int heldTrades() {
        return held.size();
    }

    /** True while a backfill request is outstanding. */
    public boolean isAwaitingBackfill() {
        return awaiting;
    }

    /** When the next backfill retry is due (meaningful after a failure). */
    public long retryAtNanos() {
        return retryAtNanos;
    }

    /** Trades passed to the listener, live and backfilled. */
    public long emitted() {
        return emitted;
    }

    /** Trades dropped because their id was already emitted or already held (live or backfilled). */
    public long duplicates() {
        return duplicates;
    }

    /** Holes found in the live stream. */
    public long gaps() {
        return gaps;
    }

    /** Trades emitted from backfill answers. */
    public long backfilled() {
        return backfilled;
    }

    /** Trade ids given up after repeated backfill failures. */
    public long lost() {
        return lost;
    }

    /** Live trades dropped because the hold buffer was full (fetched later by backfill). */
    public long overflowDropped() {
        return overflowDropped;
    }

    public long backfillRequests() {
        return backfillRequests;
    }

    public long backfillFailures() {
        return backfillFailures;
    }
}
