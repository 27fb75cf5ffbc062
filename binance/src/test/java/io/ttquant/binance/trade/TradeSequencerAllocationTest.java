package io.ttquant.binance.trade;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.core.time.SimulatedClock;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The gap-free path (next ids and duplicates) must allocate nothing once warm; measured per thread. */
class TradeSequencerAllocationTest {
    private static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");

    private long checksum;

    @Test
    void shouldNotAllocateWhileTheSequenceHasNoGap() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled()).isTrue();
        TradeSequencer seq = new TradeSequencer(BTC, (i, from, limit) -> {
            throw new AssertionError("no backfill expected");
        }, (t, backfilled) -> checksum += t.tradeId(), new SimulatedClock(0), TradeSequencerConfig.defaults());
        TradeTick wire = new TradeTick();

        long id = feed(seq, wire, 1, 300_000);
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        int events = 1_000_000;
        feed(seq, wire, id, events);
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(before).isPositive();

        assertThat(seq.gaps()).isZero();
        assertThat(seq.duplicates()).isPositive();
        assertThat((double) allocated / events).as("bytes per event (%d in all)", allocated).isLessThan(1.0);
    }

    /** Feeds {@code count} live events from {@code id} on, every 16th a duplicate. Returns the next id. */
    private static long feed(TradeSequencer seq, TradeTick wire, long id, int count) {
        for (int i = 0; i < count; i++) {
            if ((i & 15) == 15) {
                seq.onLive(wire.set(BTC, id, id, 6_000_000, 100, Side.BUY, id - 1));
            } else {
                seq.onLive(wire.set(BTC, id, id, 6_000_000 + (i & 7), 100, Side.BUY, id));
                id++;
            }
        }
        return id;
    }
}
