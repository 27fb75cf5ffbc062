package io.ttquant.binance.stream;

import io.ttquant.binance.json.Mutations;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every stream kind decoded from Binance's documented example payloads (test resources
 * {@code stream/docs-*.json}, sources in {@code stream/SOURCES.md}), in the raw form and inside the
 * combined-stream envelope with either field order; every field is asserted.
 */
class StreamMessageDecoderDocExamplesTest {
    /** BNBBTC and BNBUSDT with enough decimals for the documentation's values. */
    private static final Instrument BNBBTC = Instrument.builder("BNBBTC").tickSize("0.000001").stepSize("0.001").build();
    private static final Instrument BNBUSDT = Instrument.builder("BNBUSDT").tickSize("0.0001").stepSize("0.01").build();
    private static final long MS = 1_000_000L;
    private static final long RECV = 1_700_000_000_123_456_789L;

    private final StreamMessageDecoder decoder = new StreamMessageDecoder(SymbolTable.of(BNBBTC, BNBUSDT));
    private final RecordingSink sink = new RecordingSink();

    private static String doc(String name) {
        return new String(Mutations.resource("/stream/docs-" + name + ".json"), StandardCharsets.UTF_8);
    }

    private DecodeOutcome decode(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return decoder.decode(b, 0, b.length, RECV, sink);
    }

    private DecodeOutcome decode(String json, Instrument known) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return decoder.decode(b, 0, b.length, RECV, known, sink);
    }

    private static String envelope(String stream, String data) {
        return "{\"stream\":\"" + stream + "\",\"data\":" + data + "}";
    }

    private static String envelopeDataFirst(String stream, String data) {
        return "{\r\n \"data\" : " + data + " ,\n \"stream\" : \"" + stream + "\"\n}";
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"raw", "envelope", "envelope with data first"})
    void shouldDecodeTheDocumentedTrade(String form) {
        String json = wrap(form, "bnbbtc@trade", doc("trade"));
        assertThat(decode(json)).isEqualTo(DecodeOutcome.EVENT);

        assertThat(sink.trades).hasSize(1);
        assertThat(sink.total()).isEqualTo(1);
        TradeTick t = sink.trades.get(0);
        assertThat(t.instrument()).isSameAs(BNBBTC);
        assertThat(t.tradeId()).isEqualTo(12345L);
        assertThat(t.price()).isEqualTo(BNBBTC.price("0.001"));
        assertThat(t.price()).isEqualTo(1_000L);
        assertThat(t.qty()).isEqualTo(100_000L);
        assertThat(t.aggressor()).as("m=true: the buyer was the maker, so the taker sold").isEqualTo(Side.SELL);
        assertThat(t.exchangeTimeNanos()).as("trade time T").isEqualTo(1_672_515_782_136L * MS);
        assertThat(t.receiveTimeNanos()).isEqualTo(RECV);
        assertThat(decoder.lastEventTimeNanos()).as("event time E").isEqualTo(1_672_515_782_136L * MS);
        assertThat(decoder.lastEventKind()).isEqualTo(StreamEventKind.TRADE);
        assertThat(decoder.stats().count(StreamEventKind.TRADE)).isEqualTo(1);
        assertThat(decoder.stats().count(DecodeOutcome.EVENT)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"raw", "envelope", "envelope with data first"})
    void shouldDecodeTheDocumentedAggregateTrade(String form) {
        assertThat(decode(wrap(form, "bnbbtc@aggTrade", doc("aggTrade")))).isEqualTo(DecodeOutcome.EVENT);

        assertThat(sink.aggTrades).hasSize(1);
        assertThat(sink.total()).isEqualTo(1);
        RecordingSink.AggTrade a = sink.aggTrades.get(0);
        TradeTick t = a.trade();
        assertThat(t.instrument()).isSameAs(BNBBTC);
        assertThat(t.tradeId()).as("aggregate trade id a").isEqualTo(12345L);
        assertThat(a.firstTradeId()).isEqualTo(100L);
        assertThat(a.lastTradeId()).isEqualTo(105L);
        assertThat(t.price()).isEqualTo(1_000L);
        assertThat(t.qty()).isEqualTo(100_000L);
        assertThat(t.aggressor()).isEqualTo(Side.SELL);
        assertThat(t.exchangeTimeNanos()).isEqualTo(1_672_515_782_136L * MS);
        assertThat(t.receiveTimeNanos()).isEqualTo(RECV);
        assertThat(decoder.stats().count(StreamEventKind.AGG_TRADE)).isEqualTo(1);
    }

    @Test
    void shouldTakeABuyerTakerWhenTheBuyerWasNotTheMaker() {
        assertThat(decode(doc("trade").replace("\"m\": true", "\"m\": false"))).isEqualTo(DecodeOutcome.EVENT);
        assertThat(sink.trades.get(0).aggressor()).isEqualTo(Side.BUY);
    }

    @Test
    void shouldUseTheEventTimeWhenATradeHasNoTradeTime() {
        assertThat(decode(doc("trade").replace("\"T\": 1672515782136,", ""))).isEqualTo(DecodeOutcome.EVENT);
        assertThat(sink.trades.get(0).exchangeTimeNanos()).isEqualTo(1_672_515_782_136L * MS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"raw", "envelope", "envelope with data first"})
    void shouldDecodeTheDocumentedBookTicker(String form) {
        assertThat(decode(wrap(form, "bnbusdt@bookTicker", doc("bookTicker")))).isEqualTo(DecodeOutcome.EVENT);

        assertThat(sink.quotes).hasSize(1);
        assertThat(sink.total()).isEqualTo(1);
        RecordingSink.Quote q = sink.quotes.get(0);
        QuoteTick quote = q.quote();
        assertThat(q.updateId()).isEqualTo(400_900_217L);
        assertThat(quote.instrument()).isSameAs(BNBUSDT);
        assertThat(quote.bidPrice()).isEqualTo(253_519L);
        assertThat(quote.bidQty()).isEqualTo(3_121L);
        assertThat(quote.askPrice()).isEqualTo(253_652L);
        assertThat(quote.askQty()).isEqualTo(4_066L);
        assertThat(quote.exchangeTimeNanos()).as("no event time: the receive time").isEqualTo(RECV);
        assertThat(quote.receiveTimeNanos()).isEqualTo(RECV);
        assertThat(decoder.stats().count(StreamEventKind.BOOK_TICKER)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"raw", "envelope", "envelope with data first"})
    void shouldDecodeTheDocumentedDiffDepth(String form) {
        assertThat(decode(wrap(form, "bnbbtc@depth@100ms", doc("depthUpdate")))).isEqualTo(DecodeOutcome.EVENT);

        assertThat(sink.diffs).hasSize(1);
        assertThat(sink.total()).isEqualTo(1);
        RecordingSink.Book d = sink.diffs.get(0);
        assertThat(d.instrument()).isSameAs(BNBBTC);
        assertThat(d.snapshot()).isFalse();
        assertThat(d.firstUpdateId()).isEqualTo(157L);
        assertThat(d.lastUpdateId()).isEqualTo(160L);
        assertThat(d.exchangeTimeNanos()).isEqualTo(1_672_515_782_136L * MS);
        assertThat(d.receiveTimeNanos()).isEqualTo(RECV);
        assertThat(d.bids()).containsExactly(new long[] {2_400L, 10_000L});
        assertThat(d.asks()).containsExactly(new long[] {2_600L, 100_000L});
        assertThat(decoder.stats().count(StreamEventKind.DEPTH_DIFF)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bnbbtc@depth5", "bnbbtc@depth10@100ms", "bnbbtc@depth20@100ms"})
    void shouldDecodeTheDocumentedPartialDepthNamedByItsStream(String stream) {
        assertThat(decode(envelopeDataFirst(stream, doc("partialDepth")))).isEqualTo(DecodeOutcome.EVENT);
        assertThat(decode(envelope(stream, doc("partialDepth")))).isEqualTo(DecodeOutcome.EVENT);

        assertThat(sink.partials).hasSize(2);
        for (RecordingSink.Book p : sink.partials) {
            assertPartialDepth(p);
        }
        assertThat(decoder.stats().count(StreamEventKind.PARTIAL_DEPTH)).isEqualTo(2);
    }

    @Test
    void shouldDecodeTheRawPartialDepthOnlyWhenTheInstrumentIsKnown() {
        assertThat(decode(doc("partialDepth"))).as("raw partial depth names no symbol").isEqualTo(DecodeOutcome.UNKNOWN_SYMBOL);
        assertThat(sink.total()).isZero();

        assertThat(decode(doc("partialDepth"), BNBBTC)).isEqualTo(DecodeOutcome.EVENT);
        assertThat(sink.partials).hasSize(1);
        assertPartialDepth(sink.partials.get(0));
    }

    private static void assertPartialDepth(RecordingSink.Book p) {
        assertThat(p.instrument()).isSameAs(BNBBTC);
        assertThat(p.snapshot()).isTrue();
        assertThat(p.firstUpdateId()).isEqualTo(160L);
        assertThat(p.lastUpdateId()).isEqualTo(160L);
        assertThat(p.exchangeTimeNanos()).as("no event time: the receive time").isEqualTo(RECV);
        assertThat(p.receiveTimeNanos()).isEqualTo(RECV);
        assertThat(p.bids()).containsExactly(new long[] {2_400L, 10_000L});
        assertThat(p.asks()).containsExactly(new long[] {2_600L, 100_000L});
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"raw", "envelope", "envelope with data first"})
    void shouldDecodeTheDocumentedKline(String form) {
        assertThat(decode(wrap(form, "bnbbtc@kline_1m", doc("kline")))).isEqualTo(DecodeOutcome.EVENT);

        assertThat(sink.klines).hasSize(1);
        assertThat(sink.total()).isEqualTo(1);
        RecordingSink.Kline k = sink.klines.get(0);
        Bar bar = k.bar();
        assertThat(k.closed()).isFalse();
        assertThat(bar.instrument()).isSameAs(BNBBTC);
        assertThat(bar.openTimeNanos()).isEqualTo(1_672_515_780_000L * MS);
        assertThat(bar.intervalNanos()).as("T - t + 1 ms").isEqualTo(60_000L * MS);
        assertThat(bar.closeTimeNanos()).isEqualTo(1_672_515_840_000L * MS);
        assertThat(bar.open()).isEqualTo(1_000L);
        assertThat(bar.close()).isEqualTo(2_000L);
        assertThat(bar.high()).isEqualTo(2_500L);
        assertThat(bar.low()).isEqualTo(1_500L);
        assertThat(bar.volume()).isEqualTo(1_000_000L);
        assertThat(decoder.lastEventTimeNanos()).isEqualTo(1_672_515_782_136L * MS);
        assertThat(decoder.lastReceiveTimeNanos()).isEqualTo(RECV);
        assertThat(decoder.stats().count(StreamEventKind.KLINE)).isEqualTo(1);
    }

    @Test
    void shouldReportAClosedKline() {
        assertThat(decode(doc("kline").replace("\"x\": false", "\"x\": true"))).isEqualTo(DecodeOutcome.EVENT);
        assertThat(sink.klines.get(0).closed()).isTrue();
    }

    @Test
    void shouldDeliverAServerShutdownInEveryForm() {
        assertThat(decode("{\"e\":\"serverShutdown\",\"E\":1770123456789}")).isEqualTo(DecodeOutcome.EVENT);
        assertThat(decode("{\"event\":{\"e\":\"serverShutdown\",\"E\":1770123456790}}")).isEqualTo(DecodeOutcome.EVENT);
        assertThat(decode(envelope("bnbbtc@trade", "{\"e\":\"serverShutdown\",\"E\":1770123456791}"))).isEqualTo(DecodeOutcome.EVENT);
        assertThat(sink.shutdowns).containsExactly(1_770_123_456_789L, 1_770_123_456_790L, 1_770_123_456_791L);
        assertThat(decoder.stats().count(StreamEventKind.SERVER_SHUTDOWN)).isEqualTo(3);
    }

    @Test
    void shouldTreatSubscriptionRepliesAsControlMessages() {
        assertThat(decode(doc("subscribe-response"))).isEqualTo(DecodeOutcome.CONTROL);
        assertThat(decoder.controlId()).isEqualTo(1L);
        assertThat(decoder.controlErrorCode()).isEqualTo(StreamMessageDecoder.NONE);

        assertThat(decode(doc("list-subscriptions-response"))).isEqualTo(DecodeOutcome.CONTROL);
        assertThat(decoder.controlId()).isEqualTo(3L);
        assertThat(decoder.controlErrorCode()).isEqualTo(StreamMessageDecoder.NONE);

        assertThat(decoder.lastEventKind()).isNull();
        assertThat(sink.total()).isZero();
        assertThat(decoder.stats().count(DecodeOutcome.CONTROL)).isEqualTo(2);
    }

    @Test
    void shouldTreatErrorRepliesAsControlMessagesWithTheirCode() {
        assertThat(decode(doc("error-unknown-property"))).isEqualTo(DecodeOutcome.CONTROL);
        assertThat(decoder.controlId()).isEqualTo(5L);
        assertThat(decoder.controlErrorCode()).isEqualTo(0L);

        assertThat(decode("{\"error\":{\"code\":2,\"msg\":\"Invalid request: unknown variant\"},\"id\":\"abc\"}"))
                .isEqualTo(DecodeOutcome.CONTROL);
        assertThat(decoder.controlId()).as("a string id is not numeric").isEqualTo(StreamMessageDecoder.NONE);
        assertThat(decoder.controlErrorCode()).isEqualTo(2L);
        assertThat(sink.total()).isZero();
    }

    private static String wrap(String form, String stream, String data) {
        switch (form) {
            case "raw":
                return data;
            case "envelope":
                return envelope(stream, data);
            default:
                return envelopeDataFirst(stream, data);
        }
    }
}
