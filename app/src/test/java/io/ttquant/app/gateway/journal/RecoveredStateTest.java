package io.ttquant.app.gateway.journal;

import static io.ttquant.app.gateway.journal.JournalFixture.BTC;
import static io.ttquant.app.gateway.journal.JournalFixture.ETH;
import static io.ttquant.app.gateway.journal.JournalFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.risk.TradingState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveredStateTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private JournalRecovery reopen(long windowNanos) {
        return OrderJournal.open(JournalFixture.config(dir).idempotencyWindowNanos(windowNanos).build());
    }

    @Test
    void shouldReportAFreshJournalAsEmptyAndClean() {
        JournalRecovery r = reopen(Long.MAX_VALUE);
        RecoveredState s = r.state();
        assertThat(s.isEmpty()).isTrue();
        assertThat(s.cleanShutdown()).isTrue();
        assertThat(s.nextOrderId()).isEqualTo(1);
        assertThat(s.openOrders()).isEmpty();
        r.journal().close();
    }

    @Test
    void shouldRebuildOpenOrdersWithTheirLastKnownStateAndTheUnknownOnes() {
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).build());
        Order resting = JournalFixture.order(1, "alpha", "a1", BTC, Side.BUY, BTC.qty("1"), BTC.price("60000"), T0);
        Order partly = JournalFixture.order(2, "alpha", "a2", BTC, Side.SELL, BTC.qty("1"), BTC.price("61000"), T0);
        Order done = JournalFixture.order(3, "beta", "b1", ETH, Side.BUY, ETH.qty("2"), ETH.price("3000"), T0);
        Order lost = JournalFixture.order(4, "beta", "b2", ETH, Side.BUY, ETH.qty("2"), ETH.price("3000"), T0);
        Order sentNeverAcked = JournalFixture.order(5, "beta", "b3", ETH, Side.SELL, ETH.qty("1"), ETH.price("3100"), T0);
        for (Order o : new Order[] {resting, partly, done, lost, sentNeverAcked}) {
            j.appendSubmitted(T0, o, "paper");
        }
        resting.accept(T0 + 1);
        j.appendState(T0 + 1, resting, 101);
        partly.accept(T0 + 1);
        partly.fill(BTC.qty("0.4"), BTC.price("61000"), 500, T0 + 2);
        j.appendFill(T0 + 2, JournalFixture.fill(partly, 9001, BTC.qty("0.4"), BTC.price("61000"), 500, T0 + 2));
        j.appendState(T0 + 2, partly, 102);
        done.accept(T0 + 1);
        done.cancel(T0 + 3);
        j.appendState(T0 + 3, done, 103);
        j.appendUnknown(T0 + 4, 4, OrderUnknownRecord.Request.NEW_ORDER);
        j.close();

        RecoveredState s = reopen(Long.MAX_VALUE).state();

        assertThat(s.openOrders()).extracting(RecoveredOrder::orderId).containsExactly(1L, 2L, 4L, 5L);
        assertThat(s.unknownOrders()).extracting(RecoveredOrder::orderId).containsExactly(4L);
        assertThat(s.order(4).unknownRequest()).isEqualTo(OrderUnknownRecord.Request.NEW_ORDER);
        RecoveredOrder p = s.order(2);
        assertThat(p.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(p.filledQty()).isEqualTo(BTC.qty("0.4"));
        assertThat(p.filledNotional()).isEqualTo(BTC.notional(BTC.price("61000"), BTC.qty("0.4")));
        assertThat(p.venueOrderId()).isEqualTo(102);
        assertThat(p.remainingQty()).isEqualTo(BTC.qty("0.6"));
        assertThat(s.order(5).status()).as("journaled, never acknowledged").isEqualTo(OrderStatus.NEW);
        assertThat(s.order(3).status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(s.order(3).isOpen()).isFalse();
        assertThat(s.cleanShutdown()).as("no SHUTDOWN record: a crash").isFalse();
        assertThat(s.nextOrderId()).isEqualTo(6);
    }

    @Test
    void shouldClearTheUnknownMarkWhenResolved() {
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).build());
        Order o = JournalFixture.order(1, "alpha", "a1", BTC, Side.BUY, BTC.qty("1"), BTC.price("60000"), T0);
        j.appendSubmitted(T0, o, "binance");
        j.appendUnknown(T0 + 1, 1, OrderUnknownRecord.Request.NEW_ORDER);
        j.appendResolved(T0 + 2, 1, OrderStatus.REJECTED, RejectReason.VENUE_ORDER_NOT_PLACED, 0);
        j.close();

        RecoveredState s = reopen(Long.MAX_VALUE).state();

        assertThat(s.unknownOrders()).isEmpty();
        assertThat(s.openOrders()).isEmpty();
        assertThat(s.order(1).status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(s.order(1).rejectReason()).isEqualTo(RejectReason.VENUE_ORDER_NOT_PLACED);
    }

    @Test
    void shouldClearTheUnknownMarkWhenTheVenueReportsTheOrdersEndButKeepItWhileOpen() {
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).build());
        Order ended = JournalFixture.order(1, "alpha", "a1", BTC, Side.BUY, BTC.qty("1"), BTC.price("60000"), T0);
        Order open = JournalFixture.order(2, "alpha", "a2", BTC, Side.BUY, BTC.qty("1"), BTC.price("59000"), T0);
        j.appendSubmitted(T0, ended, "binance");
        j.appendSubmitted(T0, open, "binance");
        ended.accept(T0 + 1);
        open.accept(T0 + 1);
        j.appendState(T0 + 1, ended, 11);
        j.appendState(T0 + 1, open, 12);
        j.appendUnknown(T0 + 2, 1, OrderUnknownRecord.Request.CANCEL);
        j.appendUnknown(T0 + 2, 2, OrderUnknownRecord.Request.CANCEL);
        ended.cancel(T0 + 3);
        j.appendState(T0 + 3, ended, 11); // the stream said CANCELED before the query answered
        j.appendState(T0 + 3, open, 12);
        j.close();

        RecoveredState s = reopen(Long.MAX_VALUE).state();

        assertThat(s.order(1).isUnknown()).as("an order that ended is known").isFalse();
        assertThat(s.unknownOrders()).extracting(RecoveredOrder::orderId).containsExactly(2L);
        assertThat(s.order(2).unknownRequest()).isEqualTo(OrderUnknownRecord.Request.CANCEL);
    }

    @Test
    void shouldNeverReuseAnOrderIdAfterRestartsEvenWhenOldOrdersLeftTheWindow() {
        for (int run = 0; run < 3; run++) {
            JournalRecovery r = reopen(SECOND);
            long next = r.state().nextOrderId();
            assertThat(next).isEqualTo(1 + 10L * run);
            OrderJournal j = r.journal();
            for (long id = next; id < next + 10; id++) {
                Order o = JournalFixture.order(id, "alpha", "c" + id, BTC, Side.BUY, BTC.qty("1"), BTC.price("100"),
                        T0 + id * 10 * SECOND);
                j.appendSubmitted(o.createdNanos(), o, "paper");
                o.reject(RejectReason.INSUFFICIENT_BALANCE, o.createdNanos());
                j.appendState(o.createdNanos(), o, 0);
            }
            j.close();
        }
        RecoveredState s = reopen(SECOND).state();
        assertThat(s.nextOrderId()).isEqualTo(31);
        assertThat(s.orders()).as("only the last order is inside the 1 s window").extracting(RecoveredOrder::orderId)
                .containsExactly(30L);
    }

    @Test
    void shouldKeepClientOrderIdsInsideTheIdempotencyWindowOnly() {
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).build());
        Order old = JournalFixture.order(1, "alpha", "old", BTC, Side.BUY, BTC.qty("1"), BTC.price("100"), T0);
        Order stillOpen = JournalFixture.order(2, "alpha", "open", BTC, Side.BUY, BTC.qty("1"), BTC.price("100"), T0);
        Order recent = JournalFixture.order(3, "beta", "recent", BTC, Side.BUY, BTC.qty("1"), BTC.price("100"), T0 + 50 * SECOND);
        j.appendSubmitted(T0, old, "paper");
        j.appendSubmitted(T0, stillOpen, "paper");
        old.accept(T0);
        old.cancel(T0 + SECOND);
        j.appendState(T0 + SECOND, old, 0);
        j.appendSubmitted(recent.createdNanos(), recent, "paper");
        recent.accept(T0 + 60 * SECOND);
        recent.cancel(T0 + 60 * SECOND);
        j.appendState(T0 + 60 * SECOND, recent, 0);
        j.close();

        RecoveredState s = reopen(30 * SECOND).state();

        assertThat(s.orderByClientId("alpha", "old")).as("canceled 59 s before the newest record").isNull();
        assertThat(s.orderByClientId("alpha", "open").orderId()).as("open orders are always kept").isEqualTo(2);
        assertThat(s.orderByClientId("beta", "recent").orderId()).isEqualTo(3);
        assertThat(s.orderByClientId("alpha", "recent")).as("client ids are per strategy").isNull();
        assertThat(s.clientOrderIds("alpha")).containsExactly("open");
    }

    @Test
    void shouldApplyAFillSeenTwiceOnlyOnceAndRememberItsTradeId() {
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).build());
        Order o = JournalFixture.order(1, "alpha", "a1", BTC, Side.BUY, BTC.qty("1"), BTC.price("60000"), T0);
        j.appendSubmitted(T0, o, "binance");
        o.accept(T0);
        o.fill(BTC.qty("0.5"), BTC.price("60000"), 0, T0);
        var f = JournalFixture.fill(o, 777, BTC.qty("0.5"), BTC.price("60000"), 0, T0);
        j.appendFill(T0, f);
        j.appendFill(T0 + 1, f);
        j.close();

        RecoveredState s = reopen(Long.MAX_VALUE).state();

        assertThat(s.position("alpha", "binance", "BTCUSDT").netQty()).isEqualTo(BTC.qty("0.5"));
        assertThat(s.order(1).filledQty()).isEqualTo(BTC.qty("0.5"));
        assertThat(s.duplicateFillsSkipped()).isEqualTo(1);
        assertThat(s.isFillApplied("binance", "BTCUSDT", 777)).isTrue();
        assertThat(s.isFillApplied("paper", "BTCUSDT", 777)).as("trade ids are per venue").isFalse();
        assertThat(s.isFillApplied("binance", "ETHUSDT", 777)).as("and per symbol").isFalse();
    }

    @Test
    void shouldRecoverKillSwitchStrategyStatesAndACleanShutdown() {
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).build());
        j.appendKillSwitch(T0, true, "loss limit");
        j.appendStrategyState(T0, "alpha", TradingState.HALTED, "manual");
        j.appendStrategyState(T0, "beta", TradingState.REDUCE_ONLY, "drawdown");
        j.appendStrategyState(T0 + 1, "alpha", TradingState.ACTIVE, "resumed");
        j.appendShutdown(T0 + 2);
        j.close();

        RecoveredState s = reopen(Long.MAX_VALUE).state();

        assertThat(s.killSwitchEngaged()).isTrue();
        assertThat(s.killSwitchReason()).isEqualTo("loss limit");
        assertThat(s.strategyState("alpha")).isEqualTo(TradingState.ACTIVE);
        assertThat(s.strategyState("beta")).isEqualTo(TradingState.REDUCE_ONLY);
        assertThat(s.strategyStateReason("beta")).isEqualTo("drawdown");
        assertThat(s.strategyState("gamma")).isEqualTo(TradingState.ACTIVE);
        assertThat(s.cleanShutdown()).isTrue();
        assertThat(s.isEmpty()).isFalse();
    }

    @Test
    void shouldReportACrashWhenRecordsFollowTheLastShutdown() {
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).build());
        j.appendShutdown(T0);
        j.appendKillSwitch(T0 + 1, false, "start");
        j.close();
        assertThat(reopen(Long.MAX_VALUE).state().cleanShutdown()).isFalse();
    }

    @Test
    void shouldRefuseAFillForAnOrderNeverJournaled() {
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).build());
        Order ghost = JournalFixture.order(9, "alpha", "g", BTC, Side.BUY, BTC.qty("1"), BTC.price("1"), T0);
        long p = j.appendFill(T0, JournalFixture.fill(ghost, 1, BTC.qty("1"), BTC.price("1"), 0, T0));
        j.close();

        JournalRecovery r = reopen(Long.MAX_VALUE);

        assertThat(r.ok()).isFalse();
        assertThat(r.journal()).isNull();
        assertThat(r.error().kind()).isEqualTo(JournalError.Kind.INCONSISTENT);
        assertThat(r.error().offset()).isEqualTo(p);
        assertThat(r.describe()).contains("refusing to trade", "order 9 was never journaled");
    }

    @Test
    void shouldRefuseAnOrderIdUsedTwice() {
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).build());
        j.appendSubmitted(T0, JournalFixture.order(5, "alpha", "a", BTC, Side.BUY, 1_000, 100, T0), "paper");
        j.appendSubmitted(T0, JournalFixture.order(5, "alpha", "b", BTC, Side.BUY, 1_000, 100, T0), "paper");
        j.close();
        JournalRecovery r = reopen(Long.MAX_VALUE);
        assertThat(r.ok()).isFalse();
        assertThat(r.error().message()).contains("order id 5 reused");
    }

    @Test
    void shouldRefuseAFillBeyondTheOrderQuantity() {
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).build());
        Order o = JournalFixture.order(1, "alpha", "a", BTC, Side.BUY, 1_000, 100, T0);
        j.appendSubmitted(T0, o, "paper");
        j.appendFill(T0, JournalFixture.fill(o, 1, 600, 100, 0, T0));
        j.appendFill(T0, JournalFixture.fill(o, 2, 600, 100, 0, T0));
        j.close();
        JournalRecovery r = reopen(Long.MAX_VALUE);
        assertThat(r.ok()).isFalse();
        assertThat(r.error().message()).contains("fill of 600 does not fit order 1");
    }

    @Test
    void shouldRefuseTwoOpenOrdersWithOneClientOrderId() {
        OrderJournal j = JournalFixture.open(JournalFixture.config(dir).build());
        j.appendSubmitted(T0, JournalFixture.order(1, "alpha", "same", BTC, Side.BUY, 1_000, 100, T0), "paper");
        j.appendSubmitted(T0, JournalFixture.order(2, "alpha", "same", BTC, Side.BUY, 1_000, 100, T0), "paper");
        j.close();
        JournalRecovery r = reopen(Long.MAX_VALUE);
        assertThat(r.ok()).isFalse();
        assertThat(r.error().message()).contains("client order id same of alpha already used by open order 1");
    }
}
