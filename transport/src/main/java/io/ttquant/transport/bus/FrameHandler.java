package io.ttquant.transport.bus;

/**
 * Receives the frames a {@link FrameRing} delivers, one call per frame, on the consumer's thread.
 * The bytes at {@code [offset, offset + length)} of {@code buffer} are the ring's own memory: they
 * are valid only during the call, must not be written, and a handler keeps what it needs by copying
 * it. A handler must not poll the same ring from inside the call.
 */
@FunctionalInterface
public interface FrameHandler {
    void onFrame(byte[] buffer, int offset, int length);
}
