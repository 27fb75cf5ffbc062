package io.ttquant.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.instrument.Instrument;
import org.junit.jupiter.api.Test;

class OrderStateMachineTest {
    private final Instrument btc = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001").minNotional("5").build();

    private Order limit(long qty, long price) {
        return new Order(1, "c1", "s", btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, qty, price, 0, false, 0);
    }

    @Test
    void shouldFollowNewAcceptedPartiallyFilledFilled() {
        Order o = limit(100_000, 6_000_000);
        o.accept(1);
        o.fill(40_000, 6_000_000, 0, 2);
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        o.fill(60_000, 5_999_000, 0, 3);
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.remainingQty()).isZero();
        assertThat(o.avgFillPrice()).isCloseTo(59994.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void shouldRefuseIllegalTransitionsAndLeaveTheOrderUnchanged() {
        Order o = limit(100_000, 6_000_000);
        assertThatThrownBy(() -> o.fill(1, 6_000_000, 0, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> o.cancel(1)).isInstanceOf(IllegalStateException.class);
        assertThat(o.status()).isEqualTo(OrderStatus.NEW);
        o.accept(1);
        o.cancel(2);
        assertThatThrownBy(() -> o.accept(3)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> o.fill(1, 6_000_000, 0, 3)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> o.expire(RejectReason.IOC_REMAINDER, 3)).isInstanceOf(IllegalStateException.class);
        assertThat(o.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(o.filledQty()).isZero();
    }

    @Test
    void shouldRefuseOverfill() {
        Order o = limit(100_000, 6_000_000);
        o.accept(1);
        assertThatThrownBy(() -> o.fill(100_001, 6_000_000, 0, 2)).isInstanceOf(IllegalStateException.class);
        assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void shouldAllowOnlyTheDocumentedTransitions() {
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                boolean expected = switch (from) {
                    case NEW -> to == OrderStatus.ACCEPTED || to == OrderStatus.REJECTED;
                    case ACCEPTED, PARTIALLY_FILLED -> to == OrderStatus.PARTIALLY_FILLED || to == OrderStatus.FILLED
                            || to == OrderStatus.CANCELED || to == OrderStatus.EXPIRED;
                    default -> false;
                };
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldValidateAgainstInstrumentFilters() {
        assertThat(limit(100_000, 6_000_001).validate()).isNull();
        assertThat(limit(100_000, 0).validate()).isEqualTo(RejectReason.MISSING_PRICE);
        assertThat(limit(1, 6_000_000).validate()).isEqualTo(RejectReason.NOTIONAL_BELOW_MIN);
        assertThat(limit(0, 6_000_000).validate()).isEqualTo(RejectReason.QTY_BELOW_MIN);
        Instrument coarse = Instrument.builder("ETHUSDT").tickSize("0.5").stepSize("0.001").build();
        Order offTick = new Order(2, "c2", "s", coarse, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 1000, 30_003, 0, false, 0);
        assertThat(offTick.validate()).isEqualTo(RejectReason.PRICE_NOT_ON_TICK);
        Order offStep = new Order(3, "c3", "s", btc, Side.SELL, OrderType.STOP_LIMIT, TimeInForce.GTC, 100_000, 6_000_000, 0, false, 0);
        assertThat(offStep.validate()).isEqualTo(RejectReason.MISSING_STOP_PRICE);
        Order postOnlyMarket = new Order(4, "c4", "s", btc, Side.BUY, OrderType.MARKET, TimeInForce.GTX, 100_000, 0, 0, false, 0);
        assertThat(postOnlyMarket.validate()).isEqualTo(RejectReason.INVALID_TIME_IN_FORCE);
    }
}
