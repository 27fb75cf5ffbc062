package io.ttquant.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.time.SimulatedClock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * After any sequence of accepts, partial and full fills, cancels and unknown-order reports, the
 * engine's open quantities per side, open-order counts and positions equal a naive recomputation
 * from the list of orders, and the order table never loses or invents an order.
 */
class RiskEngineExposureTest {
    private static final int STRATEGIES = 3;
    private static final int CAPACITY = 64;

    private final Instrument btc = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001").build();
    private final Instrument eth = Instrument.builder("ETHUSDT").tickSize("0.01").stepSize("0.0001").build();
    private final Instrument[] instruments = {btc, eth};

    /** The naive model: one record per order ever booked. */
    private static final class Model {
        final long id;
        final int strategy;
        final int instrument;
        final Side side;
        long remaining;
        boolean open = true;

        Model(long id, int strategy, int instrument, Side side, long qty) {
            this.id = id;
            this.strategy = strategy;
            this.instrument = instrument;
            this.side = side;
            this.remaining = qty;
        }
    }

    @Test
    void shouldKeepOpenExposureAndCountsEqualToANaiveRecomputation() {
        for (int seed = 1; seed <= 5; seed++) {
            runSeed(seed);
        }
    }

    private void runSeed(int seed) {
        SimulatedClock clock = new SimulatedClock(1_704_110_400_000_000_000L);
        RiskLimits.Builder lb = RiskLimits.builder().maxOpenOrders(CAPACITY)
                .instrument(InstrumentLimits.of(btc).build()).instrument(InstrumentLimits.of(eth).build());
        for (int s = 0; s < STRATEGIES; s++) {
            lb.strategy(StrategyLimits.named("s" + s).build());
        }
        RiskEngine e = new RiskEngine(lb.build(), clock);
        SplittableRandom r = new SplittableRandom(seed);
        List<Model> orders = new ArrayList<>();
        List<Model> open = new ArrayList<>();
        long[][] position = new long[STRATEGIES][instruments.length];
        long nextId = r.nextLong(-1_000_000_000L, 1_000_000_000L); // ids need not be small or positive
        for (int step = 0; step < 20_000; step++) {
            clock.advanceTo(clock.nanos() + r.nextInt(1, 1_000_000));
            int op = r.nextInt(10);
            if (op < 4 && open.size() < CAPACITY) {
                int s = r.nextInt(STRATEGIES);
                int i = r.nextInt(instruments.length);
                Side side = r.nextBoolean() ? Side.BUY : Side.SELL;
                long qty = r.nextLong(1, 1_000_000);
                long id = nextId;
                nextId += r.nextInt(1, 3) * (r.nextBoolean() ? 1 : CAPACITY); // ids that collide in the hash table
                e.onAccepted(s, id, instruments[i], side, OrderType.LIMIT, TimeInForce.GTC, qty, 100_000, 0, false);
                Model m = new Model(id, s, i, side, qty);
                orders.add(m);
                open.add(m);
            } else if (op < 7 && !open.isEmpty()) {
                Model m = open.get(r.nextInt(open.size()));
                long qty = r.nextBoolean() ? m.remaining : r.nextLong(1, m.remaining + 1);
                assertThat(e.onFill(m.id, qty, r.nextLong(90_000, 110_000), r.nextInt(100))).isTrue();
                m.remaining -= qty;
                position[m.strategy][m.instrument] += m.side == Side.BUY ? qty : -qty;
                if (m.remaining == 0) {
                    m.open = false;
                    open.remove(m);
                }
            } else if (op < 9 && !open.isEmpty()) {
                Model m = open.remove(r.nextInt(open.size()));
                assertThat(e.onDone(m.id)).isTrue();
                m.open = false;
            } else {
                Model closed = null;
                for (int k = orders.size() - 1; k >= 0 && k >= orders.size() - 5; k--) {
                    if (!orders.get(k).open) {
                        closed = orders.get(k);
                    }
                }
                long id = closed != null ? closed.id : nextId + 7;
                assertThat(e.onDone(id)).isFalse();
                assertThat(e.onFill(id, 1, 100_000, 0)).isFalse();
            }
            verify(e, open, orders, position);
        }
        Set<Long> reported = new HashSet<>();
        e.forEachOpenOrder(reported::add);
        Set<Long> expected = new HashSet<>();
        for (Model m : open) {
            expected.add(m.id);
        }
        assertThat(reported).isEqualTo(expected);
    }

    /** Recomputes everything from the open orders; closed orders are checked among the latest few. */
    private void verify(RiskEngine e, List<Model> open, List<Model> orders, long[][] position) {
        long[][] buy = new long[STRATEGIES][instruments.length];
        long[][] sell = new long[STRATEGIES][instruments.length];
        int[] count = new int[STRATEGIES];
        int total = 0;
        for (int k = Math.max(0, orders.size() - 8); k < orders.size(); k++) {
            Model m = orders.get(k);
            assertThat(e.openQty(m.id)).isEqualTo(m.open ? m.remaining : 0);
        }
        for (Model m : open) {
            assertThat(e.openQty(m.id)).isEqualTo(m.remaining);
            if (m.side == Side.BUY) {
                buy[m.strategy][m.instrument] += m.remaining;
            } else {
                sell[m.strategy][m.instrument] += m.remaining;
            }
            count[m.strategy]++;
            total++;
        }
        assertThat(e.openOrders()).isEqualTo(total);
        for (int s = 0; s < STRATEGIES; s++) {
            assertThat(e.openOrders(s)).isEqualTo(count[s]);
            for (int i = 0; i < instruments.length; i++) {
                assertThat(e.openBuyQty(s, instruments[i])).isEqualTo(buy[s][i]);
                assertThat(e.openSellQty(s, instruments[i])).isEqualTo(sell[s][i]);
                assertThat(e.position(s, instruments[i])).isEqualTo(position[s][i]);
            }
        }
    }
}
