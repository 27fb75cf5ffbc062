package io.ttquant.sim.market;

import io.ttquant.core.order.Side;

/**
 * A new-order request with its parameters exactly as the client sent them (null when absent):
 * the transport copies the request parameters verbatim and {@link SimExchange#newOrder} parses
 * and validates them with Binance's error codes and messages (decimals at 8 decimals, then the
 * symbol's filters). Parsing here rather than in the transport keeps every Binance rule about an
 * order in one place.
 *
 * <p>Immutable. The builder accepts enums and decimal texts for tests and in-process clients.
 */
public record OrderRequest(String symbol, String side, String type, String timeInForce, String quantity,
                           String quoteOrderQty, String price, String stopPrice, String newClientOrderId,
                           String newOrderRespType, String selfTradePreventionMode) {

    public static Builder builder(String symbol) {
        return new Builder(symbol);
    }

    /** A LIMIT order. */
    public static OrderRequest limit(String symbol, Side side, TimeInForce tif, String quantity, String price) {
        return builder(symbol).side(side).type(OrderType.LIMIT).timeInForce(tif).quantity(quantity).price(price).build();
    }

    /** A MARKET order for a base quantity. */
    public static OrderRequest market(String symbol, Side side, String quantity) {
        return builder(symbol).side(side).type(OrderType.MARKET).quantity(quantity).build();
    }

    /** A MARKET order for a quote amount ({@code quoteOrderQty}). */
    public static OrderRequest marketQuote(String symbol, Side side, String quoteOrderQty) {
        return builder(symbol).side(side).type(OrderType.MARKET).quoteOrderQty(quoteOrderQty).build();
    }

    /** Collects the parameters of one request. */
    public static final class Builder {
        private final String symbol;
        private String side;
        private String type;
        private String timeInForce;
        private String quantity;
        private String quoteOrderQty;
        private String price;
        private String stopPrice;
        private String newClientOrderId;
        private String newOrderRespType;
        private String stpMode;

        private Builder(String symbol) {
            this.symbol = symbol;
        }

        public Builder side(Side v) {
            return side(v == null ? null : v.name());
        }

        public Builder side(String v) {
            side = v;
            return this;
        }

        public Builder type(OrderType v) {
            return type(v == null ? null : v.name());
        }

        public Builder type(String v) {
            type = v;
            return this;
        }

        public Builder timeInForce(TimeInForce v) {
            return timeInForce(v == null ? null : v.name());
        }

        public Builder timeInForce(String v) {
            timeInForce = v;
            return this;
        }

        public Builder quantity(String v) {
            quantity = v;
            return this;
        }

        public Builder quoteOrderQty(String v) {
            quoteOrderQty = v;
            return this;
        }

        public Builder price(String v) {
            price = v;
            return this;
        }

        public Builder stopPrice(String v) {
            stopPrice = v;
            return this;
        }

        public Builder newClientOrderId(String v) {
            newClientOrderId = v;
            return this;
        }

        public Builder newOrderRespType(NewOrderRespType v) {
            return newOrderRespType(v == null ? null : v.name());
        }

        public Builder newOrderRespType(String v) {
            newOrderRespType = v;
            return this;
        }

        public Builder selfTradePreventionMode(SelfTradePreventionMode v) {
            return selfTradePreventionMode(v == null ? null : v.name());
        }

        public Builder selfTradePreventionMode(String v) {
            stpMode = v;
            return this;
        }

        public OrderRequest build() {
            return new OrderRequest(symbol, side, type, timeInForce, quantity, quoteOrderQty, price, stopPrice,
                    newClientOrderId, newOrderRespType, stpMode);
        }
    }
}
