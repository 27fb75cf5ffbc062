package io.ttquant.binance.stream;

import io.ttquant.binance.json.Mutations;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decoding allocates nothing per message once warm: measured with the JVM's per-thread allocation
 * counter around 100,000 decodes of a realistic mix (mostly book tickers, trades and depth diffs,
 * plus every other kind and some rejected messages), on the fast path and on the generic one.
 */
class StreamMessageDecoderAllocationTest {
    private static final Instrument BTCUSDT = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00000001").build();
    private static final Instrument ETHUSDT = Instrument.builder("ETHUSDT").tickSize("0.01").stepSize("0.00000001").build();
    private static final Instrument BNBBTC = Instrument.builder("BNBBTC").tickSize("0.000001").stepSize("0.001").build();
    private static final Instrument BNBUSDT = Instrument.builder("BNBUSDT").tickSize("0.0001").stepSize("0.01").build();

    /** Adds up what it is given, so nothing is optimised away, and keeps nothing. */
    private static final class SummingSink implements StreamEventSink {
        long sum;
        long events;

        @Override
        public void onTrade(TradeTick t) {
            sum += t.price() + t.qty() + t.tradeId() + t.exchangeTimeNanos() + t.aggressor().ordinal();
            events++;
        }

        @Override
        public void onAggTrade(TradeTick t, long first, long last) {
            sum += t.price() + first + last;
            events++;
        }

        @Override
        public void onBookTicker(QuoteTick q, long updateId) {
            sum += q.bidPrice() + q.askQty() + updateId;
            events++;
        }

        @Override
        public void onDepthDiff(BookUpdate d) {
            for (int i = 0; i < d.bidCount(); i++) {
                sum += d.bidPrice(i) + d.bidQty(i);
            }
            for (int i = 0; i < d.askCount(); i++) {
                sum += d.askPrice(i) + d.askQty(i);
            }
            sum += d.lastUpdateId();
            events++;
        }

        @Override
        public void onPartialDepth(BookUpdate top) {
            onDepthDiff(top);
        }

        @Override
        public void onKline(Bar bar, boolean closed) {
            sum += bar.close() + bar.volume() + (closed ? 1 : 0);
            events++;
        }

        @Override
        public void onServerShutdown(long eventTimeMillis) {
            sum += eventTimeMillis;
            events++;
        }
    }

    private static List<byte[]> realisticMix() {
        List<byte[]> mix = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            mix.add(ascii("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":" + (50093239212L + i) + ",\"s\":\"BTCUSDT\","
                    + "\"b\":\"61837.6" + i % 10 + "000000\",\"B\":\"3.78826000\",\"a\":\"61837.64000000\",\"A\":\"1.5469" + i % 10 + "000\"}}"));
        }
        for (int i = 0; i < 4; i++) {
            mix.add(ascii("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,\"s\":\"BTCUSDT\","
                    + "\"t\":" + (3735683259L + i) + ",\"p\":\"61837.63000000\",\"q\":\"0.0" + (i + 1) + "000000\","
                    + "\"T\":1723161255342,\"m\":" + (i % 2 == 0) + ",\"M\":true}}"));
        }
        StringBuilder diff = new StringBuilder("{\"stream\":\"ethusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\","
                + "\"E\":1723161255208,\"s\":\"ETHUSDT\",\"U\":50093239189,\"u\":50093239202,\"b\":[");
        for (int i = 0; i < 25; i++) {
            diff.append(i == 0 ? "" : ",").append("[\"26").append(10 + i).append(".63000000\",\"0.").append(i).append("0000000\"]");
        }
        diff.append("],\"a\":[");
        for (int i = 0; i < 30; i++) {
            diff.append(i == 0 ? "" : ",").append("[\"27").append(10 + i).append(".64000000\",\"1.54698000\"]");
        }
        mix.add(ascii(diff.append("]}}").toString()));
        mix.add(ascii("{\"data\":{\"lastUpdateId\":160,\"bids\":[[\"61837.63000000\",\"1.0\"],[\"61837.62000000\",\"2.0\"]],"
                + "\"asks\":[[\"61837.64000000\",\"3.0\"]]},\"stream\":\"btcusdt@depth20@100ms\"}"));
        mix.add(ascii("{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":1617566640068,\"s\":\"BTCUSDT\","
                + "\"k\":{\"t\":1617566580000,\"T\":1617566639999,\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":745522651,\"L\":745523670,"
                + "\"o\":\"57994.60000000\",\"c\":\"57999.99000000\",\"h\":\"58018.03000000\",\"l\":\"57974.41000000\","
                + "\"v\":\"23.06712200\",\"n\":1020,\"x\":true,\"q\":\"1337913.58654308\",\"V\":\"11.41334700\","
                + "\"Q\":\"661954.86510045\",\"B\":\"0\"}}}"));
        for (String doc : new String[] {"trade", "aggTrade", "kline", "bookTicker", "depthUpdate",
            "subscribe-response", "list-subscriptions-response", "error-unknown-property"}) {
            mix.add(Mutations.resource("/stream/docs-" + doc + ".json"));
        }
        mix.add(ascii("{\"e\":\"serverShutdown\",\"E\":1770123456789}"));
        // Rejected messages must not allocate either.
        mix.add(ascii("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":17231612"));
        mix.add(ascii("{\"stream\":\"btcusdt@ticker\",\"data\":{\"e\":\"24hrTicker\",\"E\":1,\"s\":\"BTCUSDT\"}}"));
        mix.add(ascii("{\"stream\":\"dogeusdt@trade\",\"data\":{\"e\":\"trade\",\"s\":\"DOGEUSDT\"}}"));
        mix.add(ascii("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\",\"t\":1,"
                + "\"p\":\"61837.635\",\"q\":\"1\",\"T\":1,\"m\":true}}"));
        mix.add(ascii("[{\"e\":\"24hrMiniTicker\"}]"));
        return mix;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void shouldNotAllocatePerMessageOnceWarm() {
        StreamMessageDecoder decoder = new StreamMessageDecoder(SymbolTable.of(BTCUSDT, ETHUSDT, BNBBTC, BNBUSDT));
        SummingSink sink = new SummingSink();
        byte[][] messages = realisticMix().toArray(new byte[0][]);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();

        int n = 100_000;
        run(decoder, sink, messages, 200_000);
        long before = threads.getThreadAllocatedBytes(thread);
        run(decoder, sink, messages, n);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        DecodeStats stats = decoder.stats();
        assertThat(stats.messages()).isEqualTo(300_000);
        assertThat(stats.count(DecodeOutcome.EVENT)).isGreaterThan(200_000);
        assertThat(stats.rejected()).as("the mix includes rejected messages").isGreaterThan(20_000);
        assertThat(sink.events).isEqualTo(stats.count(DecodeOutcome.EVENT));
        assertThat(stats.fastPathMessages()).as("both paths are measured").isGreaterThan(100_000);
        assertThat(stats.genericPathMessages()).isGreaterThan(100_000);
        assertThat(sink.sum).isNotZero();
        System.out.printf("stream decoding: %d bytes allocated over %d messages (%.4f bytes/message)%n",
                allocated, n, allocated / (double) n);
        assertThat(allocated / (double) n).as("bytes allocated per message").isLessThan(1.0);
    }

    private static void run(StreamMessageDecoder decoder, StreamEventSink sink, byte[][] messages, int count) {
        long recv = 1_723_161_254_087_891_268L;
        for (int i = 0; i < count; i++) {
            byte[] m = messages[i % messages.length];
            decoder.decode(m, 0, m.length, recv + i, sink);
        }
    }
}
