package io.ttquant.app.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.strategy.BaseStrategy;
import org.junit.jupiter.api.Test;

/**
 * A strategy whose callback throws, or is too slow for the callback budget, is quarantined: it gets
 * no more events, its open orders are canceled at the gateway, the reason is kept; the engine and
 * the other strategies trade on. Slowness is measured on an injected clock the strategies move.
 */
class StrategyEngineQuarantineTest {
    private static final CallbackBudget BUDGET = new CallbackBudget(1_000_000, 3, 250_000_000);

    /** Rests a limit buy far below the market at start, then does what {@link #onBarNumber} says. */
    private abstract static class Resting extends BaseStrategy {
        Instrument ins;
        Order resting;
        int bars;

        @Override
        protected void onStarted() {
            ins = ctx().instruments().get(0);
        }

        @Override
        public void onBar(Bar bar) {
            bars++;
            if (resting == null) {
                resting = ctx().buyLimit(ins, ins.qty("0.01"), ins.price("20000"), io.ttquant.core.order.TimeInForce.GTC);
            }
            onBarNumber(bars);
        }

        abstract void onBarNumber(int n);
    }

    /** Buys 0.001 at market on every third bar and sells what it holds on the others: it always trades. */
    private static final class Busy extends BaseStrategy {
        int bars;

        @Override
        public void onBar(Bar bar) {
            bars++;
            Instrument ins = bar.instrument();
            long held = position(ins).netQty();
            if (bars % 3 == 0) {
                ctx().buyMarket(ins, ins.qty("0.001"));
            } else if (held > 0) {
                ctx().sellMarket(ins, held);
            }
        }
    }

    @Test
    void shouldQuarantineAStrategyThatThrowsCancelItsOrdersAndKeepTheOthersTrading() {
        InProcessRig rig = new InProcessRig(ExchangeConfig.builder().build());
        Resting thrower = new Resting() {
            @Override
            void onBarNumber(int n) {
                if (n == 5) {
                    throw new IllegalStateException("bug in the strategy");
                }
            }
        };
        Busy busy = new Busy();
        rig.startEngine(BUDGET, InProcessRig.strategy("alpha", thrower, "100000"), InProcessRig.strategy("beta", busy, "100000"));
        feedBars(rig, 0, 5);

        StrategyEngine engine = rig.engine;
        assertThat(engine.state("alpha")).isEqualTo(StrategyEngine.State.QUARANTINED);
        assertThat(engine.reason("alpha")).contains("onBar threw").contains("bug in the strategy");
        assertThat(thrower.resting.status()).as("its resting order was canceled at the gateway").isEqualTo(OrderStatus.CANCELED);
        assertThat(engine.host("alpha").openOrders()).isEmpty();
        assertThat(rig.gateway.orderStatus("alpha", thrower.resting.clientOrderId())).isEqualTo(OrderStatus.CANCELED);
        assertThat(engine.cancelsSent("alpha")).isEqualTo(1);

        long betaOrders = engine.ordersSent("beta");
        feedBars(rig, 5, 10);
        assertThat(thrower.bars).as("no more events for the quarantined strategy").isEqualTo(5);
        assertThat(busy.bars).isEqualTo(10);
        assertThat(engine.ordersSent("beta")).isGreaterThan(betaOrders);
        assertThat(engine.state("beta")).isEqualTo(StrategyEngine.State.ACTIVE);
        assertThat(engine.portfolio("beta").position(InProcessRig.BTC).netQty())
                .isEqualTo(rig.gateway.position("beta", "BTCUSDT").netQty());
    }

    @Test
    void shouldQuarantineAStrategyWhoseCallbackTakesLongerThanTheHardLimit() {
        InProcessRig rig = new InProcessRig(ExchangeConfig.builder().build());
        Resting slow = new Resting() {
            @Override
            void onBarNumber(int n) {
                if (n == 3) {
                    rig.latency.nanos += 300_000_000; // one callback of 300 ms
                }
            }
        };
        Busy busy = new Busy();
        rig.startEngine(BUDGET, InProcessRig.strategy("alpha", slow, "100000"), InProcessRig.strategy("beta", busy, "100000"));
        feedBars(rig, 0, 6);

        assertThat(rig.engine.state("alpha")).isEqualTo(StrategyEngine.State.QUARANTINED);
        assertThat(rig.engine.reason("alpha")).contains("onBar").contains("hard limit");
        assertThat(slow.bars).isEqualTo(3);
        assertThat(slow.resting.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(rig.engine.state("beta")).isEqualTo(StrategyEngine.State.ACTIVE);
        assertThat(busy.bars).isEqualTo(6);
    }

    @Test
    void shouldQuarantineAfterConsecutiveSlowCallbacksButForgiveOccasionalOnes() {
        InProcessRig rig = new InProcessRig(ExchangeConfig.builder().build());
        Resting steadilySlow = new Resting() {
            @Override
            void onBarNumber(int n) {
                if (n >= 4) {
                    rig.latency.nanos += 2_000_000; // over the 1 ms budget from the 4th bar on
                }
            }
        };
        Resting sometimesSlow = new Resting() {
            @Override
            void onBarNumber(int n) {
                if (n % 2 == 0) {
                    rig.latency.nanos += 2_000_000; // every other callback over the budget, never three in a row
                }
            }
        };
        rig.startEngine(BUDGET, InProcessRig.strategy("alpha", steadilySlow, "100000"),
                InProcessRig.strategy("beta", sometimesSlow, "100000"));
        for (int i = 0; i < 12; i++) {
            rig.publish(rig.bar(InProcessRig.T0 + i * InProcessRig.MINUTE, "30000", "30010", "29990", "30000"));
        }

        assertThat(rig.engine.state("alpha")).isEqualTo(StrategyEngine.State.QUARANTINED);
        assertThat(rig.engine.reason("alpha")).contains("3 callbacks in a row");
        assertThat(steadilySlow.bars).as("quarantined on its third slow bar in a row").isEqualTo(6);
        assertThat(rig.engine.state("beta")).isEqualTo(StrategyEngine.State.ACTIVE);
        assertThat(sometimesSlow.bars).isEqualTo(12);
    }

    private static void feedBars(InProcessRig rig, int from, int to) {
        for (int i = from; i < to; i++) {
            long t = InProcessRig.T0 + i * InProcessRig.MINUTE;
            rig.publish(rig.quote(t, "29999.99", "30000.01"));
            rig.publish(rig.bar(t, "30000", "30010", "29990", "30000"));
        }
    }
}
