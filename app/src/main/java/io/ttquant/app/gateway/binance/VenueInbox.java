package io.ttquant.app.gateway.binance;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hand-over from the venue's I/O threads (HTTP answers, the user data stream's event loop) to
 * the gateway's thread: a bounded multi-producer queue of tasks that {@link #drain} runs on the
 * gateway's thread, in the order they were queued. It is the {@link Executor} the trading client
 * completes its futures on, so every answer is applied on the gateway's thread.
 *
 * <p>A full queue means the gateway's thread stopped draining or the venue produces far more than
 * it should: a bug. It is counted and logged at ERROR, and the task goes to a spill list drained
 * right after the queue, so an answer about an order is never dropped (tasks that spilled may run
 * after tasks queued later; what they apply is idempotent). {@link #execute} never throws and
 * never runs a task on the caller's thread.
 */
final class VenueInbox implements Executor {
    private static final System.Logger LOG = System.getLogger(VenueInbox.class.getName());

    private final ArrayBlockingQueue<Runnable> queue;
    private final ConcurrentLinkedQueue<Runnable> spill = new ConcurrentLinkedQueue<>();
    private final AtomicLong overflows = new AtomicLong();
    private final AtomicLong taskErrors = new AtomicLong();
    private final int capacity;

    VenueInbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("inbox capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Any thread: queues {@code task} for the gateway's thread. */
    @Override
    public void execute(Runnable task) {
        if (queue.offer(task)) {
            return;
        }
        spill.add(task);
        long n = overflows.incrementAndGet();
        if (n == 1 || n % 1000 == 0) {
            LOG.log(System.Logger.Level.ERROR, "BUG: the binance venue's inbox of " + capacity + " is full (" + n
                    + " overflows so far); answers spill to an unbounded list. Is the gateway's duty cycle running?");
        }
    }

    /**
     * Gateway's thread: runs what was queued, at most {@code 2 x capacity} tasks (so a flood cannot
     * hold the duty cycle forever), then what spilled. A task that throws is a bug: it is logged
     * and counted, and the next task runs. Returns the number of tasks run.
     */
    int drain() {
        int n = 0;
        int max = capacity * 2;
        Runnable r;
        while (n < max && (r = queue.poll()) != null) {
            run(r);
            n++;
        }
        while ((r = spill.poll()) != null) {
            run(r);
            n++;
        }
        return n;
    }

    private void run(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            long n = taskErrors.incrementAndGet();
            if (n <= 10 || n % 1000 == 0) {
                LOG.log(System.Logger.Level.ERROR, "BUG: applying a binance answer failed (" + n + " so far)", e);
            }
        }
    }

    /** Tasks waiting (queue and spill); any thread. */
    int size() {
        return queue.size() + spill.size();
    }

    /** Times the queue was full; any thread. Anything but 0 is a bug. */
    long overflows() {
        return overflows.get();
    }

    /** Tasks that threw while applied; any thread. Anything but 0 is a bug. */
    long taskErrors() {
        return taskErrors.get();
    }
}
