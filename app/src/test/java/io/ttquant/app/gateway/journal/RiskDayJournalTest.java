package io.ttquant.app.gateway.journal;

import static io.ttquant.app.gateway.journal.JournalFixture.BTC;
import static io.ttquant.app.gateway.journal.JournalFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.Side;
import io.ttquant.core.risk.InstrumentLimits;
import io.ttquant.core.risk.RiskEngine;
import io.ttquant.core.risk.RiskLimits;
import io.ttquant.core.risk.StrategyLimits;
import io.ttquant.core.risk.TradingState;
import io.ttquant.core.time.SimulatedClock;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal keeps each strategy's latest trading day (RISK_DAY) and adds to its realised PnL every
 * later fill of the strategy in the same UTC day, to the unit the risk engine would (the engine fed
 * the same fills is the oracle); a fill of another day, another strategy or seen twice is not
 * added; a compaction snapshot carries the day with its fills added, so a replay of the compacted
 * journal gives the same day as a replay of every record.
 */
class RiskDayJournalTest {
    private static final long SECOND = 1_000_000_000L;
    /** {@link JournalFixture#T0} is 2023-11-14 22:13:20 UTC. */
    private static final long DAY = Math.floorDiv(T0, 86_400 * SECOND);
    private static final long NEXT_MIDNIGHT = (DAY + 1) * 86_400 * SECOND;

    @TempDir
    Path dir;

    private long nextTradeId = 1;

    private static long cash(String text) {
        return Fixed.parse(text, Fixed.CASH_SCALE);
    }

    /** A risk engine holding only the day's realised PnL of the fills it is given, for strategy "alpha" (id 0). */
    private static RiskEngine oracle() {
        return new RiskEngine(RiskLimits.builder().instrument(InstrumentLimits.of(BTC).build())
                .strategy(StrategyLimits.named("alpha").build()).build(), new SimulatedClock(T0));
    }

    /** Journals a fill of {@code o} at {@code t} and gives it to the oracle too (when not null). */
    private void fill(OrderJournal j, RiskEngine oracle, Order o, String qty, String price, String fee, long t) {
        long q = BTC.qty(qty);
        long p = BTC.price(price);
        long f = cash(fee);
        o.fill(q, p, f, t);
        Fill fill = JournalFixture.fill(o, nextTradeId++, q, p, f, t);
        j.appendFill(t, fill);
        j.appendState(t, o, 0);
        if (oracle != null) {
            oracle.onExternalFill(0, BTC, o.side(), q, p, f);
        }
    }

    private Order submit(OrderJournal j, long id, String strategy, Side side, String qty, String price, long t) {
        Order o = JournalFixture.order(id, strategy, "c" + id, BTC, side, BTC.qty(qty), BTC.price(price), t);
        j.appendSubmitted(t, o, "paper");
        o.accept(t);
        j.appendState(t, o, 0);
        return o;
    }

    private RecoveredState reopen(JournalConfig config) {
        JournalRecovery r = OrderJournal.open(config);
        assertThat(r.ok()).as("%s", r.error()).isTrue();
        r.journal().close();
        return r.state();
    }

    @Test
    void shouldAddTheSameDaysFillsOfTheStrategyToItsLatestRiskDayExactly() {
        JournalConfig config = JournalFixture.config(dir).build();
        OrderJournal j = JournalFixture.open(config);
        RiskEngine oracle = oracle();
        j.appendRiskDay(T0, "alpha", DAY, cash("-100"), cash("50"), TradingState.REDUCE_ONLY);
        Order buy = submit(j, 1, "alpha", Side.BUY, "0.3", "60000.02", T0 + SECOND);
        Order sell = submit(j, 2, "alpha", Side.SELL, "0.3", "59000", T0 + SECOND);
        Order other = submit(j, 3, "beta", Side.SELL, "1", "59000", T0 + SECOND);
        fill(j, oracle, buy, "0.1", "60000.01", "0.6", T0 + 2 * SECOND);
        fill(j, oracle, buy, "0.2", "60000.02", "1.2", T0 + 2 * SECOND);
        fill(j, oracle, sell, "0.1", "59000", "0.59", T0 + 3 * SECOND);
        fill(j, null, other, "1", "59000", "5.9", T0 + 3 * SECOND); // beta's: not alpha's day
        Fill again = JournalFixture.fill(sell, nextTradeId - 2, BTC.qty("0.1"), BTC.price("59000"), cash("0.59"), T0 + 3 * SECOND);
        j.appendFill(T0 + 4 * SECOND, again); // reported twice: applied once
        fill(j, oracle, sell, "0.2", "61000.03", "1.22", T0 + 5 * SECOND);
        j.close();

        RecoveredState s = reopen(config);

        RecoveredRiskDay day = s.riskDay("alpha");
        assertThat(day.epochDay()).isEqualTo(DAY);
        assertThat(day.lossState()).isEqualTo(TradingState.REDUCE_ONLY);
        assertThat(day.dayStartUnrealized()).isEqualTo(cash("50"));
        // Basis 18000.005 for 0.3; a third of it, 6000.00166667 rounded, goes with the 0.1 sold for 5900, the rest
        // with the 0.2 sold for 12200.006: 100.001 realised, less 3.61 of fees.
        assertThat(oracle.dayRealized(0)).isEqualTo(cash("96.391"));
        assertThat(day.dayRealized()).isEqualTo(cash("-100") + oracle.dayRealized(0));
        assertThat(day.lastUpdateNanos()).isEqualTo(T0 + 5 * SECOND);
        assertThat(s.riskDay("beta")).as("no RISK_DAY journaled for beta").isNull();
        assertThat(s.duplicateFillsSkipped()).isEqualTo(1);
    }

    @Test
    void shouldReplaceTheDayByALaterRiskDayAndNotAddAFillOfAnotherDay() {
        JournalConfig config = JournalFixture.config(dir).build();
        OrderJournal j = JournalFixture.open(config);
        j.appendRiskDay(T0, "alpha", DAY, cash("-10"), 0, TradingState.ACTIVE);
        Order buy = submit(j, 1, "alpha", Side.BUY, "1", "60000", T0);
        Order sell = submit(j, 2, "alpha", Side.SELL, "1", "59000", T0);
        fill(j, null, buy, "1", "60000", "6", T0 + SECOND);
        // The gateway writes the loss state change after the fill that caused it, with the fill in it.
        j.appendRiskDay(T0 + SECOND, "alpha", DAY, cash("-16"), 0, TradingState.REDUCE_ONLY);
        fill(j, null, sell, "0.5", "59000", "3", NEXT_MIDNIGHT + SECOND); // tomorrow's, without tomorrow's RISK_DAY
        j.close();

        RecoveredRiskDay day = reopen(config).riskDay("alpha");

        assertThat(day.epochDay()).isEqualTo(DAY);
        assertThat(day.dayRealized()).as("the next day's fill is not the old day's").isEqualTo(cash("-16"));
        assertThat(day.lossState()).isEqualTo(TradingState.REDUCE_ONLY);
        assertThat(day.lastUpdateNanos()).isEqualTo(T0 + SECOND);

        // The next day starts with its RISK_DAY before its first fill: that fill is the new day's.
        OrderJournal k = JournalFixture.open(config);
        k.appendRiskDay(NEXT_MIDNIGHT + 2 * SECOND, "alpha", DAY + 1, 0, cash("-250"), TradingState.ACTIVE);
        fill(k, null, sell, "0.5", "59500", "2.975", NEXT_MIDNIGHT + 3 * SECOND);
        k.close();

        RecoveredRiskDay next = reopen(config).riskDay("alpha");

        assertThat(next.epochDay()).isEqualTo(DAY + 1);
        assertThat(next.dayRealized()).isEqualTo(cash("-250") - cash("2.975"));
        assertThat(next.dayStartUnrealized()).isEqualTo(cash("-250"));
        assertThat(next.lossState()).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void shouldCarryTheDayWithItsFillsThroughACompactionSnapshot() {
        JournalConfig compacted = JournalFixture.config(JournalFixture.newDir(dir, "compacted"))
                .segmentBytes(JournalConfig.MIN_SEGMENT_BYTES).build();
        JournalConfig full = JournalFixture.config(JournalFixture.newDir(dir, "full")).build();
        OrderJournal c = JournalFixture.open(compacted);
        OrderJournal f = JournalFixture.open(full);
        RiskEngine oracle = oracle();
        long t = T0;
        for (OrderJournal j : new OrderJournal[] {c, f}) {
            j.appendRiskDay(t, "alpha", DAY, cash("-1"), cash("2"), TradingState.HALTED);
        }
        Order[] buys = new Order[2];
        Order[] sells = new Order[2];
        for (int k = 0; k < 2; k++) {
            OrderJournal j = k == 0 ? c : f;
            buys[k] = submit(j, 1, "alpha", Side.BUY, "2", "60000", t);
            sells[k] = submit(j, 2, "alpha", Side.SELL, "2", "61000", t);
        }
        for (int round = 0; round < 4; round++) {
            t += SECOND;
            String price = round % 2 == 0 ? "60000.07" : "61000.03";
            for (int k = 0; k < 2; k++) {
                OrderJournal j = k == 0 ? c : f;
                Order o = round % 2 == 0 ? buys[k] : sells[k];
                nextTradeId = 100 + round;
                fill(j, k == 0 ? oracle : null, o, "0.5", price, "0.3", t);
            }
            long segment = c.segment();
            while (c.segment() < segment + 2) {
                c.appendStrategyState(t, "filler", TradingState.ACTIVE, "x".repeat(200)); // rolls segments: compaction
                f.appendStrategyState(t, "filler", TradingState.ACTIVE, "x".repeat(200));
            }
        }
        assertThat(c.compactions()).isGreaterThanOrEqualTo(4);
        assertThat(c.compactionFailure()).isNull();
        c.close();
        f.close();

        RecoveredState fromSnapshot = reopen(compacted);
        RecoveredState fromRecords = reopen(full);

        assertThat(JournalFixture.describe(fromSnapshot)).isEqualTo(JournalFixture.describe(fromRecords));
        RecoveredRiskDay day = fromSnapshot.riskDay("alpha");
        assertThat(day.dayRealized()).isEqualTo(cash("-1") + oracle.dayRealized(0));
        assertThat(oracle.dayRealized(0)).as("two round trips of 0.5 bought at 60000.07, sold at 61000.03, less 4 x 0.3 of fees")
                .isEqualTo(cash("998.76"));
        assertThat(day.dayStartUnrealized()).isEqualTo(cash("2"));
        assertThat(day.lossState()).isEqualTo(TradingState.HALTED);
    }
}
