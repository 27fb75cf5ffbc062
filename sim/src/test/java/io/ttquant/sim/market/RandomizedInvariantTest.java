package io.ttquant.sim.market;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Side;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.ttquant.sim.market.Harness.BTC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of random user orders and cancels of every type against the synthetic flow. After
 * every step: the engine's own invariants hold (no crossed book, level totals, locks equal to
 * what open orders hold, executed quantity equal to the fills, no negative balance), and each
 * account's total per asset equals its start plus exactly what its fills moved: quote by
 * price x quantity, base by quantity, less commission in the received asset.
 */
class RandomizedInvariantTest {
    private final Harness h = new Harness(SimConfig.builder().flowIntensity(200).seed(7).orderLimits(50, 5));
    private final Map<Account, Map<String, Long>> expected = new HashMap<>();
    private final Map<OrderStatus, Integer> finalStatuses = new HashMap<>();
    private int userFills;
    private int rejections;

    @Test
    void shouldKeepBalancesExactAndTheEngineConsistentUnderRandomFlow() {
        for (Account a : List.of(h.alice, h.bob)) {
            Map<String, Long> totals = new HashMap<>();
            a.balances().forEach(b -> totals.put(b.asset(), b.free() + b.locked()));
            expected.put(a, totals);
        }
        h.ex.addUserListener(new UserListener() {
            @Override
            public void onExecutionReport(Account a, SimOrder o, ExecutionType type, SimFill f, long t) {
                if (type == ExecutionType.TRADE) {
                    Instrument ins = h.ex.market(o.symbol()).instrument();
                    Map<String, Long> e = expected.get(a);
                    long base = ins.qtyToCash(f.qty());
                    if (o.side() == Side.BUY) {
                        e.merge(ins.baseAsset(), base - f.commission(), Long::sum);
                        e.merge(ins.quoteAsset(), -f.quoteQty(), Long::sum);
                    } else {
                        e.merge(ins.baseAsset(), -base, Long::sum);
                        e.merge(ins.quoteAsset(), f.quoteQty() - f.commission(), Long::sum);
                    }
                    assertThat(f.quoteQty()).isEqualTo(ins.notional(f.price(), f.qty()));
                    userFills++;
                }
                if (!o.isOpen()) {
                    finalStatuses.merge(o.status(), 1, Integer::sum);
                }
            }
        });
        SplittableRandom r = new SplittableRandom(99);

        for (int step = 0; step < 5_000; step++) {
            h.advanceMillis(1 + r.nextInt(40));
            Account a = r.nextBoolean() ? h.alice : h.bob;
            act(a, r);
            h.ex.validateInternalState();
            for (Account acc : List.of(h.alice, h.bob)) {
                for (AssetBalance b : acc.balances()) {
                    assertThat(b.free() + b.locked()).as(acc.apiKey() + " " + b.asset() + " at step " + step)
                            .isEqualTo(expected.get(acc).getOrDefault(b.asset(), 0L));
                }
            }
        }
        h.ex.advanceTo(h.now() + 60_000);
        h.ex.validateInternalState();

        assertThat(userFills).isGreaterThan(2_000);
        assertThat(rejections).isGreaterThan(50);
        assertThat(finalStatuses).containsKeys(OrderStatus.FILLED, OrderStatus.CANCELED, OrderStatus.EXPIRED,
                OrderStatus.EXPIRED_IN_MATCH);
        assertThat(h.ex.listenerErrors()).isZero();
    }

    private void act(Account a, SplittableRandom r) {
        SymbolMarket m = h.btc();
        long tick = m.instrument().tickSize();
        long mid = (m.bestBid() + m.bestAsk()) / 2;
        Side side = r.nextBoolean() ? Side.BUY : Side.SELL;
        String price = Fixed.format(mid + (r.nextInt(31) - 15) * tick, 2);
        String qty = Fixed.format(1 + r.nextInt(3_000), 5);
        OrderRequest.Builder b = OrderRequest.builder(BTC).side(side);
        if (r.nextInt(4) == 0) {
            b.selfTradePreventionMode(SelfTradePreventionMode.values()[r.nextInt(4)]);
        }
        int kind = r.nextInt(100);
        OrderOutcome out = null;
        if (kind < 35) {
            TimeInForce tif = TimeInForce.values()[r.nextInt(3)];
            out = h.ex.newOrder(a, b.type(OrderType.LIMIT).timeInForce(tif).quantity(qty).price(price).build());
        } else if (kind < 45) {
            out = h.ex.newOrder(a, b.type(OrderType.LIMIT_MAKER).quantity(qty).price(price).build());
        } else if (kind < 55) {
            out = h.ex.newOrder(a, b.type(OrderType.MARKET).quantity(qty).build());
        } else if (kind < 62) {
            out = h.ex.newOrder(a, b.type(OrderType.MARKET).quoteOrderQty(Fixed.format(500 + r.nextInt(20_000_00), 2)).build());
        } else if (kind < 67) {
            long last = m.lastPrice() == 0 ? mid : m.lastPrice();
            long away = (1 + r.nextInt(10)) * tick;
            OrderType type = OrderType.values()[2 + r.nextInt(4)];
            boolean rising = SymbolMarket.triggersRising(side, type);
            OrderRequest.Builder stop = b.type(type).quantity(qty).stopPrice(Fixed.format(rising ? last + away : last - away, 2));
            if (type.hasPrice()) {
                stop.timeInForce(TimeInForce.GTC).price(price);
            }
            out = h.ex.newOrder(a, stop.build());
        } else if (kind < 97) {
            List<SimOrder> open = h.ex.openOrders(a, BTC);
            if (!open.isEmpty()) {
                SimOrder o = open.get(r.nextInt(open.size()));
                CancelOutcome c = r.nextBoolean() ? h.ex.cancel(a, BTC, o.orderId(), null)
                        : h.ex.cancel(a, BTC, null, o.clientOrderId());
                // the flow runs up to now first and may have filled it: then -2011 is right
                assertThat(c.isRejected()).isEqualTo(o.status() != OrderStatus.CANCELED);
                if (c.isRejected()) {
                    assertThat(c.rejection().code()).isEqualTo(-2011);
                }
            }
        } else {
            h.ex.cancelAll(a, BTC);
        }
        if (out != null && out.isRejected()) {
            rejections++;
            assertThat(out.rejection().code()).isIn(-2010, -1013);
        }
    }
}
