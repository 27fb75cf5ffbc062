package io.ttquant.transport.bus;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A bounded single-producer, single-consumer ring of variable-length byte frames, for handing
 * encoded messages from one thread to another inside one JVM (strategy engine to gateway and
 * back in {@code ttquant run}) without a socket. All frames live in one byte array allocated at
 * construction; each is stored as a 4-byte length followed by its bytes, aligned to 4 bytes. A
 * frame is never split: when it does not fit before the end of the array, the producer writes a
 * padding marker there and starts the frame at index 0.
 *
 * <p>The producer publishes a frame by a release store of its position after writing the bytes;
 * the consumer reads the position with an acquire load, hands each frame to a
 * {@link FrameHandler} in place, and releases the space with a release store of its own position
 * once the handler has returned. Each side caches the other's position and reads it again only
 * when the cache says full (or empty). The two positions and the fields each side writes sit on
 * cache lines of their own.
 *
 * <p>It never blocks, never allocates after construction and never takes a lock: {@link #offer}
 * returns false when the frame does not fit now (full, counted as refused) or ever (longer than
 * {@link #maxFrameLength()}, counted as oversized); what to do then is the caller's choice. Exactly
 * one thread may offer and exactly one thread may poll or drain; nothing checks this. The
 * counters may be read from any thread.
 */
public final class FrameRing extends FrameRingFields {
    /** Bytes of the length written before each frame. */
    public static final int HEADER_BYTES = 4;
    private static final int ALIGNMENT = 4;
    /** The length written where the space up to the end of the array is skipped. */
    private static final int PADDING = -1;
    private static final int MIN_CAPACITY = 16;
    private static final int MAX_CAPACITY = 1 << 30;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle TAIL;
    private static final VarHandle HEAD;
    private static final VarHandle OFFERED;
    private static final VarHandle REFUSED;
    private static final VarHandle OVERSIZED;
    private static final VarHandle DELIVERED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(FrameRingProducer.class, "tail", long.class);
            OFFERED = lookup.findVarHandle(FrameRingProducer.class, "offered", long.class);
            REFUSED = lookup.findVarHandle(FrameRingProducer.class, "refused", long.class);
            OVERSIZED = lookup.findVarHandle(FrameRingProducer.class, "oversized", long.class);
            HEAD = lookup.findVarHandle(FrameRingConsumer.class, "head", long.class);
            DELIVERED = lookup.findVarHandle(FrameRingConsumer.class, "delivered", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final byte[] buffer;
    private final int capacity;
    private final int mask;
    private final int maxFrameLength;

    /** A ring of {@code capacity} bytes taking frames of up to {@code capacity / 2 - 4} bytes. */
    public FrameRing(int capacity) {
        this(capacity, capacity / 2 - HEADER_BYTES);
    }

    /**
     * @param capacity       bytes of the array, a power of two from 16 to 2^30
     * @param maxFrameLength largest frame accepted, from 0 to {@code capacity / 2 - 4}: a larger one
     *                       could need more than the whole array once padding is counted
     */
    public FrameRing(int capacity, int maxFrameLength) {
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two from " + MIN_CAPACITY + " to "
                    + MAX_CAPACITY + ": " + capacity);
        }
        if (maxFrameLength < 0 || maxFrameLength > capacity / 2 - HEADER_BYTES) {
            throw new IllegalArgumentException("max frame length must be from 0 to " + (capacity / 2 - HEADER_BYTES)
                    + " for a capacity of " + capacity + ": " + maxFrameLength);
        }
        this.buffer = new byte[capacity];
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.maxFrameLength = maxFrameLength;
    }

    /** Producer: copies {@code src[offset, offset + length)} in as one frame; false when it does not fit. */
    public boolean offer(byte[] src, int offset, int length) {
        return offer(src, offset, length, src, offset, 0);
    }

    /**
     * Producer: copies {@code first[firstOffset, +firstLength)} followed by
     * {@code second[secondOffset, +secondLength)} in as one frame (a header and a body without a
     * staging copy); false when the frame is longer than {@link #maxFrameLength()} or the ring
     * has no room for it now.
     */
    public boolean offer(byte[] first, int firstOffset, int firstLength, byte[] second, int secondOffset, int secondLength) {
        if (firstLength < 0 || secondLength < 0) {
            throw new IllegalArgumentException("negative frame length: " + firstLength + ", " + secondLength);
        }
        int length = firstLength + secondLength;
        if (length > maxFrameLength || length < 0) {
            OVERSIZED.setOpaque(this, oversized + 1);
            return false;
        }
        int record = align(HEADER_BYTES + length);
        long position = tail;
        int index = (int) position & mask;
        int toEnd = capacity - index;
        int required = record <= toEnd ? record : toEnd + record;
        if (required > capacity - (position - headCache)) {
            headCache = (long) HEAD.getAcquire(this);
            if (required > capacity - (position - headCache)) {
                REFUSED.setOpaque(this, refused + 1);
                return false;
            }
        }
        if (record > toEnd) {
            INT.set(buffer, index, PADDING);
            position += toEnd;
            index = 0;
        }
        INT.set(buffer, index, length);
        System.arraycopy(first, firstOffset, buffer, index + HEADER_BYTES, firstLength);
        System.arraycopy(second, secondOffset, buffer, index + HEADER_BYTES + firstLength, secondLength);
        TAIL.setRelease(this, position + record);
        OFFERED.setOpaque(this, offered + 1);
        return true;
    }

    /** Consumer: hands the oldest frame to {@code handler}; returns 1, or 0 when the ring is empty. */
    public int poll(FrameHandler handler) {
        return drain(handler, 1);
    }

    /**
     * Consumer: hands up to {@code limit} frames, oldest first, to {@code handler} and returns how
     * many. Their space is released when the last call returns (or throws: a frame whose handler
     * threw counts as consumed and is not handed again).
     */
    public int drain(FrameHandler handler, int limit) {
        long position = head;
        long available = tailCache;
        int frames = 0;
        try {
            while (frames < limit) {
                if (position == available) {
                    available = (long) TAIL.getAcquire(this);
                    tailCache = available;
                    if (position == available) {
                        break;
                    }
                }
                int index = (int) position & mask;
                int length = (int) INT.get(buffer, index);
                if (length == PADDING) {
                    position += capacity - index;
                    continue;
                }
                position += align(HEADER_BYTES + length);
                frames++;
                handler.onFrame(buffer, index + HEADER_BYTES, length);
            }
        } finally {
            if (position != head) {
                HEAD.setRelease(this, position);
            }
            if (frames > 0) {
                DELIVERED.setOpaque(this, delivered + frames);
            }
        }
        return frames;
    }

    /** Bytes of the array. */
    public int capacity() {
        return capacity;
    }

    /** Largest frame {@link #offer} accepts. */
    public int maxFrameLength() {
        return maxFrameLength;
    }

    /** Bytes written and not yet released (frames, headers and padding): exact only on a quiet ring. */
    public long usedBytes() {
        long consumed = (long) HEAD.getAcquire(this);
        return (long) TAIL.getAcquire(this) - consumed;
    }

    /** Frames accepted by {@link #offer}. */
    public long offered() {
        return (long) OFFERED.getOpaque(this);
    }

    /** Frames refused because the ring was full at the time. */
    public long refused() {
        return (long) REFUSED.getOpaque(this);
    }

    /** Frames refused because they are longer than {@link #maxFrameLength()}. */
    public long oversized() {
        return (long) OVERSIZED.getOpaque(this);
    }

    /** Frames handed to a handler. */
    public long delivered() {
        return (long) DELIVERED.getOpaque(this);
    }

    private static int align(int bytes) {
        return (bytes + ALIGNMENT - 1) & -ALIGNMENT;
    }
}

/** Keeps the producer's fields off the cache line of whatever the JVM places before the ring. */
abstract class FrameRingLeftPad {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
}

/** Written by the producer only: its position, its view of the consumer's, its counters. */
abstract class FrameRingProducer extends FrameRingLeftPad {
    /** Position after the last published frame; release-stored. */
    long tail;
    /** The consumer's position as last read. */
    long headCache;
    long offered;
    long refused;
    long oversized;
}

abstract class FrameRingMiddlePad extends FrameRingProducer {
    long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p30, p31, p32, p33, p34, p35;
}

/** Written by the consumer only: its position, its view of the producer's, its counter. */
abstract class FrameRingConsumer extends FrameRingMiddlePad {
    /** Position after the last released frame; release-stored. */
    long head;
    /** The producer's position as last read. */
    long tailCache;
    long delivered;
}

/** Keeps the consumer's fields off the cache line of the ring's final fields and of what follows. */
abstract class FrameRingFields extends FrameRingConsumer {
    long p40, p41, p42, p43, p44, p45, p46, p47, p48, p49, p50, p51, p52, p53, p54, p55;
}
