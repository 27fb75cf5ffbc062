package io.ttquant.binance.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.OrderBook;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.time.SimulatedClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Replays the real Binance spot captures in {@code $TTQUANT_DATA/binance/ws-raw/hftbacktest/spot}
 * (gzip lines {@code <local_ts_ns> <json>}): diff events on {@code <symbol>@depth@100ms} in the
 * combined-stream envelope, and one plain REST snapshot that arrives after the first few diffs.
 * The snapshot line is the answer to the synchronizer's request. Skipped when TTQUANT_DATA is not
 * set. Cross-check: whenever the book reaches the update id of a {@code @bookTicker} message its
 * best levels must equal that message.
 */
class DepthCaptureReplayTest {
    private static final JsonFactory JSON = new JsonFactory();

    @Test
    void shouldSyncBtcusdtFromTheCaptureAndChainEveryEventAcrossBothFiles() throws IOException {
        Replay r = replay("btcusdt");

        assertThat(r.snapshotRequestedBeforeItArrived).isTrue();
        assertThat(r.sync.snapshotsRequested()).isEqualTo(1);
        assertThat(r.sync.snapshotsApplied()).isEqualTo(1);
        assertThat(r.sync.preSnapshotDropped()).as("2 of the 3 diffs before the snapshot are in it").isEqualTo(2);
        assertThat(r.sync.eventsApplied()).isEqualTo(6_493);
        assertThat(r.sync.gaps()).isZero();
        assertThat(r.sync.resyncsTotal()).isZero();
        assertThat(r.sync.staleDropped()).isZero();
        assertThat(r.sync.isLive()).isTrue();
        assertThat(r.crossed).as("crossed books seen").isZero();
        assertThat(r.tickerMatches).as("bookTicker messages at the book's exact update id").isPositive();
        BookAssertions.assertSameBook(r.out.downstream, r.sync.book());
    }

    @Test
    void shouldSyncEthusdtFromTheCaptureAndChainEveryEventAcrossBothFiles() throws IOException {
        Replay r = replay("ethusdt");

        assertThat(r.snapshotRequestedBeforeItArrived).isTrue();
        assertThat(r.sync.snapshotsRequested()).isEqualTo(1);
        assertThat(r.sync.eventsApplied()).isEqualTo(6_468);
        assertThat(r.sync.gaps()).isZero();
        assertThat(r.sync.resyncsTotal()).isZero();
        assertThat(r.sync.isLive()).isTrue();
        assertThat(r.crossed).as("crossed books seen").isZero();
        assertThat(r.tickerMatches).as("bookTicker messages at the book's exact update id").isPositive();
        BookAssertions.assertSameBook(r.out.downstream, r.sync.book());
    }

    @Test
    void shouldNeedFinerQuantitiesThanTheListedStepSizeBecauseDepthCarriesLegacyLots() {
        // A real BTCUSDT level from the capture: 6 decimals, finer than today's 0.00001 step.
        assertThatThrownBy(() -> Instruments.binanceSpot("BTCUSDT").qty("177.35159200"))
                .isInstanceOf(NumberFormatException.class);
        assertThat(bookInstrument("btcusdt").qty("177.35159200")).isEqualTo(17_735_159_200L);
    }

    /**
     * The listed spot instrument's price scale (its tick size fits the data), with quantities at
     * Binance's 8 wire decimals: aggregated depth levels can hold lots placed under an older, finer
     * step size (BTCUSDT has 6-decimal levels, ETHUSDT 5-decimal ones).
     */
    private static Instrument bookInstrument(String symbol) {
        Instrument listed = Instruments.binanceSpot(symbol);
        return Instrument.builder(listed.symbol())
                .tickSize(Fixed.format(listed.tickSize(), listed.priceScale()))
                .stepSize("0.00000001")
                .build();
    }

    private static Path captureDir() {
        String dir = System.getenv("TTQUANT_DATA");
        Path path = dir == null || dir.isBlank() ? null : Path.of(dir, "binance", "ws-raw", "hftbacktest", "spot");
        assumeTrue(path != null && Files.isDirectory(path),
                "TTQUANT_DATA is not set to the shared data folder; skipping the real-capture replay");
        return path;
    }

    private static final class Replay {
        final Instrument instrument;
        final RecordingBookListener out;
        final BookSynchronizer sync;
        final TreeMap<Long, long[]> tickers = new TreeMap<>();
        boolean snapshotRequested;
        boolean snapshotRequestedBeforeItArrived;
        long crossed;
        long tickerMatches;

        Replay(Instrument instrument) {
            this.instrument = instrument;
            this.out = new RecordingBookListener(instrument) {
                @Override
                public void onBook(BookUpdate applied, OrderBook book) {
                    // The recording listener keeps copies; the replay is long, so only mirror the book.
                    downstream.apply(applied);
                    downstreamValid = true;
                    checkBook(book);
                }
            };
            this.sync = new BookSynchronizer(instrument, i -> snapshotRequested = true, out, new SimulatedClock(0),
                    BookSyncConfig.defaults());
        }

        void checkBook(OrderBook book) {
            if (book.bidLevels() > 0 && book.askLevels() > 0 && book.bestBid() >= book.bestAsk()) {
                crossed++;
            }
            long[] ticker = tickers.remove(book.lastUpdateId());
            if (ticker != null) {
                compareTicker(book, ticker);
            }
            tickers.headMap(book.lastUpdateId()).clear();
        }

        void onTicker(long updateId, long[] ticker) {
            if (sync.isLive() && sync.book().lastUpdateId() == updateId) {
                compareTicker(sync.book(), ticker);
            } else if (!sync.isLive() || updateId > sync.book().lastUpdateId()) {
                tickers.put(updateId, ticker);
            }
        }

        void compareTicker(OrderBook book, long[] ticker) {
            assertThat(new long[] {book.bestBid(), book.bidQty(0), book.bestAsk(), book.askQty(0)})
                    .as("book at update id %d against bookTicker", book.lastUpdateId())
                    .containsExactly(ticker);
            tickerMatches++;
        }
    }

    private static Replay replay(String symbol) throws IOException {
        Path dir = captureDir();
        Replay r = new Replay(bookInstrument(symbol));
        String depthPrefix = "{\"stream\":\"" + symbol + "@depth";
        String tickerPrefix = "{\"stream\":\"" + symbol + "@bookTicker";
        BookUpdate event = new BookUpdate();
        for (String day : new String[] {"20240808", "20240809"}) {
            Path file = dir.resolve(symbol + "_" + day + ".gz");
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    int space = line.indexOf(' ');
                    long receiveNanos = Long.parseLong(line.substring(0, space));
                    String json = line.substring(space + 1);
                    if (json.startsWith(depthPrefix)) {
                        parseEvent(json, r.instrument, receiveNanos, false, event);
                        r.sync.onDiff(event);
                    } else if (json.startsWith("{\"lastUpdateId\"")) {
                        r.snapshotRequestedBeforeItArrived = r.snapshotRequested;
                        parseEvent(json, r.instrument, receiveNanos, true, event);
                        r.sync.onSnapshot(event);
                    } else if (json.startsWith(tickerPrefix)) {
                        parseTicker(json, r);
                    }
                }
            }
        }
        return r;
    }

    /** Parses a combined-stream depthUpdate, or a plain REST depth snapshot, into {@code into}. */
    private static void parseEvent(String json, Instrument instrument, long receiveNanos, boolean snapshot,
                                   BookUpdate into) throws IOException {
        long first = 0;
        long last = 0;
        long eventTimeMs = 0;
        LevelList bids = new LevelList();
        LevelList asks = new LevelList();
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            if (!snapshot) {
                while (p.nextToken() == JsonToken.FIELD_NAME && !"data".equals(p.currentName())) {
                    p.nextToken();
                    p.skipChildren();
                }
                expect(p.nextToken(), JsonToken.START_OBJECT);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "U" -> first = p.getLongValue();
                    case "u", "lastUpdateId" -> last = p.getLongValue();
                    case "E" -> eventTimeMs = p.getLongValue();
                    case "b", "bids" -> readLevels(p, instrument, bids);
                    case "a", "asks" -> readLevels(p, instrument, asks);
                    default -> p.skipChildren();
                }
            }
        }
        into.reset(instrument, eventTimeMs * 1_000_000, receiveNanos, snapshot, snapshot ? last : first, last);
        for (int i = 0; i < bids.size; i++) {
            into.addBid(bids.prices[i], bids.qtys[i]);
        }
        for (int i = 0; i < asks.size; i++) {
            into.addAsk(asks.prices[i], asks.qtys[i]);
        }
    }

    private static void parseTicker(String json, Replay r) throws IOException {
        long updateId = 0;
        long[] ticker = new long[4];
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME && !"data".equals(p.currentName())) {
                p.nextToken();
                p.skipChildren();
            }
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "u" -> updateId = p.getLongValue();
                    case "b" -> ticker[0] = r.instrument.price(p.getText());
                    case "B" -> ticker[1] = r.instrument.qty(p.getText());
                    case "a" -> ticker[2] = r.instrument.price(p.getText());
                    case "A" -> ticker[3] = r.instrument.qty(p.getText());
                    default -> p.skipChildren();
                }
            }
        }
        r.onTicker(updateId, ticker);
    }

    /** Reads {@code [["price","qty"], ...]} (the parser is on the opening bracket). */
    private static void readLevels(JsonParser p, Instrument instrument, LevelList into) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY);
        while (p.nextToken() == JsonToken.START_ARRAY) {
            p.nextToken();
            long price = instrument.price(p.getText());
            p.nextToken();
            long qty = instrument.qty(p.getText());
            while (p.nextToken() != JsonToken.END_ARRAY) {
                p.skipChildren();
            }
            into.add(price, qty);
        }
    }

    private static void expect(JsonToken actual, JsonToken wanted) {
        if (actual != wanted) {
            throw new IllegalStateException("expected " + wanted + " but found " + actual);
        }
    }

    /** Growable parallel arrays of levels. */
    private static final class LevelList {
        long[] prices = new long[64];
        long[] qtys = new long[64];
        int size;

        void add(long price, long qty) {
            if (size == prices.length) {
                prices = java.util.Arrays.copyOf(prices, size * 2);
                qtys = java.util.Arrays.copyOf(qtys, size * 2);
            }
            prices[size] = price;
            qtys[size++] = qty;
        }
    }
}
