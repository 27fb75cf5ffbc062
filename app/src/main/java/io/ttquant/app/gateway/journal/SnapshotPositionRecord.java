package io.ttquant.app.gateway.journal;

import java.nio.ByteBuffer;

/**
 * SNAPSHOT_POSITION: one position as the fills built it; an empty strategy means the account's
 * (venue's) position. Layout: time, net qty, cost basis, realized PnL (8 bytes each), price scale,
 * qty scale, fee count (1 each), strategy, venue, symbol (texts), then per fee asset its amount (8)
 * and name (text).
 */
public final class SnapshotPositionRecord extends JournalRecord {
    /** Most fee assets one position can carry. */
    public static final int MAX_FEE_ASSETS = 16;

    /** Empty for an account position. */
    public String strategy;
    public String venue;
    public String symbol;
    public int priceScale;
    public int qtyScale;
    public long netQty;
    public long costBasis;
    public long realizedPnl;
    public int feeCount;
    public final String[] feeAssets = new String[MAX_FEE_ASSETS];
    public final long[] feeAmounts = new long[MAX_FEE_ASSETS];

    @Override
    public RecordType type() {
        return RecordType.SNAPSHOT_POSITION;
    }

    @Override
    void encode(ByteBuffer b) {
        if (feeCount < 0 || feeCount > MAX_FEE_ASSETS) {
            throw new IllegalArgumentException("fee assets out of range: " + feeCount);
        }
        b.putLong(timeNanos).putLong(netQty).putLong(costBasis).putLong(realizedPnl)
                .put(OrderSubmittedRecord.scale(priceScale)).put(OrderSubmittedRecord.scale(qtyScale)).put((byte) feeCount);
        Ascii.putId(b, strategy, OrderSubmittedRecord.MAX_NAME, "strategy");
        Ascii.putId(b, venue, OrderSubmittedRecord.MAX_NAME, "venue");
        Ascii.putId(b, symbol, OrderSubmittedRecord.MAX_NAME, "symbol");
        for (int i = 0; i < feeCount; i++) {
            b.putLong(feeAmounts[i]);
            Ascii.putId(b, feeAssets[i], FillRecord.MAX_ASSET, "fee asset");
        }
    }

    @Override
    void decode(ByteBuffer b) {
        timeNanos = b.getLong();
        netQty = b.getLong();
        costBasis = b.getLong();
        realizedPnl = b.getLong();
        priceScale = b.get();
        qtyScale = b.get();
        feeCount = b.get();
        if (feeCount < 0 || feeCount > MAX_FEE_ASSETS) {
            throw new MalformedRecordException("fee asset count out of range: " + feeCount);
        }
        strategy = Ascii.get(b);
        venue = Ascii.get(b);
        symbol = Ascii.get(b);
        for (int i = 0; i < feeCount; i++) {
            feeAmounts[i] = b.getLong();
            feeAssets[i] = Ascii.get(b);
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("SNAPSHOT_POSITION{t=").append(timeNanos).append(" strategy=").append(strategy)
                .append(" venue=").append(venue).append(" symbol=").append(symbol).append(" scales=").append(priceScale)
                .append('/').append(qtyScale).append(" net=").append(netQty).append(" basis=").append(costBasis)
                .append(" realized=").append(realizedPnl).append(" fees=[");
        for (int i = 0; i < feeCount; i++) {
            s.append(i == 0 ? "" : " ").append(feeAmounts[i]).append(' ').append(feeAssets[i]);
        }
        return s.append("]}").toString();
    }
}
