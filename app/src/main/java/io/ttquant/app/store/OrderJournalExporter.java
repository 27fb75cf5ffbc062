package io.ttquant.app.store;

import io.ttquant.app.gateway.journal.JournalError;
import io.ttquant.app.gateway.journal.JournalTail;
import io.ttquant.core.time.Clock;
import io.ttquant.store.StoreException;
import io.ttquant.store.TradingStore;
import io.ttquant.store.trading.TradingBatch;
import io.ttquant.store.writer.Sleeper;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Copies every order, order state and fill the gateway journaled into a {@link TradingStore},
 * exactly once, on a thread of its own: the gateway's order journal is the durable local log that
 * holds them while the database is unreachable (it just grows: that is the spill), and this
 * exporter tails it into the store when the database is there, also after a crash of the process.
 *
 * <p>How exactly once works: the store keeps, per source ({@code gateway-journal:<venue>}), the
 * journal position up to which it holds the rows, written in the same transaction as the rows
 * ({@link TradingBatch#progress}). At start the exporter reads that position P, replays the journal
 * from its beginning (the newest snapshot and every segment after it) through
 * {@link OrderJournalRows} to know every order's terms and every position, exporting nothing at or
 * below P, then writes the rows of the records after P in batches (up to {@code batchRecords}
 * records, or what came within {@code batchDelay}), each with the position of its last record as
 * the new progress; then it follows the journal as it grows, reading only what the journal made
 * durable ({@link io.ttquant.app.gateway.journal.OrderJournal#durablePosition()}). A batch either
 * commits with its progress or not at all, so a crash or an outage at any point makes the next
 * attempt start after the last committed record: nothing is lost or written twice (and the
 * store's keys make a repeated row harmless anyway).
 *
 * <p>A retryable {@link StoreException} (database unreachable, connection lost) keeps the batch
 * and retries it after a back-off (100 ms doubling to 5 s by default) while the state says
 * RETRYING; the journal meanwhile holds everything and compaction waits ({@link #watermark()}:
 * the position both exported and read, which the journal's compactor must not pass). Anything else
 * (a constraint or schema problem, a journal the exporter cannot read or that contradicts itself,
 * a saved progress beyond the journal's end: another journal) is logged as an error, counted, and
 * stops the export for good (state FAILED, {@link #lastError()}): it never skips records. Opening
 * the store and reading the progress are retried the same way, so a database down at the
 * gateway's start never stops the gateway from trading.
 *
 * <p>Tests drive {@link #doWork()} themselves with an injected clock (nothing waits for real);
 * the gateway calls {@link #start()} and, at its stop, {@link #close()}, which drains what was
 * journaled up to the journal's end within a deadline. Stats are written by the export thread
 * and read racily (volatile) by metrics. It never touches the gateway's state or threads.
 */
public final class OrderJournalExporter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OrderJournalExporter.class.getName());

    /** Where the export stands, for metrics and status. */
    public enum State {
        /** Writing (or waiting for records). */
        OK,
        /** The store cannot be reached or refused a write it may accept later: the batch is retried after a back-off. */
        RETRYING,
        /** A problem trying again cannot fix: nothing more is exported ({@link #lastError()} says why). */
        FAILED
    }

    /**
     * How the exporter batches, backs off, waits and drains.
     *
     * @param source           the name its progress is saved under in the store, e.g. {@code gateway-journal:paper}
     * @param batchRecords     at most this many journal records per transaction
     * @param batchDelayNanos  a record waits at most this long for more to share its transaction
     * @param backoffMinNanos  first wait after a retryable failure, doubled at each one after it
     * @param backoffMaxNanos  longest wait between retries
     * @param idleNanos        the thread's pause when it has nothing to do
     * @param drainNanos       at close, how long to go on exporting what was journaled
     * @param windowNanos      terminal orders and applied fills are remembered this long (the journal's window)
     */
    public record Settings(String source, int batchRecords, long batchDelayNanos, long backoffMinNanos, long backoffMaxNanos,
                           long idleNanos, long drainNanos, long windowNanos) {
        public Settings {
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException("export source name missing");
            }
            if (batchRecords < 1 || batchDelayNanos < 0 || backoffMinNanos < 1 || backoffMaxNanos < backoffMinNanos
                    || idleNanos < 1 || drainNanos < 0 || windowNanos < 0) {
                throw new IllegalArgumentException("export settings out of range: " + batchRecords + " records, delays "
                        + batchDelayNanos + "/" + backoffMinNanos + "/" + backoffMaxNanos + "/" + idleNanos + "/" + drainNanos);
            }
        }

        /** The source name of a gateway's journal: {@code gateway-journal:<venue>}. */
        public static String sourceFor(String venue) {
            return "gateway-journal:" + venue;
        }

        /** 1000 records or 100 ms per batch, back-off 100 ms to 5 s, idle 20 ms, drain 10 s, window 24 h. */
        public static Settings defaults(String source) {
            return new Settings(source, 1000, TimeUnit.MILLISECONDS.toNanos(100), TimeUnit.MILLISECONDS.toNanos(100),
                    TimeUnit.SECONDS.toNanos(5), TimeUnit.MILLISECONDS.toNanos(20), TimeUnit.SECONDS.toNanos(10),
                    TimeUnit.HOURS.toNanos(24));
        }

        public Settings withBatch(int records, long delayNanos) {
            return new Settings(source, records, delayNanos, backoffMinNanos, backoffMaxNanos, idleNanos, drainNanos, windowNanos);
        }

        public Settings withDrain(long nanos) {
            return new Settings(source, batchRecords, batchDelayNanos, backoffMinNanos, backoffMaxNanos, idleNanos, nanos, windowNanos);
        }

        public Settings withWindow(long nanos) {
            return new Settings(source, batchRecords, batchDelayNanos, backoffMinNanos, backoffMaxNanos, idleNanos, drainNanos, nanos);
        }
    }

    /** Records read per step while only rebuilding state (at or below the saved progress). */
    private static final int STATE_CHUNK = 8192;
    /** How often the journal's size on disk is measured. */
    private static final long DISK_SAMPLE_NANOS = 1_000_000_000L;

    private final Settings settings;
    private final Path journalDir;
    private final Supplier<? extends TradingStore> opener;
    private final Clock clock;
    private final Sleeper sleeper;
    private final OrderJournalRows rows;
    private final TradingBatch batch = new TradingBatch();
    private volatile LongSupplier durableEnd;
    private TradingStore store;
    private JournalTail tail;
    private boolean progressKnown;
    private boolean inFlight;
    private int inFlightRecords;
    private long firstPendingNanos = Long.MIN_VALUE;
    private long retryAtNanos = Long.MIN_VALUE;
    private long backoffNanos;
    private long failuresInRow;
    private long lastDiskSampleNanos = Long.MIN_VALUE;
    private Thread thread;
    private volatile boolean stopping;
    private volatile boolean draining;
    private volatile long drainTarget;
    private volatile long drainDeadlineNanos;

    // Written by the export thread (or the test driving doWork), read by metrics.
    private volatile State state = State.OK;
    private volatile String lastError;
    private volatile long startProgress = -1;
    private volatile long exportedPosition;
    private volatile long watermark;
    private volatile long durablePosition;
    private volatile long pendingRecords;
    private volatile long exportedRecords;
    private volatile long orderRows;
    private volatile long fillRows;
    private volatile long positionRows;
    private volatile long batches;
    private volatile long retryableErrors;
    private volatile long fatalErrors;
    private volatile long journalBytes;
    private volatile long compactedBeforeExport;

    /**
     * @param opener opens the store (called on the export thread, again after a retryable failure);
     *               the exporter closes it when it is {@link AutoCloseable}
     */
    public OrderJournalExporter(Settings settings, Path journalDir, Supplier<? extends TradingStore> opener, Clock clock,
                                Sleeper sleeper) {
        this.settings = settings;
        this.journalDir = journalDir;
        this.opener = opener;
        this.clock = clock;
        this.sleeper = sleeper;
        this.rows = new OrderJournalRows(settings.windowNanos());
        this.backoffNanos = settings.backoffMinNanos();
    }

    /**
     * Names the journal's durable end ({@code journal::durablePosition}); call once the journal is
     * open and before the first {@link #doWork()} or {@link #start()}.
     */
    public OrderJournalExporter follow(LongSupplier durableEnd) {
        this.durableEnd = durableEnd;
        return this;
    }

    /** Starts the export thread (daemon). */
    public synchronized void start() {
        if (durableEnd == null) {
            throw new IllegalStateException("follow(journal::durablePosition) first");
        }
        if (thread != null) {
            return;
        }
        thread = new Thread(this::run, "ttquant-store-export");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (!stopping) {
            int work;
            try {
                work = doWork();
            } catch (RuntimeException | Error e) {
                fail("the export crashed: " + e, e);
                work = 0;
            }
            if (draining && (drained() || state == State.FAILED || clock.nanos() >= drainDeadlineNanos)) {
                break;
            }
            if (work == 0) {
                sleeper.sleep(settings.idleNanos());
            }
        }
    }

    /**
     * One step: opens the store and reads the saved progress when not done yet, reads what the
     * journal made durable (up to a batch), writes a batch when it is full or old enough (or being
     * drained), and retries a failed one once its back-off has passed. Returns the work done (0:
     * nothing to do now).
     */
    public int doWork() {
        if (state == State.FAILED) {
            return 0;
        }
        long now = clock.nanos();
        long durable = durableEnd.getAsLong();
        durablePosition = durable;
        if (lastDiskSampleNanos == Long.MIN_VALUE || now - lastDiskSampleNanos >= DISK_SAMPLE_NANOS) {
            lastDiskSampleNanos = now;
            journalBytes = JournalTail.bytesOnDisk(journalDir);
        }
        if (now < retryAtNanos) {
            return 0;
        }
        if (store == null && !openStore(now)) {
            return 0;
        }
        if (!progressKnown && !readProgress(now, durable)) {
            return 0;
        }
        int work = 0;
        if (!inFlight) {
            work += read(durable, now);
            if (state == State.FAILED) {
                return work;
            }
            if (dueToWrite(now, durable)) {
                inFlightRecords = rows.pendingRecords();
                rows.drainInto(batch);
                batch.progress(settings.source(), tail.position());
                inFlight = true;
            }
        }
        if (inFlight) {
            work += write(now);
        }
        return work;
    }

    private boolean openStore(long now) {
        try {
            store = opener.get();
            return true;
        } catch (RuntimeException e) {
            return failed(now, "cannot open the store", e);
        }
    }

    /** A call to the store failed: retried later when a retry can help, else the export stops. Returns false. */
    private boolean failed(long now, String what, RuntimeException e) {
        if (e instanceof StoreException se && se.retryable()) {
            retry(now, what, se);
        } else {
            fail(what + ": " + message(e), e);
        }
        return false;
    }

    private boolean readProgress(long now, long durable) {
        OptionalLong saved;
        try {
            saved = store.progress(settings.source());
        } catch (RuntimeException e) {
            return failed(now, "cannot read the export progress", e);
        }
        long p = saved.orElse(-1);
        if (p > durable) {
            fail("the store says " + settings.source() + " was exported up to journal position " + p + ", beyond the end "
                    + durable + " of the journal in " + journalDir + ": this is another (or a reset) journal; give this gateway "
                    + "another venue name or store schema, or delete that source's row in export_progress", null);
            return false;
        }
        progressKnown = true;
        startProgress = p;
        exportedPosition = Math.max(0, p);
        rows.exportAfter(p);
        tail = JournalTail.fromStart(journalDir);
        if (p > 0) {
            tail.requireBoundary(p);
        }
        recovered(now);
        LOG.log(System.Logger.Level.INFO, "store export of " + settings.source() + ": " + (p < 0 ? "nothing exported yet"
                : "exported up to journal position " + p) + ", journal durable up to " + durable);
        return true;
    }

    /** Reads durable records into the pending rows; returns how many. */
    private int read(long durable, long now) {
        boolean exporting = tail.position() >= rows.exportAfter() && !rows.inSnapshot();
        int budget = exporting ? settings.batchRecords() - rows.pendingRecords() : STATE_CHUNK;
        if (budget <= 0) {
            return 0;
        }
        int n = tail.poll(durable, rows, budget);
        JournalError e = tail.error();
        if (e != null) {
            fail("cannot read the order journal: " + e.describe(), null);
            return n;
        }
        if (rows.problem() != null) {
            fail("the order journal contradicts itself at position " + rows.problemPosition() + ": " + rows.problem(), null);
            return n;
        }
        if (rows.compactedBeforeExport() > 0 && compactedBeforeExport == 0) {
            compactedBeforeExport = rows.compactedBeforeExport();
            LOG.log(System.Logger.Level.WARNING, "store export of " + settings.source() + ": " + compactedBeforeExport
                    + " bytes of journal records were compacted into a snapshot before they were exported (the export started "
                    + "after them or stood still meanwhile); the snapshot's orders and positions are exported, the fills "
                    + "it folded away cannot be");
        }
        if (n > 0 && firstPendingNanos == Long.MIN_VALUE && hasPending()) {
            firstPendingNanos = now;
        }
        pendingRecords = rows.pendingRecords();
        publishWatermark();
        return n;
    }

    /** Whether records after the exported position were read and wait for a batch. */
    private boolean hasPending() {
        return tail != null && tail.position() > exportedPosition && tail.position() > rows.exportAfter();
    }

    private boolean dueToWrite(long now, long durable) {
        if (!hasPending() || rows.inSnapshot()) {
            return false; // a snapshot's records share one position: a batch never ends inside one
        }
        return rows.pendingRecords() >= settings.batchRecords()
                || now - firstPendingNanos >= settings.batchDelayNanos()
                || (draining && tail.position() >= durable);
    }

    private int write(long now) {
        try {
            store.writeTrading(batch);
        } catch (StoreException e) {
            if (!e.retryable()) {
                fatalErrors++;
                fail("the store refused a batch of " + batch.rows() + " rows up to journal position " + batch.sourcePosition()
                        + ": " + message(e), e);
            } else {
                retryableErrors++;
                retry(now, "cannot write a batch of " + batch.rows() + " rows", e);
            }
            return 0;
        } catch (RuntimeException e) {
            fatalErrors++;
            fail("writing a batch failed: " + message(e), e);
            return 0;
        }
        exportedRecords += inFlightRecords;
        orderRows += batch.orders().size();
        fillRows += batch.fills().size();
        positionRows += batch.positions().size();
        batches++;
        exportedPosition = batch.sourcePosition();
        batch.clear();
        inFlight = false;
        pendingRecords = rows.pendingRecords();
        firstPendingNanos = Long.MIN_VALUE;
        publishWatermark();
        recovered(now);
        return 1;
    }

    /** A retryable failure: wait, then try again, longer each time. */
    private void retry(long now, String what, StoreException e) {
        failuresInRow++;
        lastError = what + ": " + message(e);
        if (state != State.RETRYING) {
            LOG.log(System.Logger.Level.WARNING, "store export of " + settings.source() + ": " + lastError + "; retrying (the order "
                    + "journal keeps everything meanwhile)");
        }
        state = State.RETRYING;
        retryAtNanos = now + backoffNanos;
        backoffNanos = Math.min(settings.backoffMaxNanos(), backoffNanos * 2);
    }

    private void recovered(long now) {
        if (state == State.RETRYING) {
            LOG.log(System.Logger.Level.INFO, "store export of " + settings.source() + ": the store is back after "
                    + failuresInRow + " failed attempts; exported up to journal position " + exportedPosition);
        }
        state = State.OK;
        failuresInRow = 0;
        backoffNanos = settings.backoffMinNanos();
        retryAtNanos = Long.MIN_VALUE;
    }

    private void fail(String why, Throwable cause) {
        lastError = why;
        state = State.FAILED;
        if (cause != null && !(cause instanceof StoreException)) {
            LOG.log(System.Logger.Level.ERROR, "store export of " + settings.source() + " STOPPED: " + why + "; orders and fills "
                    + "stay in the order journal, nothing after journal position " + exportedPosition + " is exported", cause);
        } else {
            LOG.log(System.Logger.Level.ERROR, "store export of " + settings.source() + " STOPPED: " + why + "; orders and fills "
                    + "stay in the order journal, nothing after journal position " + exportedPosition + " is exported");
        }
    }

    /** Compaction may fold what is both exported and read past (the tail needs nothing before its position). */
    private void publishWatermark() {
        watermark = tail == null ? 0 : Math.min(exportedPosition, tail.position());
    }

    private boolean drained() {
        return progressKnown && !inFlight && exportedPosition >= drainTarget;
    }

    /**
     * Exports what the journal holds up to its durable end now (the journal should be closed:
     * nothing more comes), for at most the drain time, then stops the thread and closes the store.
     * What is left stays in the journal for the next start. Idempotent.
     */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
        }
        if (t != null) {
            drainTarget = durableEnd.getAsLong();
            drainDeadlineNanos = clock.nanos() + settings.drainNanos();
            draining = true;
            try {
                t.join(TimeUnit.NANOSECONDS.toMillis(settings.drainNanos()) + 10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopping = true;
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long left = drainTarget - exportedPosition;
            if (left > 0) {
                LOG.log(System.Logger.Level.WARNING, "store export of " + settings.source() + ": stopped with " + left
                        + " journal bytes not exported (state " + state + (lastError == null ? "" : ": " + lastError)
                        + "); they are exported at the next start");
            } else {
                LOG.log(System.Logger.Level.INFO, "store export of " + settings.source() + ": everything journaled is exported (up "
                        + "to journal position " + exportedPosition + ")");
            }
        }
        stopping = true;
        if (tail != null) {
            tail.close();
        }
        if (store instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "store export: closing the store: " + message(e));
            }
        }
        store = null;
    }

    /** The message of an exception and its first causes, one line of at most 600 characters (the store's messages hold no secret). */
    private static String message(Throwable e) {
        StringBuilder s = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && depth < 3; t = t.getCause(), depth++) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (s.indexOf(m) < 0) {
                s.append(depth == 0 ? "" : " (").append(m).append(depth == 0 ? "" : ")");
            }
        }
        String line = s.toString().replace('\n', ' ');
        return line.length() > 600 ? line.substring(0, 600) + "..." : line;
    }

    // ------------------------------------------------------------------ reads (any thread)

    public Settings settings() {
        return settings;
    }

    public State state() {
        return state;
    }

    /** Why the last attempt failed (RETRYING) or why the export stopped (FAILED); null when nothing failed yet. */
    public String lastError() {
        return lastError;
    }

    /** The store's saved progress found at start (-1: none, or not read yet). */
    public long startProgress() {
        return startProgress;
    }

    /** The journal position up to which the store holds the rows (committed). */
    public long exportedPosition() {
        return exportedPosition;
    }

    /** The journal position compaction must not pass: exported and read (thread-safe, for the journal's compactor). */
    public long watermark() {
        return watermark;
    }

    /** The journal's durable end (now, when the journal is followed; else when last looked at). */
    public long durablePosition() {
        LongSupplier d = durableEnd;
        return d == null ? durablePosition : Math.max(durablePosition, d.getAsLong());
    }

    /** Journal bytes durable but not yet in the store. */
    public long lagBytes() {
        return Math.max(0, durablePosition() - exportedPosition);
    }

    /** Records read from the journal and not yet committed to the store. */
    public long pendingRecords() {
        return pendingRecords;
    }

    /** Journal records whose rows (if any) are committed, since start. */
    public long exportedRecords() {
        return exportedRecords;
    }

    public long orderRows() {
        return orderRows;
    }

    public long fillRows() {
        return fillRows;
    }

    public long positionRows() {
        return positionRows;
    }

    /** Transactions committed since start. */
    public long batches() {
        return batches;
    }

    /** Write or open failures that were retried. */
    public long retryableErrors() {
        return retryableErrors;
    }

    /** Write failures that stopped the export. */
    public long fatalErrors() {
        return fatalErrors;
    }

    /** Bytes of the journal's files on disk (sampled at most once a second). */
    public long journalBytes() {
        return journalBytes;
    }

    /** Journal bytes compacted before they were exported (their fills are not in the store); 0 normally. */
    public long compactedBeforeExport() {
        return compactedBeforeExport;
    }

    /** One line for logs and status. */
    public String describe() {
        return settings.source() + " " + state.name().toLowerCase() + ", exported up to " + exportedPosition + " of "
                + durablePosition() + (lastError == null ? "" : " (" + lastError + ")");
    }
}
