package io.ttquant.binance.stream;

import io.ttquant.core.instrument.Instrument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The other spot captures of {@code $TTQUANT_DATA} (skipped without it), including the 2023 file
 * with microsecond receive times and the older trade format: no MALFORMED or BAD_VALUE outcome,
 * counts per kind as in the data README, values checked against Jackson (every line of the 2023
 * file, every tenth line of the others).
 */
class StreamMessageDecoderMoreCapturesTest {
    /** Eight quantity decimals, Binance's wire precision; see {@link StreamMessageDecoderRealDataTest}. */
    private static final Instrument BTCUSDT = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00000001").build();
    private static final Instrument ETHUSDT = Instrument.builder("ETHUSDT").tickSize("0.01").stepSize("0.00000001").build();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "btcusdt_20240809.gz,    1,    58325, 10147, 45134, 3044, 0",
        "ethusdt_20240808.gz,    1,    33618,  6106, 24077, 3434, 1",
        "ethusdt_20240809.gz,    1,    46126,  8409, 34681, 3036, 0",
        "btcusdt_20230405.dat.gz, 1000, 15088,  3144,  8015, 3929, 0",
    })
    void shouldDecodeEveryOtherSpotCaptureWithTheReadmeCounts(String file, long nanosPerUnit, long lines, long trades,
                                                              long bookTickers, long diffs, long snapshots) throws IOException {
        StreamMessageDecoder decoder = new StreamMessageDecoder(SymbolTable.of(BTCUSDT, ETHUSDT));
        RecordingSink sink = new RecordingSink();
        long[] seen = {0, 0};
        CaptureFiles.forEachLine(CaptureFiles.capture(file), nanosPerUnit, (recv, b, lineNo) -> {
            seen[0]++;
            DecodeOutcome outcome = decoder.decode(b, 0, b.length, recv, sink);
            if (outcome == DecodeOutcome.UNKNOWN_SYMBOL && CaptureFiles.startsWith(b, "{\"lastUpdateId\"")) {
                seen[1]++;
            } else if (outcome != DecodeOutcome.EVENT) {
                fail("%s line %d: %s %s", file, lineNo, outcome, new String(b, StandardCharsets.UTF_8));
            }
            // The 2023 file is the older trade format with the b/a order ids: check it value by value too.
            if (nanosPerUnit != 1 || lineNo % 10 == 0) {
                new JacksonEventCheck(b, recv, file.startsWith("eth") ? ETHUSDT : BTCUSDT, file + " line " + lineNo).check(sink);
            }
            sink.trades.clear();
            sink.quotes.clear();
            sink.diffs.clear();
        });
        DecodeStats stats = decoder.stats();
        assertThat(seen[0]).isEqualTo(lines);
        assertThat(seen[1]).isEqualTo(snapshots);
        assertThat(stats.count(DecodeOutcome.MALFORMED)).isZero();
        assertThat(stats.count(DecodeOutcome.BAD_VALUE)).isZero();
        assertThat(stats.count(StreamEventKind.TRADE)).isEqualTo(trades);
        assertThat(stats.count(StreamEventKind.BOOK_TICKER)).isEqualTo(bookTickers);
        assertThat(stats.count(StreamEventKind.DEPTH_DIFF)).isEqualTo(diffs);
    }
}
