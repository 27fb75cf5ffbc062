package io.ttquant.binance.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Light fuzzing for tests: damages a valid message the way a broken connection or a buggy peer
 * would (cut short, bytes replaced, removed, inserted or repeated). Replacement bytes are ASCII
 * chosen to hit JSON's grammar (brackets, quotes, escapes, digits, literal letters, control bytes).
 */
public final class Mutations {
    private static final byte[] ALPHABET =
            "{}[]:,\"\\ 0123456789.-+eEtrufalsn/xu\t\n\r\u0001\u001f".getBytes(StandardCharsets.US_ASCII);

    private Mutations() {
    }

    public static byte[] mutate(byte[] seed, Random random) {
        int n = seed.length;
        switch (random.nextInt(6)) {
            case 0:
                return Arrays.copyOf(seed, random.nextInt(n));
            case 1: {
                byte[] b = seed.clone();
                int flips = 1 + random.nextInt(3);
                for (int i = 0; i < flips; i++) {
                    b[random.nextInt(n)] = ALPHABET[random.nextInt(ALPHABET.length)];
                }
                return b;
            }
            case 2: {
                int at = random.nextInt(n);
                int count = Math.min(n - at, 1 + random.nextInt(4));
                byte[] b = new byte[n - count];
                System.arraycopy(seed, 0, b, 0, at);
                System.arraycopy(seed, at + count, b, at, n - at - count);
                return b;
            }
            case 3: {
                int at = random.nextInt(n + 1);
                byte[] b = new byte[n + 1];
                System.arraycopy(seed, 0, b, 0, at);
                b[at] = ALPHABET[random.nextInt(ALPHABET.length)];
                System.arraycopy(seed, at, b, at + 1, n - at);
                return b;
            }
            case 4: {
                int from = random.nextInt(n);
                int count = Math.min(n - from, 1 + random.nextInt(12));
                int at = random.nextInt(n + 1);
                byte[] b = new byte[n + count];
                System.arraycopy(seed, 0, b, 0, at);
                System.arraycopy(seed, from, b, at, count);
                System.arraycopy(seed, at, b, at + count, n - at);
                return b;
            }
            default: {
                byte[] b = seed.clone();
                b[random.nextInt(n)] = (byte) random.nextInt(256);
                return b;
            }
        }
    }

    /** A test resource as bytes. */
    public static byte[] resource(String path) {
        try (InputStream in = Mutations.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
