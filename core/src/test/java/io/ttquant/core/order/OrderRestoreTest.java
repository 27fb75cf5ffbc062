package io.ttquant.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.instrument.Instrument;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OrderRestoreTest {
    private final Instrument btc = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001").minNotional("5").build();
    private final byte[] id = "restored-1".getBytes(StandardCharsets.US_ASCII);

    private Order fresh() {
        return Order.blank().reuse(9, id, 0, id.length, "s1", btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                300_000, 5_900_000, 0, false, 100);
    }

    @Test
    void shouldTakeTheStoredStateAndThenFollowTheNormalLifeCycle() {
        long third = btc.notional(5_900_000, 100_000);
        Order o = fresh().restore(OrderStatus.PARTIALLY_FILLED, null, 100_000, third, 590_000L, 150);

        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(new long[] {o.filledQty(), o.remainingQty(), o.filledNotional(), o.feesPaid(), o.updatedNanos()})
                .containsExactly(100_000, 200_000, third, 590_000L, 150);
        o.fill(200_000, 5_900_000, 10, 160);
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.filledNotional()).isEqualTo(3 * third);
        assertThat(o.feesPaid()).isEqualTo(590_010L);
    }

    @Test
    void shouldRestoreTerminalStatesWithTheirReason() {
        Order o = fresh().restore(OrderStatus.EXPIRED, RejectReason.IOC_REMAINDER, 0, 0, 0, 120);

        assertThat(o.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(o.reason()).isEqualTo(RejectReason.IOC_REMAINDER);
        assertThatThrownBy(() -> o.cancel(130)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseStoredValuesThatContradictEachOther() {
        assertThatThrownBy(() -> fresh().restore(OrderStatus.FILLED, null, 100_000, 1, 0, 120))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FILLED");
        assertThatThrownBy(() -> fresh().restore(OrderStatus.ACCEPTED, null, 1, 1, 0, 120))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fresh().restore(OrderStatus.PARTIALLY_FILLED, null, 400_000, 1, 0, 120))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> fresh().restore(OrderStatus.CANCELED, RejectReason.IOC_REMAINDER, 0, 0, 0, 120))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        Order o = fresh();
        assertThatThrownBy(() -> o.restore(null, null, 0, 0, 0, 120)).isInstanceOf(IllegalArgumentException.class);
        assertThat(o.status()).isEqualTo(OrderStatus.NEW);
    }
}
