package io.ttquant.app.gateway.binance;

import static io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_ACCEPTED;
import static io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_CANCELED;
import static io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_FILLED;
import static io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_PARTIALLY_FILLED;
import static io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ttquant.app.gateway.CommandOutcome;
import io.ttquant.app.gateway.ExecutionSink;
import io.ttquant.app.gateway.GatewayObserver;
import io.ttquant.app.gateway.GatewayRecovery;
import io.ttquant.app.gateway.JournalEventLog;
import io.ttquant.app.gateway.OrderGateway;
import io.ttquant.app.gateway.journal.JournalConfig;
import io.ttquant.app.gateway.GatewayStatus;
import io.ttquant.app.gateway.journal.JournalRecovery;
import io.ttquant.app.gateway.journal.OrderJournal;
import io.ttquant.app.gateway.journal.OrderUnknownRecord;
import io.ttquant.app.gateway.journal.RecoveredOrder;
import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.binance.trading.ApiCredentials;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.risk.InstrumentLimits;
import io.ttquant.core.risk.RiskLimits;
import io.ttquant.core.risk.StrategyLimits;
import io.ttquant.sim.market.Account;
import io.ttquant.sim.market.AccountTrade;
import io.ttquant.sim.market.ExecutionType;
import io.ttquant.sim.market.OrderRequest;
import io.ttquant.sim.market.PinnableClock;
import io.ttquant.sim.market.SimConfig;
import io.ttquant.sim.market.SimExchange;
import io.ttquant.sim.market.SimFill;
import io.ttquant.sim.market.SimOrder;
import io.ttquant.sim.market.TimeInForce;
import io.ttquant.sim.market.UserListener;
import io.ttquant.sim.server.SimServer;
import io.ttquant.sim.server.SimServerConfig;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.NewOrder;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.proto.OrderType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binance venue's restart reconciliation against the exchange simulator, in one JVM: gateway
 * A trades with a journal and goes away without a clean shutdown (its journal closed without
 * SHUTDOWN, its stream's connections dropped, nothing deleted); while it is down the simulator
 * fills one resting order, fills more of a partly filled one and cancels another by hand; gateway
 * B on the same journal refuses new orders until it has reconciled, then reports exactly what
 * happened (each missing fill once, with the simulator's trade), holds the position the
 * simulator's trades make, answers a resent client id, never placed an order twice, and trades.
 * An account holding a {@code ttq-} order the journal does not know, foreign orders under
 * {@code fail}, and a Binance that cannot be read before the deadline each keep B closed, saying why.
 */
class BinanceVenueRestartSimTest {
    private static final String KEY = SimVenueHarness.API_KEY;
    private static final String SECRET = SimVenueHarness.SECRET;
    private static final String TOKEN = SimVenueHarness.TOKEN;
    private static final String STRATEGY = "alpha";
    /** The simulator quotes BTCUSDT quantities with 5 decimals, the gateway (as the bus) with 8. */
    private static final long SIM_TO_GATEWAY_QTY = 1_000;

    @TempDir
    Path journalDir;

    private final PinnableClock simClock = new PinnableClock();
    private final SimVenueHarness.RealClock clock = new SimVenueHarness.RealClock();
    private final HttpClient admin = HttpClient.newHttpClient();
    /** Client ids of the orders the simulator took in (its NEW execution reports), with how often. */
    private final Map<String, Integer> placedOnSim = new ConcurrentHashMap<>();
    private SimExchange exchange;
    private SimServer sim;
    private Instrument btc;
    private final List<Run> runs = new ArrayList<>();
    private AnswerLosingProxy proxy;

    /** One gateway on the journal: built, wired to the journal as the service wires it, and rebuilt from it. */
    private final class Run {
        final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("restart-test-stream", true),
                NioIoHandler.newFactory());
        final List<ExecutionEvent> events = new ArrayList<>();
        final OrderGateway gateway;
        final BinanceVenue venue;
        final JournalRecovery recovery;
        final QuoteTick quote = new QuoteTick();
        long seq;

        Run(String restUrl, UnaryOperator<BinanceVenueConfig.Builder> tuning) {
            BinanceEndpoints endpoints = BinanceEndpoints.of("test", restUrl, sim.wsUrl());
            BinanceVenueConfig.Builder b = BinanceVenueConfig.builder(endpoints, ApiCredentials.of(KEY, SECRET), clock)
                    .instruments(List.of(btc)).eventLoopGroup(group).requestTimeout(Duration.ofSeconds(5))
                    .queryBackoff(Duration.ofMillis(100), Duration.ofMillis(400)).pollInterval(Duration.ofMillis(500))
                    .recvWindowMillis(1_000).notPlacedMargin(Duration.ofMillis(200)).reconcileTimeout(Duration.ofSeconds(20))
                    .streamTuning(s -> s.random(new java.util.Random(3)).tickInterval(Duration.ofMillis(20))
                            .backoff(Duration.ofMillis(200), Duration.ofSeconds(1)).silenceTimeout(Duration.ofSeconds(30)));
            RiskLimits limits = RiskLimits.builder()
                    .instrument(InstrumentLimits.of(btc).maxOrderQty(btc.qty("1")).maxPosition(btc.qty("1")).build())
                    .strategy(StrategyLimits.named(STRATEGY).build()).duplicateGuard(0, 16).build();
            gateway = new OrderGateway(limits, new BinanceVenueFactory(tuning.apply(b).build()),
                    ExecutionSink.decoding((name, e) -> events.add(e)), GatewayObserver.NONE, clock.nanos());
            venue = (BinanceVenue) gateway.venue();
            venue.reportPositionsFrom(symbol -> gateway.position(STRATEGY, symbol).netQty());
            recovery = OrderJournal.open(JournalConfig.builder(journalDir).compaction(JournalConfig.Compaction.INLINE).build());
            assertThat(recovery.ok()).as("%s", recovery.error()).isTrue();
            gateway.attachLog(new JournalEventLog(recovery.journal(), BinanceVenue.NAME));
            GatewayRecovery.restore(gateway, recovery, clock.nanos());
            runs.add(this);
        }

        Run() {
            this(sim.restUrl(), UnaryOperator.identity());
        }

        void runUntil(String what, BooleanSupplier done) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                gateway.onTime(clock.nanos());
                gateway.doLogWork();
                if (done.getAsBoolean()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out waiting for " + what + "; ready=" + gateway.isReady() + " ("
                            + gateway.notReadyReason() + "), venue " + venue + ", reports " + reports());
                }
                Thread.sleep(1);
            }
        }

        void awaitReconciled() throws Exception {
            runUntil("reconciled", () -> !venue.isReconciling());
            assertThat(gateway.isReady()).as(gateway.notReadyReason()).isTrue();
            quote();
        }

        /** The simulator's best bid and ask as the gateway's reference prices. */
        void quote() throws Exception {
            long[] top = onEngine(() -> new long[] {exchange.market("BTCUSDT").bestBid(), exchange.market("BTCUSDT").bestAsk()});
            long now = clock.nanos();
            gateway.onMarketData(quote.set(btc, now, now, top[0], btc.qty("1"), top[1], btc.qty("1")));
        }

        CommandOutcome send(NewOrder.Builder order) {
            return gateway.onCommand(OrderCommand.newBuilder().setSequence(++seq).setSendTimeNs(clock.nanos())
                    .setNewOrder(order.setCreateTimeNs(clock.nanos())).build(), clock.nanos());
        }

        List<ExecutionReport> reports() {
            return events.stream().filter(ExecutionEvent::hasReport).map(ExecutionEvent::getReport).toList();
        }

        List<ExecutionReport> reports(String clientOrderId) {
            return reports().stream().filter(r -> r.getClientOrderId().equals(clientOrderId)).toList();
        }

        List<ExecutionReport> fills(String clientOrderId) {
            return reports(clientOrderId).stream().filter(r -> r.getLastFillQty() != 0).toList();
        }

        boolean has(String clientOrderId, io.ttquant.transport.proto.OrderStatus status) {
            return reports(clientOrderId).stream().anyMatch(r -> r.getStatus() == status);
        }

        /** The client id the venue sent for the strategy's {@code clientOrderId} (an UNKNOWN order has no report yet: the gateway holds it). */
        String venueId(String clientOrderId) {
            List<ExecutionReport> r = reports(clientOrderId);
            return BinanceVenue.venueClientOrderId(r.isEmpty() ? gateway.order(STRATEGY, clientOrderId).orderId() : r.get(0).getOrderId());
        }

        /** Goes away as a crash leaves it: the journal without SHUTDOWN, the stream's connections dropped, no listen key deleted. */
        void crash() {
            recovery.journal().close();
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        }

        void stopCleanly() {
            gateway.shutdown(clock.nanos());
            recovery.journal().close();
            venue.close();
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @BeforeEach
    void startSimulator() throws Exception {
        exchange = new SimExchange(SimConfig.builder().clock(simClock).seed(17).flowIntensity(0)
                .account(KEY, SECRET, Map.of("USDT", "100000", "BTC", "2")).build());
        exchange.addUserListener(new UserListener() {
            @Override
            public void onExecutionReport(Account account, SimOrder order, ExecutionType type, SimFill lastFill, long eventTimeMillis) {
                if (type == ExecutionType.NEW && KEY.equals(account.apiKey())) {
                    placedOnSim.merge(order.clientOrderId(), 1, Integer::sum);
                }
            }
        });
        sim = new SimServer(exchange, SimServerConfig.builder().adminToken(TOKEN).wsPingIntervalMillis(200).build()).start(0);
        btc = onEngine(() -> exchange.market("BTCUSDT").instrument()).withQtyScale(8);
        onEngine(() -> {
            exchange.placeSyntheticLimit("BTCUSDT", Side.BUY, "59990", "1");
            exchange.placeSyntheticLimit("BTCUSDT", Side.SELL, "60010", "1");
            return null;
        });
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (Run r : runs) {
            assertThat(r.venue.applyErrors()).isZero();
            assertThat(r.venue.inboxOverflows()).isZero();
            assertThat(r.venue.stats().inconsistencies()).as("venue answers that contradict the journal").isZero();
            r.venue.close();
            r.group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        }
        if (proxy != null) {
            proxy.close();
        }
        sim.close();
    }

    private <T> T onEngine(java.util.concurrent.Callable<T> task) throws Exception {
        return sim.onEngine(task, 10, TimeUnit.SECONDS);
    }

    private NewOrder.Builder limit(String id, io.ttquant.transport.proto.Side side, String price, String qty) {
        return order(id, side, OrderType.ORDER_TYPE_LIMIT, io.ttquant.transport.proto.TimeInForce.TIME_IN_FORCE_GTC, qty)
                .setPrice(btc.price(price));
    }

    private NewOrder.Builder market(String id, io.ttquant.transport.proto.Side side, String qty) {
        return order(id, side, OrderType.ORDER_TYPE_MARKET, io.ttquant.transport.proto.TimeInForce.TIME_IN_FORCE_IOC, qty);
    }

    private NewOrder.Builder order(String id, io.ttquant.transport.proto.Side side, OrderType type,
                                   io.ttquant.transport.proto.TimeInForce tif, String qty) {
        return NewOrder.newBuilder().setClientOrderId(id).setStrategy(STRATEGY).setVenue(BinanceVenue.NAME).setSymbol("BTCUSDT")
                .setSide(side).setType(type).setTimeInForce(tif).setQuantity(btc.qty(qty))
                .setPriceScale(btc.priceScale()).setQtyScale(btc.qtyScale());
    }

    private SimOrder simOrder(String venueId) throws Exception {
        return onEngine(() -> exchange.order(exchange.account(KEY), "BTCUSDT", null, venueId));
    }

    /** The account's net BTCUSDT quantity by the simulator's trades, at the gateway's scale. */
    private long simNetQty() throws Exception {
        List<AccountTrade> trades = onEngine(() -> exchange.myTrades(exchange.account(KEY), "BTCUSDT", null, 0L, null, null, 10_000));
        long net = 0;
        for (AccountTrade t : trades) {
            net += t.isBuyer() ? t.qty() : -t.qty();
        }
        return net * SIM_TO_GATEWAY_QTY;
    }

    private void fault(String json) throws Exception {
        HttpResponse<String> r = admin.send(HttpRequest.newBuilder(URI.create(sim.restUrl() + "/admin/faults"))
                .header("X-Admin-Token", TOKEN).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private void clearFaults() throws Exception {
        HttpResponse<String> r = admin.send(HttpRequest.newBuilder(URI.create(sim.restUrl() + "/admin/faults"))
                .header("X-Admin-Token", TOKEN).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private void placeOnAccount(String clientOrderId, String price) throws Exception {
        SimOrder placed = onEngine(() -> exchange.newOrder(exchange.account(KEY), OrderRequest.builder("BTCUSDT").side(Side.BUY)
                .type("LIMIT").timeInForce(TimeInForce.GTC).quantity("0.001").price(price).newClientOrderId(clientOrderId).build())
                .order());
        assertThat(placed).isNotNull();
    }

    @Test
    void shouldReportWhatHappenedWhileTheGatewayWasDownOnceAndTradeAgainAfterReconciling() throws Exception {
        proxy = new AnswerLosingProxy(sim.port());
        // A learns only from answers (no stream, no poll, no query before the crash): what happens later is for B to find.
        Run a = new Run(proxy.url(), b -> b.userDataStream(false).pollInterval(Duration.ofSeconds(60))
                .queryBackoff(Duration.ofSeconds(60), Duration.ofSeconds(60)));
        a.awaitReconciled();
        a.send(market("mkt-1", io.ttquant.transport.proto.Side.SIDE_BUY, "0.01"));
        a.runUntil("mkt-1 FILLED", () -> a.has("mkt-1", ORDER_STATUS_FILLED));
        // Placed (filled at once), but its answer lost: journaled NEW.
        proxy.loseNextNewOrderAnswer();
        a.send(market("lost-1", io.ttquant.transport.proto.Side.SIDE_BUY, "0.01"));
        a.runUntil("lost-1 UNKNOWN", () -> a.venue.unknownOrders() == 1);
        // Never placed (a 503 before the simulator looked at it): journaled NEW too.
        fault("{\"restStatus\":503,\"restSeconds\":30}");
        a.send(market("never-1", io.ttquant.transport.proto.Side.SIDE_BUY, "0.01"));
        a.runUntil("never-1 UNKNOWN", () -> a.venue.unknownOrders() == 2);
        clearFaults();
        // A bid of 0.005 at 59995 that part-1 crosses: part-1 fills 0.005 at once and rests 0.015 as the best ask.
        onEngine(() -> exchange.placeSyntheticLimit("BTCUSDT", Side.BUY, "59995", "0.005"));
        a.send(limit("part-1", io.ttquant.transport.proto.Side.SIDE_SELL, "59995", "0.02"));
        a.send(limit("fill-1", io.ttquant.transport.proto.Side.SIDE_BUY, "59992", "0.01"));
        a.send(limit("gone-1", io.ttquant.transport.proto.Side.SIDE_BUY, "59000", "0.01"));
        a.send(limit("stay-1", io.ttquant.transport.proto.Side.SIDE_BUY, "58000", "0.01"));
        a.runUntil("resting orders ACCEPTED", () -> a.has("part-1", ORDER_STATUS_PARTIALLY_FILLED)
                && a.has("fill-1", ORDER_STATUS_ACCEPTED) && a.has("gone-1", ORDER_STATUS_ACCEPTED) && a.has("stay-1", ORDER_STATUS_ACCEPTED));
        long partFilledBefore = a.reports("part-1").get(a.reports("part-1").size() - 1).getCumulativeQty();
        assertThat(partFilledBefore).isEqualTo(btc.qty("0.005"));
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (String id : List.of("mkt-1", "part-1", "fill-1", "gone-1", "stay-1", "lost-1", "never-1")) {
            ids.put(id, a.venueId(id));
        }
        a.crash();

        // While the gateway is down: fill-1 fills, part-1 fills further, gone-1 is canceled by hand.
        onEngine(() -> {
            exchange.placeSyntheticMarket("BTCUSDT", Side.SELL, "0.01");
            exchange.placeSyntheticMarket("BTCUSDT", Side.BUY, "0.01");
            return exchange.cancel(exchange.account(KEY), "BTCUSDT", null, ids.get("gone-1"));
        });
        SimOrder fill = simOrder(ids.get("fill-1"));
        SimOrder part = simOrder(ids.get("part-1"));
        SimOrder lost = simOrder(ids.get("lost-1"));
        assertThat(fill.status()).isEqualTo(io.ttquant.sim.market.OrderStatus.FILLED);
        assertThat(part.status()).isEqualTo(io.ttquant.sim.market.OrderStatus.PARTIALLY_FILLED);
        assertThat(part.executedQty() * SIM_TO_GATEWAY_QTY).isEqualTo(btc.qty("0.015"));
        assertThat(lost.status()).isEqualTo(io.ttquant.sim.market.OrderStatus.FILLED);
        assertThat(simOrder(ids.get("never-1"))).as("never-1 never reached the book").isNull();
        assertThat(simOrder(ids.get("gone-1")).status()).isEqualTo(io.ttquant.sim.market.OrderStatus.CANCELED);
        // The journal A left says which orders' answers were lost: open and unknown until B asks Binance.
        JournalRecovery left = OrderJournal.open(JournalConfig.builder(journalDir).build());
        try {
            assertThat(left.ok()).isTrue();
            assertThat(left.state().unknownOrders()).extracting(RecoveredOrder::clientOrderId)
                    .containsExactlyInAnyOrder("lost-1", "never-1");
            assertThat(left.state().unknownOrders()).allSatisfy(o -> {
                assertThat(o.isOpen()).isTrue();
                assertThat(o.unknownRequest()).isEqualTo(OrderUnknownRecord.Request.NEW_ORDER);
            });
        } finally {
            left.journal().close();
        }

        Run b = new Run();
        assertThat(b.gateway.isReady()).isFalse();
        assertThat(b.gateway.notReadyReason()).contains("reconciling 6 open orders with the binance venue");
        b.quote();
        assertThat(b.send(limit("early-1", io.ttquant.transport.proto.Side.SIDE_BUY, "58000", "0.01"))).isEqualTo(CommandOutcome.REJECTED);
        assertThat(b.reports("early-1")).singleElement()
                .satisfies(r -> assertThat(r.getRejectCode()).isEqualTo(RejectReason.GATEWAY_NOT_READY.code()));
        b.awaitReconciled();

        // fill-1: FILLED with the simulator's exact fill, once.
        SimFill f = fill.fills().get(0);
        assertThat(fill.fills()).hasSize(1);
        assertThat(b.fills("fill-1")).singleElement().satisfies(r -> {
            assertThat(r.getTradeId()).isEqualTo(f.tradeId());
            assertThat(r.getLastFillPrice()).isEqualTo(f.price()).isEqualTo(btc.price("59992"));
            assertThat(r.getLastFillQty()).isEqualTo(f.qty() * SIM_TO_GATEWAY_QTY);
            assertThat(r.getFee()).isEqualTo(f.commission());
            assertThat(r.getFeeAsset()).isEqualTo(f.commissionAsset());
        });
        assertThat(b.reports("fill-1")).last().extracting(ExecutionReport::getStatus).isEqualTo(ORDER_STATUS_FILLED);
        // part-1: only the fill the journal lacked, and its cumulative quantity is the simulator's.
        SimFill missing = part.fills().get(part.fills().size() - 1);
        assertThat(b.fills("part-1")).singleElement().satisfies(r -> {
            assertThat(r.getTradeId()).isEqualTo(missing.tradeId());
            assertThat(r.getLastFillQty()).isEqualTo(btc.qty("0.01"));
            assertThat(r.getCumulativeQty()).isEqualTo(part.executedQty() * SIM_TO_GATEWAY_QTY);
            assertThat(r.getStatus()).isEqualTo(ORDER_STATUS_PARTIALLY_FILLED);
        });
        assertThat(b.venue.stats().fillsKnownFromJournal()).as("the journaled fill of part-1 was recognised").isEqualTo(1);
        assertThat(b.reports("gone-1")).extracting(ExecutionReport::getStatus).containsExactly(ORDER_STATUS_CANCELED);
        assertThat(b.reports("stay-1")).as("nothing happened to it").isEmpty();
        assertThat(b.reports("lost-1")).last().extracting(ExecutionReport::getStatus).isEqualTo(ORDER_STATUS_FILLED);
        assertThat(b.fills("lost-1")).extracting(ExecutionReport::getTradeId)
                .containsExactlyElementsOf(lost.fills().stream().map(SimFill::tradeId).toList());
        assertThat(b.reports("never-1")).singleElement().satisfies(r -> {
            assertThat(r.getStatus()).isEqualTo(ORDER_STATUS_REJECTED);
            assertThat(r.getRejectCode()).isEqualTo(RejectReason.VENUE_ORDER_NOT_PLACED.code());
        });
        assertThat(b.reports("mkt-1")).isEmpty();
        assertThat(b.venue.openOrders()).as("stay-1 and part-1 still work").isEqualTo(2);

        // The position is what the simulator's trades for the account make, to the last unit.
        assertThat(b.gateway.position(STRATEGY, "BTCUSDT").netQty()).isEqualTo(simNetQty());
        assertThat(b.venue.balanceReport()).startsWith("BTC ").contains("position BTCUSDT ");
        assertThat(b.gateway.reconciliation()).as("the status shows what reconciliation found")
                .contains("balances: " + b.venue.balanceReport());
        assertThat(GatewayStatus.of(b.gateway, List.of(STRATEGY), List.of(btc), "test").toJson())
                .contains("\"reconciliation\"").contains("position BTCUSDT ");

        // A client id from before the restart is answered with its order's state.
        assertThat(b.send(limit("fill-1", io.ttquant.transport.proto.Side.SIDE_BUY, "59992", "0.01")))
                .isEqualTo(CommandOutcome.DUPLICATE_ANSWERED);
        assertThat(b.reports("fill-1")).last().satisfies(r -> {
            assertThat(r.getStatus()).isEqualTo(ORDER_STATUS_FILLED);
            assertThat(BinanceVenue.venueClientOrderId(r.getOrderId())).isEqualTo(ids.get("fill-1"));
        });

        // And it trades.
        b.quote();
        assertThat(b.send(market("after-1", io.ttquant.transport.proto.Side.SIDE_BUY, "0.001"))).isEqualTo(CommandOutcome.ROUTED);
        b.runUntil("after-1 FILLED", () -> b.has("after-1", ORDER_STATUS_FILLED));
        assertThat(b.gateway.position(STRATEGY, "BTCUSDT").netQty()).isEqualTo(simNetQty());

        // No order was placed twice, and every order the simulator holds is one the journal knows.
        assertThat(placedOnSim).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        assertThat(placedOnSim.keySet()).containsExactlyInAnyOrder(ids.get("mkt-1"), ids.get("part-1"), ids.get("fill-1"),
                ids.get("gone-1"), ids.get("stay-1"), ids.get("lost-1"), b.venueId("after-1"));
        assertThat(proxy.newOrders()).as("A sent each order once").isEqualTo(7);
        b.stopCleanly();

        // The journal holds Binance's order ids next to the gateway's.
        JournalRecovery reread = OrderJournal.open(JournalConfig.builder(journalDir).build());
        try {
            assertThat(reread.ok()).isTrue();
            assertThat(reread.state().unknownOrders()).as("every doubt B resolved is journaled").isEmpty();
            assertThat(reread.state().orderByClientId(STRATEGY, "lost-1").status()).isEqualTo(io.ttquant.core.order.OrderStatus.FILLED);
            assertThat(reread.state().orderByClientId(STRATEGY, "never-1").rejectReason()).isEqualTo(RejectReason.VENUE_ORDER_NOT_PLACED);
            for (String id : List.of("fill-1", "part-1", "lost-1", "gone-1")) {
                long gatewayId = Long.parseLong(ids.get(id).substring(BinanceVenue.VENUE_ID_PREFIX.length()));
                assertThat(reread.state().order(gatewayId).venueOrderId()).as(id).isEqualTo(simOrder(ids.get(id)).orderId());
            }
        } finally {
            reread.journal().close();
        }
    }

    @Test
    void shouldStayClosedAndSayWhyWhenTheAccountHoldsATtqOrderTheJournalDoesNotKnow() throws Exception {
        placeOnAccount("ttq-999999", "58000");
        Run b = new Run();
        b.runUntil("reconciliation over", () -> !b.venue.isReconciling());
        assertThat(b.gateway.isReady()).isFalse();
        assertThat(b.gateway.hasFailedClosed()).isTrue();
        assertThat(b.gateway.notReadyReason()).contains("reconciliation with the binance venue failed")
                .contains("carry TTQuant client ids the journal does not hold").contains("ttq-999999");
        b.quote();
        assertThat(b.send(limit("x-1", io.ttquant.transport.proto.Side.SIDE_BUY, "58000", "0.01"))).isEqualTo(CommandOutcome.REJECTED);
        assertThat(b.reports("x-1").get(0).getRejectCode()).isEqualTo(RejectReason.GATEWAY_NOT_READY.code());
    }

    @Test
    void shouldCountForeignOrdersAndTradeUnlessTheyAreConfiguredToFail() throws Exception {
        placeOnAccount("by-hand-1", "58000");
        placeOnAccount("by-hand-2", "58001");
        Run ignoring = new Run();
        ignoring.awaitReconciled();
        assertThat(ignoring.venue.stats().foreignOpenOrders()).isEqualTo(2);
        ignoring.stopCleanly();

        Run failing = new Run(sim.restUrl(), b -> b.foreignOrders(ForeignOrderPolicy.FAIL));
        failing.runUntil("reconciliation over", () -> !failing.venue.isReconciling());
        assertThat(failing.gateway.isReady()).isFalse();
        assertThat(failing.gateway.notReadyReason()).contains("2 open orders on the account were not placed by TTQuant")
                .contains("'by-hand-1'").contains("binance.foreign-orders is fail");
    }

    @Test
    void shouldStayClosedWithTheLastProblemWhenBinanceCannotBeReadBeforeTheDeadline() throws Exception {
        fault("{\"restStatus\":503,\"restSeconds\":60}");
        Run b = new Run(sim.restUrl(), c -> c.reconcileTimeout(Duration.ofSeconds(2)).userDataStream(false));
        b.runUntil("reconciliation over", () -> !b.venue.isReconciling());
        assertThat(b.gateway.isReady()).isFalse();
        assertThat(b.gateway.notReadyReason()).contains("not done within 2000 ms")
                .contains("the account's open orders of [BTCUSDT]").contains("last problem: open orders of BTCUSDT: failed");
        assertThat(b.venue.stats().reconcileRetries()).isPositive();
        clearFaults();
    }
}
