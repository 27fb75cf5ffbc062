package io.ttquant.binance.book;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.OrderBook;
import java.util.ArrayList;
import java.util.List;

/**
 * Test listener that plays the downstream L2 consumer: it applies every event it receives to its
 * own {@link OrderBook} and records copies of the events and the resync reasons. Test code only.
 */
class RecordingBookListener implements BookListener {
    final OrderBook downstream;
    final List<BookUpdate> events = new ArrayList<>();
    final List<ResyncReason> resyncs = new ArrayList<>();
    boolean downstreamValid;

    RecordingBookListener(Instrument instrument) {
        downstream = new OrderBook(instrument);
    }

    @Override
    public void onBook(BookUpdate applied, OrderBook book) {
        if (!applied.isSnapshot() && !downstreamValid) {
            throw new AssertionError("diff " + applied + " emitted before a snapshot");
        }
        downstream.apply(applied);
        downstreamValid = true;
        events.add(BookCopies.copy(applied, new BookUpdate()));
    }

    @Override
    public void onResync(Instrument instrument, ResyncReason reason) {
        downstreamValid = false;
        resyncs.add(reason);
    }

    /** "S" for a snapshot and "U-u" for a diff, in emission order. */
    List<String> eventIds() {
        List<String> ids = new ArrayList<>();
        for (BookUpdate e : events) {
            ids.add(e.isSnapshot() ? "S" + e.lastUpdateId() : e.firstUpdateId() + "-" + e.lastUpdateId());
        }
        return ids;
    }
}
