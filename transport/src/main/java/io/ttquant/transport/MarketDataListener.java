package io.ttquant.transport;

import io.ttquant.core.marketdata.MarketEvent;

/**
 * Receives market data events from the in-process bus or a ZeroMQ market data adapter.
 *
 * <p>The event is a reused object that belongs to the caller. Read it during the call and copy
 * what you keep. Never hold a reference to it, and never call back from another thread.
 */
@FunctionalInterface
public interface MarketDataListener {
    void onMarketData(MarketEvent event);
}
