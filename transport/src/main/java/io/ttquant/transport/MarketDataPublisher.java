package io.ttquant.transport;

import io.ttquant.core.marketdata.MarketEvent;

/**
 * Where a market data producer hands its events: the ZeroMQ publisher (encode and send to other
 * processes), the in-process bus (dispatch to subscribers in this JVM), or a fan-out to several.
 * The producer keeps ownership of the event and may reuse it once {@code publish} returns.
 *
 * <p>Implementations are single-threaded: call {@code publish} from one thread only. An
 * implementation must never block the caller on a slow consumer, and it must never keep a
 * reference to the event after returning.
 */
public interface MarketDataPublisher {
    /**
     * Publishes one event on its topic {@code md.<venue>.<SYMBOL>.<kind>}.
     *
     * @return true when every destination took the event; false when one refused it (counted by
     *     the implementation). A refusal is an outcome, not an error.
     */
    boolean publish(MarketEvent event);
}
