package io.ttquant.transport.codec;

/**
 * The values of one {@code ExecutionReport}, filled in place by the gateway and written by
 * {@link ExecutionEventEncoder}: a pre-allocated event object, so its fields are public. Strings
 * are {@link ByteSlice}s into arrays the writer keeps unchanged until the report is encoded;
 * enums are wire numbers; prices and quantities raw at the report's scales, cash amounts at
 * {@code cash_scale}. {@link #clear()} sets everything back to proto3's defaults (0, "").
 * Belongs to one thread.
 */
public final class MutableExecutionReport {
    public final ByteSlice strategy = new ByteSlice();
    public final ByteSlice clientOrderId = new ByteSlice();
    public long orderId;
    public final ByteSlice venue = new ByteSlice();
    public final ByteSlice symbol = new ByteSlice();
    public int side;
    public int type;
    public int timeInForce;
    public int status;
    public int rejectCode;
    public final ByteSlice rejectReason = new ByteSlice();
    public long price;
    public long stopPrice;
    public long quantity;
    public long lastFillQty;
    public long lastFillPrice;
    public long tradeId;
    public int liquidity;
    public long fee;
    public final ByteSlice feeAsset = new ByteSlice();
    public long cumulativeQty;
    public long cumulativeNotional;
    public long cumulativeFee;
    public long leavesQty;
    public int priceScale;
    public int qtyScale;
    public int cashScale;
    public long eventTimeNanos;

    /** Every field back to its proto3 default. */
    public MutableExecutionReport clear() {
        strategy.clear();
        clientOrderId.clear();
        orderId = 0;
        venue.clear();
        symbol.clear();
        side = 0;
        type = 0;
        timeInForce = 0;
        status = 0;
        rejectCode = 0;
        rejectReason.clear();
        price = 0;
        stopPrice = 0;
        quantity = 0;
        lastFillQty = 0;
        lastFillPrice = 0;
        tradeId = 0;
        liquidity = 0;
        fee = 0;
        feeAsset.clear();
        cumulativeQty = 0;
        cumulativeNotional = 0;
        cumulativeFee = 0;
        leavesQty = 0;
        priceScale = 0;
        qtyScale = 0;
        cashScale = 0;
        eventTimeNanos = 0;
        return this;
    }
}
