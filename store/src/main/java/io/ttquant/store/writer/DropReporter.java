package io.ttquant.store.writer;

/**
 * Turns the drop counters into a few log lines: one when a stream starts dropping rows (queue
 * full, or invalid rows), one at most every {@code intervalNanos} while it goes on (with the count
 * since the last line and in total), and one when it stops (no new drop for {@link #QUIET_NANOS}),
 * with the episode's total. The counters themselves are what metrics export; this never changes
 * them. Writer thread only; checking costs a few counter reads.
 */
final class DropReporter {
    /** No new drop for this long ends an episode. */
    static final long QUIET_NANOS = 1_000_000_000L;
    private static final DropReason[] WATCHED = {DropReason.QUEUE_FULL, DropReason.INVALID};

    private final RecorderStats stats;
    private final RecorderLog log;
    private final String policy;
    private final long intervalNanos;
    private final int n;
    private final long[] lastCount;
    private final boolean[] dropping;
    private final long[] episodeStartCount;
    private final long[] episodeStartNanos;
    private final long[] lastChangeNanos;
    private final long[] lastLogNanos;
    private final long[] countAtLog;

    DropReporter(RecorderStats stats, RecorderLog log, DropPolicy policy, long intervalNanos) {
        this.stats = stats;
        this.log = log;
        this.policy = policy.name();
        this.intervalNanos = intervalNanos;
        this.n = RecordedStream.all().length * WATCHED.length;
        this.lastCount = new long[n];
        this.dropping = new boolean[n];
        this.episodeStartCount = new long[n];
        this.episodeStartNanos = new long[n];
        this.lastChangeNanos = new long[n];
        this.lastLogNanos = new long[n];
        this.countAtLog = new long[n];
    }

    void check(long now) {
        int k = 0;
        for (RecordedStream s : RecordedStream.all()) {
            for (DropReason r : WATCHED) {
                check(k++, s, r, now);
            }
        }
    }

    private void check(int k, RecordedStream s, DropReason r, long now) {
        long count = stats.dropped(s, r);
        boolean changed = count != lastCount[k];
        if (!dropping[k]) {
            if (changed) {
                dropping[k] = true;
                episodeStartCount[k] = lastCount[k];
                episodeStartNanos[k] = now;
                lastChangeNanos[k] = now;
                lastLogNanos[k] = now;
                countAtLog[k] = count;
                log.warn("market data recorder: dropping " + s.label() + " rows (" + r.label() + ", policy " + policy
                        + "): " + (count - lastCount[k]) + " so far; queue " + stats.queueDepth(s) + "/"
                        + stats.queueCapacity(s) + ", writer " + stats.state());
            }
        } else if (changed) {
            lastChangeNanos[k] = now;
            if (now - lastLogNanos[k] >= intervalNanos) {
                log.warn("market data recorder: still dropping " + s.label() + " rows (" + r.label() + "): "
                        + (count - countAtLog[k]) + " in the last " + seconds(now - lastLogNanos[k]) + ", "
                        + (count - episodeStartCount[k]) + " since it started; writer " + stats.state());
                lastLogNanos[k] = now;
                countAtLog[k] = count;
            }
        } else if (now - lastChangeNanos[k] >= QUIET_NANOS) {
            dropping[k] = false;
            log.info("market data recorder: stopped dropping " + s.label() + " rows (" + r.label() + "): "
                    + (count - episodeStartCount[k]) + " dropped over " + seconds(lastChangeNanos[k] - episodeStartNanos[k]));
        }
        lastCount[k] = count;
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
