package io.ttquant.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.instrument.Instrument;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OrderReuseTest {
    private final Instrument btc = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001").minNotional("5").build();

    @Test
    void shouldForgetTheWholePreviousLifeWhenReused() {
        byte[] id = "xx-first-1".getBytes(StandardCharsets.US_ASCII);
        Order o = Order.blank().reuse(7, id, 3, 7, "s1", btc, Side.SELL, OrderType.STOP_LIMIT, TimeInForce.IOC,
                200_000, 6_000_000, 6_100_000, true, 10);
        o.accept(11);
        o.trigger(12);
        o.fill(100_000, 6_000_000, 42, 13);
        o.setReserved(5);
        o.cancel(14);
        assertThat(o.clientOrderId()).isEqualTo("first-1");

        byte[] second = "second".getBytes(StandardCharsets.US_ASCII);
        Order same = o.reuse(8, second, 0, second.length, "s2", btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                300_000, 5_900_000, 0, false, 20);

        assertThat(same).isSameAs(o);
        assertThat(o.orderId()).isEqualTo(8);
        assertThat(o.clientOrderId()).isEqualTo("second");
        assertThat(o.strategyId()).isEqualTo("s2");
        assertThat(o.side()).isEqualTo(Side.BUY);
        assertThat(o.type()).isEqualTo(OrderType.LIMIT);
        assertThat(o.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(new long[] {o.quantity(), o.price(), o.stopPrice(), o.createdNanos(), o.updatedNanos()})
                .containsExactly(300_000, 5_900_000, 0, 20, 20);
        assertThat(o.reduceOnly()).isFalse();
        assertThat(o.status()).isEqualTo(OrderStatus.NEW);
        assertThat(o.reason()).isNull();
        assertThat(new long[] {o.filledQty(), o.filledNotional(), o.feesPaid(), o.reserved()}).containsOnly(0);
        assertThat(o.isTriggered()).isFalse();
        assertThat(o.validate()).isNull();
        o.accept(21);
        o.fill(300_000, 5_900_000, 0, 22);
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void shouldKeepTheClientOrderIdAsBytesUntilAskedAndCopyItIntoRequests() {
        byte[] id = "abc".getBytes(StandardCharsets.US_ASCII);
        Order o = Order.blank().reuse(1, id, 0, 3, "s", btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                100_000, 6_000_000, 0, false, 0);
        id[0] = 'z'; // the order holds its own copy
        assertThat(o.copyRequest().clientOrderId()).isEqualTo("abc");
        assertThat(o.clientOrderId()).isSameAs(o.clientOrderId());
    }

    @Test
    void shouldRefuseClientOrderIdsLongerThanThirtySixBytes() {
        byte[] id = new byte[37];
        assertThatThrownBy(() -> Order.blank().reuse(1, id, 0, 37, "s", btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                100_000, 6_000_000, 0, false, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldBuildOrdersWithTheConstructorExactlyAsBefore() {
        Order o = new Order(3, "c3", "s", btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100_000, 6_000_000, 0, false, 5);
        assertThat(o.clientOrderId()).isEqualTo("c3");
        assertThat(o.toString()).contains("c3");
        assertThat(Order.blank().toString()).isEqualTo("Order{blank}");
    }
}
