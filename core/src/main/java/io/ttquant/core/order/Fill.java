package io.ttquant.core.order;

import io.ttquant.core.instrument.Instrument;

/**
 * One execution of an order. Price and quantity are raw at the instrument's scales; the fee is
 * raw at the cash scale in {@link #feeAsset()}. A fill made with the constructor is immutable and
 * may be kept. A fill from {@link #reusable()} is one object a venue refills for every execution
 * ({@link #reuse}), for listeners that never keep a fill past the callback (the gateway's paper
 * venue): it must never be stored.
 */
public final class Fill {
    private long orderId;
    private String clientOrderId;
    private String strategyId;
    private Instrument instrument;
    private Side side;
    private long tradeId;
    private long price;
    private long qty;
    private long fee;
    private String feeAsset;
    private LiquiditySide liquidity;
    private long timeNanos;

    public Fill(long orderId, String clientOrderId, String strategyId, Instrument instrument, Side side,
                long tradeId, long price, long qty, long fee, String feeAsset, LiquiditySide liquidity, long timeNanos) {
        this.orderId = orderId;
        this.clientOrderId = clientOrderId;
        this.strategyId = strategyId;
        this.instrument = instrument;
        this.side = side;
        this.tradeId = tradeId;
        this.price = price;
        this.qty = qty;
        this.fee = fee;
        this.feeAsset = feeAsset;
        this.liquidity = liquidity;
        this.timeNanos = timeNanos;
    }

    /** The order whose client id is read on demand (a reused fill only). */
    private Order source;

    private Fill() {
    }

    /** An empty fill for {@link #reuse}: see the class comment; never keep it past a callback. */
    public static Fill reusable() {
        return new Fill();
    }

    /**
     * Refills a {@link #reusable()} fill with an execution of {@code order}; allocates nothing (the
     * client order id is read from the order only if asked for). Returns this.
     */
    public Fill reuse(Order order, long tradeId, long price, long qty, long fee, String feeAsset, LiquiditySide liquidity,
                      long timeNanos) {
        if (source == null && instrument != null) {
            throw new IllegalStateException("an immutable fill cannot be reused");
        }
        this.source = order;
        this.orderId = order.orderId();
        this.clientOrderId = null;
        this.strategyId = order.strategyId();
        this.instrument = order.instrument();
        this.side = order.side();
        this.tradeId = tradeId;
        this.price = price;
        this.qty = qty;
        this.fee = fee;
        this.feeAsset = feeAsset;
        this.liquidity = liquidity;
        this.timeNanos = timeNanos;
        return this;
    }

    public long orderId() {
        return orderId;
    }

    public String clientOrderId() {
        return clientOrderId == null && source != null ? source.clientOrderId() : clientOrderId;
    }

    public String strategyId() {
        return strategyId;
    }

    public Instrument instrument() {
        return instrument;
    }

    public Side side() {
        return side;
    }

    public long tradeId() {
        return tradeId;
    }

    public long price() {
        return price;
    }

    public long qty() {
        return qty;
    }

    /** Cash value of this fill at the cash scale. */
    public long notional() {
        return instrument.notional(price, qty);
    }

    public long fee() {
        return fee;
    }

    public String feeAsset() {
        return feeAsset;
    }

    public LiquiditySide liquidity() {
        return liquidity;
    }

    public long timeNanos() {
        return timeNanos;
    }

    @Override
    public String toString() {
        return "Fill{" + side + " " + instrument.formatQty(qty) + " " + instrument + " @ " + instrument.formatPrice(price)
                + " " + liquidity + " order=" + orderId + " trade=" + tradeId + "}";
    }
}
