package io.ttquant.store.postgres;

import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.store.PgTestSupport;
import io.ttquant.store.StoreConfig;
import io.ttquant.store.batch.BarBatch;
import io.ttquant.store.batch.TradeBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A rough throughput figure, printed and not asserted (the bench module holds the real
 * benchmarks): COPY of 1,000,000 trades in batches of 10,000, then the cursor read of them, then
 * 100,000 bar upserts. Runs only with {@code -Dttquant.pg.throughput=true}:
 * {@code mvn -o -pl store test -Dtest=PostgresThroughputReport -Dttquant.pg.throughput=true}.
 */
@EnabledIfSystemProperty(named = "ttquant.pg.throughput", matches = "true")
class PostgresThroughputReport {
    private static final int TRADES = Integer.getInteger("ttquant.pg.trades", 1_000_000);
    private static final int BATCH = 10_000;

    @Test
    void printCopyAndCursorThroughput() {
        PgTestSupport.requirePostgres();
        String schema = PgTestSupport.newSchema("throughput");
        Instrument btc = Instruments.binanceSpot("BTCUSDT");
        long t0 = 1_723_075_200_000_000_000L;
        try (PostgresStore store = PostgresStore.open(PgTestSupport.config(schema)
                .withTimescale(StoreConfig.Timescale.OFF))) {
            TradeBatch batch = new TradeBatch(BATCH);
            double copySeconds = 0;
            Instrument[] symbols = {btc, Instruments.binanceSpot("ETHUSDT"), Instruments.binanceSpot("SOLUSDT")};
            for (Instrument ins : symbols) {
                long start = System.nanoTime();
                for (int i = 0; i < TRADES; i++) {
                    batch.add("BINANCE", ins, t0 + i * 1_000_000L, t0 + i * 1_000_000L + 5_000, i,
                            5_600_000 + i % 1000, 1 + i % 777, i % 2 == 0 ? Side.BUY : Side.SELL);
                    if (batch.isFull()) {
                        store.writeTrades(batch);
                        batch.clear();
                    }
                }
                store.writeTrades(batch);
                batch.clear();
                copySeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("COPY %,d %s trades in %.2f s: %,.0f rows/s%n", TRADES, ins, copySeconds,
                        TRADES / copySeconds);
            }
            long start;
            for (int round = 0; round < 3; round++) {
                start = System.nanoTime();
                long n = 0;
                long checksum = 0;
                try (MarketDataSource source = store.readTrades("BINANCE", btc, t0, Long.MAX_VALUE)) {
                    while (source.advance()) {
                        checksum += ((TradeTick) source.current()).price();
                        n++;
                    }
                }
                double readSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("cursor read %,d trades in %.2f s: %,.0f rows/s (checksum %d)%n", n, readSeconds,
                        n / readSeconds, checksum);
            }

            int barCount = 100_000;
            double barSeconds = upsertBars(store, btc, t0, barCount, 12);
            System.out.printf("bar upsert (COPY to temp + INSERT ON CONFLICT) %,d new bars in %.2f s: %,.0f rows/s%n",
                    barCount, barSeconds, barCount / barSeconds);
            barSeconds = upsertBars(store, btc, t0, barCount, 13);
            System.out.printf("bar upsert replacing %,d bars in %.2f s: %,.0f rows/s%n", barCount, barSeconds,
                    barCount / barSeconds);
        } finally {
            PgTestSupport.dropSchema(schema);
        }
    }

    /** Upserts {@code count} one-minute bars from {@code t0} (high {@code high}) in batches; returns the seconds it took. */
    private static double upsertBars(PostgresStore store, Instrument ins, long t0, int count, long high) {
        BarBatch bars = new BarBatch(BATCH);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            bars.add("BINANCE", ins, t0 + i * 60_000_000_000L, 60_000_000_000L, 10, high, 9, 11, 100);
            if (bars.isFull()) {
                store.writeBars(bars);
                bars.clear();
            }
        }
        store.writeBars(bars);
        return (System.nanoTime() - start) / 1e9;
    }
}
