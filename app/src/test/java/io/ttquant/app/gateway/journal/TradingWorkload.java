package io.ttquant.app.gateway.journal;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.risk.TradingState;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded stream of gateway activity written to a journal the way the gateway would: orders
 * submitted, acknowledged, filled in parts, canceled, some with a lost answer later resolved, a
 * fill reported twice now and then, kill switch and strategy state changes, and every 500 steps a
 * strategy's trading day (RISK_DAY; it draws nothing from the seeded stream). Orders follow the
 * core {@link Order} state machine, so every journaled state is one the gateway could produce.
 * The same seed gives the same records. It holds no assertions.
 */
final class TradingWorkload {
    static final String[] STRATEGIES = {"alpha", "beta", "gamma"};
    static final Instrument[] INSTRUMENTS = {JournalFixture.BTC, JournalFixture.ETH};

    private final Random random;
    private final int maxOpen;
    private final long stepNanos;
    private final List<Order> open = new ArrayList<>();
    private final List<Order> unknown = new ArrayList<>();
    private final List<Fill> recentFills = new ArrayList<>();
    long now = JournalFixture.T0;
    long steps;
    long nextOrderId = 1;
    private long nextTradeId = 1;
    long submitted;

    TradingWorkload(long seed, int maxOpen, long stepNanos) {
        this.random = new Random(seed);
        this.maxOpen = maxOpen;
        this.stepNanos = stepNanos;
    }

    /** Continues the stream after a restart: ids from where the journal stands. */
    TradingWorkload resumeAt(long nextOrderId, long now) {
        this.nextOrderId = nextOrderId;
        this.now = now;
        open.clear();
        unknown.clear();
        recentFills.clear();
        return this;
    }

    /** Writes one step; returns the id of an order submitted in it, or 0. */
    long step(OrderJournal j) {
        now += stepNanos;
        if (++steps % 500 == 0) {
            int k = (int) (steps / 500 % STRATEGIES.length);
            j.appendRiskDay(now, STRATEGIES[k], Math.floorDiv(now, 86_400_000_000_000L), -steps * 1_000, steps * 7,
                    TradingState.values()[k]);
        }
        int dice = random.nextInt(100);
        if (dice < 35 || open.isEmpty()) {
            return newOrder(j);
        }
        if (dice < 70) {
            fill(j, open.get(random.nextInt(open.size())));
        } else if (dice < 85) {
            cancel(j, open.get(random.nextInt(open.size())));
        } else if (dice < 90 && !unknown.isEmpty()) {
            resolve(j, unknown.remove(0));
        } else if (dice < 92 && !recentFills.isEmpty()) {
            j.appendFill(now, recentFills.get(random.nextInt(recentFills.size()))); // the venue reports a fill again
        } else if (dice < 94) {
            j.appendKillSwitch(now, random.nextBoolean(), "operator " + random.nextInt(10));
        } else if (dice < 96) {
            j.appendStrategyState(now, STRATEGIES[random.nextInt(STRATEGIES.length)],
                    TradingState.values()[random.nextInt(3)], "limit " + random.nextInt(5));
        } else {
            return newOrder(j);
        }
        return 0;
    }

    private long newOrder(OrderJournal j) {
        if (open.size() + unknown.size() >= maxOpen) {
            cancel(j, open.isEmpty() ? null : open.get(0));
            return 0;
        }
        Instrument ins = INSTRUMENTS[random.nextInt(INSTRUMENTS.length)];
        String strategy = STRATEGIES[random.nextInt(STRATEGIES.length)];
        long id = nextOrderId++;
        long qty = ins.stepSize() * (1 + random.nextInt(5_000));
        long price = ins.tickSize() * (100_000 + random.nextInt(900_000));
        Order o = JournalFixture.order(id, strategy, "c" + id, ins, random.nextBoolean() ? Side.BUY : Side.SELL, qty, price, now);
        j.appendSubmitted(now, o, JournalFixture.VENUE);
        submitted++;
        if (random.nextInt(20) == 0) {
            j.appendUnknown(now, id, OrderUnknownRecord.Request.NEW_ORDER);
            unknown.add(o);
        } else {
            o.accept(now);
            j.appendState(now, o, 1_000_000 + id);
            open.add(o);
        }
        return id;
    }

    private void fill(OrderJournal j, Order o) {
        long qty = Math.min(o.remainingQty(), o.instrument().stepSize() * (1 + random.nextInt(3_000)));
        long price = o.price() + o.instrument().tickSize() * (random.nextInt(41) - 20);
        long fee = random.nextInt(100_000);
        o.fill(qty, price, fee, now);
        Fill f = JournalFixture.fill(o, nextTradeId++, qty, price, fee, now);
        j.appendFill(now, f);
        j.appendState(now, o, 1_000_000 + o.orderId());
        if (recentFills.size() == 64) {
            recentFills.remove(0);
        }
        recentFills.add(f);
        if (!o.isOpen()) {
            open.remove(o);
        }
    }

    private void cancel(OrderJournal j, Order o) {
        if (o == null) {
            return;
        }
        o.cancel(now);
        j.appendState(now, o, 1_000_000 + o.orderId());
        open.remove(o);
    }

    private void resolve(OrderJournal j, Order o) {
        if (random.nextBoolean()) {
            o.accept(now);
            j.appendResolved(now, o.orderId(), OrderStatus.ACCEPTED, null, 1_000_000 + o.orderId());
            open.add(o);
        } else {
            o.reject(RejectReason.VENUE_ORDER_NOT_PLACED, now);
            j.appendResolved(now, o.orderId(), OrderStatus.REJECTED, RejectReason.VENUE_ORDER_NOT_PLACED, 0);
        }
    }
}
