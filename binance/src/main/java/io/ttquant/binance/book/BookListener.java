package io.ttquant.binance.book;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.OrderBook;

/**
 * Receives the output of a {@link BookSynchronizer}: after each (re)synchronisation one event with
 * {@code snapshot=true} carrying the whole snapshot, then every applied diff as it is. A consumer
 * that applies these events in order to its own {@link OrderBook} holds the identical book.
 *
 * <p>Both arguments of {@link #onBook} are owned by the synchronizer and reused: copy what you
 * need before returning, never keep them and never modify them.
 */
public interface BookListener {
    /** {@code applied} has just been applied; {@code book} is the synchronised book after it. */
    void onBook(BookUpdate applied, OrderBook book);

    /** The book is no longer exact (or a snapshot was unusable); a new snapshot event will follow. */
    void onResync(Instrument instrument, ResyncReason reason);
}
