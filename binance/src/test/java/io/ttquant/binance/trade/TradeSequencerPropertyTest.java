package io.ttquant.binance.trade;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.core.time.SimulatedClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random loss, duplication and reordering of a live trade stream of ids 1..N, with a backfill
 * answered late, partly, with overlaps, or not at all, from the full list. Downstream must see each
 * id once, in order: all of 1..N when no hole is given up, and otherwise every id either emitted
 * or counted as lost.
 */
class TradeSequencerPropertyTest {
    private static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");
    private static final long SECOND = 1_000_000_000L;

    /** Gaps, duplicates, overflow drops and failures summed over the runs, to show every path was taken. */
    private static final long[] SEEN = new long[4];

    @BeforeAll
    static void quietLogs() {
        java.util.logging.Logger.getLogger(TradeSequencer.class.getName()).setLevel(java.util.logging.Level.OFF);
    }

    @AfterAll
    static void everyPathWasTaken() {
        assertThat(SEEN).doesNotContain(0L);
    }

    @Test
    void shouldEmitExactlyOneToNOnceInOrderWhateverTheLossPattern() {
        for (int run = 0; run < 60; run++) {
            long seed = 42L + run * 104_729L;
            Result r = runOnce(seed, 1_000_000, 0.25);
            assertThat(r.lost).as("seed %d", seed).isZero();
            assertThat(r.ids).as("seed %d", seed).hasSize(r.n);
            for (int i = 0; i < r.n; i++) {
                if (r.ids.get(i) != i + 1) {
                    assertThat(r.ids.get(i)).as("seed %d position %d", seed, i).isEqualTo(i + 1L);
                }
            }
        }
    }

    @Test
    void shouldAccountForEveryIdAsEmittedOrLostWhenHolesAreGivenUp() {
        long totalLost = 0;
        for (int run = 0; run < 60; run++) {
            long seed = 7L + run * 15_485_863L;
            Result r = runOnce(seed, 2, 0.6);
            for (int i = 1; i < r.ids.size(); i++) {
                assertThat(r.ids.get(i)).as("seed %d strictly increasing", seed).isGreaterThan(r.ids.get(i - 1));
            }
            assertThat(r.ids.size() + r.lost).as("seed %d emitted + lost", seed).isEqualTo(r.n);
            assertThat(r.ids.get(0)).isEqualTo(1L);
            assertThat(r.ids.get(r.ids.size() - 1)).isEqualTo((long) r.n);
            totalLost += r.lost;
        }
        assertThat(totalLost).as("the failure rate makes some holes be given up").isPositive();
    }

    private record Result(int n, List<Long> ids, long lost) {
    }

    private static TradeTick trade(long id) {
        return new TradeTick().set(BTC, id, id, 1_000 + id, 1, Side.SELL, id);
    }

    private static Result runOnce(long seed, int maxFailures, double failureRate) {
        Random rnd = new Random(seed);
        int n = 1_000 + rnd.nextInt(2_000);
        SimulatedClock clock = new SimulatedClock(0);
        List<long[]> pending = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        TradeSequencerConfig config = new TradeSequencerConfig(2 + rnd.nextInt(60), 1 + rnd.nextInt(1000), maxFailures,
                SECOND, 8 * SECOND);
        TradeSequencer seq = new TradeSequencer(BTC, (i, from, limit) -> {
            assertThat(limit).isBetween(1, config.maxBatch());
            pending.add(new long[] {from, limit});
        }, (t, backfilled) -> {
            assertThat(t.price()).isEqualTo(1_000 + t.tradeId());
            ids.add(t.tradeId());
        }, clock, config);

        TradeTick wire = new TradeTick();
        int next = 1;
        seq.onLive(wire.set(BTC, 1, 1, 1_001, 1, Side.SELL, 1));
        next = 2;
        while (next <= n) {
            int roll = rnd.nextInt(100);
            if (roll < 3) {
                next += 1 + rnd.nextInt(40);                           // lost run
                continue;
            }
            if (roll < 6) {
                int back = 1 + rnd.nextInt(Math.min(next - 1, 20));   // replayed overlap
                for (int id = next - back; id < next; id++) {
                    seq.onLive(trade(id));
                }
            } else if (roll < 9 && next + 1 <= n) {
                seq.onLive(trade(next + 1));                          // swapped neighbours
                seq.onLive(trade(next));
                next += 2;
                serve(rnd, seq, pending, clock, failureRate, n);
                continue;
            }
            seq.onLive(wire.set(BTC, next, next, 1_000 + next, 1, Side.SELL, next));
            next++;
            serve(rnd, seq, pending, clock, failureRate, n);
        }
        // The stream carries on: the last id keeps being seen until everything has settled.
        int guard = 0;
        while (seq.hasGap() || seq.lastId() < n || !pending.isEmpty()) {
            assertThat(++guard).as("seed %d settles", seed).isLessThan(100_000);
            if (!seq.hasGap() && seq.lastId() < n) {
                seq.onLive(trade(n));
            }
            clock.advanceTo(clock.nanos() + SECOND);
            seq.doWork(clock.nanos());
            serve(rnd, seq, pending, clock, failureRate, n);
        }
        SEEN[0] += seq.gaps();
        SEEN[1] += seq.duplicates();
        SEEN[2] += seq.overflowDropped();
        SEEN[3] += seq.backfillFailures();
        return new Result(n, ids, seq.lost());
    }

    /** Maybe answers the outstanding request: late, failed, short, or starting before what was asked. */
    private static void serve(Random rnd, TradeSequencer seq, List<long[]> pending, SimulatedClock clock,
                              double failureRate, int n) {
        if (seq.retryAtNanos() > clock.nanos() && rnd.nextInt(4) == 0) {
            clock.advanceTo(seq.retryAtNanos());
        }
        seq.doWork(clock.nanos());
        if (pending.isEmpty() || rnd.nextInt(3) == 0) {
            return;
        }
        long[] req = pending.remove(0);
        if (rnd.nextDouble() < failureRate) {
            seq.onBackfillFailed("random failure");
            return;
        }
        long from = Math.max(1, req[0] - (rnd.nextInt(4) == 0 ? rnd.nextInt(10) : 0));
        long count = 1 + rnd.nextInt((int) req[1]);
        List<TradeTick> answer = new ArrayList<>();
        for (long id = from; id < req[0] + count && id <= n; id++) {
            answer.add(trade(id));
        }
        if (answer.size() > 2 && rnd.nextInt(8) == 0) {
            answer.remove(1 + rnd.nextInt(answer.size() - 1));       // an answer with a hole in it
        }
        seq.onBackfill(answer);
    }
}
