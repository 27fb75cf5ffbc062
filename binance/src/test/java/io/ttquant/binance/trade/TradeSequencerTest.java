package io.ttquant.binance.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.core.time.SimulatedClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-made trade id sequences: gaps, duplicates, overlapping or broken backfills, failures and give-up. */
class TradeSequencerTest {
    private static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");
    private static final long SECOND = 1_000_000_000L;

    /** A backfill request as the sequencer made it. */
    private record Request(long fromId, int limit) {
    }

    private final SimulatedClock clock = new SimulatedClock(500 * SECOND);
    private final List<Request> requests = new ArrayList<>();
    private final List<String> out = new ArrayList<>();
    private final TradeSequencer seq = sequencer(new TradeSequencerConfig(8, 1000, 3, SECOND, 4 * SECOND));

    private TradeSequencer sequencer(TradeSequencerConfig config) {
        return new TradeSequencer(BTC, (instrument, fromId, limit) -> {
            assertThat(instrument).isSameAs(BTC);
            requests.add(new Request(fromId, limit));
        }, (t, backfilled) -> out.add(t.tradeId() + (backfilled ? "b" : "") + "@" + t.price()), clock, config);
    }

    /** A trade whose price encodes its id, so a copy mix-up shows. */
    private static TradeTick trade(long id) {
        return new TradeTick().set(BTC, id * 1_000, id * 1_000 + 5, 6_000_000 + id, 100 + id, Side.BUY, id);
    }

    private static List<TradeTick> trades(long from, long to) {
        List<TradeTick> list = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            list.add(trade(id));
        }
        return list;
    }

    private void live(long... ids) {
        for (long id : ids) {
            seq.onLive(trade(id));
        }
    }

    private static String[] expected(String... ids) {
        String[] s = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            String id = ids[i];
            long n = Long.parseLong(id.endsWith("b") ? id.substring(0, id.length() - 1) : id);
            s[i] = id + "@" + (6_000_000 + n);
        }
        return s;
    }

    @Test
    void shouldTakeTheFirstTradeAsTheStartWithoutBackfill() {
        live(5_000, 5_001);

        assertThat(out).containsExactly(expected("5000", "5001"));
        assertThat(requests).isEmpty();
        assertThat(seq.emitted()).isEqualTo(2);
        assertThat(seq.lastId()).isEqualTo(5_001);
    }

    @Test
    void shouldDropDuplicatesAndStaleIds() {
        live(10, 11, 11, 12, 9, 12, 13);

        assertThat(out).containsExactly(expected("10", "11", "12", "13"));
        assertThat(seq.duplicates()).isEqualTo(3);
        assertThat(seq.gaps()).isZero();
    }

    @Test
    void shouldHoldTradesAfterAGapBackfillTheHoleAndEmitInIdOrder() {
        live(10, 11, 15, 16);

        assertThat(out).containsExactly(expected("10", "11"));
        assertThat(seq.gaps()).isEqualTo(1);
        assertThat(seq.hasGap()).isTrue();
        assertThat(seq.heldTrades()).isEqualTo(2);
        assertThat(requests).containsExactly(new Request(12, 1000));

        seq.onBackfill(trades(12, 14));
        live(17);

        assertThat(out).containsExactly(expected("10", "11", "12b", "13b", "14b", "15", "16", "17"));
        assertThat(seq.backfilled()).isEqualTo(3);
        assertThat(seq.hasGap()).isFalse();
        assertThat(seq.emitted()).isEqualTo(8);
        assertThat(requests).hasSize(1);
    }

    @Test
    void shouldRequestInBatchesUntilAHoleLargerThanOneBatchIsClosed() {
        live(10, 2_511);
        assertThat(requests).containsExactly(new Request(11, 1000));

        seq.onBackfill(trades(11, 1_010));
        assertThat(requests).containsExactly(new Request(11, 1000), new Request(1_011, 1000));
        seq.onBackfill(trades(1_011, 2_010));
        assertThat(requests).endsWith(new Request(2_011, 1000));
        seq.onBackfill(trades(2_011, 2_510));

        assertThat(seq.emitted()).isEqualTo(2_502);
        assertThat(seq.backfilled()).isEqualTo(2_500);
        assertThat(seq.lastId()).isEqualTo(2_511);
        assertThat(out.get(out.size() - 1)).isEqualTo(expected("2511")[0]);
        assertThat(requests).hasSize(3);
    }

    @Test
    void shouldUseOnlyTheNewPartOfOverlappingBackfills() {
        live(10, 20);
        // The server answers with ids the sequence already has, then the hole, then held ids.
        seq.onBackfill(trades(8, 14));
        assertThat(requests).containsExactly(new Request(11, 1000), new Request(15, 1000));

        seq.onBackfill(trades(13, 25));
        live(21, 26);

        assertThat(out).containsExactly(expected("10", "11b", "12b", "13b", "14b", "15b", "16b", "17b", "18b", "19b",
                "20", "21b", "22b", "23b", "24b", "25b", "26"));
        assertThat(seq.duplicates()).as("8, 9, 10, 13, 14, 20 from backfills and 21 live").isEqualTo(7);
        assertThat(seq.hasGap()).isFalse();
    }

    @Test
    void shouldRetryAFailedBackfillAfterBackoffDrivenByTheClock() {
        live(10, 14);
        seq.onBackfillFailed("HTTP 429");

        assertThat(seq.isAwaitingBackfill()).isFalse();
        assertThat(seq.retryAtNanos()).isEqualTo(clock.nanos() + SECOND);
        live(15);
        assertThat(requests).hasSize(1);
        assertThat(seq.doWork(clock.nanos() + SECOND - 1)).isZero();

        clock.advanceTo(clock.nanos() + SECOND);
        assertThat(seq.doWork(clock.nanos())).isEqualTo(1);
        assertThat(requests).containsExactly(new Request(11, 1000), new Request(11, 1000));

        seq.onBackfillFailed("HTTP 500");
        assertThat(seq.retryAtNanos()).isEqualTo(clock.nanos() + 2 * SECOND);
        clock.advanceTo(seq.retryAtNanos());
        seq.doWork(clock.nanos());
        seq.onBackfill(trades(11, 13));

        assertThat(out).containsExactly(expected("10", "11b", "12b", "13b", "14", "15"));
        assertThat(seq.backfillFailures()).isEqualTo(2);
        assertThat(seq.lost()).isZero();
    }

    @Test
    void shouldGiveUpAHoleAfterTooManyFailuresCountLostIdsAndContinue() {
        live(10, 14, 15, 18);
        for (int i = 0; i < 3; i++) {
            assertThat(requests).hasSize(i + 1);
            seq.onBackfillFailed("HTTP 418");
            clock.advanceTo(clock.nanos() + 10 * SECOND);
            seq.doWork(clock.nanos());
        }

        assertThat(seq.lost()).isEqualTo(3);
        assertThat(seq.backfillFailures()).isEqualTo(3);
        assertThat(out).containsExactly(expected("10", "14", "15"));
        // The next hole (16..17) is requested at once, with a fresh failure count.
        assertThat(requests.get(requests.size() - 1)).isEqualTo(new Request(16, 1000));
        seq.onBackfillFailed("HTTP 418");
        seq.onBackfillFailed("ignored: nothing outstanding");
        clock.advanceTo(clock.nanos() + SECOND);
        seq.doWork(clock.nanos());
        seq.onBackfill(trades(16, 17));
        live(19, 12);

        assertThat(out).containsExactly(expected("10", "14", "15", "16b", "17b", "18", "19"));
        assertThat(seq.lost()).isEqualTo(3);
        assertThat(seq.duplicates()).isEqualTo(1);
    }

    @Test
    void shouldCountAnAnswerThatDoesNotContinueTheSequenceAsAFailure() {
        live(10, 14);
        seq.onBackfill(List.of());
        assertThat(seq.backfillFailures()).isEqualTo(1);
        clock.advanceTo(seq.retryAtNanos());
        seq.doWork(clock.nanos());
        seq.onBackfill(trades(12, 13));
        assertThat(seq.backfillFailures()).isEqualTo(2);
        assertThat(out).containsExactly(expected("10"));
    }

    @Test
    void shouldUseABackfillAnswerOnlyUpToItsFirstMissingId() {
        live(10, 20);
        List<TradeTick> answer = trades(11, 13);
        answer.addAll(trades(15, 19));

        seq.onBackfill(answer);

        assertThat(out).containsExactly(expected("10", "11b", "12b", "13b"));
        assertThat(requests).containsExactly(new Request(11, 1000), new Request(14, 1000));
        seq.onBackfill(trades(14, 19));
        assertThat(out).endsWith(expected("14b", "15b", "16b", "17b", "18b", "19b", "20"));
    }

    @Test
    void shouldLetALateLiveTradeCloseTheHole() {
        live(10, 12, 13, 11);

        assertThat(out).containsExactly(expected("10", "11", "12", "13"));
        assertThat(seq.hasGap()).isFalse();
        // The outstanding answer arrives later and is only duplicates.
        seq.onBackfill(trades(11, 11));
        assertThat(seq.duplicates()).isEqualTo(1);
        assertThat(seq.backfillFailures()).isZero();
        assertThat(requests).hasSize(1);
    }

    @Test
    void shouldAskAgainWithoutFailureWhenLiveTradesOvertookTheOutstandingRequest() {
        live(10, 12, 11, 15);
        assertThat(requests).hasSize(1);

        seq.onBackfill(trades(11, 11));

        assertThat(seq.backfillFailures()).isZero();
        assertThat(requests).containsExactly(new Request(11, 1000), new Request(13, 1000));
        seq.onBackfill(trades(13, 14));
        assertThat(out).containsExactly(expected("10", "11", "12", "13b", "14b", "15"));
    }

    @Test
    void shouldHoldTradesInIdOrderEvenWhenTheyArriveOutOfOrder() {
        live(10, 15, 13, 14, 13, 16);
        assertThat(seq.duplicates()).isEqualTo(1);
        assertThat(seq.gaps()).isEqualTo(1);

        seq.onBackfill(trades(11, 12));

        assertThat(out).containsExactly(expected("10", "11b", "12b", "13", "14", "15", "16"));
    }

    @Test
    void shouldDropTheHighestHeldTradesWhenFullAndFetchThemLater() {
        live(10);
        for (long id = 20; id < 30; id++) {
            live(id);
        }
        assertThat(seq.heldTrades()).isEqualTo(8);
        assertThat(seq.overflowDropped()).isEqualTo(2);
        live(15);
        assertThat(seq.overflowDropped()).as("27 made way for 15").isEqualTo(3);

        seq.onBackfill(trades(11, 19));
        assertThat(seq.lastId()).isEqualTo(26);
        assertThat(seq.hasGap()).isFalse();
        assertThat(requests).containsExactly(new Request(11, 1000));
    }

    @Test
    void shouldRejectAnAnswerGivenFromInsideTheRequest() {
        TradeSequencer[] holder = new TradeSequencer[1];
        holder[0] = new TradeSequencer(BTC, (i, from, limit) -> holder[0].onBackfill(trades(from, from)),
                (t, b) -> { }, clock, TradeSequencerConfig.defaults());
        holder[0].onLive(trade(1));

        assertThatThrownBy(() -> holder[0].onLive(trade(5))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRejectATradeOfAnotherInstrument() {
        TradeTick eth = new TradeTick().set(Instruments.binanceSpot("ETHUSDT"), 0, 0, 1, 1, Side.BUY, 1);
        assertThatThrownBy(() -> seq.onLive(eth)).isInstanceOf(IllegalArgumentException.class);
        seq.onLive(new TradeTick().set(Instruments.binanceSpot("BTCUSDT"), 0, 0, 1, 1, Side.BUY, 1));
        assertThat(seq.emitted()).isEqualTo(1);
    }

    @Test
    void shouldRefuseInvalidConfiguration() {
        assertThatThrownBy(() -> new TradeSequencerConfig(0, 10, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TradeSequencerConfig(1, 1001, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TradeSequencerConfig(1, 10, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TradeSequencerConfig(1, 10, 1, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TradeSequencerConfig.defaults().backoffNanos(64)).isEqualTo(30 * SECOND);
    }
}
