package io.ttquant.app.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.portfolio.Portfolio;
import io.ttquant.core.strategy.BaseStrategy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Before a strategy trades, the engine asks the gateway for its open orders and positions and
 * restores them: a restarted engine's strategy sees its real position and its working order (which
 * it can cancel), its cash account matches the one that traded, and its new client order ids never
 * repeat one the gateway remembers. Without an answer it asks again and does not trade.
 */
class StrategyEngineStartupSyncTest {
    /** On its first quote: rests a limit buy and buys at market; afterwards does nothing. */
    private static final class Opener extends BaseStrategy {
        Order resting;
        Order market;

        @Override
        public void onQuote(io.ttquant.core.marketdata.QuoteTick quote) {
            if (resting == null) {
                Instrument ins = quote.instrument();
                resting = ctx().buyLimit(ins, ins.qty("0.01"), ins.price("20000"), io.ttquant.core.order.TimeInForce.GTC);
                market = ctx().buyMarket(ins, ins.qty("0.02"));
            }
        }
    }

    /** Records what it sees at start; cancels its open orders and buys at market on its first bar. */
    private static final class Observer extends BaseStrategy {
        long positionAtStart = Long.MIN_VALUE;
        final List<String> openAtStart = new ArrayList<>();
        final List<Order> updates = new ArrayList<>();
        Order bought;
        int bars;

        @Override
        protected void onStarted() {
            Instrument ins = ctx().instruments().get(0);
            positionAtStart = position(ins).netQty();
            for (Order o : ctx().openOrders()) {
                openAtStart.add(o.clientOrderId() + " " + o.status() + " " + o.side() + " " + o.quantity() + "@" + o.price());
            }
        }

        @Override
        public void onBar(Bar bar) {
            if (++bars == 1) {
                for (Order o : new ArrayList<>(ctx().openOrders())) {
                    ctx().cancel(o);
                }
                bought = ctx().buyMarket(bar.instrument(), bar.instrument().qty("0.01"));
            }
        }

        @Override
        public void onOrderUpdate(Order order) {
            updates.add(order);
        }
    }

    @Test
    void shouldRestoreOpenOrdersAndPositionFromTheGatewayBeforeTheStrategyTrades() {
        InProcessRig rig = new InProcessRig(ExchangeConfig.builder().build());
        Opener opener = new Opener();
        rig.startEngine(CallbackBudget.DEFAULT, InProcessRig.strategy("alpha", opener, "100000"));
        rig.publish(rig.quote(InProcessRig.T0 + 1_000, "29999", "30001"));
        assertThat(opener.market.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(opener.resting.status()).isEqualTo(OrderStatus.ACCEPTED);
        Portfolio before = rig.engine.portfolio("alpha");

        // The strategy process restarts: a new engine, a new strategy object, the same gateway.
        Observer observer = new Observer();
        rig.startEngine(CallbackBudget.DEFAULT, InProcessRig.strategy("alpha", observer, "100000"));

        StrategyEngine engine = rig.engine;
        assertThat(engine.state("alpha")).isEqualTo(StrategyEngine.State.ACTIVE);
        assertThat(observer.positionAtStart).isEqualTo(InProcessRig.BTC.qty("0.02"));
        assertThat(observer.openAtStart).containsExactly(opener.resting.clientOrderId() + " ACCEPTED BUY "
                + InProcessRig.BTC.qty("0.01") + "@" + InProcessRig.BTC.price("20000"));
        Portfolio after = engine.portfolio("alpha");
        for (String asset : before.assetNames()) {
            assertThat(after.balance(asset)).as("balance of " + asset).isEqualTo(before.balance(asset));
            assertThat(after.locked(asset)).as("locked " + asset + " for the working order").isEqualTo(before.locked(asset));
            assertThat(after.feesPaid(asset)).as("fees in " + asset).isEqualTo(before.feesPaid(asset));
        }
        assertThat(after.position(InProcessRig.BTC).costBasis()).isEqualTo(before.position(InProcessRig.BTC).costBasis());

        // The adopted order is the strategy's own: its cancel reaches the gateway; new ids continue above the old ones.
        rig.publish(rig.bar(InProcessRig.T0 + InProcessRig.MINUTE, "30000", "30010", "29990", "30000"));
        rig.publish(rig.quote(InProcessRig.T0 + 2 * InProcessRig.MINUTE, "29999", "30001"));
        assertThat(rig.gateway.orderStatus("alpha", opener.resting.clientOrderId())).isEqualTo(OrderStatus.CANCELED);
        assertThat(engine.host("alpha").openOrders()).isEmpty();
        assertThat(observer.updates).anyMatch(o -> o.clientOrderId().equals(opener.resting.clientOrderId())
                && o.status() == OrderStatus.CANCELED);
        assertThat(observer.bought.clientOrderId()).isEqualTo("alpha-3");
        assertThat(observer.bought.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(engine.portfolio("alpha").position(InProcessRig.BTC).netQty())
                .isEqualTo(rig.gateway.position("alpha", "BTCUSDT").netQty())
                .isEqualTo(InProcessRig.BTC.qty("0.03"));
        assertThat(engine.positionMismatches("alpha")).isZero();
    }

    @Test
    void shouldAskAgainAndNotTradeWhileTheGatewayDoesNotAnswer() {
        InProcessRig rig = new InProcessRig(ExchangeConfig.builder().build());
        rig.answerStateRequests = false;
        Observer observer = new Observer();
        rig.startEngine(CallbackBudget.DEFAULT, InProcessRig.strategy("alpha", observer, "100000"));
        assertThat(rig.stateRequests).hasSize(1);
        for (int i = 0; i < 5; i++) {
            rig.publish(rig.bar(InProcessRig.T0 + i * InProcessRig.MINUTE, "30000", "30010", "29990", "30000"));
        }
        assertThat(rig.stateRequests).as("each bar closes a minute later: past the 1 s timeout, one more request each").hasSize(6);
        assertThat(rig.engine.state("alpha")).isEqualTo(StrategyEngine.State.SYNCING);
        assertThat(rig.engine.syncProblem("alpha")).contains("no answer from the gateway");
        assertThat(observer.positionAtStart).as("never started").isEqualTo(Long.MIN_VALUE);
        assertThat(observer.bars).isZero();
        assertThat(rig.engine.ordersSent("alpha")).isZero();

        // The gateway answers the latest request: the strategy starts trading.
        rig.answerStateRequests = true;
        long[] latest = rig.stateRequests.get(rig.stateRequests.size() - 1);
        rig.stateRequests.clear();
        rig.stateRequests.add(latest);
        rig.pump();
        assertThat(rig.engine.state("alpha")).isEqualTo(StrategyEngine.State.ACTIVE);
        assertThat(observer.positionAtStart).isZero();
    }
}
