package io.ttquant.core.exchange;

import static io.ttquant.core.exchange.ExchangeHarness.MINUTE;
import static io.ttquant.core.exchange.ExchangeHarness.MS;
import static io.ttquant.core.exchange.ExchangeHarness.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random orders, cancels and mixed market data against random fill models. The harness listener
 * fails on any illegal status transition or mis-ordered report, and the exchange's internal state
 * is validated after every step; at the end every order's fills must add up.
 */
class RandomizedStateMachineTest {
    private static final Instrument BTC = ExchangeHarness.BTC;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void shouldNeverViolateTheOrderStateMachine(long seed) {
        Random r = new Random(seed);
        ExchangeConfig cfg = ExchangeConfig.builder()
                .makerFeePpm(r.nextInt(3) * 500 - 200)
                .takerFeePpm(r.nextInt(3) * 500)
                .slippage(r.nextBoolean() ? SlippageModel.bps(r.nextInt(20)) : SlippageModel.fixedTicks(r.nextInt(3)))
                .latency(r.nextBoolean() ? LatencyModel.constant(r.nextInt(3) * MS)
                        : LatencyModel.uniformRandom(0, 5 * MS, seed))
                .barFillMode(r.nextBoolean() ? BarFillMode.NEXT_OPEN : BarFillMode.CLOSE)
                .maxBarVolumeFraction(r.nextBoolean() ? 1.0 : 0.2)
                .limitFillRule(r.nextBoolean() ? LimitFillRule.TOUCH : LimitFillRule.THROUGH)
                .queuePosition(r.nextBoolean())
                .build();
        ExchangeHarness h = new ExchangeHarness(cfg);
        List<Order> orders = new ArrayList<>();
        // Which kinds of data this run feeds: each run mixes a random subset.
        boolean useBook = r.nextBoolean();
        boolean useQuotes = r.nextBoolean();
        boolean useTrades = r.nextBoolean();
        boolean useBars = !useBook && !useQuotes && !useTrades || r.nextBoolean();
        long t = T0;
        long mid = 10_000;   // 100.00
        long barOpen = T0;

        for (int step = 0; step < 600; step++) {
            t += r.nextInt(4) * MS;
            mid = Math.max(500, mid + (r.nextInt(41) - 20));
            int what = r.nextInt(10);
            if (what < 4) {
                Order o = randomOrder(h, r, mid, orders.size() + 1000L, t);
                orders.add(o);
                h.submit(t, o);
            } else if (what == 4 && !orders.isEmpty()) {
                h.cancel(t, orders.get(r.nextInt(orders.size())));
            } else if (what == 5) {
                h.advance(t);
            } else {
                int kind = r.nextInt(4);
                if (kind == 0 && useBook) {
                    book(h, r, t, mid);
                } else if (kind == 1 && useQuotes) {
                    h.quote(t, fmt(mid - 1 - r.nextInt(3)), q(r), fmt(mid + r.nextInt(3)), q(r));
                } else if (kind == 2 && useTrades) {
                    Side aggressor = r.nextInt(3) == 0 ? null : r.nextBoolean() ? Side.BUY : Side.SELL;
                    h.trade(t, fmt(mid + r.nextInt(21) - 10), q(r), aggressor);
                } else if (useBars) {
                    long open = mid + r.nextInt(41) - 20;
                    long close = mid;
                    long high = Math.max(open, close) + r.nextInt(30);
                    long low = Math.max(1, Math.min(open, close) - r.nextInt(30));
                    long start = Math.max(barOpen, t - MINUTE);
                    h.bar(start, MINUTE, fmt(open), fmt(high), fmt(low), fmt(close), q(r));
                    barOpen = start + MINUTE;
                    t = Math.max(t, barOpen);
                }
            }
        }
        h.advance(t + 10 * MINUTE);

        assertThat(h.ex.pendingArrivalCount()).isZero();
        int open = 0;
        for (Order o : orders) {
            assertThat(o.status()).isNotEqualTo(OrderStatus.NEW);
            long qty = 0;
            long fees = 0;
            for (Fill f : h.fills(o)) {
                qty += f.qty();
                fees += f.fee();
                if (o.type().hasLimitPrice()) {
                    assertThat(o.side() == Side.BUY ? f.price() <= o.price() : f.price() >= o.price())
                            .as("fill %s within the limit of %s", f, o).isTrue();
                }
            }
            assertThat(qty).isEqualTo(o.filledQty());
            assertThat(fees).isEqualTo(o.feesPaid());
            if (o.status() == OrderStatus.FILLED) {
                assertThat(o.remainingQty()).isZero();
            }
            if (o.timeInForce() == TimeInForce.FOK) {
                assertThat(o.status()).isIn(OrderStatus.FILLED, OrderStatus.EXPIRED, OrderStatus.REJECTED,
                        OrderStatus.CANCELED, OrderStatus.ACCEPTED);
                assertThat(o.filledQty() == 0 || o.status() == OrderStatus.FILLED).as("FOK partially filled: %s", o).isTrue();
            }
            if (o.isOpen()) {
                open++;
            }
        }
        assertThat(h.ex.openOrderCount()).isEqualTo(open);
        long tradeId = 0;
        for (Fill f : h.fills) {
            assertThat(f.tradeId()).isEqualTo(++tradeId);
        }
    }

    private static Order randomOrder(ExchangeHarness h, Random r, long mid, long id, long t) {
        Side side = r.nextBoolean() ? Side.BUY : Side.SELL;
        OrderType type = OrderType.values()[r.nextInt(4)];
        TimeInForce tif;
        if (type.hasLimitPrice()) {
            tif = TimeInForce.values()[r.nextInt(4)];
        } else {
            tif = new TimeInForce[] {TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK}[r.nextInt(3)];
        }
        long price = Math.max(1, mid + r.nextInt(61) - 30);
        long stop = Math.max(1, mid + (side == Side.BUY ? 1 : -1) * r.nextInt(30) + r.nextInt(11) - 5);
        long qty = 1 + r.nextInt(3000);
        return new Order(id, "r" + id, "s1", BTC, side, type, tif, qty, type.hasLimitPrice() ? price : 0,
                type.hasStopPrice() ? stop : 0, false, t);
    }

    private static void book(ExchangeHarness h, Random r, long t, long mid) {
        int levels = r.nextInt(4);
        String[] bids = new String[levels];
        String[] asks = new String[levels];
        for (int i = 0; i < levels; i++) {
            bids[i] = fmt(mid - 1 - i * (1 + r.nextInt(3))) + ":" + q(r);
            asks[i] = fmt(mid + i * (1 + r.nextInt(3))) + ":" + q(r);
        }
        h.book(t, r.nextInt(3) == 0 || levels == 0, bids, asks);
    }

    private static String fmt(long raw) {
        return BTC.formatPrice(Math.max(1, raw));
    }

    private static String q(Random r) {
        return BTC.formatQty(r.nextInt(4000));
    }
}
