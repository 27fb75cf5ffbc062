package io.ttquant.app.gateway.journal;

import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.risk.TradingState;
import io.ttquant.core.time.Clock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The order gateway's write-ahead journal: an append-only sequence of checksummed binary records
 * in segment files of one directory, from which {@link #open} rebuilds the gateway's state after
 * a restart or a crash.
 *
 * <p>Appending encodes the record into one reused 64 KiB direct buffer, which is written to the
 * segment's {@link FileChannel} at each sync (or when full): no allocation per record, one write
 * per sync. Each append returns the journal position after the record; the {@link SyncPolicy}
 * decides when it is forced to disk ({@link #syncedPosition()} says how far that got): with
 * {@link SyncPolicy#everyRecord()} a record is durable when append returns, so the gateway
 * journals an order before it leaves for the venue. Group commit syncs after N records or M
 * microseconds; call {@link #doWork()} from the duty cycle so the deadline holds when no records
 * come. Only a synced record survives a crash, of the process or of the machine.
 *
 * <p>Records about one order must be appended in the order they happened, and a FILL before the
 * ORDER_STATE it leads to (a state is absolute, a fill adds). When a segment reaches its size it is
 * synced and closed, a new one started, and compaction replaces the closed ones by a snapshot
 * (see {@link JournalCompactor}), so disk use stays bounded.
 *
 * <p>A write or sync failure is a value: the append returns {@link #FAILED}, {@link #failure()}
 * says why, and every later append fails too (after a failed fsync the page cache cannot be
 * trusted); the gateway must then refuse to trade. Bugs (a client order id too long, a record type
 * only snapshots hold) throw. One writer thread; counters may be read racily from others. One
 * journal per directory: {@link #open} takes an OS lock on it, released by {@link #close()} or by
 * the death of the process.
 */
public final class OrderJournal implements AutoCloseable {
    /** What append and sync return once the journal has failed. */
    public static final long FAILED = -1;

    private static final System.Logger LOG = System.getLogger(OrderJournal.class.getName());
    private static final int BUFFER = 64 * 1024;
    /** Held (an OS file lock) while a journal is open, so two gateways never write one directory. */
    static final String LOCK_FILE = "journal.lock";

    private final Path dir;
    private final long segmentBytes;
    private final SyncPolicy policy;
    private final boolean timedPolicy;
    private final Clock clock;
    private final JournalObserver observer;
    private final JournalCompactor compactor;
    private final RecordFramer framer = new RecordFramer();
    private final ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);

    private final OrderSubmittedRecord submitted = new OrderSubmittedRecord();
    private final OrderStateRecord state = new OrderStateRecord();
    private final FillRecord fill = new FillRecord();
    private final OrderUnknownRecord unknown = new OrderUnknownRecord();
    private final OrderResolvedRecord resolved = new OrderResolvedRecord();
    private final KillSwitchRecord killSwitch = new KillSwitchRecord();
    private final StrategyStateRecord strategyState = new StrategyStateRecord();
    private final ShutdownRecord shutdown = new ShutdownRecord();
    private final RiskDayRecord riskDay = new RiskDayRecord();

    /** Holds the directory's lock until {@link #close()}. */
    private final FileChannel lockFile;
    private FileChannel ch;
    private long segment;
    private long segmentLength;
    private long position;
    private long syncedPosition;
    /** {@link #syncedPosition} published for readers on other threads (the store exporter's {@link JournalTail}). */
    private volatile long durablePosition;
    private int unsynced;
    private long oldestUnsyncedNanos;
    private JournalError failure;
    private boolean closed;

    private long records;
    private long bytes;
    private long syncs;
    private long syncNanosTotal;
    private long syncNanosMax;
    private long segmentsRolled;

    private OrderJournal(JournalConfig config, FileChannel ch, long segment, long segmentLength, long position,
                         long snapshot, FileChannel lockFile) {
        this.lockFile = lockFile;
        this.dir = config.directory();
        this.segmentBytes = config.segmentBytes();
        this.policy = config.syncPolicy();
        this.timedPolicy = policy.timed();
        this.clock = config.clock();
        this.observer = config.observer();
        this.ch = ch;
        this.segment = segment;
        this.segmentLength = segmentLength;
        this.position = position;
        this.syncedPosition = position;
        this.durablePosition = position;
        this.compactor = new JournalCompactor(dir, config.idempotencyWindowNanos(), observer, snapshot,
                config.compaction() == JournalConfig.Compaction.BACKGROUND, config.compactionWatermark());
    }

    /**
     * Locks the configured directory (created when missing) against a second gateway, replays the
     * journal in it, cuts off a torn tail, and opens it for appending after the last valid record.
     * When the directory is locked, or the replay meets corruption, a gap or an inconsistency,
     * nothing on disk is changed and the result carries the error instead: the gateway must not
     * trade.
     */
    public static JournalRecovery open(JournalConfig config) {
        Path dir = config.directory();
        FileChannel lockFile;
        FileLock lock;
        try {
            Files.createDirectories(dir);
            lockFile = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = lockFile.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                lockFile.close();
                return JournalRecovery.failed(JournalError.io("the journal is open in another gateway", dir,
                        new IOException("lock held on " + LOCK_FILE)), 0);
            }
        } catch (IOException e) {
            return JournalRecovery.failed(JournalError.io("cannot open the journal directory", dir, e), 0);
        }
        JournalRecovery recovery = open(config, lockFile);
        if (!recovery.ok()) {
            release(lockFile);
        }
        return recovery;
    }

    private static JournalRecovery open(JournalConfig config, FileChannel lockFile) {
        Path dir = config.directory();
        StateBuilder builder = new StateBuilder(config.idempotencyWindowNanos());
        ReplayResult r = JournalReader.replay(dir, builder, Long.MAX_VALUE, true);
        if (!r.ok()) {
            return JournalRecovery.failed(r.error(), r.records());
        }
        RecoveredState recovered = builder.finish();
        if (recovered == null) {
            return JournalRecovery.failed(builder.problem(), r.records());
        }
        long segment = r.lastSegment();
        Path file = null;
        try {
            for (Path tmp : JournalFiles.list(dir).temporaries) {
                Files.delete(tmp); // a segment or snapshot whose creation a crash interrupted: never published
            }
            long length;
            if (segment < 0) {
                segment = r.snapshot() + 1;
                file = JournalFiles.segment(dir, segment);
                JournalFiles.publish(JournalFiles.createTemporary(file,
                        FileHeader.of(FileHeader.SEGMENT, segment, r.endPosition())), file);
                length = FileHeader.SIZE;
            } else {
                file = JournalFiles.segment(dir, segment);
                length = r.lastSegmentValidBytes();
            }
            FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
            try {
                if (r.tornBytes() > 0) {
                    ch.truncate(length);
                    ch.force(true);
                    LOG.log(System.Logger.Level.WARNING, "order journal: cut " + r.tornBytes() + " bytes of torn tail (a write"
                            + " interrupted by a crash) from " + file + " at byte " + length);
                }
                if (r.snapshot() >= 0) {
                    JournalCompactor.deleteCovered(dir, r.snapshot()); // left by a crash between snapshot and deletion
                }
                ch.position(length);
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
            OrderJournal journal = new OrderJournal(config, ch, segment, length, r.endPosition(), r.snapshot(), lockFile);
            if (segment - 1 > r.snapshot()) {
                journal.compactor.request(segment - 1);
            }
            return JournalRecovery.recovered(journal, recovered, r.records(), r.tornBytes());
        } catch (IOException e) {
            return JournalRecovery.failed(JournalError.io("cannot open the journal for appending", file, e), r.records());
        }
    }

    // ------------------------------------------------------------------ appending

    /**
     * Appends a record the caller filled (any type but a snapshot's); returns the journal position
     * after it, or {@link #FAILED}. With a policy that syncs every record it is durable on return.
     */
    public long append(JournalRecord r) {
        if (r.type().isSnapshotPart()) {
            throw new IllegalArgumentException(r.type() + " is written by compaction only");
        }
        if (failure != null || closed) {
            return FAILED;
        }
        if (buf.remaining() < RecordFramer.MAX_FRAME && flush() == FAILED) {
            return FAILED;
        }
        int start = buf.position();
        int n;
        try {
            n = framer.frame(r, buf);
        } catch (RuntimeException e) {
            buf.position(start); // a bug in the caller's record: nothing of it is kept
            throw e;
        }
        position += n;
        segmentLength += n;
        records++;
        bytes += n;
        if (unsynced++ == 0 && timedPolicy) {
            oldestUnsyncedNanos = clock.nanos();
        }
        if (policy.due(unsynced, timedPolicy ? clock.nanos() - oldestUnsyncedNanos : 0) && sync() == FAILED) {
            return FAILED;
        }
        if (segmentLength >= segmentBytes && roll() == FAILED) {
            return FAILED;
        }
        return position;
    }

    /** ORDER_SUBMITTED for an order about to leave for {@code venue}. */
    public long appendSubmitted(long nowNanos, Order order, String venue) {
        return append(submitted.set(nowNanos, order, venue));
    }

    /** ORDER_STATE with the order's current status, reason, filled quantity, notional and fees. */
    public long appendState(long nowNanos, Order order, long venueOrderId) {
        return append(state.set(nowNanos, order, venueOrderId));
    }

    /** FILL of a journaled order. */
    public long appendFill(long nowNanos, Fill f) {
        return append(fill.set(nowNanos, f));
    }

    /** ORDER_UNKNOWN: the venue's answer to {@code request} about the order never came. */
    public long appendUnknown(long nowNanos, long orderId, OrderUnknownRecord.Request request) {
        return append(unknown.set(nowNanos, orderId, request));
    }

    /** ORDER_RESOLVED: an unknown order's state was found out. */
    public long appendResolved(long nowNanos, long orderId, OrderStatus status, RejectReason reason, long venueOrderId) {
        return append(resolved.set(nowNanos, orderId, status, reason, venueOrderId));
    }

    /** KILL_SWITCH engaged or released. */
    public long appendKillSwitch(long nowNanos, boolean engaged, String reason) {
        return append(killSwitch.set(nowNanos, engaged, reason));
    }

    /** STRATEGY_STATE: the strategy's trading state changed. */
    public long appendStrategyState(long nowNanos, String strategy, TradingState tradingState, String reason) {
        return append(strategyState.set(nowNanos, strategy, tradingState, reason));
    }

    /**
     * RISK_DAY: where the strategy's trading day stands for the daily-loss limit (epoch day, realised
     * PnL after fees since its start and unrealised PnL at its start, cash scale; the loss state).
     */
    public long appendRiskDay(long nowNanos, String strategy, long epochDay, long dayRealized, long dayStartUnrealized,
                              TradingState lossState) {
        return append(riskDay.set(nowNanos, strategy, epochDay, dayRealized, dayStartUnrealized, lossState));
    }

    /** SHUTDOWN: the gateway stops cleanly; syncs it whatever the policy. */
    public long appendShutdown(long nowNanos) {
        long p = append(shutdown.set(nowNanos));
        return p == FAILED ? FAILED : sync();
    }

    // ------------------------------------------------------------------ durability

    /** Forces everything appended so far to disk; returns the synced position, or {@link #FAILED}. */
    public long sync() {
        if (failure != null || closed) {
            return FAILED;
        }
        if (unsynced == 0) {
            return syncedPosition;
        }
        long start = clock.nanos();
        if (flush() == FAILED) {
            return FAILED;
        }
        try {
            ch.force(false);
        } catch (IOException e) {
            return fail("cannot sync segment " + segment, e);
        }
        long latency = clock.nanos() - start;
        int n = unsynced;
        syncs++;
        syncNanosTotal += latency;
        syncNanosMax = Math.max(syncNanosMax, latency);
        unsynced = 0;
        syncedPosition = position;
        durablePosition = position;
        observer.onSync(latency, n);
        return position;
    }

    /** Hands the buffered records to the file system. */
    private long flush() {
        buf.flip();
        try {
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        } catch (IOException e) {
            return fail("cannot write to segment " + segment, e);
        } finally {
            buf.clear();
        }
        return position;
    }

    /**
     * Duty cycle: syncs when the group-commit delay of the oldest waiting record has passed.
     * Returns 1 when it synced, 0 otherwise.
     */
    public int doWork() {
        if (unsynced > 0 && timedPolicy && failure == null && !closed
                && policy.due(unsynced, clock.nanos() - oldestUnsyncedNanos)) {
            return sync() == FAILED ? 0 : 1;
        }
        return 0;
    }

    /** True once the record that ended at {@code position} is on disk. */
    public boolean isDurable(long position) {
        return position >= 0 && position <= syncedPosition;
    }

    private long roll() {
        if (sync() == FAILED) {
            return FAILED;
        }
        long next = segment + 1;
        Path file = JournalFiles.segment(dir, next);
        try {
            JournalFiles.publish(JournalFiles.createTemporary(file, FileHeader.of(FileHeader.SEGMENT, next, position)), file);
            FileChannel nextChannel = FileChannel.open(file, StandardOpenOption.WRITE);
            nextChannel.position(FileHeader.SIZE);
            ch.close();
            ch = nextChannel;
        } catch (IOException e) {
            return fail("cannot start segment " + next, e);
        }
        segment = next;
        segmentLength = FileHeader.SIZE;
        segmentsRolled++;
        compactor.request(next - 1);
        return position;
    }

    private long fail(String what, IOException e) {
        failure = JournalError.io(what, JournalFiles.segment(dir, segment), e);
        LOG.log(System.Logger.Level.ERROR, failure.describe());
        return FAILED;
    }

    /** Syncs what is pending, stops the compactor and closes the segment. Appends fail afterwards. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        sync();
        closed = true;
        compactor.close();
        try {
            ch.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "order journal: closing " + dir + ": " + e.getMessage());
        }
        release(lockFile);
    }

    /** Closing the lock file's channel releases the lock. */
    private static void release(FileChannel lockFile) {
        try {
            lockFile.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "order journal: releasing its lock: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ reads for metrics and tests

    /** Why appends fail, or null while the journal works. */
    public JournalError failure() {
        return failure;
    }

    /** Why the latest compaction failed (old segments are kept meanwhile), or null. */
    public JournalError compactionFailure() {
        return compactor.failure();
    }

    /** The position after the last appended record. */
    public long position() {
        return position;
    }

    /** The position up to which records are on disk. */
    public long syncedPosition() {
        return syncedPosition;
    }

    /**
     * The position up to which records are written and synced, for a reader on another thread (a
     * volatile read): every record ending at or below it can be read whole from the segment files,
     * and stays there until compaction. Final once the journal is closed.
     */
    public long durablePosition() {
        return durablePosition;
    }

    /** Index of the segment being appended to. */
    public long segment() {
        return segment;
    }

    /** The newest segment replaced by a snapshot, -1 when none. */
    public long compactedUpTo() {
        return compactor.compactedUpTo();
    }

    public long records() {
        return records;
    }

    public long bytes() {
        return bytes;
    }

    public long syncs() {
        return syncs;
    }

    /** Total time spent in fsync, ns. */
    public long syncNanosTotal() {
        return syncNanosTotal;
    }

    /** Longest fsync, ns. */
    public long syncNanosMax() {
        return syncNanosMax;
    }

    public long segmentsRolled() {
        return segmentsRolled;
    }

    public long compactions() {
        return compactor.compactions();
    }

    /** Bytes of segments and snapshots deleted by compaction. */
    public long compactedBytesDeleted() {
        return compactor.bytesDeleted();
    }

    public Path directory() {
        return dir;
    }
}
