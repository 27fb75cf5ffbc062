package io.ttquant.transport.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The frame ring hands over every accepted frame intact and in order, wherever in the array it
 * lands; refuses without side effects when full or when a frame is too long; stays correct with a
 * producer and a consumer on two threads; and allocates nothing per frame.
 */
class FrameRingTest {
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(60);

    @Test
    void shouldDeliverEveryFrameIntactAndInOrderWhateverOffsetItStartsAtAndWherePaddingFalls() {
        int capacity = 64;
        int max = capacity / 2 - FrameRing.HEADER_BYTES;
        for (int start = 0; start < capacity; start += 4) {
            for (int size = 0; size <= max; size++) {
                FrameRing ring = new FrameRing(capacity);
                advance(ring, start);
                Checker checker = new Checker(max);
                long sent = 0;
                for (int round = 0; round < 3; round++) {
                    byte[] frame = new byte[size];
                    int inRing = 0;
                    while (true) {
                        fill(frame, sent, size);
                        if (!ring.offer(frame, 0, size)) {
                            break;
                        }
                        sent++;
                        inRing++;
                    }
                    assertThat(inRing).as("frames of %d bytes fitting from offset %d", size, start).isPositive();
                    checker.fixedLength = size;
                    assertThat(ring.drain(checker, Integer.MAX_VALUE)).isEqualTo(inRing);
                    assertThat(ring.usedBytes()).isZero();
                }
                assertThat(checker.errors).as("start %d, size %d", start, size).isEmpty();
                assertThat(checker.next).isEqualTo(sent);
                assertThat(ring.delivered()).isEqualTo(ring.offered());
                assertThat(ring.refused()).isEqualTo(3);
            }
        }
    }

    @Test
    void shouldRefuseWhenFullAndAcceptAgainOnceTheConsumerReleasesSpace() {
        FrameRing ring = new FrameRing(64);
        byte[] frame = new byte[12];
        int[] calls = new int[1];
        FrameHandler counting = (buffer, offset, length) -> calls[0]++;

        assertThat(ring.poll(counting)).isZero();
        assertThat(calls[0]).isZero();
        for (int i = 0; i < 4; i++) {
            assertThat(ring.offer(frame, 0, frame.length)).isTrue();
        }
        assertThat(ring.usedBytes()).isEqualTo(64);
        assertThat(ring.offer(frame, 0, frame.length)).isFalse();
        assertThat(ring.offer(frame, 0, 0)).as("even an empty frame needs its header").isFalse();
        assertThat(ring.refused()).isEqualTo(2);
        assertThat(ring.offered()).isEqualTo(4);

        assertThat(ring.poll(counting)).isEqualTo(1);
        assertThat(ring.offer(frame, 0, frame.length)).isTrue();
        assertThat(ring.drain(counting, 2)).isEqualTo(2);
        assertThat(ring.drain(counting, 10)).isEqualTo(2);
        assertThat(ring.poll(counting)).isZero();
        assertThat(calls[0]).isEqualTo(5);
        assertThat(ring.delivered()).isEqualTo(5);
        assertThat(ring.usedBytes()).isZero();
    }

    @Test
    void shouldRefuseFramesLongerThanTheMaximumWithoutTouchingTheRing() {
        FrameRing ring = new FrameRing(256, 100);
        byte[] big = new byte[101];
        assertThat(ring.offer(big, 0, 101)).isFalse();
        assertThat(ring.offer(big, 0, 60, big, 0, 41)).isFalse();
        assertThat(ring.oversized()).isEqualTo(2);
        assertThat(ring.refused()).isZero();
        assertThat(ring.usedBytes()).isZero();
        assertThat(ring.poll((b, o, l) -> { })).isZero();
        assertThat(ring.offer(big, 0, 100)).isTrue();
    }

    @Test
    void shouldJoinTwoPartsIntoOneFrame() {
        FrameRing ring = new FrameRing(64);
        byte[] head = {1, 2, 3, 4};
        byte[] body = {9, 8, 7, 6, 5};
        assertThat(ring.offer(head, 1, 3, body, 2, 3)).isTrue();
        List<byte[]> seen = new ArrayList<>();
        ring.poll((buffer, offset, length) -> seen.add(Arrays.copyOfRange(buffer, offset, offset + length)));
        assertThat(seen).containsExactly(new byte[] {2, 3, 4, 7, 6, 5});
    }

    @Test
    void shouldConsumeAFrameWhoseHandlerThrewAndHandTheNextOneAfter() {
        FrameRing ring = new FrameRing(64);
        ring.offer(new byte[] {1}, 0, 1);
        ring.offer(new byte[] {2}, 0, 1);
        assertThatThrownBy(() -> ring.drain((b, o, l) -> {
            throw new IllegalStateException("bug");
        }, 10)).isInstanceOf(IllegalStateException.class);
        byte[] seen = new byte[1];
        assertThat(ring.poll((b, o, l) -> seen[0] = b[o])).isEqualTo(1);
        assertThat(seen[0]).isEqualTo((byte) 2);
    }

    @Test
    void shouldRefuseACapacityThatIsNotAPowerOfTwoOrAMaximumThatCouldNeverFit() {
        assertThatThrownBy(() -> new FrameRing(100)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
        assertThatThrownBy(() -> new FrameRing(8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrameRing(64, 29)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 to 28");
        assertThat(new FrameRing(64).maxFrameLength()).isEqualTo(28);
    }

    @Test
    void shouldHandOverAMillionRandomSizedFramesIntactAndInOrderBetweenTwoThreads() throws Exception {
        int frames = 1_000_000;
        int max = 300;
        FrameRing ring = new FrameRing(4096, max);
        AtomicReference<Throwable> producerFailure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                byte[] frame = new byte[max];
                long deadline = System.nanoTime() + DEADLINE_NANOS;
                for (long n = 0; n < frames; n++) {
                    int length = lengthOf(n, max);
                    fill(frame, n, length);
                    while (!ring.offer(frame, 0, length)) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("consumer stalled at frame " + n);
                        }
                        Thread.onSpinWait();
                    }
                }
            } catch (Throwable t) {
                producerFailure.set(t);
            }
        }, "frame-ring-producer");
        producer.setDaemon(true);
        Checker checker = new Checker(max);
        producer.start();
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (checker.next < frames && System.nanoTime() < deadline && producerFailure.get() == null) {
            if (ring.drain(checker, 64) == 0) {
                Thread.onSpinWait();
            }
        }
        producer.join(TimeUnit.SECONDS.toMillis(5));

        assertThat(producerFailure.get()).isNull();
        assertThat(checker.errors).isEmpty();
        assertThat(checker.next).isEqualTo(frames);
        assertThat(ring.offered()).isEqualTo(frames);
        assertThat(ring.delivered()).isEqualTo(frames);
        assertThat(ring.poll(checker)).isZero();
        assertThat(ring.usedBytes()).isZero();
    }

    @Test
    void shouldNotAllocateWhenOfferingAndDrainingInTheSteadyState() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs HotSpot's per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counting is off");
        int frames = 200_000;
        FrameRing ring = new FrameRing(1024, 120);
        byte[] frame = new byte[120];
        Summing sum = new Summing();
        cycle(ring, frame, sum, frames);
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        cycle(ring, frame, sum, frames);
        long allocated = threads.getThreadAllocatedBytes(tid) - before;

        assertThat(sum.total).isNotZero();
        assertThat(ring.delivered()).isEqualTo(2L * frames);
        assertThat(allocated).as("bytes allocated for %d frames offered and drained", frames).isLessThan(frames);
    }

    private static void cycle(FrameRing ring, byte[] frame, Summing sum, int frames) {
        for (int n = 0; n < frames; n++) {
            frame[0] = (byte) n;
            ring.offer(frame, 0, 1 + n % frame.length);
            if ((n & 3) == 3) {
                ring.drain(sum, 8);
            }
        }
        ring.drain(sum, Integer.MAX_VALUE);
    }

    /** Moves both positions forward by {@code bytes} (a multiple of 4) through whole frames. */
    private static void advance(FrameRing ring, int bytes) {
        int left = bytes;
        while (left > 0) {
            int record = Math.min(left, ring.maxFrameLength() + FrameRing.HEADER_BYTES);
            assertThat(ring.offer(new byte[record - FrameRing.HEADER_BYTES], 0, record - FrameRing.HEADER_BYTES)).isTrue();
            assertThat(ring.poll((b, o, l) -> { })).isEqualTo(1);
            left -= record;
        }
        assertThat(ring.usedBytes()).isZero();
    }

    /** Frame {@code n}'s length, spread over 0..max. */
    private static int lengthOf(long n, int max) {
        long z = (n + 1) * 0x9E3779B97F4A7C15L;
        z ^= z >>> 31;
        return (int) Long.remainderUnsigned(z, max + 1);
    }

    private static void fill(byte[] frame, long n, int length) {
        for (int i = 0; i < length; i++) {
            frame[i] = byteAt(n, i);
        }
    }

    private static byte byteAt(long n, int i) {
        return (byte) (n * 131 + i * 17 + (n >>> 7));
    }

    /** Checks that frames arrive numbered 0, 1, 2... with the length and bytes {@link #fill} gave them. */
    private static final class Checker implements FrameHandler {
        final List<String> errors = new ArrayList<>();
        final int max;
        /** Length every frame has, or -1 for {@link #lengthOf}. */
        int fixedLength = -1;
        long next;

        Checker(int max) {
            this.max = max;
        }

        @Override
        public void onFrame(byte[] buffer, int offset, int length) {
            long n = next++;
            int expected = fixedLength >= 0 ? fixedLength : lengthOf(n, max);
            if (length != expected) {
                error("frame " + n + " has " + length + " bytes instead of " + expected);
                return;
            }
            for (int i = 0; i < length; i++) {
                if (buffer[offset + i] != byteAt(n, i)) {
                    error("frame " + n + " differs at byte " + i);
                    return;
                }
            }
        }

        private void error(String message) {
            if (errors.size() < 10) {
                errors.add(message);
            }
        }
    }

    private static final class Summing implements FrameHandler {
        long total;

        @Override
        public void onFrame(byte[] buffer, int offset, int length) {
            total += buffer[offset] + length;
        }
    }
}
