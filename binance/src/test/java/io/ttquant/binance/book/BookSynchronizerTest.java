package io.ttquant.binance.book;

import static io.ttquant.binance.book.BookAssertions.assertSameBook;
import static io.ttquant.binance.book.BookAssertions.levels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.OrderBook;
import io.ttquant.core.time.SimulatedClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-made diff sequences for each of Binance's local order book rules, with a test clock driving the retries. */
class BookSynchronizerTest {
    private static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");
    private static final long SECOND = 1_000_000_000L;

    private final SimulatedClock clock = new SimulatedClock(1_000 * SECOND);
    private final List<Instrument> requests = new ArrayList<>();
    private final RecordingBookListener out = new RecordingBookListener(BTC);
    private final BookSyncConfig config = new BookSyncConfig(8, SECOND, 8 * SECOND);
    private final BookSynchronizer sync = new BookSynchronizer(BTC, requests::add, out, clock, config);

    /** A diff with levels written as "B<price>:<qty>" or "A<price>:<qty>" (raw fixed-point). */
    private static BookUpdate diff(long first, long last, String... levels) {
        return event(false, first, last, levels);
    }

    private static BookUpdate snapshot(long lastUpdateId, String... levels) {
        return event(true, lastUpdateId, lastUpdateId, levels);
    }

    private static BookUpdate event(boolean snapshot, long first, long last, String... levels) {
        BookUpdate u = new BookUpdate().reset(BTC, last * 1000, last * 1000 + 7, snapshot, first, last);
        for (String level : levels) {
            String[] pq = level.substring(1).split(":");
            long price = Long.parseLong(pq[0]);
            long qty = Long.parseLong(pq[1]);
            if (level.charAt(0) == 'B') {
                u.addBid(price, qty);
            } else {
                u.addAsk(price, qty);
            }
        }
        return u;
    }

    @Test
    void shouldBufferDiffsAndRequestOneSnapshotUntilItArrives() {
        sync.onDiff(diff(100, 103, "B990:1"));
        sync.onDiff(diff(104, 106, "A1010:2"));

        assertThat(requests).containsExactly(BTC);
        assertThat(sync.state()).isEqualTo(BookSynchronizer.State.AWAITING_SNAPSHOT);
        assertThat(sync.isLive()).isFalse();
        assertThat(sync.bufferedEvents()).isEqualTo(2);
        assertThat(sync.book().isEmpty()).isTrue();
        assertThat(out.events).isEmpty();
    }

    @Test
    void shouldDropBufferedEventsContainedInSnapshotAndApplyTheOneStraddlingIt() {
        sync.onDiff(diff(100, 103, "B990:1"));
        sync.onDiff(diff(104, 106, "B990:2", "A1010:5"));
        sync.onDiff(diff(107, 110, "B990:0", "B980:4"));

        sync.onSnapshot(snapshot(105, "B990:9", "B970:1", "A1010:3", "A1020:6"));

        assertThat(sync.isLive()).isTrue();
        assertThat(out.eventIds()).containsExactly("S105", "104-106", "107-110");
        assertThat(sync.preSnapshotDropped()).isEqualTo(1);
        assertThat(sync.eventsApplied()).isEqualTo(2);
        assertThat(levels(sync.book())).containsExactly("B980:4", "B970:1", "A1010:5", "A1020:6");
        assertThat(sync.book().lastUpdateId()).isEqualTo(110);
        assertThat(sync.bufferedEvents()).isZero();
        assertThat(sync.resyncsTotal()).isZero();
    }

    @Test
    void shouldGoLiveOnSnapshotNewerThanEverythingBufferedAndDropLiveEventsItContains() {
        sync.onDiff(diff(100, 103, "B990:1"));
        sync.onSnapshot(snapshot(108, "B990:9", "A1010:3"));
        assertThat(sync.isLive()).isTrue();

        sync.onDiff(diff(104, 108, "B990:7"));
        sync.onDiff(diff(109, 111, "A1010:0", "A1011:2"));

        assertThat(sync.staleDropped()).isEqualTo(1);
        assertThat(out.eventIds()).containsExactly("S108", "109-111");
        assertThat(levels(sync.book())).containsExactly("B990:9", "A1011:2");
    }

    @Test
    void shouldRequireFirstEventToStraddleSnapshotIdPlusOne() {
        sync.onDiff(diff(100, 105, "B990:1"));
        // lastUpdateId + 1 = 100 = U: the first event starts exactly after the snapshot.
        sync.onSnapshot(snapshot(99, "B990:9"));

        assertThat(sync.isLive()).isTrue();
        assertThat(out.eventIds()).containsExactly("S99", "100-105");
        assertThat(sync.book().bidQty(0)).isEqualTo(1);
    }

    @Test
    void shouldFetchNewSnapshotKeepingBufferWhenSnapshotIsOlderThanFirstBufferedEvent() {
        sync.onDiff(diff(100, 103, "B990:1"));
        sync.onDiff(diff(104, 106, "B990:2"));

        sync.onSnapshot(snapshot(98, "B990:9"));

        assertThat(sync.isLive()).isFalse();
        assertThat(sync.resyncs(ResyncReason.SNAPSHOT_TOO_OLD)).isEqualTo(1);
        assertThat(sync.gaps()).isZero();
        assertThat(requests).hasSize(2);
        assertThat(sync.bufferedEvents()).isEqualTo(2);
        assertThat(out.events).isEmpty();
        assertThat(sync.book().isEmpty()).isTrue();

        sync.onSnapshot(snapshot(101, "B990:9"));

        assertThat(sync.isLive()).isTrue();
        assertThat(out.eventIds()).containsExactly("S101", "100-103", "104-106");
        assertThat(sync.book().bidQty(0)).isEqualTo(2);
    }

    @Test
    void shouldBackOffWhenSnapshotsKeepComingTooOld() {
        sync.onDiff(diff(100, 103, "B990:1"));
        sync.onSnapshot(snapshot(97, "B990:9"));
        assertThat(requests).as("the first refetch is immediate").hasSize(2);

        sync.onSnapshot(snapshot(98, "B990:9"));

        assertThat(sync.resyncs(ResyncReason.SNAPSHOT_TOO_OLD)).isEqualTo(2);
        assertThat(sync.state()).isEqualTo(BookSynchronizer.State.BACKOFF);
        assertThat(requests).hasSize(2);
        assertThat(sync.retryAtNanos()).isEqualTo(clock.nanos() + 2 * SECOND);
        clock.advanceTo(sync.retryAtNanos());
        sync.doWork(clock.nanos());
        assertThat(requests).hasSize(3);
        sync.onSnapshot(snapshot(100, "B990:9"));
        assertThat(sync.isLive()).isTrue();
        assertThat(sync.snapshotsFailed()).isZero();
    }

    @Test
    void shouldResyncOnGapThenRecoverFromTheNextSnapshot() {
        goLive();
        sync.onDiff(diff(106, 108, "B990:3"));
        sync.onDiff(diff(112, 115, "B990:4", "A1010:1"));

        assertThat(sync.isLive()).isFalse();
        assertThat(sync.gaps()).isEqualTo(1);
        assertThat(sync.resyncs(ResyncReason.SEQUENCE_GAP)).isEqualTo(1);
        assertThat(out.resyncs).containsExactly(ResyncReason.SEQUENCE_GAP);
        assertThat(sync.book().isEmpty()).isTrue();
        assertThat(sync.bufferedEvents()).isEqualTo(1);
        assertThat(requests).hasSize(2);

        sync.onDiff(diff(116, 117, "A1010:2"));
        sync.onSnapshot(snapshot(113, "B990:8", "A1010:9", "A1020:1"));

        assertThat(sync.isLive()).isTrue();
        assertThat(out.eventIds()).endsWith("S113", "112-115", "116-117");
        assertThat(levels(sync.book())).containsExactly("B990:4", "A1010:2", "A1020:1");
        assertSameBook(out.downstream, sync.book());
    }

    @Test
    void shouldDropDuplicateAndStaleEventsWithoutResync() {
        goLive();
        sync.onDiff(diff(106, 108, "B990:3"));
        sync.onDiff(diff(109, 110, "B990:4"));
        // A make-before-break reconnect replays what the old connection already delivered.
        sync.onDiff(diff(106, 108, "B990:3"));
        sync.onDiff(diff(109, 110, "B990:4"));
        sync.onDiff(diff(101, 102, "B990:1"));
        sync.onDiff(diff(111, 111, "B990:5"));

        assertThat(sync.isLive()).isTrue();
        assertThat(sync.staleDropped()).isEqualTo(3);
        assertThat(sync.resyncsTotal()).isZero();
        assertThat(sync.gaps()).isZero();
        assertThat(sync.book().bidQty(0)).isEqualTo(5);
        assertThat(sync.book().lastUpdateId()).isEqualTo(111);
    }

    @Test
    void shouldApplyEventOverlappingTheBookBecauseQuantitiesAreAbsolute() {
        goLive();
        sync.onDiff(diff(106, 108, "B990:3"));
        sync.onDiff(diff(107, 110, "B990:4", "A1011:1"));

        assertThat(sync.isLive()).isTrue();
        assertThat(sync.book().lastUpdateId()).isEqualTo(110);
        assertThat(levels(sync.book())).containsExactly("B990:4", "A1010:3", "A1011:1");
    }

    @Test
    void shouldResyncWhenBufferedEventsHaveAGapKeepingTheEventsAfterIt() {
        sync.onDiff(diff(100, 103, "B990:1"));
        sync.onDiff(diff(104, 106, "B990:2"));
        sync.onDiff(diff(110, 112, "B990:3"));
        sync.onDiff(diff(113, 113, "B990:4"));

        sync.onSnapshot(snapshot(101, "B990:9"));

        assertThat(sync.isLive()).isFalse();
        assertThat(sync.gaps()).isEqualTo(1);
        assertThat(out.eventIds()).containsExactly("S101", "100-103", "104-106");
        assertThat(out.resyncs).containsExactly(ResyncReason.SEQUENCE_GAP);
        assertThat(sync.bufferedEvents()).isEqualTo(2);

        sync.onSnapshot(snapshot(111, "B990:9"));

        assertThat(sync.isLive()).isTrue();
        assertThat(out.eventIds()).endsWith("S111", "110-112", "113-113");
        assertThat(sync.book().bidQty(0)).isEqualTo(4);
    }

    @Test
    void shouldCallItAGapWhenSnapshotPassesDroppedEventsButNotTheNextOne() {
        sync.onDiff(diff(100, 103, "B990:1"));
        sync.onDiff(diff(107, 109, "B990:2"));

        sync.onSnapshot(snapshot(104, "B990:9"));

        assertThat(sync.resyncs(ResyncReason.SEQUENCE_GAP)).isEqualTo(1);
        assertThat(sync.resyncs(ResyncReason.SNAPSHOT_TOO_OLD)).isZero();
        assertThat(sync.bufferedEvents()).isEqualTo(1);
    }

    @Test
    void shouldRetryFailedSnapshotAfterBackoffDrivenByTheClock() {
        sync.onDiff(diff(100, 103, "B990:1"));
        sync.onSnapshotFailed(BTC, "HTTP 503");

        assertThat(sync.state()).isEqualTo(BookSynchronizer.State.BACKOFF);
        assertThat(sync.snapshotsFailed()).isEqualTo(1);
        assertThat(sync.retryAtNanos()).isEqualTo(clock.nanos() + SECOND);
        sync.onDiff(diff(104, 106, "B990:2"));
        assertThat(sync.bufferedEvents()).isEqualTo(2);

        clock.advanceTo(clock.nanos() + SECOND - 1);
        assertThat(sync.doWork(clock.nanos())).isZero();
        assertThat(requests).hasSize(1);

        clock.advanceTo(clock.nanos() + 1);
        assertThat(sync.doWork(clock.nanos())).isEqualTo(1);
        assertThat(requests).hasSize(2);
        assertThat(sync.state()).isEqualTo(BookSynchronizer.State.AWAITING_SNAPSHOT);
        assertThat(sync.doWork(clock.nanos())).isZero();

        sync.onSnapshotFailed(BTC, "timeout");
        assertThat(sync.retryAtNanos()).isEqualTo(clock.nanos() + 2 * SECOND);
        clock.advanceTo(sync.retryAtNanos());
        sync.doWork(clock.nanos());
        sync.onSnapshotFailed(BTC, "timeout");
        assertThat(sync.retryAtNanos()).isEqualTo(clock.nanos() + 4 * SECOND);
        clock.advanceTo(sync.retryAtNanos());
        sync.doWork(clock.nanos());
        sync.onSnapshotFailed(BTC, "timeout");
        clock.advanceTo(sync.retryAtNanos());
        sync.doWork(clock.nanos());
        sync.onSnapshotFailed(BTC, "timeout");
        assertThat(sync.retryAtNanos()).as("capped at the maximum").isEqualTo(clock.nanos() + 8 * SECOND);
        clock.advanceTo(sync.retryAtNanos());
        sync.doWork(clock.nanos());

        sync.onSnapshot(snapshot(102, "B990:9"));
        assertThat(sync.isLive()).isTrue();
        assertThat(sync.snapshotsRequested()).isEqualTo(6);
        assertThat(sync.snapshotsFailed()).isEqualTo(5);
        assertThat(sync.book().bidQty(0)).isEqualTo(2);

        sync.requestResync();
        sync.onSnapshotFailed(BTC, "HTTP 503");
        assertThat(sync.retryAtNanos()).as("backoff restarts after a success").isEqualTo(clock.nanos() + SECOND);
    }

    @Test
    void shouldDropOldestBufferedEventWhenFullAndRefetchWhenThatLeavesTheSnapshotBehind() {
        for (int i = 0; i < 10; i++) {
            sync.onDiff(diff(100 + 2 * i, 101 + 2 * i, "B990:" + (i + 1)));
        }
        assertThat(sync.bufferOverflows()).isEqualTo(2);
        assertThat(sync.bufferedEvents()).isEqualTo(8);

        // The oldest kept event starts at 104; a snapshot at 101 cannot bridge to it.
        sync.onSnapshot(snapshot(101, "B990:50"));
        assertThat(sync.resyncs(ResyncReason.SNAPSHOT_TOO_OLD)).isEqualTo(1);
        assertThat(sync.isLive()).isFalse();

        sync.onSnapshot(snapshot(103, "B990:50"));
        assertThat(sync.isLive()).isTrue();
        assertThat(sync.book().bidQty(0)).isEqualTo(10);
        assertThat(sync.book().lastUpdateId()).isEqualTo(119);
    }

    @Test
    void shouldResyncWhenTheOwnerAsks() {
        goLive();
        assertThat(sync.requestResync()).isTrue();

        assertThat(sync.isLive()).isFalse();
        assertThat(sync.resyncs(ResyncReason.REQUESTED)).isEqualTo(1);
        assertThat(out.resyncs).containsExactly(ResyncReason.REQUESTED);
        assertThat(requests).hasSize(2);
        assertThat(sync.requestResync()).as("already syncing").isFalse();
    }

    @Test
    void shouldIgnoreAnswersWhenNoSnapshotIsAwaited() {
        goLive();
        sync.onSnapshot(snapshot(200, "B990:1"));
        sync.onSnapshotFailed(BTC, "late");

        assertThat(sync.answersIgnored()).isEqualTo(2);
        assertThat(sync.book().lastUpdateId()).isEqualTo(105);
        assertThat(sync.isLive()).isTrue();
    }

    @Test
    void shouldRejectProgrammingErrorsWithExceptions() {
        BookUpdate eth = new BookUpdate().reset(Instruments.binanceSpot("ETHUSDT"), 0, 0, false, 1, 2);
        assertThatThrownBy(() -> sync.onDiff(eth)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sync.onDiff(snapshot(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sync.onSnapshot(diff(1, 5))).isInstanceOf(IllegalArgumentException.class);

        BookSynchronizer[] holder = new BookSynchronizer[1];
        holder[0] = new BookSynchronizer(BTC, i -> holder[0].onSnapshot(snapshot(1)), out, clock, config);
        assertThatThrownBy(() -> holder[0].onDiff(diff(1, 2))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldAcceptEventsForAnEqualInstrumentBuiltSeparately() {
        Instrument sameSymbol = Instruments.binanceSpot("BTCUSDT");
        BookUpdate d = new BookUpdate().reset(sameSymbol, 0, 0, false, 100, 101);
        sync.onDiff(d);
        assertThat(sync.bufferedEvents()).isEqualTo(1);
    }

    @Test
    void shouldGiveDownstreamTheIdenticalBookAcrossResyncs() {
        goLive();
        sync.onDiff(diff(106, 108, "B990:3", "B985:2"));
        sync.onDiff(diff(120, 121, "A1010:0"));
        sync.onSnapshot(snapshot(119, "B995:1", "A1005:2"));
        sync.onDiff(diff(122, 125, "B995:0", "A1004:8"));

        assertThat(out.downstreamValid).isTrue();
        assertSameBook(out.downstream, sync.book());
    }

    @Test
    void shouldCopyTopLevelsAsASnapshot() {
        goLive();
        sync.onDiff(diff(106, 106, "B989:1", "B988:1", "A1011:4", "A1012:5"));

        BookUpdate top = BookCopies.copyTop(sync.book(), 2, new BookUpdate(), 77);

        assertThat(top.isSnapshot()).isTrue();
        assertThat(top.lastUpdateId()).isEqualTo(106);
        assertThat(top.receiveTimeNanos()).isEqualTo(77);
        OrderBook copy = new OrderBook(BTC);
        copy.apply(top);
        assertThat(levels(copy)).containsExactly("B990:2", "B989:1", "A1010:3", "A1011:4");
        assertThat(BookCopies.copyTop(sync.book(), 0, top, 0).bidCount()).isZero();
    }

    @Test
    void shouldCopyEveryFieldOfAnEvent() {
        BookUpdate src = diff(7, 9, "B1:2", "B3:4", "A5:6");
        BookUpdate dst = BookCopies.copy(src, diff(1, 1, "A9:9", "A8:8", "A7:7"));

        assertThat(dst.toString()).isEqualTo(src.toString());
        assertThat(dst.receiveTimeNanos()).isEqualTo(src.receiveTimeNanos());
        assertThat(dst.bidPrice(1)).isEqualTo(3);
        assertThat(dst.bidQty(1)).isEqualTo(4);
        assertThat(dst.askPrice(0)).isEqualTo(5);
        assertThat(dst.askQty(0)).isEqualTo(6);
    }

    @Test
    void shouldRefuseInvalidConfiguration() {
        assertThatThrownBy(() -> new BookSyncConfig(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BookSyncConfig(1, 5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(BookSyncConfig.defaults().backoffNanos(100)).isEqualTo(30 * SECOND);
    }

    /** Live with bids {990:2} and asks {1010:3} at update id 105. */
    private void goLive() {
        sync.onDiff(diff(100, 103, "B990:1"));
        sync.onSnapshot(snapshot(104, "B990:9", "A1010:3"));
        sync.onDiff(diff(104, 105, "B990:2"));
        assertThat(sync.isLive()).isTrue();
        assertThat(sync.book().lastUpdateId()).isEqualTo(105);
    }
}
