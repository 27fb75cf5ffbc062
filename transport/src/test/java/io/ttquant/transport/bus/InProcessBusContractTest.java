package io.ttquant.transport.bus;

import io.ttquant.transport.MarketDataListener;
import io.ttquant.transport.MarketDataPublisher;
import io.ttquant.transport.MarketDataPublisherContract;

/** The publisher contract on the in-process bus: delivery is synchronous, so nothing waits. */
class InProcessBusContractTest extends MarketDataPublisherContract {
    @Override
    protected Harness createHarness() {
        InProcessBus bus = new InProcessBus(VENUE);
        return new Harness() {
            @Override
            public void subscribe(String prefix, MarketDataListener listener) {
                bus.subscribe(prefix, listener);
            }

            @Override
            public void start() {
            }

            @Override
            public MarketDataPublisher publisher() {
                return bus;
            }

            @Override
            public void deliver(int expected) {
                if (bus.delivered() != expected) {
                    throw new AssertionError("bus delivered " + bus.delivered() + " events, expected " + expected);
                }
            }

            @Override
            public void close() {
            }
        };
    }
}
