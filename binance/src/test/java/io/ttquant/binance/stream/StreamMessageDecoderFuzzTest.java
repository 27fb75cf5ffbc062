package io.ttquant.binance.stream;

import io.ttquant.binance.json.JacksonOracle;
import io.ttquant.binance.json.Mutations;
import io.ttquant.core.instrument.Instrument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Light fuzzing of the decoder with damaged stream messages (cut short, bytes flipped, removed,
 * inserted, repeated): it never throws and never hangs, text that is not JSON is always MALFORMED,
 * and whatever it still delivers equals what Jackson and BigDecimal read from the damaged text.
 */
@Timeout(60)
class StreamMessageDecoderFuzzTest {
    private static final Instrument BTCUSDT = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00000001").build();
    private static final Instrument ETHUSDT = Instrument.builder("ETHUSDT").tickSize("0.01").stepSize("0.00000001").build();

    private static final String[] SEEDS = {
        "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,\"s\":\"BTCUSDT\",\"t\":3735683259,"
            + "\"p\":\"61837.63000000\",\"q\":\"0.02000000\",\"T\":1723161255342,\"m\":true,\"M\":true}}",
        "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":50093239212,\"s\":\"BTCUSDT\",\"b\":\"61837.63000000\","
            + "\"B\":\"3.78826000\",\"a\":\"61837.64000000\",\"A\":\"1.54698000\"}}",
        "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1723161255308,\"s\":\"BTCUSDT\","
            + "\"U\":50093239203,\"u\":50093239207,\"b\":[[\"55653.87000000\",\"0.00000000\"]],\"a\":[[\"61838.04000000\","
            + "\"0.32332000\"],[\"61844.30000000\",\"0.40163000\"],[\"61862.50000000\",\"0.05019000\"]]}}",
        "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1617566591315,\"s\":\"BTCUSDT\",\"a\":665076760,"
            + "\"p\":\"58001.03000000\",\"q\":\"0.08620500\",\"f\":745522877,\"l\":745522877,\"T\":1617566591314,\"m\":true,\"M\":true}}",
        "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":1617566592358,\"s\":\"BTCUSDT\",\"k\":{\"t\":1617566580000,"
            + "\"T\":1617566639999,\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":745522651,\"L\":745522892,\"o\":\"57994.60000000\","
            + "\"c\":\"58001.03000000\",\"h\":\"58008.75000000\",\"l\":\"57994.59000000\",\"v\":\"6.45389500\",\"n\":242,"
            + "\"x\":false,\"q\":\"374344.56589795\",\"V\":\"1.89113100\",\"Q\":\"109689.77187181\",\"B\":\"0\"}}}",
        "{\"data\":{\"lastUpdateId\":160,\"bids\":[[\"0.24\",\"10\"]],\"asks\":[[\"0.26\",\"100\"]]},\"stream\":\"ethusdt@depth5\"}",
        "{\"result\":null,\"id\":1}",
    };

    @Test
    void shouldNeverThrowHangOrDeliverWhatTheTextDoesNotSay() {
        StreamMessageDecoder decoder = new StreamMessageDecoder(SymbolTable.of(BTCUSDT, ETHUSDT));
        RecordingSink sink = new RecordingSink();
        Random random = new Random(8_8_2024);
        int n = 20_000;
        long events = 0;
        long malformed = 0;
        for (int i = 0; i < n; i++) {
            byte[] seed = SEEDS[random.nextInt(SEEDS.length)].getBytes(StandardCharsets.US_ASCII);
            byte[] b = Mutations.mutate(seed, random);
            DecodeOutcome outcome = decoder.decode(b, 0, b.length, 7L, sink);
            assertThat(outcome).isNotNull();
            String text = new String(b, StandardCharsets.ISO_8859_1);
            // Jackson also rejects invalid UTF-8, which the decoder passes through; compare on ASCII text.
            if (isAscii(b) && !JacksonOracle.isValid(b, 0, b.length) && outcome != DecodeOutcome.MALFORMED) {
                fail("not JSON but %s: %s", outcome, text);
            }
            if (outcome == DecodeOutcome.EVENT) {
                events++;
                if (isAscii(b) && decoder.lastEventKind() != StreamEventKind.PARTIAL_DEPTH) {
                    Instrument instrument = text.contains("ethusdt@") ? ETHUSDT : BTCUSDT;
                    new JacksonEventCheck(b, 7L, instrument, text).check(sink);
                }
            } else {
                assertThat(sink.total()).as("nothing delivered for %s: %s", outcome, text).isZero();
            }
            if (outcome == DecodeOutcome.MALFORMED) {
                malformed++;
            }
            clear(sink);
        }
        DecodeStats stats = decoder.stats();
        assertThat(stats.messages()).isEqualTo(n);
        assertThat(stats.count(DecodeOutcome.EVENT)).isEqualTo(events);
        assertThat(malformed).as("most damage breaks the JSON").isGreaterThan(n / 2);
        assertThat(events).as("some damage leaves a deliverable event").isGreaterThan(300);
        assertThat(stats.count(DecodeOutcome.BAD_VALUE)).as("some damage breaks only a number").isPositive();
    }

    private static void clear(RecordingSink sink) {
        sink.trades.clear();
        sink.aggTrades.clear();
        sink.quotes.clear();
        sink.diffs.clear();
        sink.partials.clear();
        sink.klines.clear();
        sink.shutdowns.clear();
    }

    private static boolean isAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }
}
