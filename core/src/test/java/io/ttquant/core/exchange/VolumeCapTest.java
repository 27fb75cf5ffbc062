package io.ttquant.core.exchange;

import static io.ttquant.core.exchange.ExchangeHarness.MINUTE;
import static io.ttquant.core.exchange.ExchangeHarness.T0;
import static io.ttquant.core.exchange.ExchangeHarness.qty;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import org.junit.jupiter.api.Test;

class VolumeCapTest {

    private static ExchangeHarness harness(BarFillMode mode) {
        return new ExchangeHarness(ExchangeHarness.config().maxBarVolumeFraction(0.1).barFillMode(mode));
    }

    @Test
    void shouldSpreadAMarketOrderOverBarsAtEachOpenUnderTheVolumeCap() {
        ExchangeHarness h = harness(BarFillMode.NEXT_OPEN);
        h.bar(T0, MINUTE, "100", "100", "100", "100", "5");
        Order o = h.place(T0 + MINUTE, h.market(Side.BUY, "2"));

        for (int i = 1; i <= 4; i++) {
            String open = Integer.toString(100 + i);
            h.bar(T0 + i * MINUTE, MINUTE, open, open, open, open, "5");
        }

        assertThat(h.fills(o)).extracting(Fill::qty).containsExactly(qty("0.5"), qty("0.5"), qty("0.5"), qty("0.5"));
        assertThat(h.fills(o)).extracting(Fill::price)
                .containsExactly(ExchangeHarness.px("101"), ExchangeHarness.px("102"), ExchangeHarness.px("103"),
                        ExchangeHarness.px("104"));
        assertThat(h.fills(o)).extracting(Fill::timeNanos)
                .containsExactly(T0 + MINUTE, T0 + 2 * MINUTE, T0 + 3 * MINUTE, T0 + 4 * MINUTE);
        assertThat(h.events(o)).endsWith("FILLED");
        assertThat(h.ex.openOrderCount()).isZero();
    }

    @Test
    void shouldExpireTheIocRemainderLeftByTheVolumeCap() {
        ExchangeHarness h = harness(BarFillMode.NEXT_OPEN);
        h.bar(T0, MINUTE, "100", "100", "100", "100", "5");
        Order o = h.place(T0 + MINUTE, h.market(Side.SELL, "2", TimeInForce.IOC));

        h.bar(T0 + MINUTE, MINUTE, "99", "99", "99", "99", "5");

        assertThat(h.events(o)).containsExactly("ACCEPTED", "FILL 0.5@99 TAKER", "PARTIALLY_FILLED",
                "EXPIRED VOLUME_CAP_EXPIRED");
    }

    @Test
    void shouldExpireAFokThatTheVolumeCapCannotFill() {
        ExchangeHarness h = harness(BarFillMode.CLOSE);
        h.bar(T0, MINUTE, "100", "100", "100", "100", "5");

        Order o = h.place(T0 + MINUTE, h.market(Side.BUY, "2", TimeInForce.FOK));

        assertThat(h.events(o)).containsExactly("ACCEPTED", "EXPIRED FOK_NOT_FILLABLE");
    }

    @Test
    void shouldCountACloseModeArrivalFillAgainstTheLastBarAndContinueAtTheNextOpen() {
        ExchangeHarness h = harness(BarFillMode.CLOSE);
        h.bar(T0, MINUTE, "100", "100", "100", "100", "5");

        Order o = h.place(T0 + MINUTE, h.market(Side.BUY, "0.8"));
        h.bar(T0 + MINUTE, MINUTE, "101", "101", "101", "101", "5");

        assertThat(h.events(o)).containsExactly("ACCEPTED", "FILL 0.5@100 TAKER", "PARTIALLY_FILLED",
                "FILL 0.3@101 TAKER", "FILLED");
    }

    @Test
    void shouldCapRestingLimitFillsPerBarAndFloorTheCapToTheStep() {
        ExchangeHarness h = harness(BarFillMode.NEXT_OPEN);
        h.bar(T0, MINUTE, "100", "100", "100", "100", "5");
        Order o = h.place(T0 + MINUTE, h.limit(Side.BUY, "1", "99"));

        h.bar(T0 + MINUTE, MINUTE, "100", "100", "98", "99", "5.555");     // cap 0.5555 -> 0.555
        h.bar(T0 + 2 * MINUTE, MINUTE, "100", "100", "98", "99", "0.009"); // cap 0.0009 -> 0
        h.bar(T0 + 3 * MINUTE, MINUTE, "100", "100", "98", "99", "50");

        assertThat(h.fills(o)).extracting(Fill::qty).containsExactly(qty("0.555"), qty("0.445"));
        assertThat(h.fills(o)).allMatch(f -> f.price() == ExchangeHarness.px("99"));
    }

    @Test
    void shouldNotExceedTheCapWhenTheSameBarIsDeliveredTwice() {
        ExchangeHarness h = harness(BarFillMode.NEXT_OPEN);
        h.bar(T0, MINUTE, "100", "100", "100", "100", "5");
        Order o = h.place(T0 + MINUTE, h.limit(Side.BUY, "2", "99"));

        h.bar(T0 + MINUTE, MINUTE, "100", "100", "98", "99", "5");
        h.bar(T0 + MINUTE, MINUTE, "100", "100", "98", "99", "5");   // a replayed duplicate

        assertThat(h.fills(o)).extracting(Fill::qty).containsExactly(qty("0.5"));
    }
}
