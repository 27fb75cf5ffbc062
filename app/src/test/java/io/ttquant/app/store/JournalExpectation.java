package io.ttquant.app.store;

import io.ttquant.app.gateway.journal.FillRecord;
import io.ttquant.app.gateway.journal.JournalConfig;
import io.ttquant.app.gateway.journal.JournalReader;
import io.ttquant.app.gateway.journal.JournalRecovery;
import io.ttquant.app.gateway.journal.JournalVisitor;
import io.ttquant.app.gateway.journal.OrderJournal;
import io.ttquant.app.gateway.journal.OrderSubmittedRecord;
import io.ttquant.app.gateway.journal.RecoveredOrder;
import io.ttquant.app.gateway.journal.RecoveredPosition;
import io.ttquant.app.gateway.journal.RecoveredState;
import io.ttquant.app.gateway.journal.ReplayResult;
import io.ttquant.core.order.LiquiditySide;
import io.ttquant.core.order.Side;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a store must hold after exporting a journal, read from the journal itself (closed, and
 * not compacted, so that every fill is still there): every order journaled with the state a
 * replay recovers, every fill once (the first of a trade id reported twice), every strategy's
 * position as the replay computes it; as {@link StoreContent}. Independent of the exporter: it
 * uses the journal's own recovery.
 */
final class JournalExpectation {
    private JournalExpectation() {
    }

    static StoreContent of(Path dir) {
        JournalRecovery rec = OrderJournal.open(JournalConfig.builder(dir).compaction(JournalConfig.Compaction.INLINE)
                .idempotencyWindowNanos(Long.MAX_VALUE).compactionWatermark(() -> 0).build());
        if (!rec.ok()) {
            throw new AssertionError("the journal does not open: " + rec.error());
        }
        RecoveredState state = rec.state();
        rec.journal().close();
        List<String> orders = new ArrayList<>();
        for (RecoveredOrder o : state.orders()) {
            orders.add(StoreContent.order(o.venue(), o.orderId(), o.strategy(), o.clientOrderId(), o.symbol(),
                    o.side() == Side.BUY ? 'B' : 'S', o.type().name(), o.timeInForce().name(), o.price(), o.stopPrice(), o.quantity(),
                    o.priceScale(), o.qtyScale(), o.reduceOnly(), o.status().name(), o.rejectCode(), o.filledQty(),
                    o.filledNotional(), o.fees(), o.venueOrderId() == 0 ? null : Long.toString(o.venueOrderId()), o.createdNanos()));
        }
        List<String> positions = new ArrayList<>();
        for (RecoveredPosition p : state.positions()) {
            positions.add(StoreContent.position(p.venue(), p.strategy(), p.symbol(), p.netQty(), p.costBasis(), p.realizedPnl(),
                    p.priceScale(), p.qtyScale()));
        }
        Map<Long, OrderSubmittedRecord> terms = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<String> fills = new ArrayList<>();
        ReplayResult r = JournalReader.replay(dir, new JournalVisitor() {
            @Override
            public void onOrderSubmitted(OrderSubmittedRecord s) {
                OrderSubmittedRecord copy = new OrderSubmittedRecord();
                copy.orderId = s.orderId;
                copy.strategy = s.strategy;
                copy.venue = s.venue;
                copy.symbol = s.symbol;
                copy.side = s.side;
                copy.priceScale = s.priceScale;
                copy.qtyScale = s.qtyScale;
                terms.put(s.orderId, copy);
            }

            @Override
            public void onFill(FillRecord f) {
                OrderSubmittedRecord o = terms.get(f.orderId);
                if (o == null) {
                    throw new AssertionError("fill of an order not in the journal (compacted?): " + f);
                }
                if (seen.add(o.venue + "|" + o.symbol + "|" + f.tradeId)) {
                    fills.add(StoreContent.fill(o.venue, o.symbol, f.tradeId, f.timeNanos, f.orderId, o.strategy,
                            o.side == Side.BUY ? 'B' : 'S', f.qty, f.price, o.priceScale, o.qtyScale, f.fee, f.feeAsset,
                            f.liquidity == null ? 0 : f.liquidity == LiquiditySide.MAKER ? 'M' : 'T'));
                }
            }
        });
        if (!r.ok()) {
            throw new AssertionError("the journal does not replay: " + r.error());
        }
        orders.sort(null);
        fills.sort(null);
        positions.sort(null);
        return new StoreContent(orders, fills, positions);
    }
}
