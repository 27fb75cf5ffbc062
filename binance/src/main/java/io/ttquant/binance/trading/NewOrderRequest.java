package io.ttquant.binance.trading;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;

/**
 * One {@code POST /api/v3/order}: instrument, side, Binance type, quantity and prices as raw
 * fixed-point longs at the instrument's scales, time in force, client order id and response type.
 *
 * <p>Immutable, checked once by {@link Builder#build()}: a missing price for a limit type, a
 * price on a market order, a GTX time in force or an id outside Binance's legal range are bugs of
 * the caller (the gateway validated the order before routing it) and throw
 * {@link IllegalArgumentException}. It does not check the instrument's filters: that is the
 * gateway's job, and Binance's.
 */
public final class NewOrderRequest {
    /** Binance's legal characters for client order ids, 1 to 36 of them. */
    static final String CLIENT_ORDER_ID_PATTERN = "[.A-Z:/a-z0-9_-]{1,36}";

    private final Instrument instrument;
    private final Side side;
    private final BinanceOrderType type;
    private final TimeInForce timeInForce;
    private final long quantity;
    private final long price;
    private final long stopPrice;
    private final String clientOrderId;
    private final ResponseType responseType;

    private NewOrderRequest(Builder b) {
        this.instrument = b.instrument;
        this.side = b.side;
        this.type = b.type;
        this.timeInForce = b.timeInForce;
        this.quantity = b.quantity;
        this.price = b.price;
        this.stopPrice = b.stopPrice;
        this.clientOrderId = b.clientOrderId;
        this.responseType = b.responseType;
    }

    public static Builder builder(Instrument instrument, Side side, BinanceOrderType type) {
        return new Builder(instrument, side, type);
    }

    /** A LIMIT order. */
    public static NewOrderRequest limit(Instrument instrument, Side side, long quantity, long price, TimeInForce timeInForce,
                                        String clientOrderId) {
        return builder(instrument, side, BinanceOrderType.LIMIT).quantity(quantity).price(price).timeInForce(timeInForce)
                .clientOrderId(clientOrderId).build();
    }

    /** A MARKET order for {@code quantity} of the base asset. */
    public static NewOrderRequest market(Instrument instrument, Side side, long quantity, String clientOrderId) {
        return builder(instrument, side, BinanceOrderType.MARKET).quantity(quantity).clientOrderId(clientOrderId).build();
    }

    public Instrument instrument() {
        return instrument;
    }

    public Side side() {
        return side;
    }

    public BinanceOrderType type() {
        return type;
    }

    /** The time in force, null for types that take none. */
    public TimeInForce timeInForce() {
        return timeInForce;
    }

    /** Raw at the instrument's quantity scale. */
    public long quantity() {
        return quantity;
    }

    /** Raw at the instrument's price scale; 0 for types without a limit price. */
    public long price() {
        return price;
    }

    /** Raw at the instrument's price scale; 0 for types without a stop price. */
    public long stopPrice() {
        return stopPrice;
    }

    /** The client order id, or null to let Binance generate one. */
    public String clientOrderId() {
        return clientOrderId;
    }

    public ResponseType responseType() {
        return responseType;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(64).append(side).append(' ').append(type).append(' ');
        b.append(instrument.formatQty(quantity)).append(' ').append(instrument.symbol());
        if (type.needsPrice()) {
            b.append(" @ ").append(instrument.formatPrice(price));
        }
        if (type.needsStopPrice()) {
            b.append(" stop ").append(instrument.formatPrice(stopPrice));
        }
        if (timeInForce != null) {
            b.append(' ').append(timeInForce);
        }
        return b.append(" id=").append(clientOrderId).toString();
    }

    /** Collects an order; {@link #build()} checks it. */
    public static final class Builder {
        private final Instrument instrument;
        private final Side side;
        private final BinanceOrderType type;
        private TimeInForce timeInForce;
        private long quantity;
        private long price;
        private long stopPrice;
        private String clientOrderId;
        private ResponseType responseType = ResponseType.FULL;

        private Builder(Instrument instrument, Side side, BinanceOrderType type) {
            this.instrument = instrument;
            this.side = side;
            this.type = type;
        }

        /** Raw at the instrument's quantity scale. */
        public Builder quantity(long raw) {
            this.quantity = raw;
            return this;
        }

        /** Raw at the instrument's price scale. */
        public Builder price(long raw) {
            this.price = raw;
            return this;
        }

        /** Raw at the instrument's price scale. */
        public Builder stopPrice(long raw) {
            this.stopPrice = raw;
            return this;
        }

        /** GTC, IOC or FOK; types that need one default to GTC. */
        public Builder timeInForce(TimeInForce tif) {
            this.timeInForce = tif;
            return this;
        }

        /** Up to 36 of {@code . : / _ -} letters and digits; null lets Binance generate one. */
        public Builder clientOrderId(String id) {
            this.clientOrderId = id;
            return this;
        }

        /** ACK, RESULT or FULL (the default: the fills come back with the answer). */
        public Builder responseType(ResponseType r) {
            this.responseType = r;
            return this;
        }

        public NewOrderRequest build() {
            if (instrument == null || side == null || type == null || responseType == null) {
                throw new IllegalArgumentException("an order needs an instrument, a side, a type and a response type");
            }
            if (quantity <= 0) {
                throw new IllegalArgumentException(type + " order needs a positive quantity: " + quantity);
            }
            if (type.needsPrice() != (price != 0) || price < 0) {
                throw new IllegalArgumentException(type + (type.needsPrice() ? " order needs a positive price" : " order takes no price")
                        + ": " + price);
            }
            if (type.needsStopPrice() != (stopPrice != 0) || stopPrice < 0) {
                throw new IllegalArgumentException(type + (type.needsStopPrice() ? " order needs a positive stop price"
                        : " order takes no stop price") + ": " + stopPrice);
            }
            if (timeInForce == TimeInForce.GTX) {
                throw new IllegalArgumentException("Binance spot has no GTX time in force; use a LIMIT_MAKER order");
            }
            if (!type.needsTimeInForce() && timeInForce != null) {
                throw new IllegalArgumentException(type + " order takes no time in force: " + timeInForce);
            }
            if (type.needsTimeInForce() && timeInForce == null) {
                timeInForce = TimeInForce.GTC;
            }
            if (clientOrderId != null && !clientOrderId.matches(CLIENT_ORDER_ID_PATTERN)) {
                throw new IllegalArgumentException("client order id must be 1-36 of . : / _ - letters and digits: " + clientOrderId);
            }
            return new NewOrderRequest(this);
        }
    }
}
