package io.ttquant.core.marketdata;

/** The kinds of market data event; the names are the last part of the ZeroMQ topic. */
public enum MarketDataKind {
    TRADE("trade"),
    QUOTE("quote"),
    BAR("bar"),
    BOOK("book");

    private final String topicName;

    MarketDataKind(String topicName) {
        this.topicName = topicName;
    }

    public String topicName() {
        return topicName;
    }
}
