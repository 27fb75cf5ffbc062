package io.ttquant.transport.codec;

import io.ttquant.core.instrument.Instrument;

/**
 * Finds the instrument of a symbol held as ASCII bytes in a receive buffer. It must not allocate
 * for symbols it has seen before, and it must never throw for unknown or garbage bytes.
 */
@FunctionalInterface
public interface InstrumentResolver {
    /** The instrument whose symbol is {@code bytes[offset, offset + length)}, or {@code null} when unknown. */
    Instrument resolve(byte[] bytes, int offset, int length);
}
