package io.ttquant.bench.store;

import io.ttquant.bench.sim.LoadFlags;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.store.Store;
import io.ttquant.store.writer.MarketDataRecorder;
import io.ttquant.store.writer.RecordedStream;
import io.ttquant.store.writer.RecorderConfig;
import io.ttquant.store.writer.RecorderStats;
import io.ttquant.transport.codec.MarketDataEncoder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The feed-side cost of recording: a paced feed thread (default 200,000 trades/s) that, per trade,
 * runs a stand-in publish step (the real Protobuf {@link MarketDataEncoder} the market data service
 * publishes with) and then {@link MarketDataRecorder#recordTrade}, each timed into an HdrHistogram.
 * Scenarios: {@code baseline} (publish only, no recorder), {@code idle} (the recorder's writer keeps
 * up: DuckDB), {@code saturated} (the store is slowed down so far that the queue stays full and rows
 * are dropped by policy), and {@code postgres} (the writer on the local PostgreSQL server). The
 * claim it checks: publishing latency is the same whether the writer is idle or saturated, because
 * the feed never waits on the database.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.ttquant.bench.store.RecorderPublishLatency [--events 2000000]
 *     [--rate 200000] [--scenarios baseline,idle,saturated,postgres] [--slow-ms 500] [--queue 65536]</pre>
 */
public final class RecorderPublishLatency {
    private static final String USAGE = """
            usage: RecorderPublishLatency [flags]
              --events 2000000       trades measured per scenario (after --warmup more)
              --warmup 300000        trades before measuring
              --rate 200000          trades per second offered by the feed thread
              --scenarios baseline,idle,saturated,postgres
              --slow-ms 500          saturated: each trade batch takes this long (batch --batch rows)
              --batch 10000          recorder batch rows
              --queue 65536          recorder trade queue (rows, power of two)
              --pg-url jdbc:postgresql://127.0.0.1:5432/test
              --pg-user postgres
            """;

    private final Histogram publish = histogram();
    private final Histogram record = histogram();
    private final Histogram total = histogram();

    private RecorderPublishLatency() {
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    }

    public static void main(String[] args) {
        LoadFlags f = new LoadFlags(args, USAGE, "events", "warmup", "rate", "scenarios", "slow-ms", "batch", "queue", "pg-url", "pg-user");
        int events = f.integer("events", 2_000_000);
        int warmup = f.integer("warmup", 300_000);
        int rate = f.integer("rate", 200_000);
        long slowNanos = f.integer("slow-ms", 500) * 1_000_000L;
        int batch = f.integer("batch", 10_000);
        int queue = f.integer("queue", 1 << 16);
        String pgUrl = f.string("pg-url", BenchStore.DEFAULT_PG_URL);
        String pgUser = f.string("pg-user", "postgres");
        BenchStore.printHeader(String.format(Locale.ROOT, "%,d trades per scenario at %,d/s after %,d warm-up; recorder batch "
                + "%,d, queue %,d", events, rate, warmup, batch, queue));
        RecorderConfig config = RecorderConfig.builder().batchRows(batch).queues(queue, 1 << 4, 1 << 4, 1 << 2).bookDepth(1)
                .flushInterval(Duration.ofMillis(100)).dropLogInterval(Duration.ofHours(1)).build();
        for (String scenario : List.of(f.string("scenarios", "baseline,idle,saturated,postgres").split(","))) {
            RecorderPublishLatency run = new RecorderPublishLatency();
            switch (scenario) {
                case "baseline" -> run.measure(scenario, null, events, warmup, rate);
                case "idle", "saturated", "postgres" -> {
                    try (BenchStore bs = BenchStore.open(scenario.equals("postgres") ? "postgres" : "duckdb", pgUrl, pgUser)) {
                        Store store = scenario.equals("saturated") ? new SlowStore(bs.store(), slowNanos) : bs.store();
                        MarketDataRecorder recorder = MarketDataRecorder.start(store, config);
                        try {
                            run.measure(scenario, recorder, events, warmup, rate);
                        } finally {
                            long t0 = System.nanoTime();
                            recorder.close();
                            System.out.printf(Locale.ROOT, "    recorder closed in %.1f s%n", (System.nanoTime() - t0) / 1e9);
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unknown scenario " + scenario + "\n" + USAGE);
            }
        }
    }

    private void measure(String scenario, MarketDataRecorder recorder, int events, int warmup, int rate) {
        SyntheticTrades trades = new SyntheticTrades();
        MarketDataEncoder encoder = new MarketDataEncoder(SyntheticTrades.VENUE);
        long period = 1_000_000_000L / rate;
        long next = System.nanoTime();
        long sink = 0;
        long maxDepth = 0;
        long lateNanos = 0;
        long start = 0;
        for (int i = 0; i < warmup + events; i++) {
            if (i == warmup) {
                publish.reset();
                record.reset();
                total.reset();
                start = System.nanoTime();
                next = start;
            }
            next += period;
            long now;
            while ((now = System.nanoTime()) < next) {
                Thread.onSpinWait();
            }
            lateNanos = Math.max(lateNanos, now - next);
            TradeTick t = trades.next();
            long t0 = System.nanoTime();
            sink += encoder.encode(t, i, t0);
            long t1 = System.nanoTime();
            if (recorder != null) {
                recorder.recordTrade(SyntheticTrades.VENUE, t);
            }
            long t2 = System.nanoTime();
            publish.recordValue(t1 - t0);
            record.recordValue(t2 - t1);
            total.recordValue(t2 - t0);
            if (recorder != null && (i & 1023) == 0) {
                maxDepth = Math.max(maxDepth, recorder.stats().queueDepth(RecordedStream.TRADES));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %,d trades in %.2f s (%,.0f/s; %,d bytes encoded; feed at most %.1f µs behind its schedule)%n",
                scenario, events, seconds, events / seconds, sink, lateNanos / 1e3);
        print("publish step (encode)", publish);
        if (recorder != null) {
            print("recordTrade", record);
            print("publish + recordTrade", total);
            RecorderStats s = recorder.stats();
            System.out.printf(Locale.ROOT, "    writer %s: %,d rows written in %,d batches, %,d dropped (queue full), max queue depth seen %,d of %,d%n",
                    s.state(), s.rowsWritten(RecordedStream.TRADES), s.batchesWritten(RecordedStream.TRADES),
                    s.droppedTotal(RecordedStream.TRADES), maxDepth, s.queueCapacity(RecordedStream.TRADES));
        }
    }

    private static void print(String what, Histogram h) {
        System.out.printf(Locale.ROOT, "    %-22s p50 %6.2f µs  p90 %6.2f  p99 %6.2f  p99.9 %7.2f  p99.99 %8.2f  max %9.2f µs%n", what,
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getValueAtPercentile(99.99) / 1e3, h.getMaxValue() / 1e3);
    }
}
