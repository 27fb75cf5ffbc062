package io.ttquant.app.gateway;

import io.ttquant.transport.bus.FrameRing;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An {@link ExecutionSink} for strategies in the gateway's JVM: each event goes, as one frame
 * [strategy number, 4 bytes little-endian][ExecutionEvent bytes as the gateway encoded them],
 * into the ring of the consumer (strategy thread) that serves the strategy; no topic, no
 * socket. Events for a strategy without a ring of its own, including those the gateway
 * numbers -1 (a name it does not serve; the event still carries the name), go to the default
 * ring. A full ring, a missing ring or a frame too long drops the event and counts it; the
 * first drop is logged, the rest only counted: it never blocks and never throws on the
 * gateway's thread. Routes are set before the gateway starts; afterwards only the gateway's
 * thread calls it. Allocates nothing per event.
 */
public final class RingExecutionSink implements ExecutionSink {
    /** Bytes of the strategy number before the event in each frame. */
    public static final int HEADER_BYTES = 4;
    private static final System.Logger LOG = System.getLogger(RingExecutionSink.class.getName());
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final FrameRing defaultRing;
    private FrameRing[] routes = new FrameRing[0];
    private final byte[] header = new byte[HEADER_BYTES];
    private long published;
    private long dropped;
    private boolean dropLogged;

    /** A sink sending every strategy's events to {@code defaultRing} (null: only to routed strategies). */
    public RingExecutionSink(FrameRing defaultRing) {
        this.defaultRing = defaultRing;
    }

    /** Sends the events of strategy number {@code strategy} to {@code ring} instead of the default ring. */
    public RingExecutionSink route(int strategy, FrameRing ring) {
        if (strategy < 0 || ring == null) {
            throw new IllegalArgumentException("a strategy number (0 or more) and a ring are required: " + strategy);
        }
        if (strategy >= routes.length) {
            routes = Arrays.copyOf(routes, strategy + 1);
        }
        routes[strategy] = ring;
        return this;
    }

    @Override
    public void onExecution(int strategy, byte[] name, int nameOffset, int nameLength, byte[] frame, int offset, int length) {
        FrameRing ring = strategy >= 0 && strategy < routes.length && routes[strategy] != null ? routes[strategy] : defaultRing;
        INT_LE.set(header, 0, strategy);
        if (ring != null && ring.offer(header, 0, HEADER_BYTES, frame, offset, length)) {
            published++;
            return;
        }
        dropped++;
        if (!dropLogged) {
            dropLogged = true;
            LOG.log(System.Logger.Level.WARNING, "in-process execution reports: dropped an event for strategy number "
                    + strategy + (ring == null ? " (no ring serves it)" : " (its ring is full or the event too long)")
                    + "; further drops are only counted");
        }
    }

    /** The strategy number at the start of a frame this sink wrote ({@code [offset, offset + 4)}). */
    public static int strategy(byte[] frame, int offset) {
        return (int) INT_LE.get(frame, offset);
    }

    /** Events written into a ring. */
    public long published() {
        return published;
    }

    /** Events not written: ring full, no ring, or frame too long for the ring. */
    public long dropped() {
        return dropped;
    }
}
