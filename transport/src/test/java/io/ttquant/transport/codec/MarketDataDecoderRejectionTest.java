package io.ttquant.transport.codec;

import static io.ttquant.transport.codec.WireOracle.ADA;
import static io.ttquant.transport.codec.WireOracle.BTC;
import static io.ttquant.transport.codec.WireOracle.assertSameEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.transport.proto.Trade;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bad input never crashes and never passes: every malformed, truncated, unknown or inconsistent
 * payload gets a counted {@link DecodeOutcome}, never an exception, and leaves the last good event
 * untouched. For the protobuf layer, protobuf-java's own parser is the oracle: the decoder calls
 * a payload MALFORMED exactly when the generated parser throws.
 */
class MarketDataDecoderRejectionTest {
    private static final long T = 1_723_161_255_342_000_000L;
    private final MarketDataDecoder decoder = new MarketDataDecoder(WireOracle.symbols());
    private final TradeTick good = new TradeTick().set(BTC, T, T + 1, 6_183_763, 51_000, Side.BUY, 9);

    @Test
    void shouldRejectAnUnknownSymbolAndKeepTheLastGoodEvent() {
        decodeGood();
        byte[] wire = Trade.newBuilder().setSymbol("DOGEUSDT").setPriceScale(2).setQtyScale(5).setPrice(1).build().toByteArray();
        assertThat(decoder.decode(MarketDataKind.TRADE, wire, 0, wire.length)).isEqualTo(DecodeOutcome.UNKNOWN_SYMBOL);
        assertThat(decoder.count(DecodeOutcome.UNKNOWN_SYMBOL)).isEqualTo(1);
        assertSameEvent(decoder.trade(), good);
        assertThat(decoder.sequence()).isEqualTo(1);
    }

    @Test
    void shouldRejectAMessageWithoutSymbol() {
        byte[] wire = Trade.newBuilder().setPriceScale(2).setQtyScale(5).setPrice(1).build().toByteArray();
        assertThat(decoder.decode(MarketDataKind.TRADE, wire, 0, wire.length)).isEqualTo(DecodeOutcome.UNKNOWN_SYMBOL);
    }

    @Test
    void shouldRejectPricesAtAnotherScaleThanTheInstrument() {
        byte[] priceScale = Trade.newBuilder().setSymbol("BTCUSDT").setPriceScale(8).setQtyScale(5).build().toByteArray();
        byte[] qtyScale = Trade.newBuilder().setSymbol("BTCUSDT").setPriceScale(2).setQtyScale(8).build().toByteArray();
        byte[] missingScales = Trade.newBuilder().setSymbol("BTCUSDT").setPrice(6_183_763).build().toByteArray();
        for (byte[] wire : new byte[][] {priceScale, qtyScale, missingScales}) {
            assertThat(decoder.decode(MarketDataKind.TRADE, wire, 0, wire.length)).isEqualTo(DecodeOutcome.SCALE_MISMATCH);
        }
        assertThat(decoder.count(DecodeOutcome.SCALE_MISMATCH)).isEqualTo(3);
        assertThat(decoder.rejected()).isEqualTo(3);
    }

    @Test
    void shouldRejectBookSidesWithUnequalPriceAndQuantityArrays() {
        byte[] wire = io.ttquant.transport.proto.BookUpdate.newBuilder().setSymbol("BTCUSDT").setPriceScale(2).setQtyScale(5)
                .addBidPrices(1).addBidPrices(2).addBidQtys(3).build().toByteArray();
        assertThat(decoder.decode(MarketDataKind.BOOK, wire, 0, wire.length)).isEqualTo(DecodeOutcome.INVALID_VALUE);
    }

    @Test
    void shouldRejectAnAggressorSideOutsideTheEnum() {
        byte[] wire = Trade.newBuilder().setSymbol("BTCUSDT").setPriceScale(2).setQtyScale(5).setAggressorValue(3).build().toByteArray();
        assertThat(decoder.decode(MarketDataKind.TRADE, wire, 0, wire.length)).isEqualTo(DecodeOutcome.INVALID_VALUE);
    }

    @Test
    void shouldRejectABarWithoutPositiveIntervalOrWithACloseTimeBeyondTheClock() {
        byte[] zero = io.ttquant.transport.proto.Bar.newBuilder().setSymbol("BTCUSDT").setPriceScale(2).setQtyScale(5)
                .setOpenTimeNs(T).build().toByteArray();
        byte[] overflow = io.ttquant.transport.proto.Bar.newBuilder().setSymbol("BTCUSDT").setPriceScale(2).setQtyScale(5)
                .setOpenTimeNs(Long.MAX_VALUE - 5).setIntervalNs(6).build().toByteArray();
        assertThat(decoder.decode(MarketDataKind.BAR, zero, 0, zero.length)).isEqualTo(DecodeOutcome.INVALID_VALUE);
        assertThat(decoder.decode(MarketDataKind.BAR, overflow, 0, overflow.length)).isEqualTo(DecodeOutcome.INVALID_VALUE);
    }

    @Test
    void shouldRejectTopicsThatNameNoMarketDataKind() {
        byte[] wire = WireOracle.toProto(good, "binance", 1, T).toByteArray();
        for (String topic : new String[] {"exec.alpha", "md.binance.BTCUSDT.candle", "md.", "md.trade", "xx.binance.BTCUSDT.trade"}) {
            byte[] t = topic.getBytes(StandardCharsets.US_ASCII);
            assertThat(decoder.decode(t, t.length, wire, 0, wire.length)).as(topic).isEqualTo(DecodeOutcome.UNKNOWN_TOPIC);
        }
        byte[] topic = "md.binance.BTCUSDT.trade".getBytes(StandardCharsets.US_ASCII);
        assertThat(decoder.decode(topic, topic.length, wire, 0, wire.length)).isEqualTo(DecodeOutcome.OK);
        assertThat(decoder.count(DecodeOutcome.UNKNOWN_TOPIC)).isEqualTo(5);
    }

    @Test
    void shouldRejectSymbolsThatAreNotUtf8AsTheGeneratedParserDoes() {
        byte[] wire = WireOracle.toProto(good, "binance", 1, T).toByteArray();
        int at = indexOf(wire, "BTCUSDT".getBytes(StandardCharsets.US_ASCII));
        wire[at] = (byte) 0xC0;
        assertThat(generatedParserRejects(MarketDataKind.TRADE, wire)).isTrue();
        assertThat(decoder.decode(MarketDataKind.TRADE, wire, 0, wire.length)).isEqualTo(DecodeOutcome.MALFORMED);
    }

    @Test
    void shouldCallATruncatedMessageMalformedExactlyWhenTheGeneratedParserRejectsIt() {
        BookUpdate book = new BookUpdate().reset(ADA, T, T + 2, false, 10, 12);
        for (int k = 0; k < 20; k++) {
            book.addBid(2_811 - k, 15_000 + k);
            book.addAsk(2_812 + k, 1_000_000L * k);
        }
        MarketEvent[] events = {good, book};
        for (MarketEvent e : events) {
            byte[] full = WireOracle.toProto(e, "binance", 300, T).toByteArray();
            for (int cut = 0; cut < full.length; cut++) {
                byte[] prefix = Arrays.copyOf(full, cut);
                DecodeOutcome outcome = decoder.decode(e.kind(), prefix, 0, prefix.length);
                assertThat(outcome == DecodeOutcome.MALFORMED).as("%s cut at %d: %s", e.kind(), cut, outcome)
                        .isEqualTo(generatedParserRejects(e.kind(), prefix));
            }
        }
    }

    @Test
    void shouldAgreeWithTheGeneratedParserOnRandomAndMutatedBytes() {
        SplittableRandom random = new SplittableRandom(20_240_808);
        byte[] seed = WireOracle.toProto(good, "binance", 300, T).toByteArray();
        int malformed = 0;
        for (int round = 0; round < 6_000; round++) {
            byte[] wire;
            if (round % 2 == 0) {
                wire = new byte[random.nextInt(64)];
                random.nextBytes(wire);
            } else {
                wire = seed.clone();
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    wire[random.nextInt(wire.length)] = (byte) random.nextInt(256);
                }
            }
            for (MarketDataKind kind : MarketDataKind.values()) {
                DecodeOutcome outcome = decoder.decode(kind, wire, 0, wire.length);
                boolean rejected = generatedParserRejects(kind, wire);
                if ((outcome == DecodeOutcome.MALFORMED) != rejected) {
                    throw new AssertionError("round " + round + " " + kind + " " + Arrays.toString(wire) + ": decoder says "
                            + outcome + ", generated parser rejects: " + rejected);
                }
                malformed += rejected ? 1 : 0;
            }
        }
        assertThat(malformed).as("the fuzz reached the malformed paths").isGreaterThan(3_000);
        assertThat(decoder.count(DecodeOutcome.MALFORMED)).isEqualTo(malformed);
    }

    @Test
    void shouldResolveNewSymbolsThroughAFallbackOnceAndRememberMisses() {
        int[] asked = {0};
        SymbolTable table = new SymbolTable(s -> {
            asked[0]++;
            return Instruments.binanceSpot(s);
        });
        MarketDataDecoder lazy = new MarketDataDecoder(table);
        Instrument eth = Instruments.binanceSpot("ETHUSDT");
        byte[] known = Trade.newBuilder().setSymbol("ETHUSDT").setPriceScale(eth.priceScale()).setQtyScale(eth.qtyScale())
                .setPrice(261_234).build().toByteArray();
        byte[] unknown = Trade.newBuilder().setSymbol("NOSUCHUSDT").setPriceScale(2).build().toByteArray();
        byte[] lowerCase = Trade.newBuilder().setSymbol("ethusdt").setPriceScale(2).build().toByteArray();
        for (int i = 0; i < 3; i++) {
            assertThat(lazy.decode(MarketDataKind.TRADE, known, 0, known.length)).isEqualTo(DecodeOutcome.OK);
            assertThat(lazy.decode(MarketDataKind.TRADE, unknown, 0, unknown.length)).isEqualTo(DecodeOutcome.UNKNOWN_SYMBOL);
            assertThat(lazy.decode(MarketDataKind.TRADE, lowerCase, 0, lowerCase.length)).isEqualTo(DecodeOutcome.UNKNOWN_SYMBOL);
        }
        assertThat(lazy.trade().instrument().symbol()).isEqualTo("ETHUSDT");
        assertThat(lazy.trade().price()).isEqualTo(261_234);
        assertThat(asked[0]).as("fallback asked once per symbol; lower case never reaches it").isEqualTo(2);
        assertThat(table.size()).isEqualTo(1);
    }

    private void decodeGood() {
        byte[] wire = WireOracle.toProto(good, "binance", 1, T).toByteArray();
        assertThat(decoder.decode(MarketDataKind.TRADE, wire, 0, wire.length)).isEqualTo(DecodeOutcome.OK);
    }

    private static boolean generatedParserRejects(MarketDataKind kind, byte[] wire) {
        try {
            switch (kind) {
                case TRADE:
                    Trade.parseFrom(wire);
                    break;
                case QUOTE:
                    io.ttquant.transport.proto.Quote.parseFrom(wire);
                    break;
                case BOOK:
                    io.ttquant.transport.proto.BookUpdate.parseFrom(ByteString.copyFrom(wire));
                    break;
                default:
                    io.ttquant.transport.proto.Bar.parseFrom(wire);
            }
            return false;
        } catch (InvalidProtocolBufferException e) {
            return true;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
