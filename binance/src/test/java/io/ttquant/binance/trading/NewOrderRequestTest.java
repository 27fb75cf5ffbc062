package io.ttquant.binance.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import org.junit.jupiter.api.Test;

/** {@link NewOrderRequest}: the parameters each Binance type takes, checked once. */
class NewOrderRequestTest {
    private static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");

    @Test
    void shouldDefaultLimitOrdersToGtcAndFullAnswers() {
        NewOrderRequest o = NewOrderRequest.builder(BTC, Side.BUY, BinanceOrderType.LIMIT).quantity(100).price(5_432_107).build();
        assertThat(o.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(o.responseType()).isEqualTo(ResponseType.FULL);
        assertThat(o.toString()).isEqualTo("BUY LIMIT 0.001 BTCUSDT @ 54321.07 GTC id=null");
        NewOrderRequest m = NewOrderRequest.market(BTC, Side.SELL, 1, "x-1");
        assertThat(m.timeInForce()).isNull();
        assertThat(m.price()).isZero();
    }

    @Test
    void shouldRefuseParametersTheTypeDoesNotTake() {
        assertThatThrownBy(() -> NewOrderRequest.builder(BTC, Side.BUY, BinanceOrderType.LIMIT).quantity(100).build())
                .hasMessageContaining("needs a positive price");
        assertThatThrownBy(() -> NewOrderRequest.builder(BTC, Side.BUY, BinanceOrderType.MARKET).quantity(100).price(1).build())
                .hasMessageContaining("takes no price");
        assertThatThrownBy(() -> NewOrderRequest.builder(BTC, Side.BUY, BinanceOrderType.MARKET).quantity(100)
                .timeInForce(TimeInForce.IOC).build()).hasMessageContaining("takes no time in force");
        assertThatThrownBy(() -> NewOrderRequest.builder(BTC, Side.BUY, BinanceOrderType.STOP_LOSS_LIMIT).quantity(100).price(1).build())
                .hasMessageContaining("needs a positive stop price");
        assertThatThrownBy(() -> NewOrderRequest.limit(BTC, Side.BUY, 100, 1, TimeInForce.GTX, null))
                .hasMessageContaining("LIMIT_MAKER");
        assertThatThrownBy(() -> NewOrderRequest.market(BTC, Side.BUY, 0, null)).hasMessageContaining("positive quantity");
        assertThatThrownBy(() -> NewOrderRequest.market(BTC, Side.BUY, 1, "has space")).hasMessageContaining("client order id");
        assertThatThrownBy(() -> NewOrderRequest.market(BTC, Side.BUY, 1, "x".repeat(37))).hasMessageContaining("client order id");
        assertThat(NewOrderRequest.market(BTC, Side.BUY, 1, "a.b:c/d_e-F9").clientOrderId()).isEqualTo("a.b:c/d_e-F9");
    }

    @Test
    void shouldMapCoreOrderTypesToBinanceTypes() {
        assertThat(BinanceOrderType.of(OrderType.LIMIT, TimeInForce.GTC)).isEqualTo(BinanceOrderType.LIMIT);
        assertThat(BinanceOrderType.of(OrderType.LIMIT, TimeInForce.GTX)).isEqualTo(BinanceOrderType.LIMIT_MAKER);
        assertThat(BinanceOrderType.of(OrderType.MARKET, null)).isEqualTo(BinanceOrderType.MARKET);
        assertThat(BinanceOrderType.of(OrderType.STOP_MARKET, null)).isEqualTo(BinanceOrderType.STOP_LOSS);
        assertThat(BinanceOrderType.of(OrderType.STOP_LIMIT, TimeInForce.GTC)).isEqualTo(BinanceOrderType.STOP_LOSS_LIMIT);
    }
}
