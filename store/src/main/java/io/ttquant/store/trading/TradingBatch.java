package io.ttquant.store.trading;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders, fills and position snapshots to write in one transaction, with the position reached in
 * the durable source they were read from (null source: no progress to record). Reused after
 * {@link #clear()}. Order rows for the same order may repeat: the latest updated time wins.
 */
public final class TradingBatch {
    private final List<OrderRow> orders = new ArrayList<>();
    private final List<FillRow> fills = new ArrayList<>();
    private final List<PositionRow> positions = new ArrayList<>();
    private String source;
    private long sourcePosition;

    public TradingBatch addOrder(OrderRow row) {
        orders.add(row);
        return this;
    }

    public TradingBatch addFill(FillRow row) {
        fills.add(row);
        return this;
    }

    public TradingBatch addPosition(PositionRow row) {
        positions.add(row);
        return this;
    }

    /** Records that the source has been written up to this position once the batch commits. */
    public TradingBatch progress(String source, long position) {
        this.source = source;
        this.sourcePosition = position;
        return this;
    }

    public List<OrderRow> orders() {
        return orders;
    }

    public List<FillRow> fills() {
        return fills;
    }

    public List<PositionRow> positions() {
        return positions;
    }

    /** The source whose progress this batch records, or null. */
    public String source() {
        return source;
    }

    public long sourcePosition() {
        return sourcePosition;
    }

    public boolean isEmpty() {
        return orders.isEmpty() && fills.isEmpty() && positions.isEmpty() && source == null;
    }

    public int rows() {
        return orders.size() + fills.size() + positions.size();
    }

    public void clear() {
        orders.clear();
        fills.clear();
        positions.clear();
        source = null;
        sourcePosition = 0;
    }
}
