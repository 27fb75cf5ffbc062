package io.ttquant.core.exchange;

import io.ttquant.core.venue.ExecutionListener;
import static io.ttquant.core.exchange.ExchangeHarness.BTC;
import static io.ttquant.core.exchange.ExchangeHarness.MINUTE;
import static io.ttquant.core.exchange.ExchangeHarness.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.time.SimulatedClock;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Market events that fill nothing must not allocate, with no orders and with a few resting limits
 * and stops. Measured with the JVM's per-thread allocation counter (skipped where it is missing).
 */
class HotPathAllocationTest {
    private static final int EVENTS = 200_000;

    @Test
    void shouldNotAllocateOnMarketEventsThatFillNothing() {
        com.sun.management.ThreadMXBean threads = threadBean();
        SimulatedClock clock = new SimulatedClock(T0);
        SimulatedExchange ex = new SimulatedExchange(ExchangeConfig.builder().maxBarVolumeFraction(0.5).build(), clock,
                new ExecutionListener() {
                    @Override
                    public void onOrderUpdate(Order order) {
                    }

                    @Override
                    public void onFill(Order order, Fill fill) {
                    }
                });
        ex.addInstrument(BTC);
        Events events = new Events();

        events.run(ex, 0, EVENTS);   // no orders; also warms up the JIT and grows the book arrays
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        events.run(ex, EVENTS, EVENTS);
        long withoutOrders = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;

        long id = 1;
        for (Order o : new Order[] {
                order(id++, Side.BUY, OrderType.LIMIT, "50", "0"), order(id++, Side.BUY, OrderType.LIMIT, "60", "0"),
                order(id++, Side.SELL, OrderType.LIMIT, "150", "0"), order(id++, Side.BUY, OrderType.STOP_MARKET, "0", "200"),
                order(id++, Side.SELL, OrderType.STOP_LIMIT, "10", "20")}) {
            ex.submit(o);
        }
        ex.advanceTo(clock.nanos());
        assertThat(ex.openOrderCount()).isEqualTo(5);
        events.run(ex, 2 * EVENTS, EVENTS);
        before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        events.run(ex, 3 * EVENTS, EVENTS);
        long withOrders = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;

        assertThat(ex.openOrderCount()).isEqualTo(5);
        // A few hundred bytes of slack for the measurement itself; one allocation per event would be megabytes.
        assertThat(withoutOrders).isLessThan(1_000);
        assertThat(withOrders).isLessThan(1_000);
    }

    private static Order order(long id, Side side, OrderType type, String price, String stop) {
        return new Order(id, "a" + id, "s1", BTC, side, type, TimeInForce.GTC, BTC.qty("1"), BTC.price(price),
                BTC.price(stop), false, T0);
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counter unavailable");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        return threads;
    }

    /** Reused events around 100.00 that never reach the orders above (50/60 bids, 150 ask, stops at 200 and 20). */
    private static final class Events {
        private final QuoteTick quote = new QuoteTick();
        private final TradeTick trade = new TradeTick();
        private final BookUpdate book = new BookUpdate();
        private final Bar bar = new Bar();

        void run(SimulatedExchange ex, int from, int count) {
            for (int i = from; i < from + count; i++) {
                long t = T0 + i * MINUTE;
                long wiggle = i % 7;
                switch (i & 3) {
                    case 0:
                        ex.onMarketEvent(quote.set(BTC, t, t, 9_990 + wiggle, 1000, 10_010 + wiggle, 1000));
                        break;
                    case 1:
                        ex.onMarketEvent(trade.set(BTC, t, t, 10_000 + wiggle, 500, (i & 4) == 0 ? Side.BUY : Side.SELL, i));
                        break;
                    case 2:
                        book.reset(BTC, t, t, (i & 64) == 0, i, i);
                        book.addBid(9_995 - wiggle, 1000 + i % 13);
                        book.addBid(9_990 - wiggle, 2000);
                        book.addAsk(10_005 + wiggle, 1000);
                        book.addAsk(10_010 + wiggle, 0);
                        ex.onMarketEvent(book);
                        break;
                    default:
                        ex.onMarketEvent(bar.set(BTC, t - MINUTE, MINUTE, 10_000, 10_100 + wiggle, 9_900 - wiggle, 10_000, 5000));
                        break;
                }
            }
        }
    }
}
