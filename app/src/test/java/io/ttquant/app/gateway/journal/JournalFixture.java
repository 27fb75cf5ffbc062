package io.ttquant.app.gateway.journal;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.LiquiditySide;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Test helpers for the journal: configurations with an injected clock, core orders and fills,
 * a visitor that records every record as text, a canonical text of a recovered state for
 * comparisons, and file helpers. It holds no assertions of its own.
 */
final class JournalFixture {
    static final long T0 = 1_700_000_000_000_000_000L;
    static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");
    static final Instrument ETH = Instruments.binanceSpot("ETHUSDT");
    static final String VENUE = "paper";

    private JournalFixture() {
    }

    /** A clock the test moves by hand. */
    static final class ManualClock implements Clock {
        long now = T0;

        @Override
        public long nanos() {
            return now;
        }
    }

    /** Inline compaction, sync on request, 64 MiB segments, a window of forever, a manual clock. */
    static JournalConfig.Builder config(Path dir) {
        return JournalConfig.builder(dir).compaction(JournalConfig.Compaction.INLINE).syncPolicy(SyncPolicy.onRequest())
                .idempotencyWindowNanos(Long.MAX_VALUE).clock(new ManualClock());
    }

    static OrderJournal open(JournalConfig config) {
        JournalRecovery r = OrderJournal.open(config);
        if (!r.ok()) {
            throw new IllegalStateException(r.describe());
        }
        return r.journal();
    }

    static Order order(long id, String strategy, String clientId, Instrument ins, Side side, long qty, long price, long t) {
        return new Order(id, clientId, strategy, ins, side, OrderType.LIMIT, TimeInForce.GTC, qty, price, 0, false, t);
    }

    static Fill fill(Order o, long tradeId, long qty, long price, long fee, long t) {
        return new Fill(o.orderId(), o.clientOrderId(), o.strategyId(), o.instrument(), o.side(), tradeId, price, qty, fee,
                o.instrument().quoteAsset(), LiquiditySide.TAKER, t);
    }

    /** Records every record's text, in order. */
    static final class Recorder implements JournalVisitor {
        final List<String> records = new ArrayList<>();
        final List<Long> positions = new ArrayList<>();

        private void add(JournalRecord r) {
            records.add(r.toString());
            positions.add(r.position());
        }

        @Override
        public void onOrderSubmitted(OrderSubmittedRecord r) {
            add(r);
        }

        @Override
        public void onOrderState(OrderStateRecord r) {
            add(r);
        }

        @Override
        public void onFill(FillRecord r) {
            add(r);
        }

        @Override
        public void onOrderUnknown(OrderUnknownRecord r) {
            add(r);
        }

        @Override
        public void onOrderResolved(OrderResolvedRecord r) {
            add(r);
        }

        @Override
        public void onKillSwitch(KillSwitchRecord r) {
            add(r);
        }

        @Override
        public void onStrategyState(StrategyStateRecord r) {
            add(r);
        }

        @Override
        public void onShutdown(ShutdownRecord r) {
            add(r);
        }

        @Override
        public void onSnapshotBegin(SnapshotBeginRecord r) {
            add(r);
        }

        @Override
        public void onSnapshotPosition(SnapshotPositionRecord r) {
            add(r);
        }

        @Override
        public void onSnapshotFill(SnapshotFillRecord r) {
            add(r);
        }

        @Override
        public void onSnapshotEnd(SnapshotEndRecord r) {
            add(r);
        }

        @Override
        public void onRiskDay(RiskDayRecord r) {
            add(r);
        }

        @Override
        public void onSnapshotRiskDay(RiskDayRecord r) {
            add(r);
        }
    }

    /** Everything a recovered state says, as text with a stable order, so two states compare with equals. */
    static String describe(RecoveredState s) {
        StringBuilder b = new StringBuilder();
        b.append("empty=").append(s.isEmpty()).append(" clean=").append(s.cleanShutdown()).append(" next=")
                .append(s.nextOrderId()).append(" last=").append(s.lastRecordNanos()).append(" kill=")
                .append(s.killSwitchEngaged()).append('/').append(s.killSwitchReason()).append('\n');
        for (Map.Entry<String, ?> e : s.strategyStates().entrySet()) {
            b.append("strategy ").append(e.getKey()).append(' ').append(e.getValue()).append(' ')
                    .append(s.strategyStateReason(e.getKey())).append('\n');
        }
        for (RecoveredRiskDay d : s.riskDays().values()) {
            b.append(d).append(" updated=").append(d.lastUpdateNanos()).append('\n');
        }
        for (RecoveredOrder o : s.orders()) {
            b.append(o).append(" byClientId=")
                    .append(s.orderByClientId(o.strategy(), o.clientOrderId()) == o).append('\n');
        }
        for (RecoveredPosition p : s.positions()) {
            b.append(p).append('\n');
        }
        for (RecoveredPosition p : s.accountPositions()) {
            b.append(p).append('\n');
        }
        TreeMap<String, String> fills = new TreeMap<>();
        s.fills.forEach((k, v) -> fills.put(k.venue() + ":" + k.tradeId(), v.toString()));
        b.append("fills ").append(fills).append('\n');
        return b.toString();
    }

    static Path newDir(Path parent, String name) {
        try {
            return Files.createDirectories(parent.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the journal files of {@code from} into a new directory {@code to}. */
    static Path copy(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.copy(p, to.resolve(p.getFileName()));
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Total size of the files in the directory. */
    static long diskBytes(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            long total = 0;
            for (Path p : (Iterable<Path>) files::iterator) {
                total += Files.size(p);
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path segment(Path dir, long index) {
        return JournalFiles.segment(dir, index);
    }
}
