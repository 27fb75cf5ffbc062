package io.ttquant.binance.stream;

import io.ttquant.core.instrument.Instrument;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Remembers the symbols the fast path resolved lately, by their exact bytes (up to 16) and the
 * instrument they were checked against, so a feed's few symbols resolve with two word compares
 * instead of a case-folding hash and a character-by-character check every message.
 *
 * <p>It answers exactly what {@link #compute} answers: it only stores answers that {@link SymbolTable}
 * (immutable) gave for the same bytes and instrument, and never stores "unknown". Direct-mapped,
 * 16 entries, overwritten on collision. Single-threaded; it must never allocate after construction.
 */
final class SymbolCache {
    private static final int SIZE = 16;
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final SymbolTable symbols;
    private final long[] firstWords = new long[SIZE];
    private final long[] secondWords = new long[SIZE];
    /** 0 marks an empty entry. */
    private final int[] lengths = new int[SIZE];
    private final Instrument[] contexts = new Instrument[SIZE];
    private final Instrument[] results = new Instrument[SIZE];

    SymbolCache(SymbolTable symbols) {
        this.symbols = symbols;
    }

    /**
     * The instrument for the symbol {@code b[start, start + length)}: with a null {@code context} the
     * table's entry, otherwise {@code context} itself when the bytes are its symbol; null when the
     * symbol is unknown or not the context's. Reads no byte at or after {@code limit}.
     */
    Instrument resolve(byte[] b, int start, int length, int limit, Instrument context) {
        if (length < 1 || length > 16 || start + 16 > limit) {
            return compute(b, start, length, context);
        }
        long first = (long) LONG_LE.get(b, start);
        long second = (long) LONG_LE.get(b, start + 8);
        if (length < 8) {
            first &= (1L << (length << 3)) - 1;
            second = 0;
        } else if (length < 16) {
            second &= (1L << ((length - 8) << 3)) - 1;
        }
        int slot = (int) (((first + second * 31 + length) * 0x9E3779B97F4A7C15L) >>> 60);
        if (lengths[slot] == length && firstWords[slot] == first && secondWords[slot] == second
                && contexts[slot] == context) {
            return results[slot];
        }
        Instrument result = compute(b, start, length, context);
        if (result != null) {
            firstWords[slot] = first;
            secondWords[slot] = second;
            lengths[slot] = length;
            contexts[slot] = context;
            results[slot] = result;
        }
        return result;
    }

    private Instrument compute(byte[] b, int start, int length, Instrument context) {
        if (context != null) {
            // The table maps each symbol to one instrument ignoring case, so this equals a lookup
            // that must then agree with the context.
            return SymbolTable.isSymbolOf(context, b, start, length) ? context : null;
        }
        return symbols.lookup(b, start, length);
    }
}
