package io.ttquant.transport.codec;

/**
 * The values of one {@code PositionUpdate}, filled in place and written by
 * {@link ExecutionEventEncoder}: a pre-allocated event object with public fields, like
 * {@link MutableExecutionReport}. Quantities raw at {@code qtyScale}, prices at {@code priceScale},
 * cash amounts at {@code cashScale}. Belongs to one thread.
 */
public final class MutablePositionUpdate {
    public final ByteSlice strategy = new ByteSlice();
    public final ByteSlice venue = new ByteSlice();
    public final ByteSlice symbol = new ByteSlice();
    public long netQty;
    public long costBasis;
    public long avgEntryPrice;
    public long realizedPnl;
    public long markPrice;
    public int priceScale;
    public int qtyScale;
    public int cashScale;
    public long timeNanos;

    /** Every field back to its proto3 default. */
    public MutablePositionUpdate clear() {
        strategy.clear();
        venue.clear();
        symbol.clear();
        netQty = 0;
        costBasis = 0;
        avgEntryPrice = 0;
        realizedPnl = 0;
        markPrice = 0;
        priceScale = 0;
        qtyScale = 0;
        cashScale = 0;
        timeNanos = 0;
        return this;
    }
}
