package io.ttquant.transport.codec;

import static io.ttquant.transport.codec.WireOracle.ADA;
import static io.ttquant.transport.codec.WireOracle.BTC;
import static io.ttquant.transport.codec.WireOracle.WHOLE;
import static io.ttquant.transport.codec.WireOracle.assertSameEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.transport.proto.Trade;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written codec and the protoc-generated classes agree in both directions, for every
 * kind of market data, empty books and extreme values: what the encoder writes is byte-for-byte
 * what the generated classes serialize, and parses back to the same values; what the generated
 * builders write decodes by hand to the same event.
 */
class MarketDataWireCompatibilityTest {
    private static final String VENUE = "binance";
    private static final long T = 1_723_161_255_342_000_000L;

    static List<MarketEvent> events() {
        BookUpdate deep = new BookUpdate().reset(BTC, T, T + 5, true, 50_093_239_218L, 50_093_239_218L);
        for (int k = 0; k < 5_000; k++) {
            deep.addBid(6_183_763 - k, 1 + k * 7L);
            deep.addAsk(6_183_764 + k, 100_000L * k);
        }
        BookUpdate bidsOnly = new BookUpdate().reset(ADA, T, T, false, 7, 9);
        bidsOnly.addBid(2_811, 0);
        bidsOnly.addBid(2_810, 15_000);
        BookUpdate extremeBook = new BookUpdate().reset(WHOLE, Long.MIN_VALUE, Long.MAX_VALUE, false, Long.MAX_VALUE, Long.MIN_VALUE);
        extremeBook.addBid(Long.MAX_VALUE, Long.MIN_VALUE);
        extremeBook.addBid(-1, 0);
        extremeBook.addAsk(0, -1);
        return List.of(
                new TradeTick().set(BTC, T, T + 1_273_000_000L, 6_183_763, 51_000, Side.SELL, 3_715_942_117L),
                new TradeTick().set(ADA, T, T, 2_811, 1_234_567, Side.BUY, 1),
                new TradeTick().set(BTC, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, null, -1),
                new TradeTick().set(WHOLE, 0, 0, 0, 0, null, 0),
                new QuoteTick().set(BTC, T, T + 3, 6_183_763, 12_345, 6_183_764, 1),
                new QuoteTick().set(WHOLE, 0, 0, 0, 0, 0, 0),
                new QuoteTick().set(ADA, -1, Long.MIN_VALUE, Long.MAX_VALUE, -1, Long.MIN_VALUE, Long.MAX_VALUE),
                new BookUpdate().reset(BTC, T, T, true, 1, 1),
                new BookUpdate().reset(BTC, 0, 0, false, 0, 0),
                bidsOnly,
                deep,
                extremeBook,
                new Bar().set(BTC, T - 60_000_000_000L, 60_000_000_000L, 5_684_030, 5_690_000, 5_680_001, 5_688_812, 968_200_000),
                new Bar().set(WHOLE, 0, 1, 0, 0, 0, 0, 0),
                new Bar().set(ADA, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, -1, 1, Long.MAX_VALUE));
    }

    @ParameterizedTest
    @MethodSource("events")
    void shouldWriteExactlyTheBytesOfTheGeneratedClasses(MarketEvent event) {
        MarketDataEncoder encoder = new MarketDataEncoder(VENUE);
        for (long sequence : new long[] {1, 0, 300, Long.MAX_VALUE, -1}) {
            int length = encoder.encode(event, sequence, T + 99);
            byte[] expected = WireOracle.toProto(event, VENUE, sequence, T + 99).toByteArray();
            assertThat(Arrays.copyOf(encoder.buffer(), length)).as("sequence %d", sequence).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("events")
    void shouldBeParsedByTheGeneratedClassesToTheSameValues(MarketEvent event) throws Exception {
        MarketDataEncoder encoder = new MarketDataEncoder(VENUE);
        int length = encoder.encode(event, 42, T + 99);
        Message parsed = WireOracle.parse(event, Arrays.copyOf(encoder.buffer(), length));
        assertThat(parsed).isEqualTo(WireOracle.toProto(event, VENUE, 42, T + 99));
        Descriptor d = parsed.getDescriptorForType();
        assertThat(parsed.getField(d.findFieldByName("symbol"))).isEqualTo(event.instrument().symbol());
        assertThat(parsed.getField(d.findFieldByName("price_scale"))).isEqualTo(event.instrument().priceScale());
        assertThat(parsed.getField(d.findFieldByName("qty_scale"))).isEqualTo(event.instrument().qtyScale());
        assertThat(parsed.getField(d.findFieldByName("sequence"))).isEqualTo(42L);
    }

    @ParameterizedTest
    @MethodSource("events")
    void shouldDecodeWhatTheGeneratedBuildersWrite(MarketEvent event) {
        byte[] bytes = WireOracle.toProto(event, VENUE, 7, T + 99).toByteArray();
        MarketDataDecoder decoder = new MarketDataDecoder(WireOracle.symbols());
        assertThat(decoder.decode(event.kind(), bytes, 0, bytes.length)).isEqualTo(DecodeOutcome.OK);
        assertSameEvent(decoder.event(), event);
        assertThat(decoder.sequence()).isEqualTo(7);
        assertThat(decoder.publishTimeNanos()).isEqualTo(T + 99);
    }

    @Test
    void shouldDecodeAPayloadInTheMiddleOfALargerBuffer() {
        TradeTick trade = new TradeTick().set(BTC, T, T + 1, 6_183_763, 51_000, Side.BUY, 5);
        byte[] message = WireOracle.toProto(trade, VENUE, 3, T).toByteArray();
        byte[] framed = new byte[message.length + 20];
        Arrays.fill(framed, (byte) 0xFF);
        System.arraycopy(message, 0, framed, 11, message.length);
        MarketDataDecoder decoder = new MarketDataDecoder(WireOracle.symbols());
        assertThat(decoder.decode(MarketDataKind.TRADE, framed, 11, message.length)).isEqualTo(DecodeOutcome.OK);
        assertSameEvent(decoder.trade(), trade);
    }

    @Test
    void shouldReadFieldsInAnyOrderAndUnpackedLevels() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        // Book fields backwards, levels as unpacked repeated elements, the symbol last.
        out.writeInt64(15, 4);
        out.writeInt64(14, 6_183_765);
        out.writeInt64(13, 2);
        out.writeInt64(12, 6_183_763);
        out.writeInt64(13, 3);
        out.writeInt64(12, 6_183_762);
        out.writeInt64(11, 20);
        out.writeInt64(10, 10);
        out.writeBool(9, true);
        out.writeInt32(8, 5);
        out.writeInt32(7, 2);
        out.writeSFixed64(5, T + 1);
        out.writeSFixed64(4, T);
        out.writeUInt64(3, 77);
        out.writeString(2, "BTCUSDT");
        out.flush();
        byte[] wire = bytes.toByteArray();
        io.ttquant.transport.proto.BookUpdate generated = io.ttquant.transport.proto.BookUpdate.parseFrom(wire);

        MarketDataDecoder decoder = new MarketDataDecoder(WireOracle.symbols());
        assertThat(decoder.decode(MarketDataKind.BOOK, wire, 0, wire.length)).isEqualTo(DecodeOutcome.OK);
        BookUpdate book = decoder.book();
        assertThat(book.bidCount()).isEqualTo(generated.getBidPricesCount()).isEqualTo(2);
        assertThat(new long[] {book.bidPrice(0), book.bidQty(0), book.bidPrice(1), book.bidQty(1)})
                .isEqualTo(new long[] {generated.getBidPrices(0), generated.getBidQtys(0), generated.getBidPrices(1), generated.getBidQtys(1)})
                .isEqualTo(new long[] {6_183_763, 2, 6_183_762, 3});
        assertThat(new long[] {book.askPrice(0), book.askQty(0)}).isEqualTo(new long[] {6_183_765, 4});
        assertThat(book.isSnapshot()).isTrue();
        assertThat(new long[] {book.firstUpdateId(), book.lastUpdateId(), book.exchangeTimeNanos(), book.receiveTimeNanos(), decoder.sequence()})
                .isEqualTo(new long[] {10, 20, T, T + 1, 77});
    }

    @Test
    void shouldSkipUnknownFieldsOfEveryWireType() {
        TradeTick trade = new TradeTick().set(BTC, T, T + 1, 6_183_763, 51_000, Side.SELL, 5);
        UnknownFieldSet unknown = UnknownFieldSet.newBuilder()
                .addField(99, UnknownFieldSet.Field.newBuilder().addVarint(123).build())
                .addField(100, UnknownFieldSet.Field.newBuilder().addFixed32(7).addFixed64(8).build())
                .addField(16, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("future")).build())
                .addField(3000, UnknownFieldSet.Field.newBuilder().addGroup(UnknownFieldSet.newBuilder()
                        .addField(1, UnknownFieldSet.Field.newBuilder().addVarint(1).build()).build()).build())
                .build();
        byte[] wire = ((Trade) WireOracle.toProto(trade, VENUE, 1, T)).toBuilder().setUnknownFields(unknown).build().toByteArray();
        MarketDataDecoder decoder = new MarketDataDecoder(WireOracle.symbols());
        assertThat(decoder.decode(MarketDataKind.TRADE, wire, 0, wire.length)).isEqualTo(DecodeOutcome.OK);
        assertSameEvent(decoder.trade(), trade);
    }

    @Test
    void shouldKeepTheSameHeaderFieldNumbersInAllFourMessages() {
        String[] header = {"venue", "symbol", "sequence", "exchange_time_ns", "receive_time_ns", "publish_time_ns", "price_scale", "qty_scale"};
        Descriptor[] messages = {Trade.getDescriptor(), io.ttquant.transport.proto.Quote.getDescriptor(),
            io.ttquant.transport.proto.BookUpdate.getDescriptor(), io.ttquant.transport.proto.Bar.getDescriptor()};
        for (Descriptor m : messages) {
            for (int i = 0; i < header.length; i++) {
                FieldDescriptor f = m.findFieldByName(header[i]);
                assertThat(f).as("%s.%s", m.getName(), header[i]).isNotNull();
                assertThat(f.getNumber()).as("%s.%s", m.getName(), header[i]).isEqualTo(i + 1);
                assertThat(f.getType()).isEqualTo(Trade.getDescriptor().findFieldByName(header[i]).getType());
            }
            assertThat(m.getFields()).allSatisfy(f -> assertThat(f.getNumber()).as("one-byte tags").isLessThanOrEqualTo(15));
        }
    }
}
