package io.ttquant.binance.book;

import static io.ttquant.binance.book.BookAssertions.levels;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.time.SimulatedClock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random book evolutions delivered the way a real feed misbehaves (lost runs of events, replayed
 * overlaps after a reconnect, swapped neighbours) with snapshots that arrive late, early, too old
 * or not at all. Whenever the synchronizer says it is live, its book must equal, level by level,
 * an independent TreeMap model of the true book at the same update id, and the downstream copy
 * built from the listener's events must equal it too.
 */
class BookSynchronizerPropertyTest {
    private static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");
    private static final long SECOND = 1_000_000_000L;
    private static final int RUNS = 150;

    /** One update id's change: a level set to an absolute quantity (0 removes it). */
    private record Change(boolean bid, long price, long qty) {
    }

    /** A stream event covering update ids [first, last] with the final quantity of each level it touched. */
    private record Event(long first, long last, Map<Long, Long> bids, Map<Long, Long> asks) {
        BookUpdate toUpdate(BookUpdate into) {
            into.reset(BTC, last, last, false, first, last);
            bids.forEach(into::addBid);
            asks.forEach(into::addAsk);
            return into;
        }
    }

    /** The true book: an initial state at id {@code start - 1} and one change per update id. */
    private static final class Truth {
        final long start;
        final TreeMap<Long, Long> initialBids = new TreeMap<>();
        final TreeMap<Long, Long> initialAsks = new TreeMap<>();
        final List<Change> changes = new ArrayList<>();
        TreeMap<Long, Long> bids;
        TreeMap<Long, Long> asks;
        long version;

        Truth(long start) {
            this.start = start;
        }

        long lastId() {
            return start + changes.size() - 1;
        }

        /** Moves the model to {@code id} (replaying from the start when going back). */
        void at(long id) {
            if (bids == null || id < version) {
                bids = new TreeMap<>(initialBids);
                asks = new TreeMap<>(initialAsks);
                version = start - 1;
            }
            while (version < id) {
                version++;
                Change c = changes.get((int) (version - start));
                TreeMap<Long, Long> side = c.bid ? bids : asks;
                if (c.qty == 0) {
                    side.remove(c.price);
                } else {
                    side.put(c.price, c.qty);
                }
            }
        }

        BookUpdate snapshotAt(long id) {
            at(id);
            BookUpdate s = new BookUpdate().reset(BTC, id, id, true, id, id);
            bids.descendingMap().forEach(s::addBid);
            asks.forEach(s::addAsk);
            return s;
        }
    }

    /** Counters summed over all runs, to show every path was taken. */
    private final long[] seen = new long[7];

    @BeforeAll
    static void quietLogs() {
        java.util.logging.Logger.getLogger(BookSynchronizer.class.getName()).setLevel(java.util.logging.Level.OFF);
    }

    @Test
    void shouldMatchTheTrueBookWheneverLiveWhateverTheDeliveryPattern() {
        long totals = 0;
        for (int run = 0; run < RUNS; run++) {
            totals += runOnce(1_000L + run * 7919L);
        }
        assertThat(totals).as("live comparisons made").isGreaterThan(RUNS * 100L);
        assertThat(seen).as("gaps, too old, stale, pre-snapshot drops, overflows, failed snapshots, straddles")
                .doesNotContain(0L);
    }

    /** Returns how many live states were compared. */
    private long runOnce(long seed) {
        Random rnd = new Random(seed);
        Truth truth = new Truth(1_000 + rnd.nextInt(1_000));
        for (int i = 0; i < 20; i++) {
            truth.initialBids.put(10_000L - rnd.nextInt(30), 1L + rnd.nextInt(100));
            truth.initialAsks.put(10_001L + rnd.nextInt(30), 1L + rnd.nextInt(100));
        }
        int updates = 300 + rnd.nextInt(300);
        for (int i = 0; i < updates; i++) {
            boolean bid = rnd.nextBoolean();
            long price = bid ? 10_000L - rnd.nextInt(40) : 10_001L + rnd.nextInt(40);
            long qty = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(100);
            truth.changes.add(new Change(bid, price, qty));
        }
        List<Event> events = new ArrayList<>();
        long id = truth.start;
        while (id <= truth.lastId()) {
            long last = Math.min(truth.lastId(), id + rnd.nextInt(5));
            Map<Long, Long> bids = new LinkedHashMap<>();
            Map<Long, Long> asks = new LinkedHashMap<>();
            for (long k = id; k <= last; k++) {
                Change c = truth.changes.get((int) (k - truth.start));
                (c.bid ? bids : asks).put(c.price, c.qty);
            }
            events.add(new Event(id, last, bids, asks));
            id = last + 1;
        }

        SimulatedClock clock = new SimulatedClock(0);
        int[] pendingRequests = {0};
        RecordingBookListener out = new RecordingBookListener(BTC);
        BookSynchronizer sync = new BookSynchronizer(BTC, i -> pendingRequests[0]++, out, clock,
                new BookSyncConfig(4 + rnd.nextInt(60), SECOND, 4 * SECOND));
        BookUpdate wire = new BookUpdate();
        String context = "seed " + seed;
        long compared = 0;

        int cleanTail = Math.min(40, events.size() / 4);
        int chaosEnd = events.size() - cleanTail;
        int pos = 0;
        while (pos < events.size()) {
            boolean chaos = pos < chaosEnd;
            int deliver = pos;
            if (chaos) {
                int roll = rnd.nextInt(100);
                if (roll < 4) {
                    pos += 1 + rnd.nextInt(6);                      // a lost run of events
                    continue;
                } else if (roll < 8 && pos > 0) {
                    int back = 1 + rnd.nextInt(Math.min(pos, 6));   // reconnect overlap: replay
                    for (int k = pos - back; k < pos; k++) {
                        sync.onDiff(events.get(k).toUpdate(wire));
                    }
                } else if (roll < 11 && pos + 1 < chaosEnd) {
                    sync.onDiff(events.get(pos + 1).toUpdate(wire)); // swapped neighbours
                    sync.onDiff(events.get(pos).toUpdate(wire));
                    pos += 2;
                    compared += check(sync, out, truth, context);
                    answerSnapshots(rnd, sync, truth, events, pos - 1, pendingRequests, clock, true);
                    continue;
                }
            }
            sync.onDiff(events.get(deliver).toUpdate(wire));
            pos++;
            compared += check(sync, out, truth, context);
            answerSnapshots(rnd, sync, truth, events, deliver, pendingRequests, clock, chaos);
            compared += check(sync, out, truth, context);
        }
        // The stream ends: any outstanding request is answered with the current book.
        if (!sync.isLive()) {
            while (pendingRequests[0] == 0) {
                clock.advanceTo(clock.nanos() + SECOND);
                sync.doWork(clock.nanos());
            }
            pendingRequests[0] = 0;
            sync.onSnapshot(truth.snapshotAt(truth.lastId()));
        }
        assertThat(sync.isLive()).as(context).isTrue();
        assertThat(sync.book().lastUpdateId()).as(context).isEqualTo(truth.lastId());
        compared += check(sync, out, truth, context);
        assertThat(sync.eventsApplied() + sync.snapshotsApplied()).as(context).isEqualTo(out.events.size());
        seen[0] += sync.gaps();
        seen[1] += sync.resyncs(ResyncReason.SNAPSHOT_TOO_OLD);
        seen[2] += sync.staleDropped();
        seen[3] += sync.preSnapshotDropped();
        seen[4] += sync.bufferOverflows();
        seen[5] += sync.snapshotsFailed();
        for (int i = 1; i < out.events.size(); i++) {
            BookUpdate e = out.events.get(i);
            BookUpdate before = out.events.get(i - 1);
            if (before.isSnapshot() && !e.isSnapshot() && e.firstUpdateId() <= before.lastUpdateId()) {
                seen[6]++;
            }
        }
        return compared;
    }

    /**
     * Maybe answers an outstanding snapshot request: with a failure, or with the true book at an id
     * around what the stream has delivered (older, straddling, or newer than the last event).
     */
    private static void answerSnapshots(Random rnd, BookSynchronizer sync, Truth truth, List<Event> events,
                                        int delivered, int[] pending, SimulatedClock clock, boolean chaos) {
        if (sync.state() == BookSynchronizer.State.BACKOFF) {
            clock.advanceTo(clock.nanos() + SECOND / 2);
            sync.doWork(clock.nanos());
        }
        if (pending[0] == 0 || chaos && rnd.nextInt(3) == 0) {
            return;
        }
        pending[0]--;
        if (chaos && rnd.nextInt(6) == 0) {
            sync.onSnapshotFailed(BTC, "test failure");
            return;
        }
        long newest = events.get(Math.min(events.size() - 1, delivered + (chaos ? rnd.nextInt(3) : 0))).last;
        long oldest = chaos ? Math.max(truth.start - 1, events.get(Math.max(0, delivered - 4)).first - 1) : newest;
        long at = oldest + (long) (rnd.nextDouble() * (newest - oldest + 1));
        sync.onSnapshot(truth.snapshotAt(Math.min(at, newest)));
    }

    private static int check(BookSynchronizer sync, RecordingBookListener out, Truth truth, String context) {
        if (!sync.isLive()) {
            assertThat(sync.book().isEmpty()).as(context).isTrue();
            return 0;
        }
        long version = sync.book().lastUpdateId();
        truth.at(version);
        assertThat(levels(sync.book())).as(context + " at id " + version).isEqualTo(levels(truth.bids, truth.asks));
        assertThat(out.downstreamValid).as(context).isTrue();
        assertThat(levels(out.downstream)).as(context + " downstream at id " + version).isEqualTo(levels(sync.book()));
        return 1;
    }
}
