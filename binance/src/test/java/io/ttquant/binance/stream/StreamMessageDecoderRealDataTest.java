package io.ttquant.binance.stream;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Real Binance messages from {@code $TTQUANT_DATA} (skipped without it): the sample messages and the
 * whole BTCUSDT capture of 2024-08-08 decode with no MALFORMED or BAD_VALUE outcome, the counts per
 * kind match the data README, and every decoded value equals what Jackson's streaming parser and
 * BigDecimal read from the same text.
 *
 * <p>The instruments carry eight quantity decimals, Binance's wire precision: resting book levels
 * keep quantities from before a step-size change (BTCUSDT levels with six decimals appear in these
 * captures), so a decoder built with today's step size rejects those messages, as
 * {@link #shouldRejectExactlyTheMessagesWithQuantitiesFinerThanTheInstrumentAllows} shows.
 */
class StreamMessageDecoderRealDataTest {
    private static final Instrument BTCUSDT = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00000001").build();
    private static final Instrument ETHUSDT = Instrument.builder("ETHUSDT").tickSize("0.01").stepSize("0.00000001").build();

    @Test
    void shouldDecodeEveryCapturedSpotSampleMessageAsJacksonReadsIt() throws IOException {
        StreamMessageDecoder decoder = new StreamMessageDecoder(SymbolTable.of(BTCUSDT, ETHUSDT));
        RecordingSink sink = new RecordingSink();
        int files = 0;
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(CaptureFiles.data().resolve("binance/json/ws/spot"), "*.json")) {
            for (Path file : dir) {
                byte[] b = Files.readAllBytes(file);
                String name = file.getFileName().toString();
                assertThat(decoder.decode(b, 0, b.length, 42L, sink)).as(name).isEqualTo(DecodeOutcome.EVENT);
                StreamEventKind expectedKind = name.startsWith("trade-") ? StreamEventKind.TRADE
                        : name.startsWith("aggTrade-") ? StreamEventKind.AGG_TRADE
                        : name.startsWith("bookTicker-") ? StreamEventKind.BOOK_TICKER
                        : name.startsWith("depthUpdate-") ? StreamEventKind.DEPTH_DIFF
                        : name.startsWith("kline_") ? StreamEventKind.KLINE : null;
                assertThat(decoder.lastEventKind()).as(name).isEqualTo(expectedKind);
                new JacksonEventCheck(b, 42L, BTCUSDT, name).check(sink);
                files++;
            }
        }
        assertThat(files).isEqualTo(7);
        assertThat(decoder.stats().count(DecodeOutcome.MALFORMED)).isZero();
        assertThat(decoder.stats().count(DecodeOutcome.BAD_VALUE)).isZero();
        assertThat(decoder.stats().count(StreamEventKind.KLINE)).isEqualTo(2);
    }

    @Test
    void shouldDecodeTheWholeBtcusdtCaptureWithTheReadmeCountsAndJacksonsValues() throws IOException {
        StreamMessageDecoder decoder = new StreamMessageDecoder(SymbolTable.of(BTCUSDT, ETHUSDT));
        RecordingSink sink = new RecordingSink();
        long[] lines = {0};
        long[] previousTradeId = {-1};
        long[] snapshots = {0};
        CaptureFiles.forEachLine(CaptureFiles.capture("btcusdt_20240808.gz"), 1, (recv, b, lineNo) -> {
            lines[0]++;
            DecodeOutcome outcome = decoder.decode(b, 0, b.length, recv, sink);
            if (outcome == DecodeOutcome.UNKNOWN_SYMBOL && CaptureFiles.startsWith(b, "{\"lastUpdateId\"")) {
                // The REST depth snapshot names no symbol; decoded for its known instrument it is a full book.
                assertThat(decoder.decode(b, 0, b.length, recv, BTCUSDT, sink)).isEqualTo(DecodeOutcome.EVENT);
                RecordingSink.Book snapshot = sink.partials.get(0);
                assertThat(snapshot.lastUpdateId()).isEqualTo(50_093_239_218L);
                assertThat(snapshot.bids()).hasSize(1000);
                assertThat(snapshot.asks()).hasSize(1000);
                snapshots[0]++;
            } else if (outcome != DecodeOutcome.EVENT) {
                fail("line %d: %s (%s) %s", lineNo, outcome, decoder.lastJsonError(), new String(b, StandardCharsets.UTF_8));
            }
            if (!sink.trades.isEmpty()) {
                long id = sink.trades.get(0).tradeId();
                if (previousTradeId[0] >= 0 && id != previousTradeId[0] + 1) {
                    fail("line %d: trade id %d after %d", lineNo, id, previousTradeId[0]);
                }
                previousTradeId[0] = id;
            }
            new JacksonEventCheck(b, recv, BTCUSDT, "line " + lineNo).check(sink);
        });

        DecodeStats stats = decoder.stats();
        assertThat(lines[0]).isEqualTo(41_249);
        assertThat(snapshots[0]).isEqualTo(1);
        assertThat(stats.count(DecodeOutcome.MALFORMED)).isZero();
        assertThat(stats.count(DecodeOutcome.BAD_VALUE)).isZero();
        assertThat(stats.count(StreamEventKind.TRADE)).isEqualTo(9_757);
        assertThat(stats.count(StreamEventKind.BOOK_TICKER)).isEqualTo(28_040);
        assertThat(stats.count(StreamEventKind.DEPTH_DIFF)).isEqualTo(3_451);
        assertThat(stats.count(StreamEventKind.PARTIAL_DEPTH)).as("the snapshot, decoded with its instrument").isEqualTo(1);
        assertThat(stats.count(DecodeOutcome.UNKNOWN_SYMBOL)).as("the snapshot, decoded without").isEqualTo(1);
        assertThat(previousTradeId[0]).isPositive();
    }

    @Test
    void shouldRejectExactlyTheMessagesWithQuantitiesFinerThanTheInstrumentAllows() throws IOException {
        Instrument today = Instruments.binanceSpot("BTCUSDT");
        StreamMessageDecoder decoder = new StreamMessageDecoder(SymbolTable.of(today));
        long[] expectedBad = {0};
        CaptureFiles.forEachLine(CaptureFiles.capture("btcusdt_20240808.gz"), 1, (recv, b, lineNo) -> {
            if (CaptureFiles.startsWith(b, "{\"lastUpdateId\"")) {
                return;
            }
            DecodeOutcome outcome = decoder.decode(b, 0, b.length, recv, new StreamEventSink() { });
            // Every price in this capture has at most two decimals (the whole-capture test decodes them all
            // at scale 2), so a message fits exactly when no quoted decimal has more significant
            // decimals than the quantity scale.
            boolean fits = maxSignificantDecimals(b) <= today.qtyScale();
            if (!fits) {
                expectedBad[0]++;
            }
            if ((outcome == DecodeOutcome.BAD_VALUE) == fits) {
                fail("line %d: %s although its text says it %s: %s", lineNo, outcome, fits ? "fits" : "does not fit",
                        new String(b, StandardCharsets.UTF_8));
            }
        });
        assertThat(expectedBad[0]).as("depth levels resting since a finer step size").isPositive();
        assertThat(decoder.stats().count(DecodeOutcome.BAD_VALUE)).isEqualTo(expectedBad[0]);
    }

    /** The most significant decimals (trailing zeros ignored) of any quoted decimal in the text. */
    private static int maxSignificantDecimals(byte[] b) {
        int max = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] != '.') {
                continue;
            }
            int significant = 0;
            int j = i + 1;
            for (; j < b.length && b[j] >= '0' && b[j] <= '9'; j++) {
                if (b[j] != '0') {
                    significant = j - i;
                }
            }
            max = Math.max(max, significant);
            i = j;
        }
        return max;
    }

}
