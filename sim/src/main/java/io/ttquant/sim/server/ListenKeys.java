package io.ttquant.sim.server;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The user-data-stream listen keys, as Binance manages them: a key is valid for a fixed time
 * (60 minutes by default) after creation, a keepalive extends it, a POST for an account that
 * already has an active key returns that key and extends it, a DELETE invalidates it. Expiry is
 * judged on the exchange clock, so a test can drive it.
 *
 * <p>Confined to the engine thread. Keys are random 64-character strings; this class never
 * decides what happens to connections, it only reports the keys that expired.
 */
final class ListenKeys {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final long validityMillis;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> byKey = new HashMap<>();
    private final Map<String, String> byApiKey = new HashMap<>();

    ListenKeys(long validityMillis) {
        this.validityMillis = validityMillis;
    }

    /** The active key of {@code apiKey} (extended), or a new one. */
    String create(String apiKey, long now) {
        String existing = byApiKey.get(apiKey);
        if (existing != null) {
            Entry e = byKey.get(existing);
            if (e != null && now < e.expiresAt) {
                e.expiresAt = now + validityMillis;
                return existing;
            }
        }
        String key = newKey();
        byKey.put(key, new Entry(apiKey, now + validityMillis));
        byApiKey.put(apiKey, key);
        return key;
    }

    /** Extends an active key owned by {@code apiKey}; false when there is no such active key. */
    boolean keepAlive(String apiKey, String key, long now) {
        Entry e = byKey.get(key);
        if (e == null || !e.apiKey.equals(apiKey) || now >= e.expiresAt) {
            return false;
        }
        e.expiresAt = now + validityMillis;
        return true;
    }

    /** Invalidates an active key owned by {@code apiKey}; false when there is no such active key. */
    boolean close(String apiKey, String key, long now) {
        Entry e = byKey.get(key);
        if (e == null || !e.apiKey.equals(apiKey) || now >= e.expiresAt) {
            return false;
        }
        remove(key, e);
        return true;
    }

    /** The active listen key of {@code apiKey}, or null (an expired one is reported until {@link #expire} removes it). */
    String keyOf(String apiKey) {
        return byApiKey.get(apiKey);
    }

    /** The api key owning an active {@code key}, or null. */
    String owner(String key, long now) {
        Entry e = byKey.get(key);
        return e == null || now >= e.expiresAt ? null : e.apiKey;
    }

    /** Removes and returns every key that expired at or before {@code now}. */
    List<String> expire(long now) {
        List<String> expired = null;
        for (Iterator<Map.Entry<String, Entry>> it = byKey.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Entry> me = it.next();
            if (now >= me.getValue().expiresAt) {
                if (expired == null) {
                    expired = new ArrayList<>(2);
                }
                expired.add(me.getKey());
                it.remove();
                byApiKey.remove(me.getValue().apiKey, me.getKey());
            }
        }
        return expired == null ? List.of() : expired;
    }

    private void remove(String key, Entry e) {
        byKey.remove(key);
        byApiKey.remove(e.apiKey, key);
    }

    private String newKey() {
        char[] c = new char[64];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }

    private static final class Entry {
        final String apiKey;
        long expiresAt;

        Entry(String apiKey, long expiresAt) {
            this.apiKey = apiKey;
            this.expiresAt = expiresAt;
        }
    }
}
