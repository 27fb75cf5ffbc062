package io.ttquant.app.marketdata;

/**
 * A source of normalised market data running on the market data service's event loop: the live
 * Binance pipeline or a paced replay. It publishes every event it produces to the publisher it was
 * built with, on the event loop thread, and must never block that thread.
 */
public interface MarketFeed extends AutoCloseable {
    /** Starts producing; returns at once. */
    void start();

    /** A one-line, human-readable state for logs and the startup banner. */
    String describe();

    @Override
    void close();
}
