package io.ttquant.store;

import io.ttquant.store.trading.TradingBatch;
import java.util.OptionalLong;

/**
 * Orders, fills and position snapshots in a store. A batch is written in one transaction together
 * with the progress of the durable source it came from, so a source replayed after a crash or an
 * outage writes each row exactly once: fills are keyed by (venue, symbol, trade id), orders upserted
 * by (venue, order id) and never moved back in time, positions upserted by (venue, strategy,
 * symbol, time).
 */
public interface TradingStore {
    /** Writes the batch and its progress atomically; throws {@link StoreException}. */
    void writeTrading(TradingBatch batch);

    /** The progress last written for a source, or empty when it never wrote. */
    OptionalLong progress(String source);
}
