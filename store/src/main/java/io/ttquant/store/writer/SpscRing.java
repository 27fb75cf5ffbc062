package io.ttquant.store.writer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The sequence logic of a bounded single-producer/single-consumer ring whose rows live in the
 * subclass's preallocated column arrays: the producer claims slot {@code tail & mask}, fills its
 * columns and publishes it with a release store of the tail; the consumer reads rows up to an
 * acquired tail and frees them with a release store of the head. No locks, no allocation.
 *
 * <p>Exactly one producer thread and one consumer thread: two producers on one ring would lose
 * rows. The head and tail sit on their own cache lines (padding by class layers, as in JCTools)
 * so the two threads do not slow each other down.
 */
abstract class SpscRing extends SpscRingConsumer {
    private static final VarHandle HEAD;
    private static final VarHandle TAIL;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(SpscRingConsumer.class, "head", long.class);
            TAIL = lookup.findVarHandle(SpscRingProducer.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    protected final int capacity;
    protected final int mask;

    SpscRing(int capacity) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("ring capacity must be a power of two >= 2: " + capacity);
        }
        this.capacity = capacity;
        this.mask = capacity - 1;
    }

    /** Producer: the slot to fill, or -1 when the ring is full. Follow with {@link #publish(long)}. */
    protected final long claim() {
        long t = tail;
        if (t - headCache >= capacity) {
            headCache = (long) HEAD.getAcquire(this);
            if (t - headCache >= capacity) {
                return -1;
            }
        }
        return t;
    }

    /** Producer: makes the claimed row {@code t} visible to the consumer. */
    protected final void publish(long t) {
        TAIL.setRelease(this, t + 1);
    }

    /** Consumer: rows ready to read, at most {@code max}, starting at {@link #head()}. */
    protected final int available(int max) {
        long ready = (long) TAIL.getAcquire(this) - head;
        return (int) Math.min(ready, max);
    }

    /** Consumer: the position of the oldest unread row. */
    protected final long head() {
        return head;
    }

    /** Consumer: frees {@code n} rows read from {@link #head()}. */
    protected final void release(int n) {
        HEAD.setRelease(this, head + n);
    }

    /** Rows accepted since the start (any thread). */
    final long published() {
        return (long) TAIL.getAcquire(this);
    }

    /** Rows accepted and not yet read by the consumer (any thread; may be one row stale). */
    final long depth() {
        long h = (long) HEAD.getAcquire(this);
        return Math.max(0, (long) TAIL.getAcquire(this) - h);
    }

    final int capacity() {
        return capacity;
    }
}

/** Padding before the producer's fields. */
abstract class SpscRingPad0 {
    long p00, p01, p02, p03, p04, p05, p06, p07;
}

/** The producer's cache line: its tail and its last view of the head. */
abstract class SpscRingProducer extends SpscRingPad0 {
    long tail;
    long headCache;
}

abstract class SpscRingPad1 extends SpscRingProducer {
    long p10, p11, p12, p13, p14, p15, p16, p17;
}

/** The consumer's cache line. */
abstract class SpscRingConsumer extends SpscRingPad1 {
    long head;
    long p20, p21, p22, p23, p24, p25, p26, p27;
}
