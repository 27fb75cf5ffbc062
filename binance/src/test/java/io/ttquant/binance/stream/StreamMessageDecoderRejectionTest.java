package io.ttquant.binance.stream;

import io.ttquant.binance.json.JsonError;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input never crashes and never passes: malformed JSON, truncated messages, unknown event
 * types, wrong symbols, non-numeric prices and too many decimals are counted outcomes, reach no
 * sink, throw nothing, and leave the decoder ready for the next message.
 */
class StreamMessageDecoderRejectionTest {
    private static final Instrument BTCUSDT = Instruments.binanceSpot("BTCUSDT");
    private static final Instrument ETHUSDT = Instruments.binanceSpot("ETHUSDT");

    private static final String TRADE = "{\"e\":\"trade\",\"E\":1723161255343,\"s\":\"BTCUSDT\",\"t\":3735683259,"
            + "\"p\":\"61837.63000000\",\"q\":\"0.02000000\",\"T\":1723161255342,\"m\":true,\"M\":true}";
    private static final String TRADE_ENVELOPE = "{\"stream\":\"btcusdt@trade\",\"data\":" + TRADE + "}";
    private static final String DIFF = "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\","
            + "\"E\":1723161255208,\"s\":\"BTCUSDT\",\"U\":50093239189,\"u\":50093239202,"
            + "\"b\":[[\"61737.63000000\",\"0.00000000\"]],\"a\":[[\"61837.64000000\",\"1.54698000\"]]}}";
    private static final String BOOK_TICKER = "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":50093239212,"
            + "\"s\":\"BTCUSDT\",\"b\":\"61837.63000000\",\"B\":\"3.78826000\",\"a\":\"61837.64000000\",\"A\":\"1.54698000\"}}";

    private final StreamMessageDecoder decoder = new StreamMessageDecoder(SymbolTable.of(BTCUSDT, ETHUSDT));
    private final RecordingSink sink = new RecordingSink();

    private DecodeOutcome decode(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return decoder.decode(b, 0, b.length, 1L, sink);
    }

    private DecodeOutcome decode(String json, Instrument known) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return decoder.decode(b, 0, b.length, 1L, known, sink);
    }

    private void assertRejected(String json, DecodeOutcome expected) {
        assertThat(decode(json)).as(json).isEqualTo(expected);
        assertThat(sink.total()).as("nothing delivered for " + json).isZero();
        assertThat(decoder.lastEventKind()).isNull();
        // The decoder is not left in a bad state: the next good message decodes.
        assertThat(decode(TRADE_ENVELOPE)).isEqualTo(DecodeOutcome.EVENT);
        assertThat(sink.trades).hasSize(1);
        assertThat(sink.trades.get(0).price()).isEqualTo(6_183_763L);
        sink.trades.clear();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "",
        "   ",
        "garbage",
        "null",
        "42",
        "\"trade\"",
        "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",",
        "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"p\":\"1.0\" \"q\":\"2\"}}",
        "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\"}}}",
        "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\"}} {}",
        "{\"e\":\"trade\",\"s\":\"BTC\\qUSDT\"}",
        "{\"e\":\"trade\",\"s\":\"BTCUSDT\u0001\"}",
        "{\"stream\":\"btcusdt@trade\"}",
        "{\"data\":" + TRADE + "}",
        "{\"stream\":7,\"data\":" + TRADE + "}",
        "{\"stream\":\"btcusdt@trade\",\"data\":\"oops\"}",
    })
    void shouldCountMalformedMessagesAndSkipThem(String json) {
        assertRejected(json, DecodeOutcome.MALFORMED);
    }

    @Test
    void shouldSayWhyAMessageWasNotJson() {
        assertThat(decode("{\"e\":\"trade\",\"p\":\"1.0\"")).isEqualTo(DecodeOutcome.MALFORMED);
        assertThat(decoder.lastJsonError()).isEqualTo(JsonError.TRUNCATED);
        assertThat(decode("{\"e\":\"tr\\xade\"}")).isEqualTo(DecodeOutcome.MALFORMED);
        assertThat(decoder.lastJsonError()).isEqualTo(JsonError.BAD_STRING);
    }

    @Test
    void shouldCountEveryTruncationOfARealMessageAsMalformed() {
        for (String message : new String[] {TRADE_ENVELOPE, DIFF, BOOK_TICKER}) {
            for (int len = 0; len < message.length(); len++) {
                byte[] b = message.getBytes(StandardCharsets.UTF_8);
                assertThat(decoder.decode(b, 0, len, 1L, sink)).as(message.substring(0, len)).isEqualTo(DecodeOutcome.MALFORMED);
            }
        }
        assertThat(sink.total()).isZero();
    }

    @Test
    void shouldCountRequiredFieldsThatAreMissingAsMalformed() {
        assertRejected(TRADE_ENVELOPE.replace("\"p\":\"61837.63000000\",", ""), DecodeOutcome.MALFORMED);
        assertRejected(TRADE_ENVELOPE.replace("\"t\":3735683259,", ""), DecodeOutcome.MALFORMED);
        assertRejected(TRADE_ENVELOPE.replace(",\"m\":true", ""), DecodeOutcome.MALFORMED);
        assertRejected(TRADE_ENVELOPE.replace("\"E\":1723161255343,", "").replace("\"T\":1723161255342,", ""),
                DecodeOutcome.MALFORMED);
        assertRejected(DIFF.replace("\"U\":50093239189,", ""), DecodeOutcome.MALFORMED);
        assertRejected(DIFF.replace(",\"a\":[[\"61837.64000000\",\"1.54698000\"]]", ""), DecodeOutcome.MALFORMED);
        assertRejected(BOOK_TICKER.replace("\"data\":{", "\"data\":{\"e\":\"bookTicker\",").replace(",\"A\":\"1.54698000\"", ""),
                DecodeOutcome.MALFORMED);
        assertThat(decode(BOOK_TICKER.replace(",\"A\":\"1.54698000\"", ""))).as("without e, not the shape of a book ticker")
                .isEqualTo(DecodeOutcome.UNKNOWN_EVENT);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "{\"stream\":\"btcusdt@ticker\",\"data\":{\"e\":\"24hrTicker\",\"E\":1,\"s\":\"BTCUSDT\",\"c\":\"1.0\"}}",
        "{\"e\":\"avgPrice\",\"E\":1693907033000,\"s\":\"BTCUSDT\",\"i\":\"5m\",\"w\":\"25776.86000000\",\"T\":1693907032213}",
        "{\"e\":\"executionReport\",\"s\":\"BTCUSDT\"}",
        "{\"e\":\"TRADE\",\"s\":\"BTCUSDT\"}",
        "{\"e\":\"tr\\u0061de\",\"s\":\"BTCUSDT\"}",
        "[{\"e\":\"24hrMiniTicker\",\"s\":\"BTCUSDT\"}]",
        "{\"stream\":\"!miniTicker@arr\",\"data\":[{\"e\":\"24hrMiniTicker\",\"s\":\"BTCUSDT\"}]}",
        "{\"hello\":\"world\"}",
        "{}",
    })
    void shouldCountUnknownEventTypesAndSkipThem(String json) {
        assertRejected(json, DecodeOutcome.UNKNOWN_EVENT);
    }

    @Test
    void shouldCountSymbolsOutsideTheTableAndContradictingSymbols() {
        assertRejected(TRADE_ENVELOPE.replace("btcusdt@", "dogeusdt@").replace("BTCUSDT", "DOGEUSDT"), DecodeOutcome.UNKNOWN_SYMBOL);
        assertRejected(TRADE.replace("BTCUSDT", "DOGEUSDT"), DecodeOutcome.UNKNOWN_SYMBOL);
        assertRejected(TRADE_ENVELOPE.replace("btcusdt@", "ethusdt@"), DecodeOutcome.UNKNOWN_SYMBOL);
        assertRejected(TRADE_ENVELOPE.replace("btcusdt@", "dogeusdt@"), DecodeOutcome.UNKNOWN_SYMBOL);
        assertRejected(TRADE.replace("\"s\":\"BTCUSDT\",", ""), DecodeOutcome.UNKNOWN_SYMBOL);
        assertRejected(BOOK_TICKER.replace("\"s\":\"BTCUSDT\"", "\"s\":\"ETHUSDT\""), DecodeOutcome.UNKNOWN_SYMBOL);
        assertRejected("{\"lastUpdateId\":160,\"bids\":[],\"asks\":[]}", DecodeOutcome.UNKNOWN_SYMBOL);
    }

    @Test
    void shouldRejectAnEventForAnotherInstrumentThanTheConnectionCarries() {
        assertThat(decode(TRADE, ETHUSDT)).isEqualTo(DecodeOutcome.UNKNOWN_SYMBOL);
        assertThat(decode(TRADE_ENVELOPE.replace("BTCUSDT", "ETHUSDT"), ETHUSDT))
                .as("the stream name says btcusdt").isEqualTo(DecodeOutcome.UNKNOWN_SYMBOL);
        assertThat(sink.total()).isZero();
        Instrument unlisted = Instruments.binanceSpot("SOLUSDT");
        assertThat(decode(TRADE.replace("BTCUSDT", "solusdt"), unlisted)).as("known instrument need not be in the table")
                .isEqualTo(DecodeOutcome.EVENT);
        assertThat(sink.trades.get(0).instrument()).isSameAs(unlisted);
    }

    @ParameterizedTest(name = "price {0}")
    @ValueSource(strings = {"\"abc\"", "\"\"", "\"NaN\"", "\"1e\"", "\"-61837.63\"", "\"61,837.63\"", "\"0x10\"", "true",
        "null", "{}", "[\"61837.63\"]", "\"99999999999999999999\"", "\" 61837.63\"", "\"6183\\u0037.63\""})
    void shouldCountNonNumericOrImpossiblePricesAsBadValues(String price) {
        assertRejected(TRADE_ENVELOPE.replace("\"61837.63000000\"", price), DecodeOutcome.BAD_VALUE);
        assertRejected(BOOK_TICKER.replace("\"b\":\"61837.63000000\"", "\"b\":" + price), DecodeOutcome.BAD_VALUE);
        assertRejected(DIFF.replace("\"61737.63000000\"", price), DecodeOutcome.BAD_VALUE);
    }

    @Test
    void shouldCountMoreDecimalsThanTheInstrumentAllowsAsBadValuesNeverRounding() {
        assertRejected(TRADE_ENVELOPE.replace("61837.63000000", "61837.63500000"), DecodeOutcome.BAD_VALUE);
        assertRejected(TRADE_ENVELOPE.replace("0.02000000", "0.02000100"), DecodeOutcome.BAD_VALUE);
        assertRejected(DIFF.replace("1.54698000", "1.54698001"), DecodeOutcome.BAD_VALUE);
        assertRejected(BOOK_TICKER.replace("3.78826000", "3.788261"), DecodeOutcome.BAD_VALUE);
    }

    @Test
    void shouldAcceptTrailingZerosAndPlainJsonNumbers() {
        assertThat(decode(TRADE_ENVELOPE.replace("\"61837.63000000\"", "61837.63").replace("\"0.02000000\"", "2e-2")))
                .isEqualTo(DecodeOutcome.EVENT);
        assertThat(sink.trades.get(0).price()).isEqualTo(6_183_763L);
        assertThat(sink.trades.get(0).qty()).isEqualTo(2_000L);
    }

    @Test
    void shouldCountFieldsOfTheWrongKindAsBadValues() {
        assertRejected(TRADE_ENVELOPE.replace("\"m\":true", "\"m\":\"true\""), DecodeOutcome.BAD_VALUE);
        assertRejected(TRADE_ENVELOPE.replace("3735683259", "\"x\""), DecodeOutcome.BAD_VALUE);
        assertRejected(TRADE_ENVELOPE.replace("3735683259", "3735683259.5"), DecodeOutcome.BAD_VALUE);
        assertRejected(TRADE_ENVELOPE.replace("\"e\":\"trade\"", "\"e\":7"), DecodeOutcome.BAD_VALUE);
        assertRejected(TRADE_ENVELOPE.replace("\"s\":\"BTCUSDT\"", "\"s\":[\"BTCUSDT\"]"), DecodeOutcome.BAD_VALUE);
        assertRejected(DIFF.replace("\"b\":[[\"61737.63000000\",\"0.00000000\"]]", "\"b\":{}"), DecodeOutcome.BAD_VALUE);
        assertRejected(DIFF.replace("[[\"61737.63000000\",\"0.00000000\"]]", "[\"61737.63000000\",\"0.00000000\"]"), DecodeOutcome.BAD_VALUE);
        assertRejected(DIFF.replace("[[\"61737.63000000\",\"0.00000000\"]]", "[[\"61737.63000000\"]]"), DecodeOutcome.BAD_VALUE);
        assertRejected(DIFF.replace("[[\"61737.63000000\",\"0.00000000\"]]", "[[]]"), DecodeOutcome.BAD_VALUE);
    }

    @Test
    void shouldCountTimesOutsideTheNanosecondRangeAsBadValues() {
        assertRejected(TRADE_ENVELOPE.replace("1723161255342", "9223372036855"), DecodeOutcome.BAD_VALUE);
        assertRejected(TRADE_ENVELOPE.replace("1723161255342", "-1"), DecodeOutcome.BAD_VALUE);
        assertRejected(DIFF.replace("1723161255208", "99999999999999999999"), DecodeOutcome.BAD_VALUE);
    }

    @Test
    void shouldCountAKlineThatEndsBeforeItStartsAsABadValue() {
        String kline = "{\"e\":\"kline\",\"E\":1,\"s\":\"BTCUSDT\",\"k\":{\"t\":1617566639999,\"T\":1617566639999,"
                + "\"s\":\"BTCUSDT\",\"o\":\"1\",\"c\":\"1\",\"h\":\"1\",\"l\":\"1\",\"v\":\"1\",\"x\":true}}";
        assertRejected(kline.replace("\"t\":1617566639999", "\"t\":1617566640000"), DecodeOutcome.BAD_VALUE);
        assertThat(decode(kline)).as("one millisecond long is fine").isEqualTo(DecodeOutcome.EVENT);
        sink.klines.clear();
        assertRejected(kline.replace("\"s\":\"BTCUSDT\",\"o\"", "\"s\":\"ETHUSDT\",\"o\""), DecodeOutcome.UNKNOWN_SYMBOL);
        assertRejected(kline.replace("\"k\":{", "\"k\":[{").replace("}}", "}]}"), DecodeOutcome.BAD_VALUE);
    }

    @Test
    void shouldIgnoreExtraElementsOfADepthLevelAsOldPayloadsHadThem() {
        assertThat(decode(DIFF.replace("[\"61737.63000000\",\"0.00000000\"]", "[\"61737.63000000\",\"0.00000000\",[]]")))
                .isEqualTo(DecodeOutcome.EVENT);
        assertThat(sink.diffs.get(0).bids()).containsExactly(new long[] {6_173_763L, 0L});
    }

    @Test
    void shouldKeepCountsPerOutcomeAndPerEventKind() {
        decode(TRADE_ENVELOPE);
        decode(TRADE_ENVELOPE);
        decode(DIFF);
        decode(BOOK_TICKER);
        decode("{\"result\":null,\"id\":1}");
        decode("{");
        decode("{\"e\":\"24hrTicker\"}");
        decode(TRADE.replace("BTCUSDT", "XRPUSDT"));
        decode(TRADE.replace("61837.63000000", "x"));

        DecodeStats stats = decoder.stats();
        assertThat(stats.messages()).isEqualTo(9);
        assertThat(stats.count(DecodeOutcome.EVENT)).isEqualTo(4);
        assertThat(stats.count(DecodeOutcome.CONTROL)).isEqualTo(1);
        assertThat(stats.count(DecodeOutcome.MALFORMED)).isEqualTo(1);
        assertThat(stats.count(DecodeOutcome.UNKNOWN_EVENT)).isEqualTo(1);
        assertThat(stats.count(DecodeOutcome.UNKNOWN_SYMBOL)).isEqualTo(1);
        assertThat(stats.count(DecodeOutcome.BAD_VALUE)).isEqualTo(1);
        assertThat(stats.rejected()).isEqualTo(4);
        assertThat(stats.count(StreamEventKind.TRADE)).isEqualTo(2);
        assertThat(stats.count(StreamEventKind.DEPTH_DIFF)).isEqualTo(1);
        assertThat(stats.count(StreamEventKind.BOOK_TICKER)).isEqualTo(1);
        assertThat(stats.count(StreamEventKind.AGG_TRADE)).isZero();
        assertThat(stats.toString()).contains("EVENT=4", "TRADE=2", "BAD_VALUE=1");
        assertThat(sink.total()).isEqualTo(4);

        stats.reset();
        assertThat(stats.messages()).isZero();
        assertThat(stats.count(StreamEventKind.TRADE)).isZero();
    }
}
