package io.ttquant.app.gateway.journal;

import java.nio.ByteBuffer;

/**
 * SNAPSHOT_FILL: a fill already applied to the positions, kept so the same (venue, symbol, trade
 * id) seen again after a restart is not applied twice. Its time is the fill's. Layout: time, trade
 * id, order id (8 bytes each), venue and symbol (texts).
 */
public final class SnapshotFillRecord extends JournalRecord {
    public String venue;
    public String symbol;
    public long tradeId;
    public long orderId;

    @Override
    public RecordType type() {
        return RecordType.SNAPSHOT_FILL;
    }

    @Override
    void encode(ByteBuffer b) {
        b.putLong(timeNanos).putLong(tradeId).putLong(orderId);
        Ascii.putId(b, venue, OrderSubmittedRecord.MAX_NAME, "venue");
        Ascii.putId(b, symbol, OrderSubmittedRecord.MAX_NAME, "symbol");
    }

    @Override
    void decode(ByteBuffer b) {
        timeNanos = b.getLong();
        tradeId = b.getLong();
        orderId = b.getLong();
        venue = Ascii.get(b);
        symbol = Ascii.get(b);
    }

    @Override
    public String toString() {
        return "SNAPSHOT_FILL{t=" + timeNanos + " venue=" + venue + " symbol=" + symbol + " trade=" + tradeId + " order=" + orderId + "}";
    }
}
