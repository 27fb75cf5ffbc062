package io.ttquant.store.duckdb;

import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.store.StoreConfig;
import io.ttquant.store.batch.BarBatch;
import io.ttquant.store.batch.QuoteBatch;
import io.ttquant.store.batch.TradeBatch;
import io.ttquant.store.trading.FillRow;
import io.ttquant.store.trading.OrderRow;
import io.ttquant.store.trading.TradingBatch;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A quick timing of the DuckDB store, not a test and not a benchmark (those live in the bench
 * module): on a fresh file each, trades appended in batches and read back (the write time includes
 * closing the store, which checkpoints what is still in the WAL), quotes, 1-minute bars inserted
 * then upserted again, and 10,000 orders plus 10,000 fills in one trading batch, twice. Run it by
 * hand: {@code java -cp <test classpath> io.ttquant.store.duckdb.DuckDbThroughputReport [rows] [batch]}.
 */
public final class DuckDbThroughputReport {
    private static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");
    private static final long T0 = 1_723_075_200_000_000_000L;
    private static final long MINUTE = 60_000_000_000L;

    private DuckDbThroughputReport() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        trades(rows, batchSize);
        quotes(rows, batchSize);
        bars(Math.min(rows, 500_000), Math.min(batchSize, 50_000));
        trading(10_000);
    }

    private static void trades(int rows, int batchSize) throws Exception {
        Path dir = Files.createTempDirectory("duckdb-report");
        Path file = dir.resolve("report.duckdb");
        try {
            TradeBatch batch = new TradeBatch(batchSize);
            long writeNanos = 0;
            DuckDbStore store = DuckDbStore.open(StoreConfig.duckdb(file));
            for (int done = 0; done < rows; ) {
                batch.clear();
                for (int i = 0; i < batchSize && done < rows; i++, done++) {
                    long t = T0 + done * 1_000_000L;
                    batch.add("BINANCE", BTC, t, t + 3_000_000L, done, 5_600_000 + done % 977, 1 + done % 5_000,
                            done % 2 == 0 ? Side.BUY : Side.SELL);
                }
                long s = System.nanoTime();
                store.writeTrades(batch);
                writeNanos += System.nanoTime() - s;
            }
            long s = System.nanoTime();
            store.close();
            long closeNanos = System.nanoTime() - s;
            store = DuckDbStore.open(StoreConfig.duckdb(file));
            s = System.nanoTime();
            long n = 0;
            long sum = 0;
            try (MarketDataSource source = store.readTrades("BINANCE", BTC, T0, Long.MAX_VALUE)) {
                while (source.advance()) {
                    TradeTick t = (TradeTick) source.current();
                    sum += t.price() + t.qty() + t.exchangeTimeNanos();
                    n++;
                }
            }
            long readNanos = System.nanoTime() - s;
            store.close();
            System.out.printf("trades: wrote %,d in batches of %,d at %,.0f rows/s (%,.0f without the %.2f s close); "
                    + "read %,d back at %,.0f rows/s (checksum %d, file %,d MB)%n", rows, batchSize,
                    rows / ((writeNanos + closeNanos) / 1e9), rows / (writeNanos / 1e9), closeNanos / 1e9, n,
                    n / (readNanos / 1e9), sum, Files.size(file) >> 20);
        } finally {
            delete(dir);
        }
    }

    private static void quotes(int rows, int batchSize) throws Exception {
        Path dir = Files.createTempDirectory("duckdb-report");
        try {
            QuoteBatch batch = new QuoteBatch(batchSize);
            long s = System.nanoTime();
            try (DuckDbStore store = DuckDbStore.open(StoreConfig.duckdb(dir.resolve("report.duckdb")))) {
                for (int done = 0; done < rows; ) {
                    batch.clear();
                    for (int i = 0; i < batchSize && done < rows; i++, done++) {
                        long t = T0 + done * 1_000_000L;
                        batch.add("BINANCE", BTC, t, 0, 5_600_000 + done % 977, 1 + done % 5_000, 5_600_001 + done % 977,
                                2 + done % 5_000);
                    }
                    store.writeQuotes(batch);
                }
            }
            System.out.printf("quotes: wrote %,d in batches of %,d at %,.0f rows/s (close included)%n", rows, batchSize,
                    rows / ((System.nanoTime() - s) / 1e9));
        } finally {
            delete(dir);
        }
    }

    private static void bars(int rows, int batchSize) throws Exception {
        Path dir = Files.createTempDirectory("duckdb-report");
        try (DuckDbStore store = DuckDbStore.open(StoreConfig.duckdb(dir.resolve("report.duckdb")))) {
            BarBatch batch = new BarBatch(batchSize);
            for (int pass = 0; pass < 2; pass++) {
                long s = System.nanoTime();
                for (int done = 0; done < rows; ) {
                    batch.clear();
                    for (int i = 0; i < batchSize && done < rows; i++, done++) {
                        batch.add("BINANCE", BTC, T0 + done * MINUTE, MINUTE, 100 + pass, 110, 90, 105, 1_000);
                    }
                    store.writeBars(batch);
                }
                System.out.printf("bars: %s %,d 1m bars in batches of %,d at %,.0f bars/s%n",
                        pass == 0 ? "inserted" : "upserted again", rows, batchSize, rows / ((System.nanoTime() - s) / 1e9));
            }
        } finally {
            delete(dir);
        }
    }

    private static void trading(int n) throws Exception {
        Path dir = Files.createTempDirectory("duckdb-report");
        try (DuckDbStore store = DuckDbStore.open(StoreConfig.duckdb(dir.resolve("report.duckdb")))) {
            TradingBatch batch = new TradingBatch();
            for (int i = 0; i < n; i++) {
                batch.addOrder(new OrderRow("BINANCE", i, "momentum", "c-" + i, "BTCUSDT", 'B', "LIMIT", "GTC",
                        5_600_000, 0, 10, 2, 5, false, "NEW", 0, 0, 0, 0, null, T0, T0 + i));
                batch.addFill(new FillRow("BINANCE", "BTCUSDT", i, T0 + i * 1_000L, i, "momentum", 'B', 150, 5_600_012,
                        2, 5, 1_200, "USDT", 'T'));
            }
            batch.progress("report", n);
            for (int pass = 0; pass < 2; pass++) {
                long s = System.nanoTime();
                store.writeTrading(batch);
                System.out.printf("trading: %,d orders + %,d fills in one batch (%s) in %.3f s, %,.0f rows/s%n", n, n,
                        pass == 0 ? "new" : "all written before", (System.nanoTime() - s) / 1e9,
                        2 * n / ((System.nanoTime() - s) / 1e9));
            }
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
