package io.ttquant.transport.bus;

import static io.ttquant.transport.TestEvents.BTC;
import static io.ttquant.transport.TestEvents.ETH;
import static io.ttquant.transport.TestEvents.T;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.transport.MarketDataListener;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-process bus hands subscribers the publisher's own event object, in subscription order.
 * It copes with subscription changes and publishing from inside a callback, and it allocates
 * nothing per event once its routes are built.
 */
class InProcessBusTest {
    private final InProcessBus bus = new InProcessBus("binance");

    @Test
    void shouldHandSubscribersThePublishersOwnEventInSubscriptionOrder() {
        List<String> calls = new ArrayList<>();
        List<MarketEvent> seen = new ArrayList<>();
        bus.subscribe("md.binance.BTCUSDT.", e -> {
            calls.add("first");
            seen.add(e);
        });
        bus.subscribe("", e -> calls.add("everything"));
        bus.subscribe("md.binance.BTCUSDT.trade", e -> calls.add("trades"));
        TradeTick trade = new TradeTick().set(BTC, T, T, 1, 1, Side.BUY, 1);
        assertThat(bus.publish(trade)).isTrue();
        assertThat(calls).containsExactly("first", "everything", "trades");
        assertThat(seen.get(0)).isSameAs(trade);
        assertThat(bus.published()).isEqualTo(1);
        assertThat(bus.delivered()).isEqualTo(3);
    }

    @Test
    void shouldStopDeliveringAfterUnsubscribeAndStartForANewSubscriber() {
        List<String> calls = new ArrayList<>();
        InProcessBus.Subscription a = bus.subscribe("md.binance.ETHUSDT.", e -> calls.add("a"));
        QuoteTick quote = new QuoteTick().set(ETH, T, T, 1, 1, 2, 1);
        bus.publish(quote);
        a.close();
        a.close();
        bus.publish(quote);
        bus.subscribe("md.binance.ETHUSDT.quote", e -> calls.add("b"));
        bus.publish(quote);
        assertThat(calls).containsExactly("a", "b");
        assertThat(bus.subscriptionCount()).isEqualTo(1);
    }

    @Test
    void shouldDispatchANestedPublishDepthFirstAndApplySubscriptionChangesFromTheNextPublish() {
        List<String> calls = new ArrayList<>();
        Bar bar = new Bar();
        List<InProcessBus.Subscription> late = new ArrayList<>();
        bus.subscribe("md.binance.BTCUSDT.trade", e -> {
            calls.add("trade " + ((TradeTick) e).tradeId());
            // A bar builder publishing its bar from inside the trade callback.
            bus.publish(bar.set(BTC, T, 60_000_000_000L, 1, 1, 1, 1, 1));
            if (late.isEmpty()) {
                late.add(bus.subscribe("md.binance.BTCUSDT.trade", x -> calls.add("late")));
            }
        });
        bus.subscribe("md.binance.BTCUSDT.bar", e -> calls.add("bar"));
        bus.subscribe("md.binance.BTCUSDT.trade", e -> calls.add("after"));
        TradeTick trade = new TradeTick();
        bus.publish(trade.set(BTC, T, T, 1, 1, null, 1));
        bus.publish(trade.set(BTC, T, T, 1, 1, null, 2));
        assertThat(calls).containsExactly("trade 1", "bar", "after", "trade 2", "bar", "after", "late");
    }

    @Test
    void shouldNotAllocatePerEventOnceRoutesAreBuilt() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs HotSpot's per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(), "allocation counting is off");
        long[] sum = {0};
        MarketDataListener counter = e -> sum[0] += e.exchangeTimeNanos();
        bus.subscribe("md.binance.", counter);
        bus.subscribe("md.binance.BTCUSDT.", counter);
        TradeTick trade = new TradeTick();
        QuoteTick quote = new QuoteTick();
        int events = 200_000;
        publish(trade, quote, events);
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        publish(trade, quote, events);
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertThat(bus.delivered()).isEqualTo(2L * events + events);
        assertThat(sum[0]).isNotZero();
        assertThat(allocated).as("bytes allocated for %d events", events).isLessThan(events);
    }

    private void publish(TradeTick trade, QuoteTick quote, int events) {
        for (int n = 0; n < events; n++) {
            if ((n & 1) == 0) {
                bus.publish(trade.set(BTC, T + n, T + n, 1, 1, Side.BUY, n));
            } else {
                bus.publish(quote.set(ETH, T + n, T + n, 1, 1, 2, 1));
            }
        }
    }
}
