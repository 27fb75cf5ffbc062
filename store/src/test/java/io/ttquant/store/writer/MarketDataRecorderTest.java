package io.ttquant.store.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.OrderBook;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.store.StoreException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recorder's logic against an in-memory store, driven by a fake clock (no real waiting). */
class MarketDataRecorderTest {
    private static final long MS = 1_000_000L;
    private static final String VENUE = "binance";
    private static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");

    private final FakeTime time = new FakeTime(1_000 * MS);
    private final FakeMarketDataStore store = new FakeMarketDataStore(time);
    private final ListLog log = new ListLog();
    private final TradeTick trade = new TradeTick();

    private MarketDataRecorder recorder(RecorderConfig.Builder config) {
        return new MarketDataRecorder(store, config.build(), time, time, log);
    }

    private static RecorderConfig.Builder config() {
        return RecorderConfig.builder().queues(1024, 1024, 64, 16).batchRows(100).flushInterval(Duration.ofMillis(200))
                .retry(Duration.ofMillis(100), Duration.ofMillis(400)).shutdownTimeout(Duration.ofSeconds(2))
                .idle(Duration.ofMillis(1)).dropLogInterval(Duration.ofSeconds(5));
    }

    private boolean offerTrade(MarketDataRecorder r, long id) {
        trade.set(BTC, 1_700_000_000_000_000_000L + id * 1_000, 1_700_000_000_000_000_000L + id * 1_000 + 7,
                6_000_000 + id, 1_000 + id, id % 2 == 0 ? Side.BUY : Side.SELL, id);
        return r.recordTrade(VENUE, trade);
    }

    private List<Long> storedTradeIds() {
        return store.trades().stream().map(FakeMarketDataStore.Trade::tradeId).toList();
    }

    private static List<Long> ids(long from, long to) {
        return java.util.stream.LongStream.range(from, to).boxed().toList();
    }

    @Test
    void shouldWriteEachBatchAsSoonAsItIsFullAndKeepThePartialRestForLater() {
        MarketDataRecorder r = recorder(config());
        for (long id = 0; id < 250; id++) {
            assertThat(offerTrade(r, id)).isTrue();
        }
        long now = time.now();
        r.doWork(now);
        r.doWork(now);
        r.doWork(now);
        assertThat(store.batchSizes).containsExactly(100, 100);
        assertThat(storedTradeIds()).isEqualTo(ids(0, 200));
        RecorderStats s = r.stats();
        assertThat(s.rowsWritten(RecordedStream.TRADES)).isEqualTo(200);
        assertThat(s.batchesWritten(RecordedStream.TRADES)).isEqualTo(2);
        assertThat(s.lastBatchRows(RecordedStream.TRADES)).isEqualTo(100);
        assertThat(s.meanBatchRows(RecordedStream.TRADES)).isEqualTo(100.0);
        assertThat(s.queueDepth(RecordedStream.TRADES)).as("the rest is in the batch, not the queue").isZero();
        assertThat(s.queueCapacity(RecordedStream.TRADES)).isEqualTo(1024);
    }

    @Test
    void shouldWriteAPartialBatchOnlyOnceItsOldestRowHasWaitedTheFlushInterval() {
        MarketDataRecorder r = recorder(config());
        long t0 = time.now();
        for (long id = 0; id < 10; id++) {
            offerTrade(r, id);
        }
        r.doWork(t0);
        for (long id = 10; id < 15; id++) {
            offerTrade(r, id);
        }
        r.doWork(t0 + 150 * MS);
        r.doWork(t0 + 199 * MS);
        assertThat(store.attempts()).as("oldest row 199 ms old").isZero();
        r.doWork(t0 + 200 * MS);
        assertThat(store.batchSizes).containsExactly(15);
        assertThat(storedTradeIds()).isEqualTo(ids(0, 15));
    }

    @Test
    void shouldDropTheNewestRowsWhenTheQueueIsFullAndCountAndLogThem() {
        MarketDataRecorder r = recorder(config().queues(8, 8, 8, 8).batchRows(4));
        long accepted = 0;
        for (long id = 0; id < 20; id++) {
            if (offerTrade(r, id)) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(8);
        assertThat(r.stats().dropped(RecordedStream.TRADES, DropReason.QUEUE_FULL)).isEqualTo(12);
        assertThat(r.stats().droppedTotal(RecordedStream.QUOTES)).isZero();
        assertThat(r.stats().queueDepth(RecordedStream.TRADES)).isEqualTo(8);

        long t0 = time.now();
        r.doWork(t0);
        assertThat(log.count("dropping trades rows (queue_full, policy DROP_NEWEST): 12 so far")).isEqualTo(1);
        r.doWork(t0);
        assertThat(storedTradeIds()).as("the oldest rows are kept").isEqualTo(ids(0, 8));
        for (long id = 20; id < 40; id++) {
            offerTrade(r, id);
        }
        r.doWork(t0 + 500 * MS);
        assertThat(log.count("stopped dropping")).isZero();
        r.doWork(t0 + 1_500 * MS);
        r.doWork(t0 + 2_600 * MS);
        assertThat(log.count("stopped dropping trades rows (queue_full)")).isEqualTo(1);
        assertThat(r.stats().dropped(RecordedStream.TRADES, DropReason.QUEUE_FULL))
                .isEqualTo(12 + 20 - 8);
        assertThat(log.lines).filteredOn(l -> l.contains("stopped dropping")).first().asString().contains("24 dropped");
    }

    @Test
    void shouldRetryARetryableFailureWithDoublingBackOffAndThenWriteEveryRowOnceInOrder() {
        MarketDataRecorder r = recorder(config());
        store.failNext(retryable(), retryable(), retryable(), retryable());
        for (long id = 0; id < 100; id++) {
            offerTrade(r, id);
        }
        long t0 = time.now();
        r.doWork(t0);
        assertThat(store.attempts()).isEqualTo(1);
        assertThat(r.stats().state()).isEqualTo(WriterState.RETRYING);
        for (long id = 100; id < 150; id++) {
            offerTrade(r, id);
        }
        while (time.now() < t0 + 2_000 * MS) {
            time.advance(MS);
            r.doWork(time.now());
        }
        assertThat(store.attemptTimes).as("back-off 100, 200, 400, then capped at 400 ms; the rows queued behind the batch are overdue")
                .containsExactly(t0, t0 + 100 * MS, t0 + 300 * MS, t0 + 700 * MS, t0 + 1_100 * MS,
                        t0 + 1_101 * MS);
        assertThat(storedTradeIds()).as("in order, each once").isEqualTo(ids(0, 150));
        RecorderStats s = r.stats();
        assertThat(s.retries()).isEqualTo(4);
        assertThat(s.writeErrors(RecordedStream.TRADES, true)).isEqualTo(4);
        assertThat(s.writeErrors(RecordedStream.TRADES, false)).isZero();
        assertThat(s.state()).isEqualTo(WriterState.OK);
        assertThat(log.count("failed (retryable): connection refused")).isEqualTo(1);
        assertThat(log.count("works again after 4 failed attempts")).isEqualTo(1);
    }

    @Test
    void shouldCountTheRowsOfANonRetryableFailureAsFailedLogTheReasonOnceAndGoOn() {
        MarketDataRecorder r = recorder(config());
        store.failNext(fatal("value too long"), fatal("value too long"), fatal("constraint x"));
        for (long id = 0; id < 500; id++) {
            offerTrade(r, id);
        }
        for (int i = 0; i < 6; i++) {
            r.doWork(time.now());
        }
        RecorderStats s = r.stats();
        assertThat(s.failedRows(RecordedStream.TRADES)).isEqualTo(300);
        assertThat(s.writeErrors(RecordedStream.TRADES, false)).isEqualTo(3);
        assertThat(s.retries()).isZero();
        assertThat(storedTradeIds()).isEqualTo(ids(300, 500));
        assertThat(log.count("value too long")).as("once per distinct message").isEqualTo(1);
        assertThat(log.count("constraint x")).isEqualTo(1);
        assertThat(log.lines).anyMatch(l -> l.contains("100 trades rows not written to market_trades (non-retryable"));
    }

    @Test
    void shouldTreatAnUnexpectedExceptionFromTheStoreAsNonRetryable() {
        MarketDataRecorder r = recorder(config());
        store.failNext(new IllegalStateException("bug"));
        offerTrade(r, 1);
        r.flush(Duration.ofSeconds(1));
        assertThat(r.stats().failedRows(RecordedStream.TRADES)).isEqualTo(1);
        assertThat(log.count("IllegalStateException: bug")).isEqualTo(1);
    }

    @Test
    void shouldWriteEveryStreamOnCloseAndRefuseLaterOffersAsClosed() {
        MarketDataRecorder r = recorder(config().flushInterval(Duration.ofMinutes(5)));
        for (long id = 0; id < 150; id++) {
            offerTrade(r, id);
        }
        QuoteTick q = new QuoteTick().set(BTC, 5, 6, 6_000_000, 10, 6_000_100, 20);
        r.recordQuote(VENUE, q);
        Bar bar = new Bar().set(BTC, 60_000_000_000L, 60_000_000_000L, 1, 4, 0, 2, 99);
        r.recordBar(VENUE, bar);
        OrderBook book = book(3);
        r.recordBook(VENUE, book, 77, 123);
        r.doWork(time.now());
        assertThat(store.attempts()).as("only the full trade batch").isEqualTo(1);

        r.close();

        assertThat(storedTradeIds()).isEqualTo(ids(0, 150));
        assertThat(store.quotes).containsExactly(new FakeMarketDataStore.Quote(VENUE, "BTCUSDT", 5, 6, 6_000_000, 10, 6_000_100, 20));
        assertThat(store.bars).containsExactly(new FakeMarketDataStore.BarRow(VENUE, "BTCUSDT", 60_000_000_000L,
                60_000_000_000L, 1, 4, 0, 2, 99));
        assertThat(store.snapshots).hasSize(1);
        assertThat(r.stats().state()).isEqualTo(WriterState.CLOSED);
        assertThat(offerTrade(r, 999)).isFalse();
        assertThat(r.recordQuote(VENUE, q)).isFalse();
        assertThat(r.stats().dropped(RecordedStream.TRADES, DropReason.CLOSED)).isEqualTo(1);
        assertThat(r.stats().dropped(RecordedStream.QUOTES, DropReason.CLOSED)).isEqualTo(1);
        assertThat(log.count("market data recorder closed: trades 150 written; quotes 1 written; bars 1 written; "
                + "book_snapshots 1 written")).isEqualTo(1);
    }

    @Test
    void shouldCountAndLogWhatCouldNotBeWrittenByTheShutdownDeadline() {
        MarketDataRecorder r = recorder(config().shutdownTimeout(Duration.ofSeconds(3)));
        store.failAlways(retryable());
        for (long id = 0; id < 250; id++) {
            offerTrade(r, id);
        }
        long t0 = time.now();
        r.close();
        assertThat(time.now() - t0).as("gave up at the deadline, on the fake clock").isBetween(3_000 * MS, 3_010 * MS);
        assertThat(store.trades).isEmpty();
        assertThat(r.stats().dropped(RecordedStream.TRADES, DropReason.SHUTDOWN)).isEqualTo(250);
        assertThat(r.stats().retries()).isGreaterThan(3);
        assertThat(log.count("shutdown deadline of 3000 ms passed with 250 rows not written (trades 250)")).isEqualTo(1);
    }

    @Test
    void shouldWriteEverythingOfferedBeforeAFlushRegardlessOfSizeAndAge() {
        MarketDataRecorder r = recorder(config().flushInterval(Duration.ofMinutes(5)));
        for (long id = 0; id < 42; id++) {
            offerTrade(r, id);
        }
        assertThat(r.flush(Duration.ofSeconds(1))).isTrue();
        assertThat(storedTradeIds()).isEqualTo(ids(0, 42));
    }

    @Test
    void shouldReturnFalseFromAFlushThatCannotFinishInTime() {
        MarketDataRecorder r = recorder(config());
        store.failAlways(retryable());
        offerTrade(r, 1);
        assertThat(r.flush(Duration.ofSeconds(1))).isFalse();
        assertThat(r.stats().state()).isEqualTo(WriterState.RETRYING);
    }

    @Test
    void shouldCopyTheTopOfTheBookWhenOfferedSoLaterBookChangesAreNotRecorded() {
        MarketDataRecorder r = recorder(config().bookDepth(2));
        OrderBook book = book(3);
        r.recordBook(VENUE, book, 1_000, 55);
        book.apply(new BookUpdate().reset(BTC, 2_000, 2_000, true, 56, 56));
        r.flush(Duration.ofSeconds(1));
        assertThat(store.snapshots).containsExactly(new FakeMarketDataStore.Snapshot(VENUE, "BTCUSDT", 1_000, 55,
                List.of(6_000_000L, 10L, 5_999_900L, 11L), List.of(6_000_100L, 20L, 6_000_200L, 21L)));
    }

    @Test
    void shouldDropABarWhoseIntervalIsNotWholeSecondsAsInvalid() {
        MarketDataRecorder r = recorder(config());
        Bar bar = new Bar().set(BTC, 0, 1_500_000_000L, 1, 1, 1, 1, 1);
        assertThat(r.recordBar(VENUE, bar)).isFalse();
        assertThat(r.stats().dropped(RecordedStream.BARS, DropReason.INVALID)).isEqualTo(1);
        r.doWork(time.now());
        assertThat(log.count("dropping bars rows (invalid")).isEqualTo(1);
    }

    private static OrderBook book(int levels) {
        BookUpdate u = new BookUpdate().reset(BTC, 1, 1, true, 1, 1);
        for (int k = 0; k < levels; k++) {
            u.addBid(6_000_000 - 100L * k, 10 + k);
            u.addAsk(6_000_100 + 100L * k, 20 + k);
        }
        OrderBook book = new OrderBook(BTC);
        book.apply(u);
        return book;
    }

    private static StoreException retryable() {
        return new StoreException("connection refused", true, null);
    }

    private static StoreException fatal(String message) {
        return new StoreException(message, false, null);
    }
}
