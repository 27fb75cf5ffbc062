package io.ttquant.transport.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.transport.Topics;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The codec's hot path allocates nothing: after warm-up, encoding and decoding messages of every
 * kind, a 100-level book included, allocates less than one byte per message on average on this
 * thread, as HotSpot's per-thread allocation counter measures it. A single allocation per message
 * would show as at least 16 bytes.
 */
class MarketDataCodecAllocationTest {
    private static final int MESSAGES = 200_000;
    private static final long T = 1_723_161_255_342_000_000L;

    @Test
    void shouldNotAllocateWhenEncodingAndDecodingInTheSteadyState() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs HotSpot's per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counting is off");

        BookUpdate book = new BookUpdate().reset(WireOracle.BTC, T, T + 1, false, 100, 101);
        for (int k = 0; k < 100; k++) {
            book.addBid(6_183_763 - k, 1_000 + k);
            book.addAsk(6_183_764 + k, 2_000 + k);
        }
        MarketEvent[] events = {
            new TradeTick().set(WireOracle.BTC, T, T + 1, 6_183_763, 51_000, Side.SELL, 3_715_942_117L),
            new QuoteTick().set(WireOracle.ADA, T, T + 2, 2_811, 15_000, 2_812, 230),
            book,
            new Bar().set(WireOracle.BTC, T, 60_000_000_000L, 5_684_030, 5_690_000, 5_680_001, 5_688_812, 968_200_000),
        };
        Topics topics = new Topics("binance");
        byte[][] topicBytes = new byte[events.length][];
        for (int i = 0; i < events.length; i++) {
            topicBytes[i] = topics.marketDataBytes(events[i].instrument(), events[i].kind());
        }
        MarketDataEncoder encoder = new MarketDataEncoder("binance");
        MarketDataDecoder decoder = new MarketDataDecoder(WireOracle.symbols());

        long checksum = run(encoder, decoder, events, topicBytes, MESSAGES);
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        checksum += run(encoder, decoder, events, topicBytes, MESSAGES);
        long allocated = threads.getThreadAllocatedBytes(tid) - before;

        assertThat(decoder.rejected()).isZero();
        assertThat(decoder.count(DecodeOutcome.OK)).isEqualTo(2L * MESSAGES);
        assertThat(checksum).isNotZero();
        assertThat(allocated).as("bytes allocated for %d encodes and decodes", MESSAGES).isLessThan(MESSAGES);
    }

    private static long run(MarketDataEncoder encoder, MarketDataDecoder decoder, MarketEvent[] events, byte[][] topics, int count) {
        long checksum = 0;
        for (int n = 0; n < count; n++) {
            int i = n & 3;
            int length = encoder.encode(events[i], n + 1, T + n);
            byte[] topic = topics[i];
            if (decoder.decode(topic, topic.length, encoder.buffer(), 0, length) == DecodeOutcome.OK) {
                checksum += decoder.sequence() + decoder.event().exchangeTimeNanos();
            }
        }
        return checksum;
    }
}
