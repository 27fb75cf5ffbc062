package io.ttquant.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.LiquiditySide;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A portfolio restored from a position's numbers is the portfolio the fills built, to the last unit. */
class PortfolioRestoreTest {
    private final Instrument btc = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001").minNotional("5").build();
    private long nextId = 1;

    private void trade(Portfolio p, Side side, long qty, long price, long fee) {
        Order o = new Order(nextId++, "c", "s", btc, side, OrderType.LIMIT, TimeInForce.GTC, qty, price, 0, false, 0);
        o.accept(0);
        o.fill(qty, price, fee, 0);
        p.applyFill(o, new Fill(o.orderId(), "c", "s", btc, side, nextId, price, qty, fee, "USDT", LiquiditySide.TAKER, 0));
        p.release(o);
    }

    @Test
    void shouldGiveThePositionBalancesAndFeesOfTheFillsThatBuiltIt() {
        SplittableRandom r = new SplittableRandom(7);
        for (int run = 0; run < 200; run++) {
            Portfolio live = new Portfolio("USDT", 0);
            live.register(btc);
            long price = 3_000_000;
            for (int i = 0, n = 1 + r.nextInt(40); i < n; i++) {
                price = Math.max(100_000, price + r.nextLong(-5_000, 5_001));
                long qty = 1 + r.nextInt(80_000);
                long fee = Fixed.feePpm(btc.notional(price, qty), 750);
                trade(live, r.nextBoolean() ? Side.BUY : Side.SELL, qty, price, fee);
            }
            Position was = live.position(btc);

            Portfolio restored = new Portfolio("USDT", 0);
            restored.register(btc);
            Position p = restored.restorePosition(btc, was.netQty(), was.costBasis(), was.realizedPnl());
            restored.restoreFees("USDT", live.feesPaid("USDT"));

            assertThat(new long[] {p.netQty(), p.costBasis(), p.realizedPnl(), p.avgEntryPrice()})
                    .containsExactly(was.netQty(), was.costBasis(), was.realizedPnl(), was.avgEntryPrice());
            assertThat(restored.balance("BTC")).isEqualTo(live.balance("BTC"));
            assertThat(restored.balance("USDT")).isEqualTo(live.balance("USDT"));
            assertThat(restored.feesPaid("USDT")).isEqualTo(live.feesPaid("USDT"));
            assertThat(restored.totalFeesInValuation()).isEqualTo(live.totalFeesInValuation());
            // and the next fill lands on both alike
            trade(live, Side.SELL, 12_345, price, 3);
            trade(restored, Side.SELL, 12_345, price, 3);
            assertThat(new long[] {p.netQty(), p.costBasis(), p.realizedPnl()})
                    .containsExactly(was.netQty(), was.costBasis(), was.realizedPnl());
            assertThat(restored.balance("USDT")).isEqualTo(live.balance("USDT"));
        }
    }

    @Test
    void shouldRestoreOnlyAPositionThatSawNoFillAndOnlyConsistentNumbers() {
        Portfolio p = new Portfolio("USDT", 0);
        assertThatThrownBy(() -> p.restorePosition(btc, 0, 5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.restorePosition(btc, 100, -5, 0)).isInstanceOf(IllegalArgumentException.class);
        trade(p, Side.BUY, 1_000, 3_000_000, 0);
        assertThatThrownBy(() -> p.restorePosition(btc, 100, 5, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.restoreFees("USDT", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
