package io.ttquant.app.gateway.journal;

import io.ttquant.core.order.Fill;
import io.ttquant.core.order.LiquiditySide;
import java.nio.ByteBuffer;

/**
 * FILL: one execution of a journaled order. The order's submission gives its strategy, venue,
 * symbol, side and scales; replay applies a fill to the positions once per (venue, trade id).
 * Layout: time, order id, trade id, qty, price, fee (8 bytes each), liquidity (1), fee asset (text).
 */
public final class FillRecord extends JournalRecord {
    /** Limit on an asset name. */
    public static final int MAX_ASSET = 16;

    public long orderId;
    /** The venue's trade id, unique per venue (and symbol, on Binance; order ids are the gateway's). */
    public long tradeId;
    /** Raw at the order's quantity scale, positive. */
    public long qty;
    /** Raw at the order's price scale. */
    public long price;
    /** Cash scale, in {@link #feeAsset}. */
    public long fee;
    public String feeAsset;
    public LiquiditySide liquidity;

    @Override
    public RecordType type() {
        return RecordType.FILL;
    }

    /** Fills this record from a venue fill; returns this. */
    public FillRecord set(long timeNanos, Fill fill) {
        this.timeNanos = timeNanos;
        this.orderId = fill.orderId();
        this.tradeId = fill.tradeId();
        this.qty = fill.qty();
        this.price = fill.price();
        this.fee = fill.fee();
        this.feeAsset = fill.feeAsset();
        this.liquidity = fill.liquidity();
        return this;
    }

    @Override
    void encode(ByteBuffer b) {
        b.putLong(timeNanos).putLong(orderId).putLong(tradeId).putLong(qty).putLong(price).putLong(fee)
                .put(EnumCodes.LIQUIDITY.code(liquidity));
        Ascii.putId(b, feeAsset, MAX_ASSET, "fee asset");
    }

    @Override
    void decode(ByteBuffer b) {
        timeNanos = b.getLong();
        orderId = b.getLong();
        tradeId = b.getLong();
        qty = b.getLong();
        price = b.getLong();
        fee = b.getLong();
        liquidity = EnumCodes.LIQUIDITY.of(b.get());
        feeAsset = Ascii.get(b);
    }

    @Override
    public String toString() {
        return "FILL{t=" + timeNanos + " id=" + orderId + " trade=" + tradeId + " qty=" + qty + " price=" + price + " fee="
                + fee + " " + feeAsset + " " + liquidity + "}";
    }
}
