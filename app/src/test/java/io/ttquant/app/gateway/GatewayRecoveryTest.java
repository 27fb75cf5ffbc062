package io.ttquant.app.gateway;

import static io.ttquant.app.gateway.GatewayFixture.INS;
import static io.ttquant.app.gateway.GatewayFixture.STRATEGY;
import static io.ttquant.app.gateway.GatewayFixture.T0;
import static io.ttquant.app.gateway.GatewayFixture.limitBuy;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.app.gateway.journal.JournalConfig;
import io.ttquant.app.gateway.journal.JournalRecovery;
import io.ttquant.app.gateway.journal.OrderJournal;
import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.exchange.LimitFillRule;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.portfolio.Position;
import io.ttquant.core.risk.TradingState;
import io.ttquant.core.venue.ExecutionListener;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.NewOrder;
import io.ttquant.transport.proto.OrderStatus;
import io.ttquant.transport.proto.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway rebuilt from its journal after a crash: gateway A trades with a journal (a fill, a
 * partial fill, resting and canceled orders, the kill switch released, a strategy state), then
 * stops without its SHUTDOWN record, as a crash leaves it; gateway B on the same directory has
 * the same positions to the last unit, continues the order ids, answers a resent client order id
 * with its order's state, reports the orders the paper venue lost CANCELED and trades again. A
 * journal it cannot read, a venue that cannot reconcile, and a fill reported twice all leave the
 * gateway refusing new orders with GATEWAY_NOT_READY and saying why.
 */
class GatewayRecoveryTest {
    @TempDir
    Path dir;

    /** A gateway wired to a journal as the service wires it. */
    private static final class Run {
        final GatewayFixture f;
        final JournalRecovery recovery;
        final String summary;

        Run(Path dir, VenueFactory venue, long startNanos) {
            f = new GatewayFixture(venue, OrderGateway.DEFAULT_IDEMPOTENCY_WINDOW, startNanos);
            recovery = OrderJournal.open(JournalConfig.builder(dir).compaction(JournalConfig.Compaction.INLINE).build());
            if (recovery.ok()) {
                f.gateway.attachLog(new JournalEventLog(recovery.journal(), f.gateway.venue().name()));
            }
            summary = GatewayRecovery.restore(f.gateway, recovery, startNanos);
        }

        /** Closes the journal without a SHUTDOWN record: what a crash after the last sync leaves. */
        void crash() {
            if (recovery.ok()) {
                recovery.journal().close();
            }
        }

        void stopCleanly() {
            f.gateway.shutdown(f.now);
            recovery.journal().close();
        }
    }

    private static NewOrder.Builder limitSell(String clientOrderId, String price, String qty) {
        return limitBuy(clientOrderId, price, qty).setSide(Side.SIDE_SELL);
    }

    @Test
    void shouldRestorePositionsOrderIdsAndClientOrderIdsAfterACrashAndTradeAgain() {
        Run a = new Run(dir, GatewayFixture.touchPaper(), T0);
        assertThat(a.f.gateway.isReady()).isTrue();
        a.f.trade("100.00", "1");
        a.f.gateway.engageKillSwitch("drill", a.f.now);
        a.f.gateway.releaseKillSwitch();
        a.f.send(limitBuy("filled1", "99.50", "2").build());
        a.f.trade("99.00", "5"); // fills filled1: long 2 @ 99.50
        a.f.send(limitSell("part1", "100.50", "1.5").build());
        a.f.trade("100.50", "0.5"); // part1 partly: 0.5 sold @ 100.50
        a.f.send(limitBuy("rest1", "98.00", "1").build());
        a.f.send(limitBuy("gone1", "97.00", "1").build());
        a.f.send(a.f.cancel("gone1"));
        a.f.send(limitBuy("rest2", "98.50", "0.5").build());
        a.f.gateway.setStrategyState("beta", TradingState.REDUCE_ONLY, "operator", a.f.now);
        assertThat(a.f.reports("part1")).last().extracting(ExecutionReport::getStatus).isEqualTo(OrderStatus.ORDER_STATUS_PARTIALLY_FILLED);
        assertThat(a.f.reports("gone1")).last().extracting(ExecutionReport::getStatus).isEqualTo(OrderStatus.ORDER_STATUS_CANCELED);
        Position before = a.f.gateway.position(STRATEGY, INS.symbol());
        long[] positionBefore = {before.netQty(), before.costBasis(), before.realizedPnl()};
        assertThat(positionBefore[0]).isEqualTo(INS.qty("1.5"));
        long filledId = a.f.reports("filled1").get(0).getOrderId();
        long lastId = a.f.reports("rest2").get(0).getOrderId();
        long part1Id = a.f.reports("part1").get(0).getOrderId();
        a.crash();

        Run b = new Run(dir, GatewayFixture.touchPaper(), a.f.now + 1_000_000_000L);

        assertThat(b.recovery.state().cleanShutdown()).isFalse();
        assertThat(b.summary).contains("after a crash").contains("restored 3 open orders");
        assertThat(b.f.gateway.isReady()).as(b.f.gateway.notReadyReason()).isTrue();
        Position after = b.f.gateway.position(STRATEGY, INS.symbol());
        assertThat(new long[] {after.netQty(), after.costBasis(), after.realizedPnl()}).containsExactly(positionBefore);
        assertThat(b.f.gateway.risk().position(0, INS)).isEqualTo(INS.qty("1.5"));
        assertThat(b.f.gateway.risk().state(1)).isEqualTo(TradingState.REDUCE_ONLY);
        assertThat(b.f.gateway.isKillSwitchEngaged()).isFalse();
        // The paper venue lost its book: the open orders are canceled and their strategies told.
        assertThat(b.f.reports()).extracting(ExecutionReport::getClientOrderId).containsExactlyInAnyOrder("part1", "rest1", "rest2");
        assertThat(b.f.reports()).extracting(ExecutionReport::getStatus).containsOnly(OrderStatus.ORDER_STATUS_CANCELED);
        ExecutionReport part1 = b.f.reports("part1").get(0);
        assertThat(part1.getOrderId()).isEqualTo(part1Id);
        assertThat(part1.getCumulativeQty()).isEqualTo(INS.qty("0.5"));
        assertThat(part1.getCumulativeNotional()).isEqualTo(INS.notional(INS.price("100.50"), INS.qty("0.5")));
        assertThat(b.f.gateway.risk().openOrders()).isZero();

        // A client order id from before the crash is answered, never a second order.
        assertThat(b.f.send(limitBuy("filled1", "99.50", "2").build())).isEqualTo(CommandOutcome.DUPLICATE_ANSWERED);
        ExecutionReport answer = b.f.lastReport();
        assertThat(answer.getOrderId()).isEqualTo(filledId);
        assertThat(answer.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_FILLED);
        assertThat(answer.getCumulativeQty()).isEqualTo(INS.qty("2"));
        assertThat(b.f.send(limitBuy("gone1", "97.00", "1").build())).isEqualTo(CommandOutcome.DUPLICATE_ANSWERED);
        assertThat(b.f.lastReport().getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CANCELED);

        // Trading resumes, with order ids above every id used before.
        b.f.trade("100.00", "1");
        assertThat(b.f.send(limitBuy("after1", "99.50", "0.5").build())).isEqualTo(CommandOutcome.ROUTED);
        assertThat(b.f.lastReport().getOrderId()).isEqualTo(lastId + 1);
        b.f.trade("99.00", "5");
        List<ExecutionEvent> positions = b.f.events.stream().filter(ExecutionEvent::hasPosition).toList();
        assertThat(positions).last().extracting(e -> e.getPosition().getNetQty()).isEqualTo(INS.qty("2"));
        b.stopCleanly();

        // And the fill after the restart survives the next restart too (its trade id is new).
        Run c = new Run(dir, GatewayFixture.touchPaper(), b.f.now + 1_000_000_000L);
        assertThat(c.recovery.state().cleanShutdown()).isTrue();
        assertThat(c.recovery.state().duplicateFillsSkipped()).isZero();
        assertThat(c.f.gateway.position(STRATEGY, INS.symbol()).netQty()).isEqualTo(INS.qty("2"));
        c.stopCleanly();
    }

    @Test
    void shouldKeepTheKillSwitchEngagedAcrossARestart() {
        Run a = new Run(dir, GatewayFixture.touchPaper(), T0);
        a.f.trade("100.00", "1");
        a.f.gateway.engageKillSwitch("risk drill", a.f.now);
        a.crash();

        Run b = new Run(dir, GatewayFixture.touchPaper(), a.f.now + 1_000_000_000L);

        assertThat(b.f.gateway.isReady()).isTrue();
        assertThat(b.f.gateway.isKillSwitchEngaged()).isTrue();
        assertThat(b.f.gateway.risk().killReason()).isEqualTo("risk drill");
        b.f.trade("100.00", "1");
        assertThat(b.f.send(limitBuy("n1", "99.50", "1").build())).isEqualTo(CommandOutcome.REJECTED);
        assertThat(b.f.lastReport().getRejectCode()).isEqualTo(RejectReason.KILL_SWITCH_ENGAGED.code());
        b.f.gateway.releaseKillSwitch();
        assertThat(b.f.send(limitBuy("n1", "99.50", "1").build())).isEqualTo(CommandOutcome.ROUTED);
        b.crash();
    }

    @Test
    void shouldRefuseEveryOrderAndSayWhyWhenTheJournalIsCorrupt() throws Exception {
        Run a = new Run(dir, GatewayFixture.touchPaper(), T0);
        a.f.trade("100.00", "1");
        a.f.send(limitBuy("o1", "99.50", "1").build());
        a.f.send(limitBuy("o2", "99.00", "1").build());
        a.stopCleanly();
        Path segment;
        try (Stream<Path> files = Files.list(dir)) {
            segment = files.filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
        try (var ch = java.nio.channels.FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {0x55, 0x55}), 32 + 12); // inside the first record, not the tail
        }

        Run b = new Run(dir, GatewayFixture.touchPaper(), a.f.now + 1_000_000_000L);

        assertThat(b.recovery.ok()).isFalse();
        assertThat(b.f.gateway.isReady()).isFalse();
        assertThat(b.f.gateway.notReadyReason()).contains("cannot recover from the order journal").contains("corrupt");
        b.f.trade("100.00", "1");
        assertThat(b.f.send(limitBuy("n1", "99.50", "1").build())).isEqualTo(CommandOutcome.REJECTED);
        assertThat(b.f.lastReport().getRejectCode()).isEqualTo(RejectReason.GATEWAY_NOT_READY.code());
        assertThat(b.f.gateway.paperVenue().submitted()).isZero();
        GatewayStatus status = GatewayStatus.of(b.f.gateway, List.of(STRATEGY, "beta"), List.of(INS), "test journal");
        assertThat(status.ready()).isFalse();
        assertThat(status.toJson()).contains("\"ready\" : false").contains("corrupt");
    }

    @Test
    void shouldRefuseNewOrdersUntilTheVenueReportsTheReconciliationDone() {
        Run a = new Run(dir, GatewayFixture.touchPaper(), T0);
        a.f.trade("100.00", "1");
        a.f.send(limitBuy("open1", "99.50", "1").build());
        a.crash();

        DeferredVenue[] venue = new DeferredVenue[1];
        Run b = new Run(dir, (clock, listener, instruments) -> venue[0] = new DeferredVenue(
                GatewayFixture.touchPaper().create(clock, listener, instruments)), a.f.now + 1_000_000_000L);

        assertThat(b.f.gateway.isReady()).isFalse();
        assertThat(b.f.gateway.notReadyReason()).contains("reconciling 1 open orders");
        b.f.trade("100.00", "1");
        assertThat(b.f.send(limitBuy("early", "99.50", "1").build())).isEqualTo(CommandOutcome.REJECTED);
        assertThat(b.f.lastReport().getRejectCode()).isEqualTo(RejectReason.GATEWAY_NOT_READY.code());
        assertThat(b.f.send(b.f.replace("open1b", "open1", "99.00", "1"))).isEqualTo(CommandOutcome.REJECTED);
        assertThat(b.f.reports("open1b")).last().extracting(ExecutionReport::getRejectCode)
                .isEqualTo(RejectReason.GATEWAY_NOT_READY.code());

        venue[0].answer = true;
        b.f.advance(1_000);

        assertThat(b.f.gateway.isReady()).isTrue();
        assertThat(b.f.reports("open1")).last().extracting(ExecutionReport::getStatus).isEqualTo(OrderStatus.ORDER_STATUS_CANCELED);
        assertThat(b.f.send(limitBuy("early", "99.50", "1").build())).isEqualTo(CommandOutcome.ROUTED);
        b.crash();
    }

    @Test
    void shouldFailClosedWhenTheVenueCannotReconcile() {
        Run a = new Run(dir, GatewayFixture.touchPaper(), T0);
        a.crash();
        Run b = new Run(dir, (clock, listener, instruments) -> new DelegatingVenue(
                GatewayFixture.touchPaper().create(clock, listener, instruments)), T0 + 1_000_000_000L);

        assertThat(b.f.gateway.isReady()).isFalse();
        assertThat(b.f.gateway.hasFailedClosed()).isTrue();
        assertThat(b.f.gateway.notReadyReason()).contains("cannot reconcile");
        b.f.trade("100.00", "1");
        assertThat(b.f.send(limitBuy("n1", "99.50", "1").build())).isEqualTo(CommandOutcome.REJECTED);
        assertThat(b.f.lastReport().getRejectCode()).isEqualTo(RejectReason.GATEWAY_NOT_READY.code());
        b.crash();
    }

    @Test
    void shouldNeverApplyAFillTwiceWhenTheVenueReportsItAgain() {
        ExchangeConfig touch = ExchangeConfig.builder().limitFillRule(LimitFillRule.TOUCH).build();
        VenueFactory echoing = (clock, listener, instruments) -> new PaperVenue(touch, clock, new ExecutionListener() {
            @Override
            public void onFill(Order order, Fill fill) {
                listener.onFill(order, fill);
                listener.onFill(order, fill); // a retransmission of the same trade
            }

            @Override
            public void onOrderUpdate(Order order) {
                listener.onOrderUpdate(order);
            }
        }, instruments);
        Run a = new Run(dir, echoing, T0);
        a.f.trade("100.00", "1");
        a.f.send(limitBuy("b1", "99.50", "1").build());
        a.f.trade("99.00", "5");

        assertThat(a.f.gateway.fills()).isEqualTo(1);
        assertThat(a.f.gateway.position(STRATEGY, INS.symbol()).netQty()).isEqualTo(INS.qty("1"));
        assertThat(a.f.reports("b1")).filteredOn(r -> r.getLastFillQty() > 0).hasSize(1);
        assertThat(a.f.gateway.isReady()).isFalse();
        assertThat(a.f.gateway.notReadyReason()).contains("again");
        a.crash();

        Run b = new Run(dir, GatewayFixture.touchPaper(), a.f.now + 1_000_000_000L);
        assertThat(b.recovery.state().duplicateFillsSkipped()).isZero();
        assertThat(b.f.gateway.position(STRATEGY, INS.symbol()).netQty()).isEqualTo(INS.qty("1"));
        b.crash();
    }

    /** A venue whose reconciliation answers later, from a duty cycle, as an exchange adapter's would. */
    private static final class DeferredVenue extends DelegatingVenue {
        boolean answer;
        private List<Order> pending;
        private ReconcileListener listener;

        DeferredVenue(GatewayVenue paper) {
            super(paper);
        }

        @Override
        public void reconcile(List<Order> openOrders, long nowNanos, ReconcileListener listener) {
            this.pending = openOrders;
            this.listener = listener;
        }

        @Override
        public void advanceTo(long nowNanos) {
            paper.advanceTo(nowNanos);
            if (answer && pending != null) {
                paper.reconcile(pending, nowNanos, listener);
                pending = null;
            }
        }
    }

    /** The paper venue behind a venue that implements no reconciliation of its own (the interface's default). */
    private static class DelegatingVenue implements GatewayVenue {
        final GatewayVenue paper;

        DelegatingVenue(GatewayVenue paper) {
            this.paper = paper;
        }

        @Override
        public void advanceTo(long nowNanos) {
            paper.advanceTo(nowNanos);
        }

        @Override
        public String name() {
            return paper.name();
        }

        @Override
        public void submit(Order order, long nowNanos) {
            paper.submit(order, nowNanos);
        }

        @Override
        public boolean cancel(Order order, long nowNanos) {
            return paper.cancel(order, nowNanos);
        }

        @Override
        public void onMarketEvent(MarketEvent e) {
            paper.onMarketEvent(e);
        }

        @Override
        public long lastPrice(Instrument instrument) {
            return paper.lastPrice(instrument);
        }

        @Override
        public long bestBid(Instrument instrument) {
            return paper.bestBid(instrument);
        }

        @Override
        public long bestAsk(Instrument instrument) {
            return paper.bestAsk(instrument);
        }

        @Override
        public int openOrders() {
            return paper.openOrders();
        }

        @Override
        public long tradeId(Fill fill) {
            return paper.tradeId(fill);
        }
    }
}
