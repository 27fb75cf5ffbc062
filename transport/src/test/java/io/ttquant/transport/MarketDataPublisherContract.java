package io.ttquant.transport;

import static io.ttquant.transport.TestEvents.BTC;
import static io.ttquant.transport.TestEvents.ETH;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.marketdata.MarketEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link MarketDataPublisher} with subscribers keeps, run against the in-process
 * bus and against ZeroMQ over TCP: a subscriber gets exactly the events whose topic starts with
 * its prefix, in publish order, with every value intact, and nothing else.
 */
public abstract class MarketDataPublisherContract {
    protected static final String VENUE = "binance";

    /** A publisher with subscribers, wired for one test. */
    protected interface Harness extends AutoCloseable {
        /** Adds a subscriber of {@code prefix}; call before {@link #start()}. */
        void subscribe(String prefix, MarketDataListener listener);

        /** Makes sure every subscriber is connected and will see the next event published. */
        void start();

        MarketDataPublisher publisher();

        /** Lets subscribers receive until {@code expected} events in all have been delivered, or fails. */
        void deliver(int expected);

        @Override
        void close();
    }

    private Harness harness;

    protected abstract Harness createHarness();

    @AfterEach
    void closeHarness() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void shouldDeliverExactlyTheEventsOfTheSubscribedPrefixWithEveryValue() {
        harness = createHarness();
        List<String> all = new ArrayList<>();
        List<String> btc = new ArrayList<>();
        List<String> ethTrades = new ArrayList<>();
        harness.subscribe(Topics.marketDataPrefix(VENUE), e -> all.add(TestEvents.fingerprint(e)));
        harness.subscribe(Topics.marketDataPrefix(VENUE, BTC.symbol()), e -> btc.add(TestEvents.fingerprint(e)));
        harness.subscribe(Topics.marketData(VENUE, ETH.symbol(), io.ttquant.core.marketdata.MarketDataKind.TRADE),
                e -> ethTrades.add(TestEvents.fingerprint(e)));
        harness.start();

        List<MarketEvent> events = TestEvents.mixed(240);
        for (MarketEvent e : events) {
            assertThat(harness.publisher().publish(e)).isTrue();
        }
        List<String> expectedBtc = TestEvents.matching(events, VENUE, Topics.marketDataPrefix(VENUE, BTC.symbol()));
        List<String> expectedEthTrades = TestEvents.matching(events, VENUE, "md.binance.ETHUSDT.trade");
        harness.deliver(events.size() + expectedBtc.size() + expectedEthTrades.size());

        assertThat(all).containsExactlyElementsOf(TestEvents.matching(events, VENUE, ""));
        assertThat(btc).hasSize(80).containsExactlyElementsOf(expectedBtc);
        assertThat(ethTrades).hasSize(20).containsExactlyElementsOf(expectedEthTrades);
        assertThat(btc).noneMatch(f -> f.contains("BTCUSDTFD"));
    }

    @Test
    void shouldDeliverEveryKindOfOneSymbolInPublishOrder() {
        harness = createHarness();
        List<String> seen = new ArrayList<>();
        harness.subscribe("md.binance.ETHUSDT.", e -> seen.add(TestEvents.fingerprint(e)));
        harness.start();
        List<MarketEvent> events = TestEvents.mixed(120);
        List<String> expected = TestEvents.matching(events, VENUE, "md.binance.ETHUSDT.");
        for (MarketEvent e : events) {
            harness.publisher().publish(e);
        }
        harness.deliver(expected.size());
        assertThat(seen).containsExactlyElementsOf(expected);
    }
}
