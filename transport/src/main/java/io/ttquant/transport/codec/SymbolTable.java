package io.ttquant.transport.codec;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.transport.ByteKeyIndex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Symbol bytes to {@link Instrument}: the decoder's resolver. Holds the instruments it was given.
 * It can also ask a fallback, such as {@code Instruments::binanceSpot}, the first time it meets
 * a symbol, and it keeps the answer. It remembers up to 1024
 * unknown symbols, so repeated unknown messages do not ask the fallback again.
 *
 * <p>A known symbol resolves without allocating. This class is not thread-safe: it belongs to the
 * thread of its decoder. It never throws for unknown or garbage bytes.
 */
public final class SymbolTable implements InstrumentResolver {
    static final int MAX_REMEMBERED_MISSES = 1024;

    private final ByteKeyIndex index = new ByteKeyIndex();
    private final ByteKeyIndex misses = new ByteKeyIndex();
    private final Function<String, Instrument> fallback;
    private Instrument[] instruments = new Instrument[8];

    /** A table of exactly the instruments added. */
    public SymbolTable() {
        this(null);
    }

    /** A table that asks {@code fallback} (returning null when it does not know) about symbols it lacks. */
    public SymbolTable(Function<String, Instrument> fallback) {
        this.fallback = fallback;
    }

    public static SymbolTable of(Instrument... instruments) {
        SymbolTable t = new SymbolTable();
        for (Instrument i : instruments) {
            t.add(i);
        }
        return t;
    }

    /** Adds or replaces the instrument of its symbol. */
    public SymbolTable add(Instrument instrument) {
        int id = index.findOrAdd(instrument.symbol());
        if (id >= instruments.length) {
            instruments = Arrays.copyOf(instruments, Math.max(id + 1, instruments.length * 2));
        }
        instruments[id] = instrument;
        return this;
    }

    /** The instrument of {@code symbol}, asking the fallback when needed; null when unknown. */
    public Instrument find(String symbol) {
        byte[] bytes = symbol.getBytes(StandardCharsets.US_ASCII);
        return resolve(bytes, 0, bytes.length);
    }

    public int size() {
        return index.size();
    }

    @Override
    public Instrument resolve(byte[] bytes, int offset, int length) {
        int id = index.find(bytes, offset, length);
        if (id >= 0) {
            return instruments[id];
        }
        if (fallback == null || length == 0 || misses.find(bytes, offset, length) >= 0) {
            return null;
        }
        return askFallback(bytes, offset, length);
    }

    private Instrument askFallback(byte[] bytes, int offset, int length) {
        String symbol = new String(bytes, offset, length, StandardCharsets.US_ASCII);
        Instrument found = null;
        if (symbol.matches("[A-Z0-9]{1,32}")) {
            found = fallback.apply(symbol);
        }
        if (found != null && found.symbol().equals(symbol)) {
            add(found);
            return found;
        }
        if (misses.size() < MAX_REMEMBERED_MISSES) {
            misses.findOrAdd(bytes, offset, length);
        }
        return null;
    }
}
