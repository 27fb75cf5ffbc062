package io.ttquant.binance.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.OrderBook;
import io.ttquant.core.time.SimulatedClock;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The live path (chained diffs, stale repeats) must allocate nothing once warm; measured per thread. */
class BookSynchronizerAllocationTest {
    private static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");

    private long checksum;

    @Test
    void shouldNotAllocateWhileApplyingLiveDiffs() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled()).isTrue();
        int[] requests = {0};
        BookSynchronizer sync = new BookSynchronizer(BTC, i -> requests[0]++, new BookListener() {
            @Override
            public void onBook(BookUpdate applied, OrderBook book) {
                checksum += book.bestBid() + applied.lastUpdateId();
            }

            @Override
            public void onResync(Instrument instrument, ResyncReason reason) {
                throw new AssertionError("no resync expected");
            }
        }, new SimulatedClock(0), BookSyncConfig.defaults());
        BookUpdate wire = new BookUpdate();
        sync.onDiff(wire.reset(BTC, 0, 0, false, 1, 1));
        BookUpdate snapshot = new BookUpdate().reset(BTC, 0, 0, true, 1, 1);
        for (int i = 0; i < 200; i++) {
            snapshot.addBid(6_000_000 - i, 100 + i);
            snapshot.addAsk(6_000_001 + i, 100 + i);
        }
        sync.onSnapshot(snapshot);
        assertThat(sync.isLive()).isTrue();

        long id = feed(sync, wire, 2, 300_000);
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        int events = 1_000_000;
        feed(sync, wire, id, events);
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(before).isPositive();

        assertThat(sync.eventsApplied()).isEqualTo(1_300_000 - 1_300_000 / 16);
        assertThat(sync.staleDropped()).isEqualTo(1_300_000 / 16);
        assertThat(requests[0]).isEqualTo(1);
        assertThat((double) allocated / events).as("bytes per event (%d in all)", allocated).isLessThan(1.0);
    }

    /**
     * Feeds {@code count} chained diffs from update id {@code id} on, each setting, adding or
     * removing a few levels near the top; every 16th event is a stale repeat. Returns the next id.
     */
    private static long feed(BookSynchronizer sync, BookUpdate wire, long id, int count) {
        for (int i = 0; i < count; i++) {
            if ((i & 15) == 15) {
                sync.onDiff(wire.reset(BTC, id, id, false, id - 2, id - 1));
                continue;
            }
            wire.reset(BTC, id, id, false, id, id + 1);
            int k = (int) (id % 50);
            wire.addBid(6_000_000 - k, (id & 3) == 0 ? 0 : 100 + (id & 255));
            wire.addBid(6_000_000 - 50 - k, 7);
            wire.addAsk(6_000_001 + k, (id & 7) == 0 ? 0 : 300 + (id & 127));
            sync.onDiff(wire);
            id += 2;
        }
        return id;
    }
}
