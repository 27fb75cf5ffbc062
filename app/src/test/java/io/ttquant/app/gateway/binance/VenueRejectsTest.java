package io.ttquant.app.gateway.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import org.junit.jupiter.api.Test;

/**
 * Binance's refusal codes and messages map to the specific {@link RejectReason} only where it is
 * exact: the filter that failed names a rule only together with the venue's copy of the symbol's
 * filters; everything else is VENUE_REJECTED.
 */
class VenueRejectsTest {
    /** The venue's filters: tick 0.01, step 0.001, 0.001-10 BTC, price 1-1000000, notional at least 5. */
    private static final Instrument VENUE = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.001").minQty("0.001")
            .maxQty("10").minPrice("1").maxPrice("1000000").minNotional("5").build();

    private static Order limit(String price, String qty) {
        return new Order(1, "c", "alpha", VENUE, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, VENUE.qty(qty), VENUE.price(price), 0,
                false, 0);
    }

    private static RejectReason map(int code, String msg, Order o) {
        return VenueRejects.forCode(code, msg, o, VENUE);
    }

    @Test
    void shouldNameTheRuleOfAFailedFilterFromTheVenuesFilters() {
        assertThat(map(-1013, "Filter failure: NOTIONAL", limit("100", "0.01"))).isEqualTo(RejectReason.NOTIONAL_BELOW_MIN);
        assertThat(map(-1013, "Filter failure: MIN_NOTIONAL", limit("100", "0.01"))).isEqualTo(RejectReason.NOTIONAL_BELOW_MIN);
        assertThat(map(-1013, "Filter failure: LOT_SIZE", limit("100", "20"))).isEqualTo(RejectReason.QTY_ABOVE_MAX);
        assertThat(map(-1013, "Filter failure: PRICE_FILTER", limit("0.5", "1"))).isEqualTo(RejectReason.PRICE_OUT_OF_BOUNDS);
        assertThat(map(-1013, "Filter failure: PERCENT_PRICE_BY_SIDE", limit("100", "1"))).isEqualTo(RejectReason.PRICE_OUTSIDE_COLLAR);
    }

    @Test
    void shouldFallBackToVenueRejectedWhenTheRuleIsNotExact() {
        // The venue's copy finds nothing wrong: Binance's filters differ from it.
        assertThat(map(-1013, "Filter failure: LOT_SIZE", limit("100", "1"))).isEqualTo(RejectReason.VENUE_REJECTED);
        assertThat(map(-1013, "Filter failure: MARKET_LOT_SIZE", limit("100", "1"))).isEqualTo(RejectReason.VENUE_REJECTED);
        Order market = new Order(1, "c", "alpha", VENUE, Side.BUY, OrderType.MARKET, TimeInForce.IOC, VENUE.qty("0.001"), 0, 0, false, 0);
        assertThat(map(-1013, "Filter failure: NOTIONAL", market)).as("a market order's notional is the venue's price")
                .isEqualTo(RejectReason.VENUE_REJECTED);
        assertThat(VenueRejects.forCode(-1013, "Filter failure: LOT_SIZE", limit("100", "20"), null)).isEqualTo(RejectReason.VENUE_REJECTED);
        assertThat(map(-1013, "Filter failure: MAX_NUM_ORDERS", limit("100", "1"))).isEqualTo(RejectReason.VENUE_REJECTED);
        assertThat(map(-1111, "Precision is over the maximum defined for this asset.", limit("100", "1")))
                .isEqualTo(RejectReason.VENUE_REJECTED);
        assertThat(map(-2010, "Order would trigger immediately.", limit("100", "1"))).isEqualTo(RejectReason.VENUE_REJECTED);
    }

    @Test
    void shouldMapTheMatchingEnginesRefusals() {
        assertThat(map(-2010, "Account has insufficient balance for requested action.", limit("100", "1")))
                .isEqualTo(RejectReason.INSUFFICIENT_BALANCE);
        assertThat(map(-2010, "Order would immediately match and take.", limit("100", "1"))).isEqualTo(RejectReason.POST_ONLY_WOULD_TAKE);
        assertThat(map(-2010, "Duplicate order sent.", limit("100", "1"))).isEqualTo(RejectReason.DUPLICATE_CLIENT_ORDER_ID);
        assertThat(map(-1121, "Invalid symbol.", limit("100", "1"))).isEqualTo(RejectReason.UNKNOWN_INSTRUMENT);
    }
}
