package io.ttquant.core.exchange;

import static io.ttquant.core.exchange.ExchangeHarness.MINUTE;
import static io.ttquant.core.exchange.ExchangeHarness.MS;
import static io.ttquant.core.exchange.ExchangeHarness.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.Side;
import org.junit.jupiter.api.Test;

class CancelTest {

    private static ExchangeHarness harness(long latencyNanos) {
        return new ExchangeHarness(ExchangeHarness.config().latency(LatencyModel.constant(latencyNanos)));
    }

    @Test
    void shouldCancelAnOrderWhoseCancelWasSentBeforeItArrived() {
        ExchangeHarness h = harness(MS);
        h.quote(T0, "99.99", "1", "100.00", "1");
        Order o = h.submit(T0, h.limit(Side.BUY, "1", "90"));

        assertThat(h.cancel(T0 + MS / 2, o)).isTrue();
        h.advance(T0 + MS);
        assertThat(h.events(o)).containsExactly("ACCEPTED");
        h.advance(T0 + 2 * MS);

        assertThat(h.events(o)).containsExactly("ACCEPTED", "CANCELED");
        assertThat(o.updatedNanos()).isEqualTo(T0 + MS + MS / 2);
        assertThat(h.ex.openOrderCount()).isZero();
        h.trade(T0 + 3 * MS, "80.00", "1", Side.SELL);
        assertThat(h.fills).isEmpty();
    }

    @Test
    void shouldIgnoreACancelThatArrivesAfterTheOrderFilled() {
        ExchangeHarness h = harness(MS);
        h.quote(T0, "99.99", "1", "100.00", "1");
        Order o = h.submit(T0, h.market(Side.BUY, "1"));

        assertThat(h.cancel(T0 + MS / 2, o)).isTrue();   // still in flight: the venue cannot know yet
        h.advance(T0 + 2 * MS);

        assertThat(h.events(o)).containsExactly("ACCEPTED", "FILL 1@100 TAKER", "FILLED");
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void shouldRefuseToCancelAnUnknownOrFinishedOrder() {
        ExchangeHarness h = harness(0);
        h.quote(T0, "99.99", "1", "100.00", "1");
        Order filled = h.place(T0, h.market(Side.BUY, "1"));
        Order neverSent = h.limit(Side.BUY, "1", "90");

        assertThat(h.cancel(T0 + MS, filled)).isFalse();
        assertThat(h.cancel(T0 + MS, neverSent)).isFalse();
        assertThat(h.ex.pendingArrivalCount()).isZero();
    }

    @Test
    void shouldCancelUntriggeredStopsAndOrdersWaitingForTheNextBar() {
        ExchangeHarness h = harness(0);
        h.bar(T0, MINUTE, "100", "102", "99", "101", "10");
        Order stop = h.place(T0 + MINUTE, h.stopMarket(Side.BUY, "1", "110"));
        Order waiting = h.place(T0 + MINUTE, h.market(Side.BUY, "1"));
        assertThat(h.ex.openOrderCount()).isEqualTo(2);

        assertThat(h.cancel(T0 + MINUTE, stop)).isTrue();
        assertThat(h.cancel(T0 + MINUTE, waiting)).isTrue();
        h.advance(T0 + MINUTE);
        h.bar(T0 + MINUTE, MINUTE, "111", "112", "110", "111", "10");

        assertThat(h.events(stop)).containsExactly("ACCEPTED", "CANCELED");
        assertThat(h.events(waiting)).containsExactly("ACCEPTED", "CANCELED");
        assertThat(h.fills).isEmpty();
        assertThat(h.ex.openOrderCount()).isZero();
    }

    @Test
    void shouldKeepACancelBehindItsOrderEvenWithRandomLatency() {
        ExchangeHarness h = new ExchangeHarness(ExchangeHarness.config()
                .latency(LatencyModel.uniformRandom(0, 50 * MS, 7)));
        h.quote(T0, "99.99", "1", "100.00", "1");
        for (int i = 0; i < 50; i++) {
            Order o = h.submit(T0 + i, h.limit(Side.BUY, "1", "90"));
            h.cancel(T0 + i, o);
        }
        h.advance(T0 + 100 * MS);

        assertThat(h.ex.openOrderCount()).isZero();
        assertThat(h.ex.pendingArrivalCount()).isZero();
    }
}
