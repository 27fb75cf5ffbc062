package io.ttquant.app.run;

import io.ttquant.store.ForwardingStore;
import io.ttquant.store.Store;

/**
 * The one open {@link Store} of {@code ttquant run}, lent to a component that would otherwise own
 * and close its store (the market data service's recorder, the order journal exporter): every call
 * goes to the shared store except {@link #close()}, which does nothing. DuckDB allows one open
 * store per file in a process, so the components share one object; the {@link EmbeddedSystem}
 * closes it once, after every writer has flushed. It must never close the store it lends.
 */
final class BorrowedStore extends ForwardingStore {

    BorrowedStore(Store owner) {
        super(owner);
    }

    /** Does nothing: the owner closes the store. */
    @Override
    public void close() {
    }
}
