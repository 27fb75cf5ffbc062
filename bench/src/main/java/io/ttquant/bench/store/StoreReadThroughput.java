package io.ttquant.bench.store;

import io.ttquant.bench.sim.LoadFlags;
import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.store.Store;
import io.ttquant.store.batch.TradeBatch;
import java.util.Locale;

/**
 * Reading history back for a backtest: N trades (default 5M) written into a fresh DuckDB file and a
 * fresh PostgreSQL schema, then read back {@code --repeat} times with {@link Store#readTrades} (the
 * streaming cursor {@code backtest --db} uses), touching every field of every trade. Prints rows/s
 * per pass. Targets (issue 6): >= 3,000,000 rows/s from DuckDB, >= 1,000,000 from PostgreSQL.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.ttquant.bench.store.StoreReadThroughput [--rows 5000000]
 *     [--stores duckdb,postgres] [--repeat 3]</pre>
 */
public final class StoreReadThroughput {
    private static final String USAGE = """
            usage: StoreReadThroughput [flags]
              --rows 5000000            trades written, then read back
              --stores duckdb,postgres  duckdb (temp file) and/or postgres (own schema, dropped after)
              --repeat 3                read passes (the first one warms the JIT and the caches)
              --pg-url jdbc:postgresql://127.0.0.1:5432/test
              --pg-user postgres        (password: env TTQUANT_DB_PASSWORD, if any)
            """;

    private StoreReadThroughput() {
    }

    public static void main(String[] args) {
        LoadFlags f = new LoadFlags(args, USAGE, BenchStore.knownFlags("rows", "repeat"));
        int rows = f.integer("rows", 5_000_000);
        int repeat = f.integer("repeat", 3);
        BenchStore.Targets targets = BenchStore.Targets.from(f);
        BenchStore.printHeader(String.format(Locale.ROOT, "%,d trades", rows));
        for (String kind : targets.kinds()) {
            try (BenchStore bs = targets.open(kind)) {
                Store store = bs.store();
                long w0 = System.nanoTime();
                fill(store, rows);
                System.out.printf(Locale.ROOT, "%-8s wrote %,d trades in %.2f s%n", kind, rows, (System.nanoTime() - w0) / 1e9);
                for (int pass = 1; pass <= repeat; pass++) {
                    long t0 = System.nanoTime();
                    long checksum = 0;
                    long n = 0;
                    long last = Long.MIN_VALUE;
                    try (MarketDataSource src = store.readTrades(SyntheticTrades.VENUE, SyntheticTrades.INSTRUMENT, 0, Long.MAX_VALUE / 1_000 * 1_000)) {
                        while (src.advance()) {
                            TradeTick t = (TradeTick) src.current();
                            if (t.exchangeTimeNanos() < last) {
                                throw new IllegalStateException("trades out of time order at row " + n);
                            }
                            last = t.exchangeTimeNanos();
                            checksum += t.price() ^ t.qty() ^ t.tradeId() ^ (t.aggressor() == null ? 0 : t.aggressor().ordinal());
                            n++;
                        }
                    }
                    long nanos = System.nanoTime() - t0;
                    if (n != rows) {
                        throw new IllegalStateException("read " + n + " rows, wrote " + rows);
                    }
                    System.out.printf(Locale.ROOT, "%-8s read pass %d: %,11.0f rows/s (%,d rows in %.2f s, checksum %x)%n", kind, pass,
                            n / (nanos / 1e9), n, nanos / 1e9, checksum);
                }
            }
        }
    }

    private static void fill(Store store, int rows) {
        SyntheticTrades trades = new SyntheticTrades();
        TradeBatch batch = new TradeBatch(100_000);
        while (trades.count() < rows) {
            batch.clear();
            trades.fill(batch, (int) Math.min(100_000, rows - trades.count()));
            store.writeTrades(batch);
        }
    }
}
