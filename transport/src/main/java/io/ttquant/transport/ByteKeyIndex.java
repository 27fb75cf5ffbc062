package io.ttquant.transport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Gives each distinct byte string (a topic, a symbol) a dense id 0, 1, 2... and finds the id of
 * a byte slice without building a {@code String}: an open-addressing hash table over copied
 * keys. Callers keep their per-key state in arrays indexed by the id.
 *
 * <p>Looking up a key never allocates. Adding one copies the key once and may grow the table.
 * The index never removes keys. It is not thread-safe: it belongs to one thread.
 */
public final class ByteKeyIndex {
    private static final int NONE = -1;

    private byte[][] keys = new byte[8][];
    private int[] hashes = new int[8];
    /** Open-addressing slots holding id + 1 (0 = empty). */
    private int[] slots = new int[16];
    private int size;

    /** Number of keys added so far; ids run from 0 to size() - 1. */
    public int size() {
        return size;
    }

    /** The id of {@code key[offset, offset + length)}, or -1 when it was never added. */
    public int find(byte[] key, int offset, int length) {
        int hash = hash(key, offset, length);
        int mask = slots.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            int entry = slots[i];
            if (entry == 0) {
                return NONE;
            }
            int id = entry - 1;
            if (hashes[id] == hash && Arrays.equals(keys[id], 0, keys[id].length, key, offset, offset + length)) {
                return id;
            }
        }
    }

    /** The id of {@code key[offset, offset + length)}, adding (and copying) it when new. */
    public int findOrAdd(byte[] key, int offset, int length) {
        int found = find(key, offset, length);
        if (found != NONE) {
            return found;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        int id = size++;
        keys[id] = Arrays.copyOfRange(key, offset, offset + length);
        hashes[id] = hash(key, offset, length);
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        } else {
            insert(id);
        }
        return id;
    }

    /** The id of an ASCII key, adding it when new. */
    public int findOrAdd(String asciiKey) {
        byte[] bytes = asciiKey.getBytes(StandardCharsets.US_ASCII);
        return findOrAdd(bytes, 0, bytes.length);
    }

    /** The id of an ASCII key, or -1 when it was never added. */
    public int find(String asciiKey) {
        byte[] bytes = asciiKey.getBytes(StandardCharsets.US_ASCII);
        return find(bytes, 0, bytes.length);
    }

    /** The key with this id, as an ASCII string (allocates: for reports, not the hot path). */
    public String key(int id) {
        if (id < 0 || id >= size) {
            throw new IndexOutOfBoundsException("no key with id " + id + " (size " + size + ")");
        }
        return new String(keys[id], StandardCharsets.US_ASCII);
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        for (int id = 0; id < size; id++) {
            insert(id);
        }
    }

    private void insert(int id) {
        int mask = slots.length - 1;
        int i = hashes[id] & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = id + 1;
    }

    /** FNV-1a, then a final mix so that similar topics spread over the table. */
    private static int hash(byte[] key, int offset, int length) {
        int h = 0x811C9DC5;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = (h ^ key[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
