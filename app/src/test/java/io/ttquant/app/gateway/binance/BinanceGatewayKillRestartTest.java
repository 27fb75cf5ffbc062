package io.ttquant.app.gateway.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.app.gateway.GatewayProcess;
import io.ttquant.app.gateway.journal.JournalConfig;
import io.ttquant.app.gateway.journal.JournalRecovery;
import io.ttquant.app.gateway.journal.OrderJournal;
import io.ttquant.app.gateway.journal.RecoveredOrder;
import io.ttquant.app.gateway.journal.RecoveredPosition;
import io.ttquant.app.gateway.journal.RecoveredState;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.time.Clock;
import io.ttquant.core.time.SystemEpochClock;
import io.ttquant.sim.market.Account;
import io.ttquant.sim.market.AccountTrade;
import io.ttquant.sim.market.ExecutionType;
import io.ttquant.sim.market.SimConfig;
import io.ttquant.sim.market.SimExchange;
import io.ttquant.sim.market.SimFill;
import io.ttquant.sim.market.SimOrder;
import io.ttquant.sim.market.UserListener;
import io.ttquant.sim.server.SimServer;
import io.ttquant.sim.server.SimServerConfig;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.NewOrder;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.proto.OrderStatus;
import io.ttquant.transport.proto.OrderType;
import io.ttquant.transport.proto.TimeInForce;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The drill with the binance venue: the exchange simulator runs in this JVM with its
 * synthetic market; the gateway ({@code ttquant gateway --venue binance}, credentials from the
 * environment, its journal in a temporary folder) runs in a child JVM; this test pushes orders
 * over ZeroMQ without pause (marketable ones that fill at once, resting ones far from the market)
 * and kills the child with SIGKILL in the middle of it, with orders still on their way. A second
 * child on the same journal reconciles with the simulator, answers every order this test saw
 * acknowledged, trades on, and stops cleanly. Then: every order the simulator holds under a
 * {@code ttq-} client id is in the journal and was placed exactly once (no client id twice on the
 * simulator, no order of this test under two ids), and the journal's positions are exactly what
 * the simulator's trades for the account make, every trade applied once.
 */
class BinanceGatewayKillRestartTest {
    private static final String KEY = "killRestartTestKey0123456789abcd";
    private static final String SECRET = "killRestartTestSecret-NEVER-PRINTED-0123456789";
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int PACED = 80;
    private static final int IN_FLIGHT = 25;
    private static final int AFTER = 20;
    private static final long SIM_TO_GATEWAY_QTY = 1_000;

    @TempDir
    Path dir;

    private final Clock clock = SystemEpochClock.instance();
    private final ZContext zmq = new ZContext(1);
    private final Map<String, Integer> placedOnSim = new ConcurrentHashMap<>();
    private SimExchange exchange;
    private SimServer sim;
    private Instrument btc;
    private long commandSeq;
    /** Per client order id of this test: the gateway's order id of every order seen acknowledged by Binance. */
    private final Map<String, Long> acknowledged = new LinkedHashMap<>();
    private final Map<String, NewOrder.Builder> sent = new HashMap<>();
    private final Map<String, Integer> refusals = new HashMap<>();

    /** One gateway child and the test's sockets to it. */
    private final class Child implements AutoCloseable {
        final Process process;
        final LinkedBlockingQueue<String> lines;
        final List<String> output;
        final ZMQ.Socket push;
        final ZMQ.Socket sub;
        final List<ExecutionEvent> events = new ArrayList<>();
        /** Events already taken into the test's maps. */
        int taken;

        Child(Path yaml) throws Exception {
            GatewayProcess gp = new GatewayProcess(java.util.List.of("gateway", "--config", yaml.toString(), "--venue", "binance"), java.util.Map.of("BINANCE_API_KEY", KEY, "BINANCE_API_SECRET", SECRET), zmq, DEADLINE_NANOS);
            process = gp.process;
            lines = gp.lines;
            output = gp.output;
            push = gp.push;
            sub = gp.sub;
        }

        void send(NewOrder.Builder order) {
            push.send(OrderCommand.newBuilder().setSequence(++commandSeq).setSendTimeNs(clock.nanos())
                    .setNewOrder(order.setCreateTimeNs(clock.nanos())).build().toByteArray(), 0);
        }

        void drain() throws Exception {
            for (byte[] topic; (topic = sub.recv()) != null; ) {
                events.add(ExecutionEvent.parseFrom(sub.recv()));
            }
        }

        ExecutionReport await(String clientOrderId, Predicate<ExecutionReport> match, long nanos) throws Exception {
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
                drain();
            } while (System.nanoTime() - start < nanos);
            return null;
        }

        /** Resends until a report matching {@code match} comes (the SUB may join late; a resent client order id is answered, never doubled). */
        ExecutionReport sendUntil(NewOrder.Builder order, Predicate<ExecutionReport> match) throws Exception {
            long start = System.nanoTime();
            while (System.nanoTime() - start < DEADLINE_NANOS) {
                send(order);
                ExecutionReport r = await(order.getClientOrderId(), match, 200_000_000L);
                if (r != null) {
                    return r;
                }
            }
            throw new AssertionError("no matching report for " + order.getClientOrderId() + "; child said " + output + lines);
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
    void shouldPlaceEveryOrderOnceAndHoldTheSimulatorsPositionAfterTheGatewayIsKilledMidTrading() throws Exception {
        exchange = new SimExchange(SimConfig.builder().seed(5).flowIntensity(20)
                .account(KEY, SECRET, Map.of("USDT", "100000", "BTC", "2")).build());
        exchange.addUserListener(new UserListener() {
            @Override
            public void onExecutionReport(Account account, SimOrder order, ExecutionType type, SimFill lastFill, long eventTimeMillis) {
                if (type == ExecutionType.NEW && KEY.equals(account.apiKey())) {
                    placedOnSim.merge(order.clientOrderId(), 1, Integer::sum);
                }
            }
        });
        // Binance's 100 orders per 10 s would pace this drill to a crawl; the order-count limit is tested elsewhere.
        sim = new SimServer(exchange, SimServerConfig.builder().ordersPer10s(100_000).build()).start(0);
        btc = sim.onEngine(() -> exchange.market("BTCUSDT").instrument(), 10, TimeUnit.SECONDS).withQtyScale(8);
        Path yaml = dir.resolve("gateway.yaml");
        Files.writeString(yaml, String.join("\n",
                "gateway:",
                "  orders: tcp://127.0.0.1:0",
                "  executions: tcp://127.0.0.1:0",
                "  marketdata: {endpoint: none}",
                "  risk: {duplicate-window-ms: 0, reject-without-reference: false}",
                "  instruments: [BTCUSDT]",
                "  strategies: {alpha: {max-open-orders: 400}}",
                "  metrics: {port: -1}",
                "  journal: {dir: journal}",
                "  binance: {endpoint: '" + sim.restUrl() + "', recv-window-ms: 2000, poll-interval-ms: 500}",
                ""));
        try {
            int killedAfter;
            try (Child first = new Child(yaml)) {
                assertThat(String.join("\n", first.output)).contains("venue       binance").doesNotContain(SECRET);
                probe(first, "probe-1");
                killedAfter = trade(first, "k-", PACED, IN_FLIGHT);
                first.process.destroyForcibly(); // SIGKILL, mid-trading: orders were still on their way
                assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                first.drain();
                take(first);
            }

            long restartStart = System.nanoTime();
            try (Child second = new Child(yaml)) {
                // Every order seen acknowledged is answered with that order (a resent id is answered, never placed again).
                for (Map.Entry<String, Long> e : acknowledged.entrySet()) {
                    ExecutionReport answer = second.sendUntil(sent.get(e.getKey()), r -> r.getOrderId() != 0);
                    assertThat(answer.getOrderId()).as("order of %s after the restart", e.getKey()).isEqualTo(e.getValue());
                    assertThat(answer.getStatus()).as("%s", answer).isIn(OrderStatus.ORDER_STATUS_ACCEPTED,
                            OrderStatus.ORDER_STATUS_PARTIALLY_FILLED, OrderStatus.ORDER_STATUS_FILLED, OrderStatus.ORDER_STATUS_CANCELED);
                }
                probe(second, "probe-2");
                second.lines.drainTo(second.output);
                second.output.stream().filter(l -> l.contains("gateway reconciled with")).forEach(System.out::println);
                System.out.printf("binance restart: %d acknowledged orders answered %d ms after the kill of a run of %d orders%n",
                        acknowledged.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restartStart), killedAfter);
                trade(second, "after-", AFTER, 0);
                assertThat(String.join("\n", second.output) + second.lines).doesNotContain(SECRET);
                second.process.destroy(); // SIGTERM: a clean stop writes SHUTDOWN and deletes the listen key
                assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }

            JournalRecovery rec = OrderJournal.open(JournalConfig.builder(dir.resolve("journal"))
                    .compaction(JournalConfig.Compaction.INLINE).build());
            assertThat(rec.ok()).as("%s", rec.error()).isTrue();
            RecoveredState state = rec.state();
            rec.journal().close();
            assertThat(state.cleanShutdown()).isTrue();
            assertEveryOrderOnTheSimulatorIsJournaledAndPlacedOnce(state);
            assertThePositionIsTheSimulatorsTrades(state);
        } finally {
            sim.close();
            zmq.close();
        }
    }

    private void assertEveryOrderOnTheSimulatorIsJournaledAndPlacedOnce(RecoveredState state) {
        Set<String> clientIds = new HashSet<>();
        int ours = 0;
        for (Map.Entry<String, Integer> e : placedOnSim.entrySet()) {
            String venueId = e.getKey();
            assertThat(venueId).as("only the gateway trades this account").startsWith(BinanceVenue.VENUE_ID_PREFIX);
            assertThat(e.getValue()).as("%s placed once on the simulator", venueId).isEqualTo(1);
            RecoveredOrder o = state.order(Long.parseLong(venueId.substring(BinanceVenue.VENUE_ID_PREFIX.length())));
            assertThat(o).as("%s is in the journal", venueId).isNotNull();
            assertThat(o.venue()).isEqualTo(BinanceVenue.NAME);
            assertThat(clientIds.add(o.clientOrderId())).as("%s placed under one venue id only", o.clientOrderId()).isTrue();
            ours++;
        }
        for (Map.Entry<String, Long> e : acknowledged.entrySet()) {
            assertThat(placedOnSim).as("%s was acknowledged, so Binance has it", e.getKey())
                    .containsKey(BinanceVenue.venueClientOrderId(e.getValue()));
        }
        System.out.printf("binance restart: %d orders on the simulator, each journaled and placed once; refusals %s%n", ours, refusals);
        assertThat(ours).isGreaterThan(PACED);
    }

    private void assertThePositionIsTheSimulatorsTrades(RecoveredState state) throws Exception {
        List<AccountTrade> trades = sim.onEngine(() -> exchange.myTrades(exchange.account(KEY), "BTCUSDT", null, 0L, null, null, 10_000),
                10, TimeUnit.SECONDS);
        long net = 0;
        for (AccountTrade t : trades) {
            net += t.isBuyer() ? t.qty() : -t.qty();
            assertThat(state.isFillApplied(BinanceVenue.NAME, "BTCUSDT", t.id())).as("trade %s is in the journal", t.id()).isTrue();
        }
        assertThat(state.appliedFillIds()).as("every journaled fill is a trade of the simulator").isEqualTo(trades.size());
        RecoveredPosition p = state.position("alpha", BinanceVenue.NAME, "BTCUSDT");
        assertThat(p.netQty()).as("the strategy's position is the simulator's trades").isEqualTo(net * SIM_TO_GATEWAY_QTY);
        assertThat(state.accountPosition(BinanceVenue.NAME, "BTCUSDT").netQty()).isEqualTo(net * SIM_TO_GATEWAY_QTY);
        System.out.printf("binance restart: %d trades on the simulator, position %s BTC in the journal and on the simulator%n",
                trades.size(), btc.formatQty(p.netQty()));
        assertThat(trades.size()).as("the drill traded").isGreaterThan(PACED / 3);
    }

    /**
     * Sends far resting orders, a new client id each time, until the gateway acknowledges one: it
     * has reconciled and its reports reach this test.
     */
    private void probe(Child child, String id) throws Exception {
        long start = System.nanoTime();
        for (int attempt = 0; System.nanoTime() - start < DEADLINE_NANOS; attempt++) {
            long[] top = top();
            NewOrder.Builder o = order(id + "-" + attempt, true, btc.floorToTick(top[0] - top[0] / 20), false);
            child.send(o);
            ExecutionReport r = child.await(o.getClientOrderId(), x -> x.getStatus() == OrderStatus.ORDER_STATUS_ACCEPTED,
                    300_000_000L);
            if (r != null) {
                assertThat(r.getOrderId()).isPositive();
                return;
            }
        }
        throw new AssertionError("the gateway never acknowledged " + id + "; child said " + child.output + child.lines);
    }

    /**
     * Sends {@code paced} orders each after the previous one's first report, then {@code inFlight}
     * without waiting: marketable buys of 0.002 and sells of 0.001 (filled at once, so the position
     * grows) and resting ones 2 % away.
     */
    private int trade(Child child, String prefix, int paced, int inFlight) throws Exception {
        for (int k = 0; k < paced + inFlight; k++) {
            long[] top = top();
            String id = prefix + k;
            NewOrder.Builder o = switch (k % 4) {
                case 0 -> order(id, true, btc.floorToTick(top[1] + top[1] / 200), true).setQuantity(btc.qty("0.002"));
                case 1 -> order(id, false, btc.floorToTick(top[0] - top[0] / 200), true);
                case 2 -> order(id, true, btc.floorToTick(top[0] - top[0] / 50), false);
                default -> order(id, false, btc.floorToTick(top[1] + top[1] / 50), false);
            };
            sent.put(id, o);
            child.send(o);
            if (k < paced) {
                assertThat(child.await(id, r -> true, DEADLINE_NANOS)).as("a report for %s; child said %s", id, child.output).isNotNull();
            } else {
                child.drain();
            }
        }
        if (inFlight == 0) {
            // Nothing may be on its way when the clean stop comes: wait for each marketable order's end.
            for (int k = 0; k < paced; k++) {
                if (k % 4 < 2) {
                    String id = prefix + k;
                    assertThat(child.await(id, BinanceGatewayKillRestartTest::terminal, DEADLINE_NANOS)).as(id).isNotNull();
                }
            }
        }
        take(child);
        return paced + inFlight;
    }

    private static boolean terminal(ExecutionReport r) {
        return switch (r.getStatus()) {
            case ORDER_STATUS_FILLED, ORDER_STATUS_CANCELED, ORDER_STATUS_EXPIRED, ORDER_STATUS_REJECTED -> true;
            default -> false;
        };
    }

    private void take(Child child) {
        for (; child.taken < child.events.size(); child.taken++) {
            ExecutionEvent e = child.events.get(child.taken);
            if (!e.hasReport()) {
                continue;
            }
            ExecutionReport r = e.getReport();
            if (r.getRejectCode() != 0) {
                refusals.merge(r.getRejectReason(), 1, Integer::sum);
            }
            boolean acked = r.getStatus() == OrderStatus.ORDER_STATUS_ACCEPTED || r.getStatus() == OrderStatus.ORDER_STATUS_PARTIALLY_FILLED
                    || r.getStatus() == OrderStatus.ORDER_STATUS_FILLED;
            if (r.getClientOrderId().startsWith("k-") && acked) {
                acknowledged.put(r.getClientOrderId(), r.getOrderId());
            }
        }
    }

    private long[] top() throws Exception {
        return sim.onEngine(() -> new long[] {exchange.market("BTCUSDT").bestBid(), exchange.market("BTCUSDT").bestAsk()},
                10, TimeUnit.SECONDS);
    }

    private NewOrder.Builder order(String id, boolean buy, long price, boolean marketable) {
        return NewOrder.newBuilder().setClientOrderId(id).setStrategy("alpha").setVenue(BinanceVenue.NAME).setSymbol("BTCUSDT")
                .setSide(buy ? io.ttquant.transport.proto.Side.SIDE_BUY : io.ttquant.transport.proto.Side.SIDE_SELL)
                .setType(OrderType.ORDER_TYPE_LIMIT)
                .setTimeInForce(marketable ? TimeInForce.TIME_IN_FORCE_IOC : TimeInForce.TIME_IN_FORCE_GTC)
                .setPrice(price).setQuantity(btc.qty("0.001")).setPriceScale(btc.priceScale()).setQtyScale(btc.qtyScale());
    }
}
