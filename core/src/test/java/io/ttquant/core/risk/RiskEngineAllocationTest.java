package io.ttquant.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.time.SimulatedClock;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The risk engine's steady state allocates nothing: checks that pass and that fail, cancels,
 * bookkeeping of accepts, fills and ends, and market prices over ~200k checks, with every limit
 * configured (rate buckets, collar, duplicate guard, loss limits, a day roll-over heard by a day
 * listener) allocate less than one byte per check on average.
 */
class RiskEngineAllocationTest {
    private static final int ITERATIONS = 70_000; // three checks each
    private static final long SECOND = 1_000_000_000L;

    private final Instrument btc = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001").minNotional("5").build();
    // 4.9 s before a UTC midnight; each run advances 1.4 s, so the measured (fourth) run rolls the day over.
    private final SimulatedClock clock = new SimulatedClock(1_704_153_595_100_000_000L);
    private long nextId = 1;

    @Test
    void shouldNotAllocateWhileCheckingAndBookingOrders() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs HotSpot's per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counting is off");
        RiskEngine e = new RiskEngine(RiskLimits.builder()
                .instrument(InstrumentLimits.of(btc).maxOrderQty(btc.qty("1")).maxPosition(btc.qty("5")).collarPpm(100_000).build())
                .strategy(StrategyLimits.named("a").maxOrderNotional(10_000_000_000_000L).maxOpenOrders(10)
                        .orderRate(RateLimit.perSecond(100_000)).cancelRate(RateLimit.perSecond(100_000))
                        .dailyLoss(1_000_000_000_000_000L, 2_000_000_000_000_000L).build())
                .strategy(StrategyLimits.named("b").maxOrderNotional(10_000_000_000_000L).build())
                .globalOrderRate(RateLimit.perSecond(1_000_000)).globalCancelRate(RateLimit.perSecond(1_000_000))
                .duplicateGuard(SECOND, 16).build(), clock);
        long[] daysStarted = new long[1];
        e.dayListener(new RiskDayListener() {
            @Override
            public void onDayStarted(int strategy, long epochDay, long dayRealized, long dayStartUnrealized,
                                     TradingState lossState) {
                daysStarted[0]++;
            }

            @Override
            public void onLossState(int strategy, long epochDay, long dayRealized, long dayStartUnrealized,
                                    TradingState lossState) {
            }
        });
        long[] outcome = new long[2];
        for (int warm = 0; warm < 3; warm++) {
            run(e, outcome);
        }
        long tid = Thread.currentThread().getId();
        outcome[0] = 0;
        outcome[1] = 0;
        long before = threads.getThreadAllocatedBytes(tid);
        run(e, outcome);
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertThat(daysStarted[0]).as("the listener heard the day roll over in the measured run").isEqualTo(2);
        long checks = 3L * ITERATIONS;
        assertThat(outcome[0]).as("checks that passed").isGreaterThan(ITERATIONS);
        assertThat(outcome[1]).as("checks that were rejected").isGreaterThanOrEqualTo(ITERATIONS);
        assertThat(allocated).as("bytes allocated over %d checks", checks).isLessThan(checks);
        assertThat(e.openOrders()).isZero();
    }

    private void run(RiskEngine e, long[] outcome) {
        long base = btc.price("50000");
        for (int k = 0; k < ITERATIONS; k++) {
            clock.advanceTo(clock.nanos() + 20_000);
            long last = base + (k % 200) * 100;
            e.onMarketPrice(btc, last, last - 1, last + 1);
            int strategy = k & 1;
            Side side = (k & 2) == 0 ? Side.BUY : Side.SELL;
            long qty = btc.qty("0.01") * (1 + k % 7);
            long price = last + (side == Side.BUY ? -(k % 13) : k % 13);
            RejectReason r = e.checkNew(strategy, btc, side, OrderType.LIMIT, TimeInForce.GTC, qty, price, 0, false);
            count(outcome, r);
            if (r == null) {
                long id = nextId++;
                e.onAccepted(strategy, id, btc, side, OrderType.LIMIT, TimeInForce.GTC, qty, price, 0, false);
                e.onFill(id, qty / 2, price, 1_000);
                count(outcome, e.checkCancel(strategy, id));
                e.onDone(id);
            } else {
                count(outcome, e.checkCancel(strategy, -1));
            }
            count(outcome, e.checkNew(strategy, btc, side, OrderType.LIMIT, TimeInForce.GTC, btc.qty("2"), price, 0, false));
        }
    }

    private static void count(long[] outcome, RejectReason r) {
        outcome[r == null ? 0 : 1]++;
    }
}
