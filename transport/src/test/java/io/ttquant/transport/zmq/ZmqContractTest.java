package io.ttquant.transport.zmq;

import io.ttquant.transport.MarketDataListener;
import io.ttquant.transport.MarketDataPublisher;
import io.ttquant.transport.MarketDataPublisherContract;

/** The publisher contract over ZeroMQ PUB/SUB on 127.0.0.1: encode, send, receive, decode. */
class ZmqContractTest extends MarketDataPublisherContract {
    @Override
    protected Harness createHarness() {
        ZmqHarness zmq = new ZmqHarness(VENUE, ZmqPublisher.DEFAULT_SEND_HIGH_WATER_MARK);
        return new Harness() {
            @Override
            public void subscribe(String prefix, MarketDataListener listener) {
                zmq.subscribe(prefix, listener, ZmqSubscriber.DEFAULT_RECEIVE_HIGH_WATER_MARK);
            }

            @Override
            public void start() {
                zmq.start();
            }

            @Override
            public MarketDataPublisher publisher() {
                return zmq.publisher;
            }

            @Override
            public void deliver(int expected) {
                zmq.deliver(expected);
                if (zmq.delivered() != expected) {
                    throw new AssertionError("delivered " + zmq.delivered() + " events, expected " + expected);
                }
                for (ZmqMarketDataAdapter a : zmq.adapters) {
                    if (a.gaps().missing() != 0 || a.decoder().rejected() != 0) {
                        throw new AssertionError("lost " + a.gaps().missing() + ", rejected " + a.decoder().rejected());
                    }
                }
            }

            @Override
            public void close() {
                zmq.close();
            }
        };
    }
}
