package io.ttquant.bench.gateway;

import io.ttquant.app.gateway.journal.FillRecord;
import io.ttquant.app.gateway.journal.JournalConfig;
import io.ttquant.app.gateway.journal.JournalRecord;
import io.ttquant.app.gateway.journal.JournalRecovery;
import io.ttquant.app.gateway.journal.OrderJournal;
import io.ttquant.app.gateway.journal.OrderStateRecord;
import io.ttquant.app.gateway.journal.OrderSubmittedRecord;
import io.ttquant.app.gateway.journal.SyncPolicy;
import io.ttquant.bench.sim.LoadFlags;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.LiquiditySide;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.time.SystemEpochClock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Throughput and latency of the gateway's order journal on this machine's disk, for both sync
 * policies: every record (the live venue: each append returns once the record is on disk) and
 * group commit (paper). The records are the gateway's mix per order: ORDER_SUBMITTED, ORDER_STATE
 * (accepted), FILL, ORDER_STATE (filled). Each append, including the sync it triggers, is timed
 * into an HdrHistogram. A plain-JDK baseline (FileChannel write + force of a record-sized buffer)
 * shows what the disk alone costs.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.ttquant.bench.gateway.JournalAppendBenchmark [--duration 10]</pre>
 */
public final class JournalAppendBenchmark {
    private static final String USAGE = """
            usage: JournalAppendBenchmark [flags]
              --dir PATH          where the journals are written (default: a new folder in java.io.tmpdir, deleted after)
              --warmup 2          seconds before measuring, per policy
              --duration 10       seconds measured, per policy
              --group-records 64  group commit: sync after this many records
              --group-micros 1000 group commit: or once the oldest waiting record is this old
              --segment-mb 64     segment size
            """;

    private static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");

    private JournalAppendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        LoadFlags f = new LoadFlags(args, USAGE, "dir", "warmup", "duration", "group-records", "group-micros", "segment-mb");
        int warmup = f.integer("warmup", 2);
        int duration = f.integer("duration", 10);
        int groupRecords = f.integer("group-records", 64);
        int groupMicros = f.integer("group-micros", 1_000);
        long segmentBytes = f.integer("segment-mb", 64) * 1024L * 1024;
        String given = f.string("dir", null);
        Path root = given != null ? Files.createDirectories(Path.of(given)) : Files.createTempDirectory("ttquant-journal-bench");
        try {
            System.out.printf(Locale.ROOT, "order journal in %s, segments of %d MiB, %d s per run after %d s warm-up%n", root,
                    segmentBytes >> 20, duration, warmup);
            baseline(root.resolve("baseline"), warmup, duration);
            run(root.resolve("every-record"), SyncPolicy.everyRecord(), segmentBytes, warmup, duration);
            run(root.resolve("group-commit"), SyncPolicy.groupCommit(groupRecords, groupMicros), segmentBytes, warmup, duration);
        } finally {
            if (given == null) {
                delete(root);
            }
        }
    }

    private static void run(Path dir, SyncPolicy policy, long segmentBytes, int warmup, int duration) {
        JournalRecovery opened = OrderJournal.open(JournalConfig.builder(dir).syncPolicy(policy).segmentBytes(segmentBytes)
                .build());
        if (!opened.ok()) {
            throw new IllegalStateException(opened.describe());
        }
        OrderJournal j = opened.journal();
        Histogram h = new Histogram(60_000_000_000L, 3);
        // One order per four records, each with its own id; the records are reused, nothing is allocated.
        Order order = new Order(1, "client-1", "alpha", BTC, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, BTC.qty("0.01"),
                BTC.price("61000.01"), 0, false, 0);
        OrderSubmittedRecord submitted = new OrderSubmittedRecord().set(0, order, "paper");
        order.accept(0);
        OrderStateRecord accepted = new OrderStateRecord().set(0, order, 42);
        order.fill(order.quantity(), order.price(), 61, 0);
        OrderStateRecord filled = new OrderStateRecord().set(0, order, 42);
        FillRecord fill = new FillRecord().set(0, new Fill(1, "client-1", "alpha", BTC, Side.BUY, 1, order.price(),
                order.quantity(), 61, "USDT", LiquiditySide.TAKER, 0));
        SystemEpochClock clock = SystemEpochClock.instance();
        long measureFrom = System.nanoTime() + warmup * 1_000_000_000L;
        long end = measureFrom + duration * 1_000_000_000L;
        long records = 0;
        long syncsBefore = 0;
        long syncNanosBefore = 0;
        boolean measuring = false;
        long started = 0;
        for (long i = 0; ; i++) {
            long t0 = System.nanoTime();
            if (!measuring && t0 >= measureFrom) {
                measuring = true;
                started = t0;
                syncsBefore = j.syncs();
                syncNanosBefore = j.syncNanosTotal();
                h.reset();
            }
            if (t0 >= end) {
                break;
            }
            long id = (i >> 2) + 1;
            long t = clock.nanos();
            JournalRecord r = switch ((int) (i & 3)) {
                case 0 -> stamp(submitted, t, id);
                case 1 -> stamp(accepted, t, id);
                case 2 -> stamp(fill, t, id);
                default -> stamp(filled, t, id);
            };
            long p = j.append(r);
            j.doWork();
            long t1 = System.nanoTime();
            if (p == OrderJournal.FAILED) {
                throw new IllegalStateException(j.failure().describe());
            }
            if (measuring) {
                h.recordValue(t1 - t0);
                records++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long syncs = j.syncs() - syncsBefore;
        double meanSyncMicros = syncs == 0 ? 0 : (j.syncNanosTotal() - syncNanosBefore) / 1e3 / syncs;
        System.out.printf(Locale.ROOT, "%-40s %,10.0f records/s  append+sync p50 %8.1f us  p99 %8.1f us  p99.9 %8.1f us"
                        + "  max %8.1f us  (%d records, %d syncs, mean fsync %.1f us, %d segments rolled)%n",
                policy.toString(), records / seconds, h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3, records, syncs, meanSyncMicros, j.segmentsRolled());
        j.close();
    }

    private static JournalRecord stamp(OrderSubmittedRecord r, long t, long id) {
        r.timeNanos = t;
        r.orderId = id;
        return r;
    }

    private static JournalRecord stamp(OrderStateRecord r, long t, long id) {
        r.timeNanos = t;
        r.orderId = id;
        return r;
    }

    private static JournalRecord stamp(FillRecord r, long t, long id) {
        r.timeNanos = t;
        r.orderId = id;
        r.tradeId = id;
        return r;
    }

    /** FileChannel write + force(false) of 100 bytes per record: the disk's own cost of a synced append. */
    private static void baseline(Path dir, int warmup, int duration) throws IOException {
        Files.createDirectories(dir);
        Histogram h = new Histogram(60_000_000_000L, 3);
        ByteBuffer record = ByteBuffer.allocateDirect(100);
        try (FileChannel ch = FileChannel.open(dir.resolve("raw"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long measureFrom = System.nanoTime() + warmup * 1_000_000_000L;
            long end = measureFrom + duration * 1_000_000_000L;
            long records = 0;
            long started = 0;
            for (; ; ) {
                long t0 = System.nanoTime();
                if (started == 0 && t0 >= measureFrom) {
                    started = t0;
                    h.reset();
                    records = 0;
                }
                if (t0 >= end) {
                    break;
                }
                record.clear();
                while (record.hasRemaining()) {
                    ch.write(record);
                }
                ch.force(false);
                h.recordValue(System.nanoTime() - t0);
                records++;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "%-40s %,10.0f records/s  write+fsync  p50 %8.1f us  p99 %8.1f us  p99.9 %8.1f us"
                            + "  max %8.1f us%n", "baseline: FileChannel write + force", records / seconds,
                    h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3,
                    h.getMaxValue() / 1e3);
        }
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
