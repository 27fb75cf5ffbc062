package io.ttquant.core.order;

import io.ttquant.core.instrument.Instrument;

/**
 * One execution of an order: immutable. Price and quantity are raw at the instrument's scales;
 * the fee is raw at the cash scale in {@link #feeAsset()}.
 */
public final class Fill {
    private final long orderId;
    private final String clientOrderId;
    private final String strategyId;
    private final Instrument instrument;
    private final Side side;
    private final long tradeId;
    private final long price;
    private final long qty;
    private final long fee;
    private final String feeAsset;
    private final LiquiditySide liquidity;
    private final long timeNanos;

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

    public long orderId() {
        return orderId;
    }

    public String clientOrderId() {
        return clientOrderId;
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
