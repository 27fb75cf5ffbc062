package io.ttquant.app.gateway.binance;

import static io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_ACCEPTED;
import static io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_CANCELED;
import static io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_FILLED;
import static io.ttquant.transport.proto.OrderStatus.ORDER_STATUS_PARTIALLY_FILLED;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.app.gateway.binance.BinanceVenueStats.Source;
import io.ttquant.app.gateway.binance.SimVenueHarness.Options;
import io.ttquant.binance.userdata.StreamGapReason;
import io.ttquant.binance.userdata.UserDataOutcome;
import io.ttquant.core.order.Side;
import io.ttquant.sim.market.OrderOutcome;
import io.ttquant.sim.market.OrderRequest;
import io.ttquant.sim.market.OrderType;
import io.ttquant.sim.market.SimFill;
import io.ttquant.sim.market.SimOrder;
import io.ttquant.sim.market.TimeInForce;
import io.ttquant.transport.proto.ExecutionReport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code binance} venue's fills from the user data stream, and what replaces the stream when it
 * misses something: a fill reported by both the new-order answer and the stream is applied once; a
 * fill made while the stream was disconnected arrives exactly once through the reconciliation that
 * follows the gap; fills still arrive after the listen key expired; without the stream, polling
 * finds them; a cancel of a partly filled order reports the fill before CANCELED; reports about
 * orders placed by hand on the account are counted and never applied.
 *
 * <p>Most tests run the simulator without synthetic flow, so a buy one tick inside the spread is
 * the best bid and the test's own market sell fills it, at the moment the test chooses.
 */
class BinanceVenueStreamSimTest {
    private SimVenueHarness h;

    @AfterEach
    void tearDown() {
        if (h != null) {
            assertThat(h.venue.inboxOverflows()).isZero();
            assertThat(h.venue.applyErrors()).isZero();
            assertThat(h.venue.stats().inconsistencies()).isZero();
            h.close();
        }
    }

    private void start(Options o) throws Exception {
        h = new SimVenueHarness(o);
        h.awaitReady();
    }

    /** Sends a buy one tick inside the spread and waits for its ACCEPTED report. */
    private void restInsideSpread(String clientOrderId, long qty) throws Exception {
        h.send(h.limit(clientOrderId, io.ttquant.transport.proto.Side.SIDE_BUY, h.priceInsideSpread(), qty));
        h.runUntil("ACCEPTED " + clientOrderId, () -> h.hasStatus(clientOrderId, ORDER_STATUS_ACCEPTED));
    }

    private static void assertSameFill(ExecutionReport r, SimFill s) {
        assertThat(r.getTradeId()).isEqualTo(s.tradeId());
        assertThat(r.getLastFillPrice()).isEqualTo(s.price());
        assertThat(r.getLastFillQty()).isEqualTo(s.qty());
        assertThat(r.getFee()).isEqualTo(s.commission());
        assertThat(r.getFeeAsset()).isEqualTo(s.commissionAsset());
    }

    @Test
    void shouldApplyAFillReportedByTheAnswerAndByTheStreamOnce() throws Exception {
        start(new Options().flow(20));
        long qty = h.gatewayBtc.qty("0.04");
        h.send(h.market("both-1", io.ttquant.transport.proto.Side.SIDE_BUY, qty));
        h.runUntil("FILLED", () -> h.hasStatus("both-1", ORDER_STATUS_FILLED));
        SimOrder placed = h.simOrder("both-1");
        int n = placed.fills().size();
        // Wait until the other path has told every fill too.
        h.runUntil("every fill seen twice", () -> h.venue.stats().duplicateFills() == n);
        h.runFor(Duration.ofMillis(200));
        assertThat(h.fills("both-1")).hasSize(n);
        assertThat(h.venue.stats().fills()).isEqualTo(n);
        assertThat(h.venue.stats().fills(Source.ANSWER) + h.venue.stats().fills(Source.STREAM)).isEqualTo(n);
        assertThat(h.venue.stats().duplicateFills()).isEqualTo(n);
        assertThat(h.venue.stats().foreignReports()).isZero();
        assertThat(h.gateway.position(SimVenueHarness.STRATEGY, "BTCUSDT").netQty()).isEqualTo(qty);
        assertThat(h.reports("both-1")).filteredOn(r -> r.getStatus() == ORDER_STATUS_ACCEPTED).hasSize(1);
        assertThat(h.reports("both-1")).filteredOn(r -> r.getStatus() == ORDER_STATUS_FILLED).hasSize(1);
    }

    @Test
    void shouldDeliverAFillMadeWhileTheStreamWasDownExactlyOnceThroughReconciliation() throws Exception {
        // A 2 s reconnect backoff: the fill happens while the stream is surely down. Polling once a
        // minute: only the reconciliation after the gap can find the fill in time.
        start(new Options().venue(b -> b.pollInterval(Duration.ofSeconds(60)).streamTuning(s -> s.random(new java.util.Random(5)).tickInterval(Duration.ofMillis(20))
                .backoff(Duration.ofSeconds(2), Duration.ofSeconds(2)).silenceTimeout(Duration.ofSeconds(30)))));
        long qty = h.gatewayBtc.qty("0.01");
        restInsideSpread("gap-1", qty);

        h.fault("{\"dropAllConnections\":true}");
        h.runUntil("stream down", () -> !h.venue.isStreamConnected());
        h.syntheticMarketSell(qty);
        SimOrder filled = h.simOrder("gap-1");
        assertThat(filled.status().name()).isEqualTo("FILLED");

        h.runUntil("FILLED", () -> h.hasStatus("gap-1", ORDER_STATUS_FILLED));
        assertThat(h.venue.stats().streamGaps()).as("found by the reconciliation after the gap").isEqualTo(1);
        h.awaitStreamConnections(2);
        h.runFor(Duration.ofMillis(300));
        List<ExecutionReport> fills = h.fills("gap-1");
        assertThat(fills).hasSize(1);
        assertSameFill(fills.get(0), filled.fills().get(0));
        assertThat(fills.get(0).getLiquidity()).isEqualTo(io.ttquant.transport.proto.Liquidity.LIQUIDITY_MAKER);
        assertThat(h.venue.stats().fills(Source.REST)).isEqualTo(1);
        assertThat(h.venue.stats().fills(Source.STREAM)).isZero();
        assertThat(h.venue.userDataStats().reconnects(StreamGapReason.CONNECTION_LOST)).isEqualTo(1);
        assertThat(h.gateway.position(SimVenueHarness.STRATEGY, "BTCUSDT").netQty()).isEqualTo(qty);
    }

    @Test
    void shouldStillDeliverFillsAfterTheListenKeyExpired() throws Exception {
        start(new Options().listenKeyValidityMillis(1500));
        h.runUntil("listen key expired and replaced", Duration.ofSeconds(20),
                () -> h.venue.userDataStats().events(UserDataOutcome.LISTEN_KEY_EXPIRED) >= 1
                        && h.venue.userDataStats().keysCreated() >= 2 && h.venue.isStreamConnected());
        h.awaitStreamConnections(2);
        long qty = h.gatewayBtc.qty("0.01");
        restInsideSpread("after-expiry-1", qty);
        h.syntheticMarketSell(qty);
        SimOrder filled = h.simOrder("after-expiry-1");
        h.runUntil("FILLED", () -> h.hasStatus("after-expiry-1", ORDER_STATUS_FILLED));
        h.runFor(Duration.ofMillis(300));
        assertThat(h.fills("after-expiry-1")).singleElement().satisfies(r -> assertSameFill(r, filled.fills().get(0)));
        assertThat(h.venue.stats().fills()).isEqualTo(1);
    }

    @Test
    void shouldFindFillsByPollingWhenRunningWithoutTheStream() throws Exception {
        start(new Options().venue(b -> b.userDataStream(false).pollInterval(Duration.ofMillis(300))));
        long qty = h.gatewayBtc.qty("0.01");
        restInsideSpread("polled-1", qty);
        long polls = h.venue.stats().pollsSent();
        h.syntheticMarketSell(qty);
        SimOrder filled = h.simOrder("polled-1");
        h.runUntil("FILLED", () -> h.hasStatus("polled-1", ORDER_STATUS_FILLED));
        assertThat(h.fills("polled-1")).singleElement().satisfies(r -> assertSameFill(r, filled.fills().get(0)));
        assertThat(h.venue.stats().pollsSent()).isGreaterThan(polls);
        assertThat(h.venue.stats().fills(Source.REST)).isEqualTo(1);
        assertThat(h.venue.openOrders()).isZero();
    }

    @Test
    void shouldReportTheFillOfAPartlyFilledOrderBeforeItsCancel() throws Exception {
        start(new Options());
        restInsideSpread("part-1", h.gatewayBtc.qty("0.02"));
        h.syntheticMarketSell(h.gatewayBtc.qty("0.005"));
        h.runUntil("PARTIALLY_FILLED", () -> h.hasStatus("part-1", ORDER_STATUS_PARTIALLY_FILLED));
        h.cancel("part-1");
        h.runUntil("CANCELED", () -> h.hasStatus("part-1", ORDER_STATUS_CANCELED));
        h.runFor(Duration.ofMillis(200));
        assertThat(h.reports("part-1")).extracting(ExecutionReport::getStatus)
                .containsExactly(ORDER_STATUS_ACCEPTED, ORDER_STATUS_PARTIALLY_FILLED, ORDER_STATUS_CANCELED);
        ExecutionReport canceled = h.reports("part-1").get(2);
        assertThat(canceled.getCumulativeQty()).isEqualTo(h.gatewayBtc.qty("0.005"));
        assertThat(canceled.getLeavesQty()).isZero();
        assertThat(h.simOrder("part-1").status().name()).isEqualTo("CANCELED");
    }

    @Test
    void shouldCountAndIgnoreReportsOfOrdersPlacedByHand() throws Exception {
        start(new Options());
        long price = h.bestBid() - h.bestBid() / 10;
        SimOrder byHand = h.onEngine(() -> {
            OrderOutcome out = h.exchange.newOrder(h.exchange.account(SimVenueHarness.API_KEY), OrderRequest.builder("BTCUSDT")
                    .side(Side.BUY).type(OrderType.LIMIT).timeInForce(TimeInForce.GTC).quantity("0.01")
                    .price(h.venueBtc.formatPrice(h.venueBtc.floorToTick(price))).newClientOrderId("by-hand-1").build());
            assertThat(out.isRejected()).as("placed by hand: %s", out.rejection()).isFalse();
            return out.order();
        });
        assertThat(byHand.isOpen()).isTrue();
        h.runUntil("foreign report counted", () -> h.venue.stats().foreignReports() >= 1);
        assertThat(h.reports()).isEmpty();
        assertThat(h.venue.openOrders()).isZero();
        assertThat(h.venue.stats().fills()).isZero();
    }

    @Test
    void shouldQueryAnOrderWhoseCancelWasRefusedAsUnknownAndReportItsFillInstead() throws Exception {
        // The stream is down (2 s reconnect backoff) and polling is once a minute: only the cancel's -2011 can tell.
        start(new Options().venue(b -> b.pollInterval(Duration.ofSeconds(60)).streamTuning(s -> s.random(new java.util.Random(5))
                .tickInterval(Duration.ofMillis(20)).backoff(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .silenceTimeout(Duration.ofSeconds(30)))));
        long qty = h.gatewayBtc.qty("0.01");
        restInsideSpread("filled-first", qty);
        h.fault("{\"dropAllConnections\":true}");
        h.runUntil("stream down", () -> !h.venue.isStreamConnected());
        h.syntheticMarketSell(qty);
        SimOrder filled = h.simOrder("filled-first");
        h.cancel("filled-first");
        h.runUntil("FILLED", () -> h.hasStatus("filled-first", ORDER_STATUS_FILLED));
        assertThat(h.venue.stats().streamGaps()).as("learnt from the refused cancel, before the stream came back").isZero();
        assertThat(h.venue.tradingStats().failed(io.ttquant.binance.trading.TradingFailure.Outcome.REJECTED)).isEqualTo(1);
        h.awaitStreamConnections(2);
        h.runUntil("gap reconciled", () -> h.venue.stats().streamGaps() == 1);
        h.runFor(Duration.ofMillis(300));
        assertThat(h.reports("filled-first")).extracting(ExecutionReport::getStatus)
                .containsExactly(ORDER_STATUS_ACCEPTED, ORDER_STATUS_FILLED);
        assertThat(h.fills("filled-first")).singleElement().satisfies(r -> assertSameFill(r, filled.fills().get(0)));
    }
}
