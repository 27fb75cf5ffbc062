package io.ttquant.app.store;

import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.store.writer.MarketDataRecorder;
import io.ttquant.transport.MarketDataPublisher;

/**
 * A publisher that offers every published trade, quote and bar to the store's
 * {@link MarketDataRecorder}: put it beside the other publishers of a feed and the store gets the
 * same normalised events as the subscribers. Book deltas are not stored (the feed records periodic
 * book snapshots instead). Copies the event into the recorder's queue and returns at once; false
 * when the recorder dropped it (counted there). Single-threaded like every publisher; never
 * allocates.
 */
public final class RecordingPublisher implements MarketDataPublisher {
    private final MarketDataRecorder recorder;
    private final String venue;

    public RecordingPublisher(MarketDataRecorder recorder, String venue) {
        this.recorder = recorder;
        this.venue = venue;
    }

    @Override
    public boolean publish(MarketEvent event) {
        return switch (event.kind()) {
            case TRADE -> recorder.recordTrade(venue, (TradeTick) event);
            case QUOTE -> recorder.recordQuote(venue, (QuoteTick) event);
            case BAR -> recorder.recordBar(venue, (Bar) event);
            case BOOK -> true;
        };
    }
}
