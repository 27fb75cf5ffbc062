package io.ttquant.core.instrument;

import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.RejectReason;

/**
 * A tradable spot instrument and its exchange rules (Binance's PRICE_FILTER, LOT_SIZE and
 * NOTIONAL filters). Prices are raw longs at {@link #priceScale()}, quantities raw longs at
 * {@link #qtyScale()}, notionals raw longs at {@link Fixed#CASH_SCALE}.
 *
 * <p>Immutable. The checks return a {@link RejectReason} (or {@code null} when the value passes)
 * and never throw for bad user values.
 */
public final class Instrument {
    private final String symbol;
    private final String baseAsset;
    private final String quoteAsset;
    private final int priceScale;
    private final int qtyScale;
    private final long tickSize;
    private final long stepSize;
    private final long minQty;
    private final long maxQty;
    private final long minPrice;
    private final long maxPrice;
    private final long minNotional;

    private Instrument(Builder b) {
        this.symbol = b.symbol;
        this.baseAsset = b.baseAsset;
        this.quoteAsset = b.quoteAsset;
        this.priceScale = Fixed.decimalsOf(b.tickSize);
        this.qtyScale = Math.max(Fixed.decimalsOf(b.stepSize), b.qtyScale);
        if (qtyScale > Fixed.CASH_SCALE) {
            throw new IllegalArgumentException(symbol + ": step size with more than 8 decimals is not supported");
        }
        this.tickSize = Fixed.parse(b.tickSize, priceScale);
        this.stepSize = Fixed.parse(b.stepSize, qtyScale);
        this.minQty = b.minQty == null ? stepSize : Fixed.parse(b.minQty, qtyScale);
        this.maxQty = b.maxQty == null ? Long.MAX_VALUE / 2 : Fixed.parse(b.maxQty, qtyScale);
        this.minPrice = b.minPrice == null ? tickSize : Fixed.parse(b.minPrice, priceScale);
        this.maxPrice = b.maxPrice == null ? Long.MAX_VALUE / 2 : Fixed.parse(b.maxPrice, priceScale);
        this.minNotional = b.minNotional == null ? 0 : Fixed.parse(b.minNotional, Fixed.CASH_SCALE);
        if (tickSize <= 0 || stepSize <= 0) {
            throw new IllegalArgumentException(symbol + ": tick size and step size must be positive");
        }
        if (minQty <= 0 || maxQty < minQty) {
            throw new IllegalArgumentException(symbol + ": need 0 < minQty <= maxQty");
        }
    }

    public static Builder builder(String symbol) {
        return new Builder(symbol);
    }

    public String symbol() {
        return symbol;
    }

    public String baseAsset() {
        return baseAsset;
    }

    public String quoteAsset() {
        return quoteAsset;
    }

    public int priceScale() {
        return priceScale;
    }

    public int qtyScale() {
        return qtyScale;
    }

    public long tickSize() {
        return tickSize;
    }

    public long stepSize() {
        return stepSize;
    }

    public long minQty() {
        return minQty;
    }

    public long maxQty() {
        return maxQty;
    }

    public long minPrice() {
        return minPrice;
    }

    public long maxPrice() {
        return maxPrice;
    }

    /** Minimum order notional at {@link Fixed#CASH_SCALE}; 0 when none. */
    public long minNotional() {
        return minNotional;
    }

    /** Parses a price text exactly at this instrument's price scale. */
    public long price(String text) {
        return Fixed.parse(text, priceScale);
    }

    /** Parses a quantity text exactly at this instrument's quantity scale. */
    public long qty(String text) {
        return Fixed.parse(text, qtyScale);
    }

    public String formatPrice(long price) {
        return Fixed.formatCompact(price, priceScale);
    }

    public String formatQty(long qty) {
        return Fixed.formatCompact(qty, qtyScale);
    }

    public double priceToDouble(long price) {
        return Fixed.toDouble(price, priceScale);
    }

    public double qtyToDouble(long qty) {
        return Fixed.toDouble(qty, qtyScale);
    }

    /** Cash value (scale 8) of qty at price. */
    public long notional(long price, long qty) {
        return Fixed.notional(price, priceScale, qty, qtyScale);
    }

    /** A base-asset quantity converted to the cash scale (for balances). */
    public long qtyToCash(long qty) {
        return Fixed.rescale(qty, qtyScale, Fixed.CASH_SCALE);
    }

    /** A base-asset balance at the cash scale converted to this instrument's quantity scale, rounded down. */
    public long cashToQty(long cash) {
        return Math.floorDiv(cash, Fixed.pow10(Fixed.CASH_SCALE - qtyScale));
    }

    /** Nearest tick at or below {@code price}. */
    public long floorToTick(long price) {
        return Fixed.floorToStep(price, tickSize);
    }

    /** Nearest tick at or above {@code price}. */
    public long ceilToTick(long price) {
        return Fixed.ceilToStep(price, tickSize);
    }

    /** Largest multiple of the step size at or below {@code qty}. */
    public long floorToStep(long qty) {
        return Fixed.floorToStep(qty, stepSize);
    }

    /** PRICE_FILTER: null when the price is on the tick grid and within bounds. */
    public RejectReason checkPrice(long price) {
        if (price < minPrice || price > maxPrice) {
            return RejectReason.PRICE_OUT_OF_BOUNDS;
        }
        if (price % tickSize != 0) {
            return RejectReason.PRICE_NOT_ON_TICK;
        }
        return null;
    }

    /** LOT_SIZE: null when the quantity is on the step grid and within bounds. */
    public RejectReason checkQty(long qty) {
        if (qty < minQty) {
            return RejectReason.QTY_BELOW_MIN;
        }
        if (qty > maxQty) {
            return RejectReason.QTY_ABOVE_MAX;
        }
        if (qty % stepSize != 0) {
            return RejectReason.QTY_NOT_ON_STEP;
        }
        return null;
    }

    /** NOTIONAL: null when price times quantity reaches the minimum notional. */
    public RejectReason checkNotional(long price, long qty) {
        if (minNotional > 0 && notional(price, qty) < minNotional) {
            return RejectReason.NOTIONAL_BELOW_MIN;
        }
        return null;
    }

    /**
     * The same rules with quantities represented at {@code decimals} (never fewer than the step
     * size needs): for market data whose quantities are finer than the order step.
     */
    public Instrument withQtyScale(int decimals) {
        Builder b = builder(symbol).assets(baseAsset, quoteAsset)
                .tickSize(Fixed.format(tickSize, priceScale)).stepSize(Fixed.format(stepSize, qtyScale))
                .minQty(Fixed.format(minQty, qtyScale)).minPrice(Fixed.format(minPrice, priceScale))
                .minNotional(Fixed.format(minNotional, Fixed.CASH_SCALE)).qtyScale(decimals);
        if (maxQty != Long.MAX_VALUE / 2) {
            b.maxQty(Fixed.format(maxQty, qtyScale));
        }
        if (maxPrice != Long.MAX_VALUE / 2) {
            b.maxPrice(Fixed.format(maxPrice, priceScale));
        }
        return b.build();
    }

    @Override
    public String toString() {
        return symbol;
    }

    /** Builds an instrument from decimal texts as Binance's exchangeInfo gives them. */
    public static final class Builder {
        private final String symbol;
        private String baseAsset;
        private String quoteAsset;
        private String tickSize = "0.01";
        private String stepSize = "0.00001";
        private String minQty;
        private String maxQty;
        private String minPrice;
        private String maxPrice;
        private String minNotional;
        private int qtyScale;

        private Builder(String symbol) {
            if (symbol == null || !symbol.matches("[A-Z0-9]{2,20}")) {
                throw new IllegalArgumentException("symbol must be 2-20 upper-case letters or digits: " + symbol);
            }
            this.symbol = symbol;
        }

        public Builder assets(String base, String quote) {
            this.baseAsset = base;
            this.quoteAsset = quote;
            return this;
        }

        public Builder tickSize(String v) {
            this.tickSize = v;
            return this;
        }

        public Builder stepSize(String v) {
            this.stepSize = v;
            return this;
        }

        public Builder minQty(String v) {
            this.minQty = v;
            return this;
        }

        public Builder maxQty(String v) {
            this.maxQty = v;
            return this;
        }

        public Builder minPrice(String v) {
            this.minPrice = v;
            return this;
        }

        public Builder maxPrice(String v) {
            this.maxPrice = v;
            return this;
        }

        /**
         * Represents quantities with at least this many decimals even when the step size has fewer:
         * an exchange's books can hold quantities finer than its order step (Binance spot depth
         * levels do, down to 8 decimals), and an exact local book needs them.
         */
        public Builder qtyScale(int decimals) {
            if (decimals < 0 || decimals > Fixed.CASH_SCALE) {
                throw new IllegalArgumentException("quantity scale must be 0.." + Fixed.CASH_SCALE + ", got " + decimals);
            }
            this.qtyScale = decimals;
            return this;
        }

        public Builder minNotional(String v) {
            this.minNotional = v;
            return this;
        }

        public Instrument build() {
            if (baseAsset == null || quoteAsset == null) {
                String[] split = Instruments.splitSymbol(symbol);
                baseAsset = split[0];
                quoteAsset = split[1];
            }
            return new Instrument(this);
        }
    }
}
