package io.ttquant.store.trading;

import io.ttquant.store.Identifiers;
import io.ttquant.store.StoreException;
import java.util.List;

/**
 * What the rows of a {@link TradingBatch} must hold before a store writes any of them: venues,
 * symbols and strategies are {@link Identifiers}, sides 'B'/'S', liquidity 'M'/'T'/unknown, the
 * texts the schema requires are present, and a progress source is named. One rule for both stores;
 * refuses the whole batch with a non-retryable {@link StoreException} naming the first bad row.
 * Never touches a database.
 */
public final class TradingRows {
    private TradingRows() {
    }

    /** Refuses a batch with a bad row before anything is sent, naming the row. */
    public static void validate(TradingBatch batch) {
        List<OrderRow> orders = batch.orders();
        for (int i = 0; i < orders.size(); i++) {
            OrderRow o = orders.get(i);
            String where = "orders row " + i + " (order " + (o == null ? "?" : o.orderId()) + ")";
            if (o == null) {
                throw refused(where, "row is null");
            }
            requireKeys(o.venue(), o.strategy(), o.symbol(), where);
            requireSide(o.side(), where);
            requireText(o.clientOrderId(), "client order id", where);
            requireText(o.orderType(), "order type", where);
            requireText(o.timeInForce(), "time in force", where);
            requireText(o.status(), "status", where);
        }
        List<FillRow> fills = batch.fills();
        for (int i = 0; i < fills.size(); i++) {
            FillRow f = fills.get(i);
            String where = "fills row " + i + " (trade " + (f == null ? "?" : f.tradeId()) + ")";
            if (f == null) {
                throw refused(where, "row is null");
            }
            requireKeys(f.venue(), f.strategy(), f.symbol(), where);
            requireSide(f.side(), where);
            requireText(f.feeAsset(), "fee asset", where);
            char l = f.liquidity();
            if (l != 0 && l != 'M' && l != 'T') {
                throw refused(where, "liquidity must be 'M', 'T' or unknown (0), got '" + l + "'");
            }
        }
        List<PositionRow> positions = batch.positions();
        for (int i = 0; i < positions.size(); i++) {
            PositionRow p = positions.get(i);
            String where = "positions row " + i;
            if (p == null) {
                throw refused(where, "row is null");
            }
            requireKeys(p.venue(), p.strategy(), p.symbol(), where);
        }
        if (batch.source() != null && batch.source().isEmpty()) {
            throw refused("progress", "source name is empty");
        }
    }

    private static void requireKeys(String venue, String strategy, String symbol, String where) {
        Identifiers.requireInBatch(venue, "venue", where);
        Identifiers.requireInBatch(symbol, "symbol", where);
        Identifiers.requireInBatch(strategy, "strategy", where);
    }

    private static void requireSide(char side, String where) {
        if (side != 'B' && side != 'S') {
            throw refused(where, "side must be 'B' or 'S', got '" + side + "'");
        }
    }

    private static void requireText(String value, String what, String where) {
        if (value == null || value.isEmpty()) {
            throw refused(where, what + " is missing");
        }
    }

    private static StoreException refused(String where, String why) {
        return new StoreException(where + ": " + why + "; nothing of this batch was written", false, null);
    }
}
