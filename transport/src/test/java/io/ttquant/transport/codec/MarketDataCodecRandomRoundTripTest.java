package io.ttquant.transport.codec;

import static io.ttquant.transport.codec.WireOracle.assertSameEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Randomized round trip: random events of every kind, with values drawn from realistic, full-range
 * and extreme longs. Each encodes to the generated classes' bytes and decodes back to an equal
 * event with its sequence number and publish time. One encoder and one decoder serve all events,
 * so state left over from one message would show in the next.
 */
class MarketDataCodecRandomRoundTripTest {
    private static final Instrument[] INSTRUMENTS = {WireOracle.BTC, WireOracle.ADA, WireOracle.WHOLE};
    private static final long[] EXTREMES = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 127, 128, 16_383, 16_384, 1L << 56, -(1L << 56)};

    @Test
    void shouldRoundTripRandomEventsOfEveryKind() throws Exception {
        long seed = 0x5EED_2024_0808L;
        SplittableRandom random = new SplittableRandom(seed);
        MarketDataEncoder encoder = new MarketDataEncoder("binance");
        MarketDataDecoder decoder = new MarketDataDecoder(WireOracle.symbols());
        TradeTick trade = new TradeTick();
        QuoteTick quote = new QuoteTick();
        BookUpdate book = new BookUpdate();
        Bar bar = new Bar();
        int[] kinds = new int[4];
        for (int n = 0; n < 20_000; n++) {
            Instrument instrument = INSTRUMENTS[random.nextInt(INSTRUMENTS.length)];
            int kind = random.nextInt(4);
            kinds[kind]++;
            MarketEvent event;
            switch (kind) {
                case 0:
                    event = trade.set(instrument, value(random), value(random), value(random), value(random),
                            random.nextInt(3) == 0 ? null : random.nextBoolean() ? Side.BUY : Side.SELL, value(random));
                    break;
                case 1:
                    event = quote.set(instrument, value(random), value(random), value(random), value(random), value(random), value(random));
                    break;
                case 2:
                    book.reset(instrument, value(random), value(random), random.nextBoolean(), value(random), value(random));
                    for (int k = random.nextInt(3) == 0 ? 0 : random.nextInt(60); k > 0; k--) {
                        book.addBid(value(random), value(random));
                    }
                    for (int k = random.nextInt(3) == 0 ? 0 : random.nextInt(60); k > 0; k--) {
                        book.addAsk(value(random), value(random));
                    }
                    event = book;
                    break;
                default:
                    long open = value(random) / 2;
                    long interval = 1 + random.nextLong(Long.MAX_VALUE - Math.max(open, 0));
                    event = bar.set(instrument, open, interval, value(random), value(random), value(random), value(random), value(random));
            }
            long sequence = value(random);
            long publishTime = value(random);
            int length = encoder.encode(event, sequence, publishTime);
            byte[] bytes = Arrays.copyOf(encoder.buffer(), length);

            assertThat(bytes).as("event %d (seed %d)", n, seed)
                    .isEqualTo(WireOracle.toProto(event, "binance", sequence, publishTime).toByteArray());
            assertThat(WireOracle.parse(event, bytes)).isEqualTo(WireOracle.toProto(event, "binance", sequence, publishTime));
            assertThat(decoder.decode(event.kind(), encoder.buffer(), 0, length)).as("event %d", n).isEqualTo(DecodeOutcome.OK);
            assertSameEvent(decoder.event(), event);
            assertThat(decoder.sequence()).isEqualTo(sequence);
            assertThat(decoder.publishTimeNanos()).isEqualTo(publishTime);
        }
        assertThat(Arrays.stream(kinds).min().getAsInt()).as("events of the rarest kind").isGreaterThan(4_000);
        assertThat(decoder.rejected()).isZero();
    }

    /** A long that is realistic a third of the time, extreme a third and uniformly random otherwise. */
    private static long value(SplittableRandom random) {
        switch (random.nextInt(3)) {
            case 0:
                return random.nextLong(10_000_000_000L);
            case 1:
                return EXTREMES[random.nextInt(EXTREMES.length)];
            default:
                return random.nextLong();
        }
    }
}
