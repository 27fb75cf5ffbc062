package io.ttquant.app.strategy;

/**
 * Where the strategy engine's encoded {@code OrderCommand} frames go: the gateway's PULL socket
 * ({@link ZmqOrderSender}) or, inside one JVM, the ring the gateway's in-process intake drains
 * ({@link RingOrderSender}). Called on the engine's thread only, with a buffer the engine reuses as
 * soon as the call returns: an implementation copies the frame or hands it over before returning.
 * It must never block and never throw for back-pressure: false means "not sent", and the engine
 * rejects the order locally (VENUE_UNAVAILABLE).
 */
@FunctionalInterface
public interface OrderSender {
    /** Sends {@code frame[offset, offset + length)}; false when it could not be handed over now. */
    boolean send(byte[] frame, int offset, int length);
}
