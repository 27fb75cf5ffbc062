package io.ttquant.app.gateway.binance;

import io.ttquant.binance.trading.LocalRefusal;
import io.ttquant.binance.trading.TradingFailure;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import java.util.Locale;

/**
 * The {@link RejectReason} of a new order Binance did not take, from the trading client's
 * {@link TradingFailure}. A specific reason is used only where it is exact; anything else the
 * exchange refused is {@link RejectReason#VENUE_REJECTED} (its code and message go to the log).
 *
 * <p>Binance names only the filter that failed ({@code -1013 "Filter failure: LOT_SIZE"}), and one
 * filter holds several rules (LOT_SIZE: minimum, maximum, step). The rule is found by checking the
 * order against the venue's own copy of the symbol's filters (the venue's instruments); when that
 * copy finds nothing wrong the venue's filters differ from it and the answer is VENUE_REJECTED.
 * Stateless.
 */
final class VenueRejects {
    static final int CODE_FILTER_FAILURE = -1013;
    static final int CODE_NEW_ORDER_REJECTED = -2010;
    static final int CODE_CANCEL_REJECTED = -2011;
    static final int CODE_NO_SUCH_ORDER = -2013;
    static final int CODE_INVALID_SYMBOL = -1121;
    private static final String FILTER_PREFIX = "Filter failure: ";

    private VenueRejects() {
    }

    /** Why a new order that certainly did not reach the matching engine is rejected (not for UNKNOWN). */
    static RejectReason forNewOrder(TradingFailure f, Order order, Instrument venueInstrument) {
        return switch (f.outcome()) {
            case NOT_SENT -> f.refusal() == null || f.refusal() == LocalRefusal.NO_SERVER_TIME
                    ? RejectReason.VENUE_UNAVAILABLE : RejectReason.VENUE_RATE_LIMITED;
            case RATE_LIMITED, IP_BANNED -> RejectReason.VENUE_RATE_LIMITED;
            case REJECTED, TIMESTAMP_REJECTED -> forCode(f.code(), f.msg(), order, venueInstrument);
            case UNKNOWN -> throw new IllegalArgumentException("an UNKNOWN answer is resolved by query, never rejected: " + f);
        };
    }

    /** The reason for Binance's {@code code} and {@code msg} refusing {@code order}. */
    static RejectReason forCode(int code, String msg, Order order, Instrument venueInstrument) {
        String m = msg == null ? "" : msg;
        if (code == CODE_FILTER_FAILURE && m.startsWith(FILTER_PREFIX)) {
            return forFilter(m.substring(FILTER_PREFIX.length()).trim(), order, venueInstrument);
        }
        if (code == CODE_NEW_ORDER_REJECTED) {
            String lower = m.toLowerCase(Locale.ROOT);
            if (lower.contains("insufficient balance")) {
                return RejectReason.INSUFFICIENT_BALANCE;
            }
            if (lower.contains("immediately match and take")) {
                return RejectReason.POST_ONLY_WOULD_TAKE;
            }
            if (lower.contains("duplicate order")) {
                return RejectReason.DUPLICATE_CLIENT_ORDER_ID;
            }
        }
        if (code == CODE_INVALID_SYMBOL) {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        return RejectReason.VENUE_REJECTED;
    }

    private static RejectReason forFilter(String filter, Order order, Instrument venue) {
        RejectReason r = switch (filter) {
            case "PRICE_FILTER" -> venue == null ? null : priceRule(order, venue);
            case "LOT_SIZE" -> venue == null ? null : venue.checkQty(order.quantity());
            case "MIN_NOTIONAL" -> RejectReason.NOTIONAL_BELOW_MIN;
            case "NOTIONAL" -> venue == null || order.type() == OrderType.MARKET ? null : notionalRule(order, venue);
            case "PERCENT_PRICE", "PERCENT_PRICE_BY_SIDE" -> RejectReason.PRICE_OUTSIDE_COLLAR;
            default -> null;
        };
        return r == null ? RejectReason.VENUE_REJECTED : r;
    }

    private static RejectReason priceRule(Order order, Instrument venue) {
        RejectReason r = order.type().hasLimitPrice() ? venue.checkPrice(order.price()) : null;
        return r != null ? r : order.type().hasStopPrice() ? venue.checkPrice(order.stopPrice()) : null;
    }

    private static RejectReason notionalRule(Order order, Instrument venue) {
        long price = order.type().hasLimitPrice() ? order.price() : order.stopPrice();
        return venue.checkNotional(price, order.quantity());
    }
}
