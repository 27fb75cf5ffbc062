package io.ttquant.sim.market;

import io.ttquant.core.order.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.ttquant.sim.market.Harness.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class OrderValidationTest {
    private final Harness h = new Harness(SimConfig.builder().flowIntensity(0).marketMaxQty(BTC, "100"));

    private static OrderRequest.Builder limit() {
        return OrderRequest.builder(BTC).side(Side.BUY).type(OrderType.LIMIT).timeInForce(TimeInForce.GTC)
                .quantity("0.1").price("60000");
    }

    private static OrderRequest.Builder market() {
        return OrderRequest.builder(BTC).side(Side.SELL).type(OrderType.MARKET).quantity("0.1");
    }

    static Stream<Arguments> filterFailures() {
        return Stream.of(
                arguments("price off the tick", limit().price("60000.001"), "PRICE_FILTER"),
                arguments("price zero", limit().price("0"), "PRICE_FILTER"),
                arguments("stop price off the tick", OrderRequest.builder(BTC).side(Side.SELL).type(OrderType.STOP_LOSS)
                        .quantity("0.1").stopPrice("100.005"), "PRICE_FILTER"),
                arguments("quantity off the step", limit().quantity("0.000011"), "LOT_SIZE"),
                arguments("quantity zero", limit().quantity("0"), "LOT_SIZE"),
                arguments("quantity above max", limit().quantity("9000.00001"), "LOT_SIZE"),
                arguments("market quantity above MARKET_LOT_SIZE", market().quantity("150"), "MARKET_LOT_SIZE"),
                arguments("notional below minimum", limit().quantity("0.00008"), "NOTIONAL"),
                arguments("quote order qty below minimum", OrderRequest.builder(BTC).side(Side.BUY).type(OrderType.MARKET)
                        .quoteOrderQty("4.99999999"), "NOTIONAL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterFailures")
    void shouldRejectFilterFailuresWithTheFilterName(String what, OrderRequest.Builder request, String filter) {
        Rejection r = h.ex.newOrder(h.alice, request.build()).rejection();

        assertThat(r).isNotNull();
        assertThat(r.code()).isEqualTo(-1013);
        assertThat(r.httpStatus()).isEqualTo(400);
        assertThat(r.message()).isEqualTo("Filter failure: " + filter);
    }

    static Stream<Arguments> badParameters() {
        UnaryOperator<OrderRequest.Builder> same = b -> b;
        return Stream.of(
                arguments(OrderRequest.builder(null).side(Side.BUY).type(OrderType.MARKET).quantity("1"), -1102,
                        "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed."),
                arguments(OrderRequest.builder("DOGEUSDT").side(Side.BUY).type(OrderType.MARKET).quantity("1"), -1121, "Invalid symbol."),
                arguments(limit().side("HOLD"), -1117, "Invalid side."),
                arguments(limit().side((String) null), -1102, "Mandatory parameter 'side' was not sent, was empty/null, or malformed."),
                arguments(limit().type("ICEBERG"), -1116, "Invalid orderType."),
                arguments(limit().timeInForce((String) null), -1102,
                        "Mandatory parameter 'timeInForce' was not sent, was empty/null, or malformed."),
                arguments(limit().timeInForce("GTX"), -1115, "Invalid timeInForce."),
                arguments(market().timeInForce(TimeInForce.GTC), -1114, "TimeInForce parameter sent when not required."),
                arguments(market().quantity(null), -1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!"),
                arguments(limit().price(null), -1102, "Mandatory parameter 'price' was not sent, was empty/null, or malformed."),
                arguments(limit().quantity(""), -1102, "Mandatory parameter 'quantity' was not sent, was empty/null, or malformed."),
                arguments(market().price("60000"), -1106, "Parameter 'price' sent when not required."),
                arguments(limit().stopPrice("60000"), -1106, "Parameter 'stopPrice' sent when not required."),
                arguments(limit().quantity("0.123456789"), -1111, "Parameter 'quantity' has too much precision."),
                arguments(limit().quantity("1e-5"), -1100,
                        "Illegal characters found in parameter 'quantity'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'."),
                arguments(limit().price("-5"), -1100,
                        "Illegal characters found in parameter 'price'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'."),
                arguments(limit().newClientOrderId("has space"), -1100,
                        "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[\\.A-Z\\:/a-z0-9_-]{1,36}$'."),
                arguments(limit().newOrderRespType("ALL"), -1130, "Data sent for parameter 'newOrderRespType' is not valid."),
                arguments(limit().selfTradePreventionMode("DECREMENT"), -1013,
                        "This symbol does not allow the specified self-trade prevention mode."),
                arguments(same.apply(limit().quantity("12345678901234567890.5")), -1108, "Parameter 'quantity' overflowed."));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badParameters")
    void shouldRejectBadParametersWithBinancesCodeAndMessage(OrderRequest.Builder request, int code, String message) {
        Rejection r = h.ex.newOrder(h.alice, request.build()).rejection();

        assertThat(r).isNotNull();
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.message()).isEqualTo(message);
        assertThat(h.ex.openOrders(h.alice, null)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedTexts")
    void shouldAcceptDecimalsWithTrailingZerosAndNoFraction(String qty, String price) {
        OrderOutcome out = h.ex.newOrder(h.alice, limit().quantity(qty).price(price).build());

        assertThat(out.rejection()).isNull();
    }

    static Stream<Arguments> acceptedTexts() {
        return Stream.of(arguments("0.10000000", "60000.00000000"), arguments("1", "60000"), arguments("0.1", "60000.5"));
    }
}
