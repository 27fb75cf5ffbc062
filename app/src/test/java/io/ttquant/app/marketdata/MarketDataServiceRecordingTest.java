package io.ttquant.app.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.ttquant.core.data.FileFormat;
import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.time.SystemEpochClock;
import io.ttquant.store.Store;
import io.ttquant.store.StoreConfig;
import io.ttquant.store.Stores;
import io.ttquant.store.writer.RecordedStream;
import io.ttquant.transport.MarketDataPublisher;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The market data service recording what it publishes into an embedded DuckDB store. */
class MarketDataServiceRecordingTest {
    private static final long T0_MS = 1_723_161_255_342L;
    private static final long MINUTE_NS = 60_000_000_000L;

    @TempDir
    Path dir;

    /** What a published trade or bar means, as a value. */
    record Row(String symbol, long time, long id, long a, long b, long c, long d, long e) {
    }

    @Test
    void shouldRecordEveryPublishedTradeOfAReplayAndReadThemBackEqual() throws Exception {
        Instrument btc = Instruments.binanceSpot("BTCUSDT");
        Instrument eth = Instruments.binanceSpot("ETHUSDT");
        Path btcFile = tradeFile("BTCUSDT-trades.csv", 3_000, "61837.", 1_000);
        Path ethFile = tradeFile("ETHUSDT-trades.csv", 2_000, "2611.", 9_000_000);
        Path db = dir.resolve("md.duckdb");
        Capture published = new Capture();
        MarketDataConfig config = MarketDataConfig.builder().instrument(btc).instrument(eth)
                .replay("BTCUSDT", btcFile).replay("ETHUSDT", ethFile).replayFormat(FileFormat.BINANCE_TRADES).speed(0)
                .store(StoreConfig.duckdb(db)).build();
        MarketDataService service = MarketDataService.start(config, SystemEpochClock.instance(), List.of(published));
        String metrics;
        try {
            assertThat(service.storeDescription()).contains(db.getFileName().toString());
            awaitFinished(service);
        } finally {
            service.close();
        }
        assertThat(service.recorder().stats().rowsWritten(RecordedStream.TRADES)).isEqualTo(5_000);
        assertThat(service.recorder().stats().droppedTotal(RecordedStream.TRADES)).isZero();
        metrics = scrape(service);
        assertThat(metrics).contains("ttquant_store_rows_written_total{table=\"market_trades\"} 5000.0")
                .contains("ttquant_store_writer_up 0.0")
                // the retention job is started with the store; its first run comes a minute later
                .contains("ttquant_store_retention_runs_total 0.0");

        assertThat(published.trades).hasSize(5_000);
        try (Store store = Stores.open(StoreConfig.duckdb(db))) {
            assertThat(store.count("market_trades")).isEqualTo(5_000);
            for (Instrument i : List.of(btc, eth)) {
                List<Row> expected = published.trades.stream().filter(r -> r.symbol().equals(i.symbol())).toList();
                assertThat(readTrades(store, i)).as(i.symbol()).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldRecordEveryPublishedBarOfAKlineReplay() throws Exception {
        Instrument btc = Instruments.binanceSpot("BTCUSDT");
        StringBuilder csv = new StringBuilder();
        long t0 = 1_704_067_200_000L;
        for (int i = 0; i < 300; i++) {
            long open = t0 + i * 60_000L;
            csv.append(open).append(',').append("42000.").append(10 + i % 80).append(",42100.00,41900.00,42050.")
                    .append(i % 90 + 10).append(",1.").append(String.format("%05d", i)).append(',').append(open + 59_999)
                    .append(",1000.0,12,0.5,500.0,0\n");
        }
        Path file = Files.writeString(dir.resolve("BTCUSDT-1m.csv"), csv);
        Path db = dir.resolve("bars.duckdb");
        Capture published = new Capture();
        MarketDataConfig config = MarketDataConfig.builder().instrument(btc).replay("BTCUSDT", file)
                .replayFormat(FileFormat.BINANCE_KLINE).speed(0).store(StoreConfig.duckdb(db)).build();
        MarketDataService service = MarketDataService.start(config, SystemEpochClock.instance(), List.of(published));
        try {
            awaitFinished(service);
        } finally {
            service.close();
        }
        assertThat(published.bars).hasSize(300);
        try (Store store = Stores.open(StoreConfig.duckdb(db));
             MarketDataSource back = store.readBars("binance", btc, MINUTE_NS, t0 * 1_000_000L, (t0 + 86_400_000L) * 1_000_000L)) {
            List<Row> read = new ArrayList<>();
            while (back.advance()) {
                read.add(bar((Bar) back.current()));
            }
            assertThat(read).isEqualTo(published.bars);
        }
    }

    private static List<Row> readTrades(Store store, Instrument i) {
        List<Row> out = new ArrayList<>();
        try (MarketDataSource s = store.readTrades("binance", i, 0, Long.MAX_VALUE)) {
            while (s.advance()) {
                out.add(trade((TradeTick) s.current()));
            }
        }
        return out;
    }

    private Path tradeFile(String name, int count, String pricePrefix, long firstId) throws Exception {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < count; i++) {
            csv.append(firstId + i).append(',').append(pricePrefix).append(10 + i % 80).append(",0.0").append(100 + i % 900)
                    .append(",61.83,").append(T0_MS + i * 7L).append(',').append(i % 3 == 0 ? "true" : "false").append(",true\n");
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    private static void awaitFinished(MarketDataService service) throws InterruptedException {
        ReplayFeed feed = (ReplayFeed) service.feed();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!feed.isFinished() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(feed.isFinished()).isTrue();
    }

    private static String scrape(MarketDataService service) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, service.registry().scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Row trade(TradeTick t) {
        return new Row(t.instrument().symbol(), t.exchangeTimeNanos(), t.tradeId(), t.price(), t.qty(),
                t.aggressor() == null ? 0 : t.aggressor().ordinal() + 1, 0, 0);
    }

    private static Row bar(Bar b) {
        return new Row(b.instrument().symbol(), b.openTimeNanos(), b.intervalNanos(), b.open(), b.high(), b.low(), b.close(),
                b.volume());
    }

    /** An in-process subscriber keeping every published trade and bar as a value. */
    private static final class Capture implements MarketDataPublisher {
        final List<Row> trades = new CopyOnWriteArrayList<>();
        final List<Row> bars = new CopyOnWriteArrayList<>();

        @Override
        public boolean publish(MarketEvent event) {
            if (event.kind() == MarketDataKind.TRADE) {
                trades.add(trade((TradeTick) event));
            } else if (event.kind() == MarketDataKind.BAR) {
                bars.add(bar((Bar) event));
            }
            return true;
        }
    }
}
