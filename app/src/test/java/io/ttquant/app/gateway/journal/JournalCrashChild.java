package io.ttquant.app.gateway.journal;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.Side;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The process {@link JournalCrashTest} kills: recovers the journal in the directory given as its
 * argument, then trades as fast as it can with a sync after every record (small segments, so
 * segments roll and are compacted in the background all the time). It prints {@code O <id>} once
 * an order's submission is synced and {@code F <trade id>} once a fill is synced, and never
 * stops by itself before a million orders.
 */
public final class JournalCrashChild {
    static final String VENUE = "paper";
    static final String[] STRATEGIES = {"alpha", "beta"};
    static final Instrument[] INSTRUMENTS = {JournalFixture.BTC, JournalFixture.ETH};

    private JournalCrashChild() {
    }

    static JournalConfig config(Path dir, JournalConfig.Compaction compaction) {
        return JournalConfig.builder(dir).segmentBytes(JournalConfig.MIN_SEGMENT_BYTES).syncPolicy(SyncPolicy.everyRecord())
                .idempotencyWindowNanos(Long.MAX_VALUE).compaction(compaction).build();
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        JournalRecovery r = OrderJournal.open(config(Path.of(args[0]), JournalConfig.Compaction.BACKGROUND));
        if (!r.ok()) {
            out.println("ERROR " + r.describe());
            out.flush();
            System.exit(2);
        }
        OrderJournal j = r.journal();
        long id = r.state().nextOrderId();
        long t = Math.max(JournalFixture.T0, r.state().lastRecordNanos());
        Random random = new Random(id);
        List<Order> open = new ArrayList<>();
        for (long end = id + 1_000_000; id < end; id++) {
            t += 1_000;
            Instrument ins = INSTRUMENTS[random.nextInt(INSTRUMENTS.length)];
            long qty = ins.stepSize() * (10 + random.nextInt(1_000));
            Order o = JournalFixture.order(id, STRATEGIES[random.nextInt(STRATEGIES.length)], "c" + id, ins,
                    random.nextBoolean() ? Side.BUY : Side.SELL, qty, ins.tickSize() * (100_000 + random.nextInt(1_000)), t);
            check(j.appendSubmitted(t, o, VENUE), j);
            out.println("O " + id);
            out.flush();
            o.accept(t);
            check(j.appendState(t, o, id), j);
            open.add(o);
            Order f = open.get(random.nextInt(open.size()));
            long part = Math.min(f.remainingQty(), f.instrument().stepSize() * (1 + random.nextInt(600)));
            long tradeId = f.orderId() * 1_000_000 + f.filledQty(); // unique: a fill moves filledQty up
            f.fill(part, f.price(), 7, t);
            check(j.appendFill(t, JournalFixture.fill(f, tradeId, part, f.price(), 7, t)), j);
            check(j.appendState(t, f, f.orderId()), j);
            out.println("F " + f.instrument().symbol() + " " + tradeId);
            out.flush();
            if (!f.isOpen()) {
                open.remove(f);
            }
            if (open.size() > 20) {
                Order c = open.remove(0);
                c.cancel(t);
                check(j.appendState(t, c, c.orderId()), j);
            }
        }
        j.close();
    }

    private static void check(long position, OrderJournal j) {
        if (position == OrderJournal.FAILED) {
            System.out.println("ERROR " + j.failure().describe());
            System.out.flush();
            System.exit(3);
        }
    }
}
