package io.ttquant.bench.store;

import io.ttquant.bench.sim.LoadFlags;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.store.Store;
import io.ttquant.store.batch.TradeBatch;
import io.ttquant.store.writer.MarketDataRecorder;
import io.ttquant.store.writer.RecordedStream;
import io.ttquant.store.writer.RecorderConfig;
import io.ttquant.store.writer.RecorderStats;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Sustained write throughput of market trades into each store: N trades (default 5M) written in
 * batches of 10k to 100k rows, into a fresh DuckDB file and a fresh PostgreSQL schema, either
 * straight through {@link Store#writeTrades} (as {@code data import} does) or through the async
 * {@link MarketDataRecorder} (as the live feed does: one producer thread offering trade by trade,
 * the recorder's writer batching them). Prints rows/s over the whole run and over its first and
 * second half (a store that slows down as its table grows shows it there), the slowest batch, and
 * checks the row count afterwards. Targets (issue 6): >= 300,000 rows/s into PostgreSQL, >=
 * 2,000,000 rows/s into DuckDB.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.ttquant.bench.store.StoreWriteThroughput [--rows 5000000]
 *     [--batches 10000,50000,100000] [--stores duckdb,postgres] [--via direct,recorder]</pre>
 */
public final class StoreWriteThroughput {
    private static final String USAGE = """
            usage: StoreWriteThroughput [flags]
              --rows 5000000                 trades written per run
              --batches 10000,50000,100000   rows per batch (one run each)
              --stores duckdb,postgres       duckdb (temp file) and/or postgres (own schema, dropped after)
              --via direct,recorder          Store.writeTrades from one thread, and/or the async MarketDataRecorder
              --pg-url jdbc:postgresql://127.0.0.1:5432/test
              --pg-user postgres             (password: env TTQUANT_DB_PASSWORD, if any)
            """;

    private StoreWriteThroughput() {
    }

    public static void main(String[] args) {
        LoadFlags f = new LoadFlags(args, USAGE, BenchStore.knownFlags("rows", "batches", "via"));
        int rows = f.integer("rows", 5_000_000);
        int[] batches = Arrays.stream(f.string("batches", "10000,50000,100000").split(",")).mapToInt(Integer::parseInt).toArray();
        List<String> vias = List.of(f.string("via", "direct,recorder").split(","));
        BenchStore.Targets targets = BenchStore.Targets.from(f);
        BenchStore.printHeader(String.format(Locale.ROOT, "%,d trades per run", rows));
        for (String kind : targets.kinds()) {
            for (String via : vias) {
                for (int batch : batches) {
                    try (BenchStore bs = targets.open(kind)) {
                        Result r = via.equals("recorder") ? viaRecorder(bs.store(), rows, batch) : direct(bs.store(), rows, batch);
                        long count = bs.store().count("market_trades");
                        System.out.printf(Locale.ROOT, "%-8s %-8s batch %,7d: %,11.0f rows/s (first half %,.0f, second half %,.0f),"
                                        + " slowest batch %,.0f rows/s; %,d rows in %.2f s, %,d stored%s%s%n",
                                kind, via, batch, r.rowsPerSecond(), r.firstHalf, r.secondHalf, r.slowestBatch, rows, r.nanos / 1e9,
                                count, r.note, bs.fileBytes() > 0 ? String.format(Locale.ROOT, ", file %,d MB", bs.fileBytes() >> 20) : "");
                        if (count != rows) {
                            throw new IllegalStateException("stored " + count + " rows, wrote " + rows);
                        }
                    }
                }
            }
        }
    }

    /** What one run measured. */
    private record Result(long rows, long nanos, double firstHalf, double secondHalf, double slowestBatch, String note) {
        double rowsPerSecond() {
            return rows / (nanos / 1e9);
        }
    }

    private static Result direct(Store store, int rows, int batchSize) {
        SyntheticTrades trades = new SyntheticTrades();
        TradeBatch batch = new TradeBatch(batchSize);
        long start = System.nanoTime();
        long half = 0;
        long slowest = 0;
        int slowestRows = 1;
        long written = 0;
        while (written < rows) {
            batch.clear();
            int n = trades.fill(batch, (int) Math.min(batchSize, rows - written));
            long t0 = System.nanoTime();
            store.writeTrades(batch);
            long took = System.nanoTime() - t0;
            if (took * slowestRows > slowest * n) {
                slowest = took;
                slowestRows = n;
            }
            written += n;
            if (half == 0 && written >= rows / 2) {
                half = System.nanoTime();
            }
        }
        long end = System.nanoTime();
        return new Result(rows, end - start, rows / 2 / ((half - start) / 1e9), (rows - rows / 2) / ((end - half) / 1e9),
                slowestRows / (slowest / 1e9), "");
    }

    private static Result viaRecorder(Store store, int rows, int batchSize) {
        RecorderConfig config = RecorderConfig.builder().batchRows(batchSize).queues(1 << 20, 1 << 4, 1 << 4, 1 << 2)
                .bookDepth(1).flushInterval(Duration.ofMillis(100)).build();
        // written by the writer thread, read after flush() (which waits for it): slowest batch nanos and rows, rows, half time
        long[] slowest = {0, 1, 0, 0};
        long start;
        long end;
        long waits = 0;
        try (MarketDataRecorder recorder = MarketDataRecorder.start(store, config)) {
            RecorderStats stats = recorder.stats();
            stats.writeListener((stream, n, nanos) -> {
                if (nanos * slowest[1] > slowest[0] * n) {
                    slowest[0] = nanos;
                    slowest[1] = n;
                }
                slowest[2] += n;
                if (slowest[3] == 0 && slowest[2] >= rows / 2) {
                    slowest[3] = System.nanoTime();
                }
            });
            long capacity = stats.queueCapacity(RecordedStream.TRADES);
            SyntheticTrades trades = new SyntheticTrades();
            start = System.nanoTime();
            for (int i = 0; i < rows; i++) {
                // measure what the writer sustains, not what it drops: the producer waits while the queue is full
                while (stats.queueDepth(RecordedStream.TRADES) >= capacity - 1) {
                    waits++;
                    LockSupport.parkNanos(20_000);
                }
                TradeTick t = trades.next();
                if (!recorder.recordTrade(SyntheticTrades.VENUE, t)) {
                    throw new IllegalStateException("trade dropped although the queue had room");
                }
            }
            recorder.flush(Duration.ofMinutes(10));
            end = System.nanoTime();
            if (stats.rowsWritten(RecordedStream.TRADES) != rows) {
                throw new IllegalStateException("recorder wrote " + stats.rowsWritten(RecordedStream.TRADES) + " of " + rows);
            }
            long half = slowest[3];
            return new Result(rows, end - start, rows / 2 / ((half - start) / 1e9), (rows - rows / 2) / ((end - half) / 1e9),
                    slowest[1] / (slowest[0] / 1e9), String.format(Locale.ROOT, ", mean batch %,.0f rows, producer waited %,d times",
                            stats.meanBatchRows(RecordedStream.TRADES), waits));
        }
    }
}
