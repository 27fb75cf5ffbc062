package io.ttquant.core.venue;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.OrderBook;
import io.ttquant.core.order.Order;

/**
 * Where orders go: the simulated exchange in backtests and paper trading, an exchange adapter in
 * live trading. Results come back asynchronously through an execution listener, never as return
 * values or exceptions; an order handed to {@link #submit} has already passed validation and risk.
 */
public interface Venue {
    /** Sends a validated NEW order. */
    void submit(Order order);

    /** Requests a cancel; false when the venue knows the order is no longer open. */
    boolean cancel(Order order);

    /** The venue's view of the L2 book (empty without book data). */
    OrderBook book(Instrument instrument);

    long bestBid(Instrument instrument);

    long bestAsk(Instrument instrument);

    long lastPrice(Instrument instrument);
}
