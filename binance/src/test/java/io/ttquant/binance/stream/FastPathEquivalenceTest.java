package io.ttquant.binance.stream;

import io.ttquant.binance.json.Mutations;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path changes nothing but speed: documentation examples, every real captured message,
 * the realistic feed mix and tens of thousands of damaged or rearranged messages decode to the same
 * outcome and the same events, field by field, with the fast path on as with the generic path alone
 * ({@link TwoPathDecoding}). And the fast path really carries the feed: it decodes every event of
 * the real captures and of the mix.
 */
@Timeout(120)
class FastPathEquivalenceTest {
    private static final Instrument BTCUSDT = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00000001").build();
    private static final Instrument ETHUSDT = Instrument.builder("ETHUSDT").tickSize("0.01").stepSize("0.00000001").build();
    private static final Instrument DOTUSDT = Instrument.builder("DOTUSDT").tickSize("0.0001").stepSize("0.01").build();
    private static final Instrument BNBUSDT = Instrument.builder("BNBUSDT").tickSize("0.0001").stepSize("0.01").build();
    private static final Instrument BNBBTC = Instrument.builder("BNBBTC").tickSize("0.000001").stepSize("0.001").build();
    /** USD-M perpetuals: prices with two decimals, quantities with three, as their streams write them. */
    private static final Instrument BTCUSDT_PERP = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.001").build();
    private static final Instrument ETHUSDT_PERP = Instrument.builder("ETHUSDT").tickSize("0.01").stepSize("0.001").build();

    private static final String[] DOC_EXAMPLES = {"docs-aggTrade.json", "docs-bookTicker.json", "docs-depthUpdate.json",
        "docs-error-unknown-property.json", "docs-kline.json", "docs-list-subscriptions-response.json",
        "docs-partialDepth.json", "docs-subscribe-response.json", "docs-trade.json"};

    @Test
    void shouldAgreeOnEveryDocumentationExampleAsWrittenCompactedAndInAnEnvelope() {
        TwoPathDecoding paths = new TwoPathDecoding(SymbolTable.of(BNBUSDT, BNBBTC, BTCUSDT));
        int fastExpected = 0;
        for (String name : DOC_EXAMPLES) {
            byte[] written = Mutations.resource("/stream/" + name);
            String compact = compact(new String(written, StandardCharsets.UTF_8));
            String symbol = name.equals("docs-bookTicker.json") ? "bnbusdt" : "bnbbtc";
            String kind = name.substring(5, name.length() - 5);
            String[] variants = {
                new String(written, StandardCharsets.UTF_8),
                compact,
                "{\"stream\":\"" + symbol + "@" + kind + "\",\"data\":" + compact + "}",
                "{\"stream\":\"" + symbol + "@" + kind + "\",\"data\":" + new String(written, StandardCharsets.UTF_8) + "}",
            };
            for (String variant : variants) {
                for (Instrument known : new Instrument[] {null, BNBUSDT, BNBBTC}) {
                    long before = paths.fastPathMessages();
                    DecodeOutcome outcome = paths.decode(variant.getBytes(StandardCharsets.UTF_8), 5L, known, name);
                    boolean compactCommonEvent = !variant.contains("\n") && outcome == DecodeOutcome.EVENT
                            && isCommonKind(paths.fastDecoder().lastEventKind());
                    if (compactCommonEvent) {
                        fastExpected++;
                        assertThat(paths.fastPathMessages() - before).as("fast path for %s", variant).isEqualTo(1);
                    }
                }
            }
        }
        assertThat(fastExpected).as("compact doc examples of the four common kinds that decode").isGreaterThanOrEqualTo(16);
        assertThat(paths.genericDecoder().stats().count(DecodeOutcome.CONTROL)).isPositive();
    }

    @Test
    void shouldAgreeOnEveryRealCaptureAndDecodeAllItsCommonEventsOnTheFastPath() throws IOException {
        Path data = CaptureFiles.data();
        Path spot = data.resolve("binance/ws-raw/hftbacktest/spot");
        Path usdm = data.resolve("binance/ws-raw/hftbacktest/usdm");
        List<Object[]> captures = List.of(
                new Object[] {spot.resolve("btcusdt_20240808.gz"), SymbolTable.of(BTCUSDT, ETHUSDT)},
                new Object[] {spot.resolve("btcusdt_20240809.gz"), SymbolTable.of(BTCUSDT, ETHUSDT)},
                new Object[] {spot.resolve("ethusdt_20240808.gz"), SymbolTable.of(BTCUSDT, ETHUSDT)},
                new Object[] {spot.resolve("ethusdt_20240809.gz"), SymbolTable.of(BTCUSDT, ETHUSDT)},
                new Object[] {spot.resolve("btcusdt_20230405.dat.gz"), SymbolTable.of(BTCUSDT, ETHUSDT)},
                new Object[] {usdm.resolve("btcusdt_20240808.gz"), SymbolTable.of(BTCUSDT_PERP, ETHUSDT_PERP)},
                new Object[] {usdm.resolve("ethusdt_20240808.gz"), SymbolTable.of(BTCUSDT_PERP, ETHUSDT_PERP)},
                new Object[] {data.resolve("binance/ws-raw/cryptofeed/BINANCE-ee25be.0.gz"), SymbolTable.of(BTCUSDT, ETHUSDT, DOTUSDT)});
        long totalMessages = 0;
        long totalCommon = 0;
        for (Object[] capture : captures) {
            Path file = (Path) capture[0];
            TwoPathDecoding paths = new TwoPathDecoding((SymbolTable) capture[1]);
            Map<DecodeOutcome, Long> outcomes = new EnumMap<>(DecodeOutcome.class);
            long[] common = {0};
            forEachJson(file, (json, lineNo) -> {
                DecodeOutcome outcome = paths.decode(json, lineNo * 1_000L, null, file.getFileName() + " line " + lineNo);
                outcomes.merge(outcome, 1L, Long::sum);
                if (outcome == DecodeOutcome.EVENT && isCommonKind(paths.fastDecoder().lastEventKind())) {
                    common[0]++;
                }
            });
            String name = file.getFileName().toString();
            assertThat(outcomes.getOrDefault(DecodeOutcome.MALFORMED, 0L)).as(name).isZero();
            assertThat(outcomes.getOrDefault(DecodeOutcome.BAD_VALUE, 0L)).as(name).isZero();
            assertThat(common[0]).as(name).isGreaterThan(3_000);
            assertThat(paths.fastPathMessages()).as("every trade, aggTrade, bookTicker and depth diff of %s", name)
                    .isEqualTo(common[0]);
            totalMessages += paths.messages();
            totalCommon += common[0];
        }
        assertThat(totalMessages).as("all lines of the eight captures").isGreaterThan(360_000);
        assertThat(totalCommon).isGreaterThan(350_000);

        // The captured samples, spot and USD-M, one file each.
        for (String market : new String[] {"spot", "usdm"}) {
            TwoPathDecoding paths = new TwoPathDecoding(market.equals("spot") ? SymbolTable.of(BTCUSDT)
                    : SymbolTable.of(BTCUSDT_PERP, Instrument.builder("CTKUSDT").tickSize("0.00001").stepSize("1").build(),
                            Instrument.builder("SUSHIUSDT").tickSize("0.001").stepSize("1").build()));
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(data.resolve("binance/json/ws/" + market), "*.json")) {
                for (Path file : dir) {
                    paths.decode(Files.readAllBytes(file), 9L, null, file.toString());
                }
            }
            assertThat(paths.fastPathMessages()).as(market + " samples on the fast path").isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void shouldAgreeWhenRealQuantitiesAreFinerThanTheInstrumentAllows() throws IOException {
        // Today's BTCUSDT step is 0.00001: depth levels resting from before it are BAD_VALUE on both paths.
        TwoPathDecoding paths = new TwoPathDecoding(SymbolTable.of(Instruments.binanceSpot("BTCUSDT")));
        Path file = CaptureFiles.capture("btcusdt_20240808.gz");
        long[] bad = {0};
        forEachJson(file, (json, lineNo) -> {
            if (paths.decode(json, lineNo, null, "line " + lineNo) == DecodeOutcome.BAD_VALUE) {
                bad[0]++;
            }
        });
        assertThat(bad[0]).isPositive();
        assertThat(paths.genericDecoder().stats().count(DecodeOutcome.BAD_VALUE)).isEqualTo(bad[0]);
        assertThat(paths.fastDecoder().stats().genericPathMessages()).as("every rejection is decided by the generic path")
                .isGreaterThanOrEqualTo(bad[0]);
    }

    @Test
    void shouldAgreeOnTheRealisticMixAndDecodeEveryMessageOfItOnTheFastPath() {
        TwoPathDecoding paths = new TwoPathDecoding(SymbolTable.of(BTCUSDT, ETHUSDT));
        RealisticMix mix = new RealisticMix("BTCUSDT", 20_240_808L);
        Map<StreamEventKind, Long> kinds = new EnumMap<>(StreamEventKind.class);
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            byte[] m = mix.next();
            assertThat(paths.decode(m, i, i % 7 == 0 ? BTCUSDT : null, "mix message " + i)).isEqualTo(DecodeOutcome.EVENT);
            kinds.merge(paths.fastDecoder().lastEventKind(), 1L, Long::sum);
        }
        assertThat(paths.fastPathMessages()).isEqualTo(n);
        assertThat(paths.fastDecoder().stats().genericPathMessages()).isZero();
        assertThat(kinds.get(StreamEventKind.BOOK_TICKER)).isBetween(n * 64L / 100, n * 72L / 100);
        assertThat(kinds.get(StreamEventKind.TRADE) + kinds.get(StreamEventKind.AGG_TRADE)).isBetween(n * 20L / 100, n * 28L / 100);
        assertThat(kinds.get(StreamEventKind.DEPTH_DIFF)).isBetween(n * 6L / 100, n * 10L / 100);
    }

    @Test
    void shouldAgreeOnTensOfThousandsOfRearrangedDamagedAndOutOfRangeMessages() {
        TwoPathDecoding paths = new TwoPathDecoding(SymbolTable.of(BTCUSDT, ETHUSDT));
        List<ShapeMutations.Shape> seeds = ShapeMutations.seeds();
        Random random = new Random(4_2024);
        Map<DecodeOutcome, Long> outcomes = new EnumMap<>(DecodeOutcome.class);
        long genericEvents = 0;
        int n = 60_000;
        for (int i = 0; i < n; i++) {
            ShapeMutations.Shape seed = seeds.get(random.nextInt(seeds.size()));
            byte[] b;
            switch (random.nextInt(4)) {
                case 0 -> b = Mutations.mutate(seed.render().getBytes(StandardCharsets.UTF_8), random);
                case 1 -> b = Mutations.mutate(ShapeMutations.mutate(seed, random), random);
                default -> b = ShapeMutations.mutate(seed, random);
            }
            int k = random.nextInt(10);
            Instrument known = k == 0 ? BTCUSDT : k == 1 ? ETHUSDT : null;
            long fastBefore = paths.fastPathMessages();
            DecodeOutcome outcome = paths.decode(b, 1_000L + i, known, "mutation " + i);
            outcomes.merge(outcome, 1L, Long::sum);
            if (outcome == DecodeOutcome.EVENT && paths.fastPathMessages() == fastBefore) {
                genericEvents++;
            }
        }
        long fast = paths.fastPathMessages();
        assertThat(paths.messages()).isEqualTo(n);
        // Not vacuous: both paths decoded many messages and every outcome occurred.
        assertThat(fast).as("decoded on the fast path").isGreaterThan(n / 20);
        assertThat(genericEvents).as("events only the generic path could read").isGreaterThan(n / 20);
        for (DecodeOutcome o : DecodeOutcome.values()) {
            assertThat(outcomes.getOrDefault(o, 0L)).as(o.toString()).isPositive();
        }
        assertThat(paths.fastDecoder().stats().fastPathMessages() + paths.fastDecoder().stats().genericPathMessages())
                .isEqualTo(n);
    }

    @Test
    void shouldCountEachMessageOnExactlyOnePath() {
        StreamMessageDecoder decoder = new StreamMessageDecoder(SymbolTable.of(BTCUSDT));
        StreamEventSink ignore = new StreamEventSink() { };
        byte[] quote = ("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":1,\"s\":\"BTCUSDT\",\"b\":\"1.00\",\"B\":\"2\","
                + "\"a\":\"1.01\",\"A\":\"3\"}}").getBytes(StandardCharsets.US_ASCII);
        byte[] spaced = ("{\"stream\": \"btcusdt@bookTicker\",\"data\":{\"u\":1,\"s\":\"BTCUSDT\",\"b\":\"1.00\",\"B\":\"2\","
                + "\"a\":\"1.01\",\"A\":\"3\"}}").getBytes(StandardCharsets.US_ASCII);
        byte[] reply = "{\"result\":null,\"id\":1}".getBytes(StandardCharsets.US_ASCII);
        assertThat(decoder.decode(quote, 0, quote.length, 1L, ignore)).isEqualTo(DecodeOutcome.EVENT);
        assertThat(decoder.decode(spaced, 0, spaced.length, 2L, ignore)).isEqualTo(DecodeOutcome.EVENT);
        assertThat(decoder.decode(reply, 0, reply.length, 3L, ignore)).isEqualTo(DecodeOutcome.CONTROL);
        assertThat(decoder.stats().fastPathMessages()).isEqualTo(1);
        assertThat(decoder.stats().genericPathMessages()).isEqualTo(2);
        assertThat(decoder.stats().toString()).contains("fastPath=1", "genericPath=2");
        decoder.stats().reset();
        assertThat(decoder.stats().fastPathMessages() + decoder.stats().genericPathMessages()).isZero();

        StreamMessageDecoder genericOnly = new StreamMessageDecoder(SymbolTable.of(BTCUSDT), false);
        assertThat(genericOnly.decode(quote, 0, quote.length, 1L, ignore)).isEqualTo(DecodeOutcome.EVENT);
        assertThat(genericOnly.stats().fastPathMessages()).isZero();
        assertThat(genericOnly.stats().genericPathMessages()).isEqualTo(1);
    }

    private static boolean isCommonKind(StreamEventKind kind) {
        return kind == StreamEventKind.BOOK_TICKER || kind == StreamEventKind.TRADE || kind == StreamEventKind.AGG_TRADE
                || kind == StreamEventKind.DEPTH_DIFF;
    }

    /** The JSON text without whitespace outside strings. */
    private static String compact(String json) {
        StringBuilder b = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                b.append(c);
                if (c == '\\') {
                    b.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                b.append(c);
            } else if (!Character.isWhitespace(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    interface JsonHandler {
        void accept(byte[] json, long lineNo);
    }

    /** Every JSON message of a capture: whatever follows the line's receive stamp (and, for REST lines, its URL). */
    private static void forEachJson(Path file, JsonHandler handler) throws IOException {
        assertThat(file).exists();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            String line;
            long lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                int brace = line.indexOf('{');
                if (brace >= 0) {
                    handler.accept(line.substring(brace).getBytes(StandardCharsets.UTF_8), lineNo);
                }
            }
        }
    }
}
