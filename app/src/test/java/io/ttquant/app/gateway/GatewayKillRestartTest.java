package io.ttquant.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.app.gateway.journal.JournalConfig;
import io.ttquant.app.gateway.journal.JournalRecovery;
import io.ttquant.app.gateway.journal.OrderJournal;
import io.ttquant.app.gateway.journal.RecoveredOrder;
import io.ttquant.app.gateway.journal.RecoveredState;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.core.time.Clock;
import io.ttquant.core.time.SystemEpochClock;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.NewOrder;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.proto.OrderStatus;
import io.ttquant.transport.zmq.ZmqPublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The drill: the gateway ({@code ttquant gateway}) runs in a child JVM with its journal,
 * paper trades over ZeroMQ while market data flows from this test, and is killed with SIGKILL in
 * the middle of it; a new child on the same journal then knows every order this test saw
 * acknowledged (a resent client order id is answered with that order, never a second one), uses
 * no order id twice, holds the position the fills make, and trades again.
 *
 * <p>What the design guarantees, and is asserted: every record is synced before its report
 * leaves, so each order's journaled fills are at least the fills this test received for it; the
 * restored position is exactly the fold of the journaled fills, i.e. the fills received plus
 * those journaled whose reports the kill cut off (counted and printed).
 */
class GatewayKillRestartTest {
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** Orders sent without waiting for their answer just before the kill. */
    private static final int IN_FLIGHT = 25;

    @TempDir
    Path dir;

    private final Clock clock = SystemEpochClock.instance();
    private final ZContext zmq = new ZContext(1);
    private final QuoteTick quote = new QuoteTick();
    private final TradeTick trade = new TradeTick();
    private ZmqPublisher marketData;
    private Instrument btc;
    private long tradeSeq;
    private long commandSeq;

    /** Per client order id: the order id seen, its side, and the quantity its received fill reports add up to. */
    private final Map<String, Long> orderIds = new LinkedHashMap<>();
    private final Map<String, Boolean> buys = new HashMap<>();
    private final Map<String, Long> filledSeen = new HashMap<>();
    private final Set<Long> tradeIdsSeen = new HashSet<>();
    private final Map<String, Integer> refusals = new HashMap<>();

    /** One gateway child and the test's sockets to it. */
    private final class Child implements AutoCloseable {
        final Process process;
        final LinkedBlockingQueue<String> lines;
        final List<String> output;
        final ZMQ.Socket push;
        final ZMQ.Socket sub;
        final List<ExecutionEvent> events = new ArrayList<>();

        Child(Path yaml) throws Exception {
            GatewayProcess gp = new GatewayProcess(java.util.List.of("gateway", "--config", yaml.toString()), java.util.Map.of(), zmq, DEADLINE_NANOS);
            process = gp.process;
            lines = gp.lines;
            output = gp.output;
            push = gp.push;
            sub = gp.sub;
        }

        void send(NewOrder.Builder order) {
            push.send(OrderCommand.newBuilder().setSequence(++commandSeq).setSendTimeNs(clock.nanos()).setNewOrder(order)
                    .build().toByteArray(), 0);
        }

        /** Takes every event waiting on the SUB socket (and waits up to 1 ms for one). */
        void drain() throws Exception {
            for (byte[] topic; (topic = sub.recv()) != null; ) {
                events.add(ExecutionEvent.parseFrom(sub.recv()));
            }
        }

        ExecutionReport await(String clientOrderId, java.util.function.Predicate<ExecutionReport> match, long nanos) throws Exception {
            long start = System.nanoTime();
            int from = 0;
            do {
                for (int i = from; i < events.size(); i++) {
                    ExecutionEvent e = events.get(i);
                    if (e.hasReport() && e.getReport().getClientOrderId().equals(clientOrderId) && match.test(e.getReport())) {
                        return e.getReport();
                    }
                }
                from = events.size();
                publishQuote();
                drain();
            } while (System.nanoTime() - start < nanos);
            return null;
        }

        /** Resends until a report matching {@code match} comes (the SUB may join late; a resent client order id is answered, never doubled). */
        ExecutionReport sendUntil(NewOrder.Builder order, java.util.function.Predicate<ExecutionReport> match) throws Exception {
            long start = System.nanoTime();
            while (System.nanoTime() - start < DEADLINE_NANOS) {
                send(order);
                ExecutionReport r = await(order.getClientOrderId(), match, 200_000_000L);
                if (r != null) {
                    return r;
                }
            }
            throw new AssertionError("no matching report for " + order.getClientOrderId() + "; child said " + output);
        }

        @Override
        public void close() {
            zmq.destroySocket(push);
            zmq.destroySocket(sub);
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void shouldKnowEveryAcknowledgedOrderAndThePositionAfterTheGatewayIsKilledMidTrading() throws Exception {
        marketData = new ZmqPublisher(zmq, new ZmqPublisher.Config().endpoint("tcp://127.0.0.1:0").venue("binance"), clock);
        Path yaml = dir.resolve("gateway.yaml");
        Files.writeString(yaml, String.join("\n",
                "gateway:",
                "  orders: tcp://127.0.0.1:0",
                "  executions: tcp://127.0.0.1:0",
                "  marketdata: {endpoint: '" + marketData.endpoint() + "', venue: binance}",
                "  paper: {fee-bps: 10}",
                "  instruments:",
                "    BTCUSDT: {max-order-qty: 0.01, collar-bps: 1000}",
                "  strategies:",
                "    alpha: {max-open-orders: 400}",
                "  metrics: {port: -1}",
                "  journal: {dir: journal}",
                ""));
        GatewayConfig.Builder b = GatewayConfig.builder();
        GatewayConfigFile.read(yaml, b);
        btc = b.build().instruments().get(0);
        try {
            long maxIdBeforeKill;
            int killedAfter;
            try (Child first = new Child(yaml)) {
                awaitTrading(first, "probe-1");
                killedAfter = trade(first, 200);
                first.process.destroyForcibly(); // SIGKILL, mid-trading: orders were still arriving
                assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                first.drain(); // what reached this socket before the kill
                take(first.events);
                maxIdBeforeKill = orderIds.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            }
            long foldOfFills = 0;
            for (Map.Entry<String, Long> e : filledSeen.entrySet()) {
                foldOfFills += buys.get(e.getKey()) ? e.getValue() : -e.getValue();
            }

            long restartStart = System.nanoTime();
            long postId;
            long positionAfterPost;
            try (Child second = new Child(yaml)) {
                // Every order seen acknowledged is known: its client order id answered with that order.
                for (Map.Entry<String, Long> e : orderIds.entrySet()) {
                    NewOrder.Builder again = order(e.getKey(), buys.get(e.getKey()), "29000.00", "0.001");
                    ExecutionReport answer = second.sendUntil(again, r -> r.getOrderId() != 0);
                    assertThat(answer.getOrderId()).as("order of %s after the restart", e.getKey()).isEqualTo(e.getValue());
                    assertThat(answer.getStatus()).as("%s", answer).isIn(OrderStatus.ORDER_STATUS_FILLED, OrderStatus.ORDER_STATUS_CANCELED);
                    assertThat(answer.getCumulativeQty()).as("%s keeps every fill received", e.getKey())
                            .isGreaterThanOrEqualTo(filledSeen.getOrDefault(e.getKey(), 0L));
                }
                System.out.printf("restart: %d orders answered in %d ms after the kill of a run of %d orders%n", orderIds.size(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restartStart), killedAfter);
                // And it trades: a marketable buy fills and the position update carries the restored position.
                awaitTrading(second, "probe-2");
                NewOrder.Builder post = order("post-1", true, "30005.00", "0.001");
                ExecutionReport filled = second.sendUntil(post, r -> r.getStatus() == OrderStatus.ORDER_STATUS_FILLED);
                postId = filled.getOrderId();
                assertThat(postId).as("no order id used twice").isGreaterThan(maxIdBeforeKill);
                positionAfterPost = awaitPosition(second, filled.getTradeId());
                second.process.destroy(); // SIGTERM: a clean stop writes SHUTDOWN
                assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }

            JournalRecovery rec = OrderJournal.open(JournalConfig.builder(dir.resolve("journal"))
                    .compaction(JournalConfig.Compaction.INLINE).build());
            assertThat(rec.ok()).as("%s", rec.error()).isTrue();
            RecoveredState state = rec.state();
            rec.journal().close();
            assertThat(state.cleanShutdown()).isTrue();
            long restored = 0;
            int ordersWithUnpublishedFills = 0;
            Set<Long> ids = new HashSet<>();
            for (RecoveredOrder o : state.orders()) {
                assertThat(ids.add(o.orderId())).isTrue();
                if (o.orderId() >= postId || o.clientOrderId().startsWith("probe-2")) {
                    continue;
                }
                restored += o.side() == Side.BUY ? o.filledQty() : -o.filledQty();
                long seen = filledSeen.getOrDefault(o.clientOrderId(), 0L);
                assertThat(o.filledQty()).as("%s", o).isGreaterThanOrEqualTo(seen);
                ordersWithUnpublishedFills += o.filledQty() > seen ? 1 : 0;
            }
            for (Map.Entry<String, Long> e : orderIds.entrySet()) {
                assertThat(state.orderByClientId("alpha", e.getKey())).as(e.getKey()).isNotNull()
                        .extracting(RecoveredOrder::orderId).isEqualTo(e.getValue());
            }
            System.out.printf("fold of %d fill reports received: %s BTC; restored position: %s BTC; %d orders had fills "
                    + "journaled whose reports the kill cut off%n", tradeIdsSeen.size(), btc.formatQty(foldOfFills),
                    btc.formatQty(restored), ordersWithUnpublishedFills);
            assertThat(tradeIdsSeen).as("the drill traded; refusals %s", refusals).hasSizeGreaterThan(10);
            assertThat(positionAfterPost).as("the position after the restart is the journal's fold plus the new fill")
                    .isEqualTo(restored + btc.qty("0.001"));
            if (ordersWithUnpublishedFills == 0) {
                assertThat(restored).as("no fill was cut off: the position is exactly the fold of the fills received")
                        .isEqualTo(foldOfFills);
            }
        } finally {
            marketData.close();
            zmq.close();
        }
    }

    /** Sends a far resting order until the gateway acknowledges it: market data reaches it and its reports reach us. */
    private void awaitTrading(Child child, String probe) throws Exception {
        ExecutionReport r = child.sendUntil(order(probe, true, "29000.00", "0.001"),
                x -> x.getStatus() == OrderStatus.ORDER_STATUS_ACCEPTED);
        assertThat(r.getOrderId()).isPositive();
    }

    /**
     * Sends {@code count} orders while market data flows: marketable buys and sells (filled at
     * once) and resting ones far from the market (open when the kill comes). Returns how many it sent.
     */
    private int trade(Child child, int count) throws Exception {
        for (int k = 0; k < count; k++) {
            publishQuote();
            if (k % 5 == 0) {
                marketData.publish(trade.set(btc, clock.nanos(), clock.nanos(), btc.price("30000.00"), btc.qty("0.01"), Side.SELL,
                        ++tradeSeq));
            }
            String id = "k-" + k;
            // Prices differ order by order: the risk engine refuses a repeat of the same terms as a duplicate.
            String cents = "." + String.format("%02d", k % 100);
            switch (k % 4) {
                case 0 -> child.send(order(id, true, "30005" + cents, "0.001"));
                case 1 -> child.send(order(id, false, "29995" + cents, "0.001"));
                case 2 -> child.send(order(id, true, "29500" + cents, "0.002"));
                default -> child.send(order(id, false, "30500" + cents, "0.002"));
            }
            buys.put(id, k % 4 == 0 || k % 4 == 2);
            if (k < count - IN_FLIGHT) {
                // Paced by the gateway's answers (each record is synced before its report), so that most are acknowledged.
                assertThat(child.await(id, r -> true, DEADLINE_NANOS)).as("a report for %s", id).isNotNull();
            } else {
                child.drain(); // the last ones are still on their way when the kill comes
            }
        }
        take(child.events);
        return count;
    }

    private void take(List<ExecutionEvent> events) {
        for (ExecutionEvent e : events) {
            if (!e.hasReport()) {
                continue;
            }
            ExecutionReport r = e.getReport();
            String id = r.getClientOrderId();
            if (!id.startsWith("k-") || r.getOrderId() == 0) {
                if (r.getRejectCode() != 0) {
                    refusals.merge(r.getRejectReason(), 1, Integer::sum);
                }
                continue;
            }
            orderIds.put(id, r.getOrderId());
            if (r.getLastFillQty() > 0 && tradeIdsSeen.add(r.getTradeId())) {
                filledSeen.merge(id, r.getLastFillQty(), Long::sum);
            }
        }
    }

    private long awaitPosition(Child child, long afterTradeId) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < DEADLINE_NANOS) {
            boolean afterFill = false;
            for (ExecutionEvent e : child.events) {
                if (e.hasReport() && e.getReport().getTradeId() == afterTradeId) {
                    afterFill = true;
                } else if (afterFill && e.hasPosition() && e.getPosition().getSymbol().equals("BTCUSDT")) {
                    return e.getPosition().getNetQty();
                }
            }
            child.drain();
        }
        throw new AssertionError("no position update after the fill " + afterTradeId);
    }

    private void publishQuote() {
        long now = clock.nanos();
        marketData.publish(quote.set(btc, now, now, btc.price("29999.00"), btc.qty("1"), btc.price("30001.00"), btc.qty("1")));
    }

    private NewOrder.Builder order(String clientOrderId, boolean buy, String price, String qty) {
        return GatewayServiceFixture.limit(btc, "alpha", clientOrderId, buy ? Side.BUY : Side.SELL, price, qty);
    }
}
