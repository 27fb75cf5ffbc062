package io.ttquant.app.gateway.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.app.gateway.CommandOutcome;
import io.ttquant.app.gateway.binance.SimVenueHarness.Options;
import io.ttquant.binance.trading.LocalRefusal;
import io.ttquant.binance.trading.TradingFailure;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.portfolio.Position;
import io.ttquant.sim.market.OrderStatus;
import io.ttquant.sim.market.SimFill;
import io.ttquant.sim.market.SimOrder;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.Liquidity;
import io.ttquant.transport.proto.Side;
import io.ttquant.binance.trading.AccountBalances;
import io.ttquant.binance.trading.AccountTrade;
import io.ttquant.binance.trading.TradingResult;
import io.ttquant.binance.trading.VenueOrder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_ACCEPTED;
import static io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_CANCELED;
import static io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_FILLED;
import static io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_PARTIALLY_FILLED;
import static io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_REJECTED;

/**
 * The {@code binance} venue behind a real order gateway against the exchange simulator: a market
 * order comes back ACCEPTED then FILLED with the simulator's exact fills and commission and an
 * exact position; a limit order rests and is canceled; the exchange's filter and balance refusals
 * arrive with the mapped reason; a -1021 is sent again once; a 429 makes the next orders
 * VENUE_RATE_LIMITED without a request reaching the simulator; a new order whose answer was lost
 * after the simulator processed it is resolved by query to its real state and never sent twice;
 * one the simulator never processed (5xx) is VENUE_ORDER_NOT_PLACED once its recvWindow is over.
 */
class BinanceVenueOrderEntrySimTest {
    private static final Logger TTQUANT_LOGGER = Logger.getLogger("io.ttquant");
    private static final List<LogRecord> LOGS = new CopyOnWriteArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord r) {
            LOGS.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private SimVenueHarness h;
    private AnswerLosingProxy proxy;

    @BeforeAll
    static void captureLogs() {
        TTQUANT_LOGGER.addHandler(CAPTURE);
    }

    @AfterAll
    static void noSecretInAnyLogLine() {
        TTQUANT_LOGGER.removeHandler(CAPTURE);
        assertThat(LOGS).as("the venue logs what it does").isNotEmpty();
        for (LogRecord r : LOGS) {
            assertThat(r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown())).doesNotContain(SimVenueHarness.SECRET);
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        if (h != null) {
            assertThat(h.venue.inboxOverflows()).isZero();
            assertThat(h.venue.applyErrors()).isZero();
            assertThat(h.venue.stats().inconsistencies()).isZero();
            h.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    private void start(Options o) throws Exception {
        h = new SimVenueHarness(o);
        h.awaitReady();
    }

    /** A buy limit price 10 % below the best bid: it rests. */
    private long restingBuyPrice() throws Exception {
        long bid = h.bestBid();
        return h.venueBtc.floorToTick(bid - bid / 10);
    }

    @Test
    void shouldFillAMarketOrderWithTheSimulatorsExactFillsCommissionAndPosition() throws Exception {
        start(new Options().flow(20));
        long qty = h.gatewayBtc.qty("0.05");
        assertThat(h.send(h.market("mkt-1", Side.SIDE_BUY, qty))).isEqualTo(CommandOutcome.ROUTED);
        h.runUntil("FILLED", () -> h.hasStatus("mkt-1", ORDER_STATUS_FILLED));

        SimOrder placed = h.simOrder("mkt-1");
        assertThat(placed.status()).isEqualTo(OrderStatus.FILLED);
        List<SimFill> simFills = placed.fills();
        assertThat(simFills).isNotEmpty();
        List<ExecutionReport> reports = h.reports("mkt-1");
        assertThat(reports.get(0).getStatus()).isEqualTo(ORDER_STATUS_ACCEPTED);
        List<ExecutionReport> fills = h.fills("mkt-1");
        assertThat(fills).hasSameSizeAs(simFills);
        long cumulativeNotional = 0;
        long cumulativeQty = 0;
        for (int i = 0; i < simFills.size(); i++) {
            SimFill s = simFills.get(i);
            ExecutionReport r = fills.get(i);
            cumulativeQty += s.qty();
            cumulativeNotional += s.quoteQty();
            assertThat(r.getTradeId()).isEqualTo(s.tradeId());
            assertThat(r.getLastFillPrice()).isEqualTo(s.price());
            assertThat(r.getLastFillQty()).isEqualTo(s.qty());
            assertThat(r.getFee()).isEqualTo(s.commission()).isPositive();
            assertThat(r.getFeeAsset()).isEqualTo(s.commissionAsset()).isEqualTo("BTC");
            assertThat(r.getLiquidity()).isEqualTo(Liquidity.LIQUIDITY_TAKER);
            assertThat(r.getCumulativeQty()).isEqualTo(cumulativeQty);
            assertThat(r.getCumulativeNotional()).isEqualTo(cumulativeNotional);
            assertThat(r.getStatus()).isEqualTo(i == simFills.size() - 1 ? ORDER_STATUS_FILLED : ORDER_STATUS_PARTIALLY_FILLED);
        }
        assertThat(cumulativeQty).isEqualTo(qty).isEqualTo(placed.executedQty());
        assertThat(cumulativeNotional).isEqualTo(placed.cummulativeQuoteQty());
        assertThat(reports.get(reports.size() - 1).getStatus()).isEqualTo(ORDER_STATUS_FILLED);

        Position p = h.gateway.position(SimVenueHarness.STRATEGY, "BTCUSDT");
        assertThat(p.netQty()).isEqualTo(qty);
        assertThat(p.costBasis()).isEqualTo(placed.cummulativeQuoteQty());
        assertThat(h.venue.openOrders()).isZero();
        assertThat(h.venue.stats().ordersSent()).isEqualTo(1);
        assertThat(h.venue.requestWeightUsed()).isPositive();
        assertThat(h.venue.toString() + h.venue.config()).doesNotContain(SimVenueHarness.SECRET);
    }

    @Test
    void shouldRestALimitOrderAndCancelIt() throws Exception {
        start(new Options().flow(20));
        long price = restingBuyPrice();
        assertThat(h.send(h.limit("rest-1", Side.SIDE_BUY, price, h.gatewayBtc.qty("0.01")))).isEqualTo(CommandOutcome.ROUTED);
        h.runUntil("ACCEPTED", () -> h.hasStatus("rest-1", ORDER_STATUS_ACCEPTED));
        assertThat(h.venue.openOrders()).isEqualTo(1);
        SimOrder resting = h.simOrder("rest-1");
        assertThat(resting.status()).isEqualTo(OrderStatus.NEW);
        assertThat(resting.price()).isEqualTo(price);

        assertThat(h.cancel("rest-1")).isEqualTo(CommandOutcome.CANCEL_SENT);
        h.runUntil("CANCELED", () -> h.hasStatus("rest-1", ORDER_STATUS_CANCELED));
        assertThat(h.simOrder("rest-1").status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(h.simOpenOrders()).isEmpty();
        assertThat(h.venue.openOrders()).isZero();
        assertThat(h.reports("rest-1")).extracting(ExecutionReport::getStatus).containsExactly(ORDER_STATUS_ACCEPTED, ORDER_STATUS_CANCELED);
        assertThat(h.cancel("rest-1")).as("nothing left to cancel").isEqualTo(CommandOutcome.CANCEL_REJECTED);
    }

    @Test
    void shouldRejectWithTheMappedReasonWhenTheExchangesFiltersOrBalanceRefuse() throws Exception {
        start(new Options().flow(20));
        long price = restingBuyPrice();
        // The gateway's BTCUSDT has no minimum notional; the exchange's NOTIONAL filter refuses 0.00001 BTC.
        h.send(h.limit("tiny-1", Side.SIDE_BUY, price, h.gatewayBtc.qty("0.00001")));
        // 3 BTC at the price is far more than the 100000 USDT the account holds.
        h.send(h.limit("poor-1", Side.SIDE_BUY, price, h.gatewayBtc.qty("3")));
        h.runUntil("both rejected", () -> h.hasStatus("tiny-1", ORDER_STATUS_REJECTED) && h.hasStatus("poor-1", ORDER_STATUS_REJECTED));
        assertThat(h.reports("tiny-1")).singleElement().satisfies(r -> {
            assertThat(r.getRejectCode()).isEqualTo(RejectReason.NOTIONAL_BELOW_MIN.code());
            assertThat(r.getRejectReason()).isEqualTo("NOTIONAL_BELOW_MIN");
        });
        assertThat(h.reports("poor-1")).singleElement()
                .satisfies(r -> assertThat(r.getRejectCode()).isEqualTo(RejectReason.INSUFFICIENT_BALANCE.code()));
        assertThat(h.simOrder("tiny-1")).isNull();
        assertThat(h.simOrder("poor-1")).isNull();
        assertThat(h.venue.tradingStats().failed(TradingFailure.Outcome.REJECTED)).isEqualTo(2);
        assertThat(h.venue.unknownOrders()).isZero();
    }

    @Test
    void shouldSendAnOrderOnceMoreAfterBinanceRefusedItsTimestamp() throws Exception {
        start(new Options().flow(20));
        h.fault("{\"clockSkewMs\":30000}");
        h.send(h.limit("skew-1", Side.SIDE_BUY, restingBuyPrice(), h.gatewayBtc.qty("0.01")));
        h.runUntil("ACCEPTED", () -> h.hasStatus("skew-1", ORDER_STATUS_ACCEPTED));
        assertThat(h.venue.tradingStats().failed(TradingFailure.Outcome.TIMESTAMP_REJECTED)).isEqualTo(1);
        assertThat(h.venue.stats().timestampResends()).isEqualTo(1);
        assertThat(h.venue.stats().ordersSent()).isEqualTo(2);
        assertThat(h.simOrder("skew-1").status()).isEqualTo(OrderStatus.NEW);
        assertThat(h.reports("skew-1")).extracting(ExecutionReport::getStatus).containsExactly(ORDER_STATUS_ACCEPTED);
    }

    @Test
    void shouldRejectOrdersAsRateLimitedDuringA429WindowWithoutTouchingTheSimulator() throws Exception {
        start(new Options().flow(20));
        long price = restingBuyPrice();
        h.fault("{\"restStatus\":429,\"restSeconds\":60}");
        h.send(h.limit("limited-1", Side.SIDE_BUY, price, h.gatewayBtc.qty("0.01")));
        h.runUntil("first order rejected", () -> h.hasStatus("limited-1", ORDER_STATUS_REJECTED));
        assertThat(h.reports("limited-1").get(0).getRejectCode()).isEqualTo(RejectReason.VENUE_RATE_LIMITED.code());
        assertThat(h.venue.tradingStats().failed(TradingFailure.Outcome.RATE_LIMITED)).isEqualTo(1);

        long simRequests = h.sim.stats().restRequests();
        h.send(h.limit("limited-2", Side.SIDE_BUY, price, h.gatewayBtc.qty("0.01")));
        h.send(h.market("limited-3", Side.SIDE_BUY, h.gatewayBtc.qty("0.01")));
        h.runUntil("both rejected", () -> h.hasStatus("limited-2", ORDER_STATUS_REJECTED) && h.hasStatus("limited-3", ORDER_STATUS_REJECTED));
        assertThat(h.sim.stats().restRequests()).as("nothing reached the simulator").isEqualTo(simRequests);
        assertThat(h.reports("limited-2").get(0).getRejectCode()).isEqualTo(RejectReason.VENUE_RATE_LIMITED.code());
        assertThat(h.reports("limited-3").get(0).getRejectCode()).isEqualTo(RejectReason.VENUE_RATE_LIMITED.code());
        assertThat(h.venue.tradingStats().refusedLocally(LocalRefusal.BACKING_OFF)).isEqualTo(2);
        h.clearFaults();
        assertThat(h.simOpenOrders()).isEmpty();
    }

    @Test
    void shouldResolveANewOrderWhoseAnswerWasLostByQueryingItAndNeverSendItTwice() throws Exception {
        // Without the stream, only the query can tell what became of the order.
        start(new Options().flow(20).venue(b -> b.userDataStream(false)).restRoute(port -> {
            proxy = new AnswerLosingProxy(port);
            return proxy.url();
        }));
        long qty = h.gatewayBtc.qty("0.03");
        proxy.loseNextNewOrderAnswer();
        h.send(h.market("lost-1", Side.SIDE_BUY, qty));
        h.runUntil("UNKNOWN", () -> h.venue.unknownOrders() == 1);
        assertThat(proxy.answersLost()).isEqualTo(1);
        assertThat(h.reports("lost-1")).as("an UNKNOWN order is reported nothing").isEmpty();

        h.runUntil("resolved FILLED", () -> h.hasStatus("lost-1", ORDER_STATUS_FILLED));
        SimOrder placed = h.simOrder("lost-1");
        assertThat(placed.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(h.fills("lost-1")).extracting(ExecutionReport::getTradeId)
                .containsExactlyElementsOf(placed.fills().stream().map(SimFill::tradeId).toList());
        assertThat(h.fills("lost-1")).extracting(ExecutionReport::getFee)
                .containsExactlyElementsOf(placed.fills().stream().map(SimFill::commission).toList());
        assertThat(h.reports("lost-1").get(0).getStatus()).isEqualTo(ORDER_STATUS_ACCEPTED);
        assertThat(h.venue.unknownOrders()).isZero();
        assertThat(h.venue.stats().submitsUnknown()).isEqualTo(1);
        assertThat(h.venue.stats().resolvedFound()).isEqualTo(1);
        assertThat(h.venue.stats().fills(BinanceVenueStats.Source.REST)).isEqualTo(placed.fills().size());
        assertThat(h.gateway.position(SimVenueHarness.STRATEGY, "BTCUSDT").netQty()).isEqualTo(qty);
        assertThat(proxy.newOrders()).as("the order was sent once").isEqualTo(1);
        assertThat(h.venue.stats().ordersSent()).isEqualTo(1);
    }

    @Test
    void shouldRejectAsNotPlacedAnOrderLostInA5xxOnlyOnceItsRecvWindowIsOver() throws Exception {
        long recvWindowMillis = 1500;
        long marginMillis = 300;
        start(new Options().flow(20).venue(b -> b.recvWindowMillis(recvWindowMillis).notPlacedMargin(Duration.ofMillis(marginMillis))));
        h.fault("{\"restStatus\":503,\"restSeconds\":1}");
        h.send(h.limit("lost-5xx", Side.SIDE_BUY, restingBuyPrice(), h.gatewayBtc.qty("0.01")));
        h.runUntil("UNKNOWN", () -> h.venue.unknownOrders() == 1);
        long unknownAt = h.clock.nanos();
        assertThat(h.venue.tradingStats().failed(TradingFailure.Outcome.UNKNOWN)).isEqualTo(1);
        assertThat(h.reports("lost-5xx")).isEmpty();

        h.runUntil("VENUE_ORDER_NOT_PLACED", () -> h.hasStatus("lost-5xx", ORDER_STATUS_REJECTED));
        long rejectedAt = h.clock.nanos();
        assertThat(h.reports("lost-5xx")).singleElement()
                .satisfies(r -> assertThat(r.getRejectCode()).isEqualTo(RejectReason.VENUE_ORDER_NOT_PLACED.code()));
        assertThat(rejectedAt - unknownAt).as("not before timestamp + recvWindow + margin")
                .isGreaterThanOrEqualTo((recvWindowMillis + marginMillis) * SimVenueHarness.MS);
        assertThat(h.venue.stats().queriesSent()).as("queried until conclusive").isGreaterThanOrEqualTo(2);
        assertThat(h.venue.stats().resolvedNotPlaced()).isEqualTo(1);
        assertThat(h.venue.stats().ordersSent()).as("never sent again").isEqualTo(1);
        assertThat(h.venue.unknownOrders()).isZero();
        assertThat(h.simOrder("lost-5xx")).isNull();
        assertThat(h.simOpenOrders()).isEmpty();
    }

    @Test
    void shouldResolveACancelWhoseAnswerWasLostByQueryingTheOrder() throws Exception {
        start(new Options().flow(20).venue(b -> b.userDataStream(false)).restRoute(port -> {
            proxy = new AnswerLosingProxy(port);
            return proxy.url();
        }));
        h.send(h.limit("lost-cancel", Side.SIDE_BUY, restingBuyPrice(), h.gatewayBtc.qty("0.01")));
        h.runUntil("ACCEPTED", () -> h.hasStatus("lost-cancel", ORDER_STATUS_ACCEPTED));
        proxy.loseNextCancelAnswer();
        assertThat(h.cancel("lost-cancel")).isEqualTo(CommandOutcome.CANCEL_SENT);
        h.runUntil("cancel UNKNOWN", () -> h.venue.unknownOrders() == 1);
        assertThat(proxy.answersLost()).isEqualTo(1);
        assertThat(h.simOrder("lost-cancel").status()).as("the simulator did cancel it").isEqualTo(OrderStatus.CANCELED);

        h.runUntil("CANCELED", () -> h.hasStatus("lost-cancel", ORDER_STATUS_CANCELED));
        assertThat(h.venue.stats().cancelsUnknown()).isEqualTo(1);
        assertThat(h.venue.stats().cancelsSent()).as("the query showed it canceled: no second cancel").isEqualTo(1);
        assertThat(h.venue.unknownOrders()).isZero();
        assertThat(h.reports("lost-cancel")).extracting(ExecutionReport::getStatus)
                .containsExactly(ORDER_STATUS_ACCEPTED, ORDER_STATUS_CANCELED);
    }

    @Test
    void shouldReadOpenOrdersTradesAndBalancesForRecoveryOnTheGatewaysThread() throws Exception {
        start(new Options().flow(20));
        h.send(h.market("recover-fill", Side.SIDE_BUY, h.gatewayBtc.qty("0.02")));
        h.send(h.limit("recover-rest", Side.SIDE_BUY, restingBuyPrice(), h.gatewayBtc.qty("0.01")));
        h.runUntil("both placed", () -> h.hasStatus("recover-fill", ORDER_STATUS_FILLED)
                && h.hasStatus("recover-rest", ORDER_STATUS_ACCEPTED));
        Thread gatewayThread = Thread.currentThread();
        List<Thread> completedOn = new CopyOnWriteArrayList<>();
        CompletableFuture<TradingResult<List<VenueOrder>>> open = h.venue.venueOpenOrders();
        CompletableFuture<TradingResult<List<AccountTrade>>> trades = h.venue.venueTrades("BTCUSDT", 0, 1000);
        CompletableFuture<TradingResult<AccountBalances>> account = h.venue.venueAccount();
        for (CompletableFuture<?> f : List.of(open, trades, account)) {
            f.whenComplete((r, e) -> completedOn.add(Thread.currentThread()));
        }
        h.runUntil("recovery reads", () -> open.isDone() && trades.isDone() && account.isDone());
        assertThat(completedOn).containsOnly(gatewayThread);
        assertThat(open.get().value()).extracting(VenueOrder::clientOrderId).containsExactly(h.venueId("recover-rest"));
        SimOrder filled = h.simOrder("recover-fill");
        assertThat(trades.get().value()).extracting(AccountTrade::id)
                .containsExactlyElementsOf(filled.fills().stream().map(SimFill::tradeId).toList());
        long btc = h.onEngine(() -> h.exchange.account(SimVenueHarness.API_KEY).free("BTC"));
        assertThat(account.get().value().free("BTC")).isEqualTo(btc);
    }
}
