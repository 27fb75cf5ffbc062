package io.ttquant.binance.stream;

import io.ttquant.core.instrument.Instrument;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Finds the {@link Instrument} for a symbol given as bytes, ignoring ASCII case, so both the
 * lower-case stream name ({@code btcusdt@trade}) and the upper-case event field
 * ({@code "s":"BTCUSDT"}) resolve in place. An open-addressing hash table built once from a list
 * of instruments; immutable afterwards and safe to share between threads.
 *
 * <p>Lookups must never allocate and never throw for unknown or odd bytes; they return null.
 */
public final class SymbolTable {
    private final byte[][] keys;
    private final Instrument[] values;
    private final int mask;
    private final int size;

    public SymbolTable(Collection<Instrument> instruments) {
        int capacity = 4;
        while (capacity < instruments.size() * 2) {
            capacity <<= 1;
        }
        keys = new byte[capacity][];
        values = new Instrument[capacity];
        mask = capacity - 1;
        for (Instrument instrument : instruments) {
            String symbol = instrument.symbol();
            byte[] key = new byte[symbol.length()];
            for (int i = 0; i < key.length; i++) {
                char c = symbol.charAt(i);
                if (c > 0x7F) {
                    throw new IllegalArgumentException("symbol is not ASCII: " + symbol);
                }
                key[i] = upper((byte) c);
            }
            int slot = hash(key, 0, key.length) & mask;
            while (keys[slot] != null) {
                if (Arrays.equals(keys[slot], key)) {
                    throw new IllegalArgumentException("symbol listed twice: " + symbol);
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            values[slot] = instrument;
        }
        size = instruments.size();
    }

    public static SymbolTable of(Instrument... instruments) {
        return new SymbolTable(List.of(instruments));
    }

    /** The instrument whose symbol equals {@code bytes[off, off + len)} ignoring ASCII case, or null. */
    public Instrument lookup(byte[] bytes, int off, int len) {
        if (len <= 0) {
            return null;
        }
        int slot = hash(bytes, off, len) & mask;
        byte[] key;
        while ((key = keys[slot]) != null) {
            if (equalsIgnoreCase(key, bytes, off, len)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    /** The instrument for {@code symbol} ignoring ASCII case, or null. */
    public Instrument lookup(CharSequence symbol) {
        int len = symbol.length();
        if (len == 0) {
            return null;
        }
        int h = 0;
        for (int i = 0; i < len; i++) {
            char c = symbol.charAt(i);
            if (c > 0x7F) {
                return null;
            }
            h = 31 * h + upper((byte) c);
        }
        int slot = mix(h) & mask;
        byte[] key;
        while ((key = keys[slot]) != null) {
            if (key.length == len && matches(key, symbol)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    public int size() {
        return size;
    }

    /** True when {@code bytes[off, off + len)} is {@code instrument}'s symbol ignoring ASCII case. */
    public static boolean isSymbolOf(Instrument instrument, byte[] bytes, int off, int len) {
        String symbol = instrument.symbol();
        if (symbol.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            char c = symbol.charAt(i);
            if (c > 0x7F || upper((byte) c) != upper(bytes[off + i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(byte[] key, CharSequence symbol) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] != upper((byte) symbol.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalsIgnoreCase(byte[] upperKey, byte[] bytes, int off, int len) {
        if (upperKey.length != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (upperKey[i] != upper(bytes[off + i])) {
                return false;
            }
        }
        return true;
    }

    private static int hash(byte[] bytes, int off, int len) {
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + upper(bytes[off + i]);
        }
        return mix(h);
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    private static byte upper(byte b) {
        return b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
    }
}
