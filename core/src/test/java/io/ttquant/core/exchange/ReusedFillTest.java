package io.ttquant.core.exchange;

import static io.ttquant.core.exchange.ExchangeHarness.MS;
import static io.ttquant.core.exchange.ExchangeHarness.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.order.Fill;
import io.ttquant.core.order.LiquiditySide;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SimulatedExchange#reuseFills()} (the gateway's paper venue) reports exactly what a fresh
 * fill per execution would, through one reused object.
 */
class ReusedFillTest {
    private static List<String> run(boolean reuse) {
        ExchangeHarness h = new ExchangeHarness(ExchangeHarness.config().makerFeePpm(200).takerFeePpm(1000));
        if (reuse) {
            h.ex.reuseFills();
        }
        h.trade(T0, "101.00", "1", Side.BUY);
        Order resting = h.place(T0, h.limit(Side.BUY, "2", "100.00"));
        h.trade(T0 + MS, "99.90", "0.5", Side.SELL);
        h.trade(T0 + 2 * MS, "99.80", "3", Side.SELL);
        h.quote(T0 + 3 * MS, "99.70", "5", "99.80", "0.3");
        Order taker = h.place(T0 + 4 * MS, h.market(Side.BUY, "0.3"));
        List<String> out = new java.util.ArrayList<>(h.events(resting));
        out.addAll(h.events(taker));
        return out;
    }

    @Test
    void shouldReportTheSameExecutionsAsFreshFills() {
        List<String> fresh = run(false);
        assertThat(fresh).contains("FILLED").anyMatch(e -> e.startsWith("FILL "));
        assertThat(run(true)).isEqualTo(fresh);
    }

    @Test
    void shouldReuseOneObjectAndReadTheClientIdFromTheOrder() {
        ExchangeHarness h = new ExchangeHarness(ExchangeHarness.config());
        h.ex.reuseFills();
        h.quote(T0, "99.00", "5", "100.00", "5");
        Order a = h.place(T0, h.market(Side.BUY, "1"));
        Order b = h.place(T0 + MS, h.market(Side.BUY, "1"));
        assertThat(h.fills).hasSize(2);
        assertThat(h.fills.get(0)).isSameAs(h.fills.get(1));
        Fill f = h.fills.get(1);
        assertThat(f.orderId()).isEqualTo(b.orderId());
        assertThat(f.clientOrderId()).isEqualTo(b.clientOrderId()).isNotEqualTo(a.clientOrderId());
        assertThat(f.liquidity()).isEqualTo(LiquiditySide.TAKER);
    }

    @Test
    void shouldRefuseToRefillAnImmutableFill() {
        ExchangeHarness h = new ExchangeHarness(ExchangeHarness.config());
        h.quote(T0, "99.00", "5", "100.00", "5");
        Order a = h.place(T0, h.market(Side.BUY, "1"));
        Fill kept = h.fills.get(0);
        assertThatThrownBy(() -> kept.reuse(a, 9, 1, 1, 0, "USDT", LiquiditySide.TAKER, T0))
                .isInstanceOf(IllegalStateException.class);
    }
}
