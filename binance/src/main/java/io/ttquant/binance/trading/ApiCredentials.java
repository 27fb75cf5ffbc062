package io.ttquant.binance.trading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Binance API key and its secret, read once at start from the environment
 * ({@code BINANCE_API_KEY}, {@code BINANCE_API_SECRET}), from a file ({@code key=...} and
 * {@code secret=...} lines, or two lines: key, then secret) or given directly. A missing or
 * malformed value is refused with an {@link IllegalArgumentException} carrying a one-line reason.
 *
 * <p>Immutable. The secret is kept as bytes and only ever leaves this class as an HMAC key for
 * {@link RequestSigner} (package-private); it never appears in {@link #toString()}, a log line
 * or an exception message, not even in part.
 */
public final class ApiCredentials {
    /** The environment variable holding the API key. */
    public static final String ENV_KEY = "BINANCE_API_KEY";
    /** The environment variable holding the API secret. */
    public static final String ENV_SECRET = "BINANCE_API_SECRET";

    private static final int MAX_LENGTH = 512;

    private final String apiKey;
    private final byte[] secret;

    private ApiCredentials(String apiKey, byte[] secret) {
        this.apiKey = apiKey;
        this.secret = secret;
    }

    /** Credentials given directly (tests, or values the application already holds). */
    public static ApiCredentials of(String apiKey, String secret) {
        return new ApiCredentials(check("API key", apiKey), check("API secret", secret).getBytes(StandardCharsets.US_ASCII));
    }

    /** From {@code BINANCE_API_KEY} and {@code BINANCE_API_SECRET} in the process environment. */
    public static ApiCredentials fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** From {@code BINANCE_API_KEY} and {@code BINANCE_API_SECRET} in {@code env}. */
    public static ApiCredentials fromEnvironment(Map<String, String> env) {
        String key = env.get(ENV_KEY);
        String secret = env.get(ENV_SECRET);
        if (blank(key) && blank(secret)) {
            throw new IllegalArgumentException("no Binance API credentials: set " + ENV_KEY + " and " + ENV_SECRET
                    + " or give a credentials file");
        }
        if (blank(key)) {
            throw new IllegalArgumentException(ENV_KEY + " is not set (" + ENV_SECRET + " is)");
        }
        if (blank(secret)) {
            throw new IllegalArgumentException(ENV_SECRET + " is not set (" + ENV_KEY + " is)");
        }
        return new ApiCredentials(check(ENV_KEY, key.trim()), check(ENV_SECRET, secret.trim()).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * From a file: {@code key=...} and {@code secret=...} lines (blank lines and lines starting with
     * {@code #} are ignored), or exactly two lines, the key and then the secret.
     */
    public static ApiCredentials fromFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the Binance credentials file " + file + ": " + e.getClass().getSimpleName());
        }
        List<String> content = new ArrayList<>();
        String key = null;
        String secret = null;
        for (String raw : lines) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            content.add(line);
            if (line.startsWith("key=")) {
                key = line.substring(4).trim();
            } else if (line.startsWith("secret=")) {
                secret = line.substring(7).trim();
            }
        }
        if (key == null && secret == null && content.size() == 2) {
            key = content.get(0);
            secret = content.get(1);
        }
        if (key == null || secret == null) {
            throw new IllegalArgumentException("the Binance credentials file " + file
                    + " needs key=... and secret=... lines, or two lines: the key, then the secret");
        }
        return new ApiCredentials(check("API key in " + file, key),
                check("API secret in " + file, secret).getBytes(StandardCharsets.US_ASCII));
    }

    /** The API key, sent in {@code X-MBX-APIKEY}. Not a secret by itself, but never log it whole. */
    public String apiKey() {
        return apiKey;
    }

    /** The HMAC-SHA256 key; only for {@link RequestSigner}. */
    SecretKeySpec hmacKey() {
        return new SecretKeySpec(secret, "HmacSHA256");
    }

    /** True when {@code text} contains the whole secret (lets tests prove it never leaks). */
    boolean secretAppearsIn(CharSequence text) {
        if (text == null || text.length() < secret.length) {
            return false;
        }
        outer:
        for (int i = 0; i + secret.length <= text.length(); i++) {
            for (int j = 0; j < secret.length; j++) {
                if (text.charAt(i + j) != (char) secret[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The key's first four characters and its length; never the secret. */
    @Override
    public String toString() {
        return "ApiCredentials{apiKey=" + apiKey.substring(0, Math.min(4, apiKey.length())) + "... (" + apiKey.length()
                + " chars), secret=<hidden>}";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The value if it is 1-512 printable ASCII characters without spaces; the message names the value, never shows it. */
    private static String check(String what, String v) {
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        if (v.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new IllegalArgumentException(what + " must be printable ASCII without spaces (character " + (i + 1) + " is not)");
            }
        }
        return v;
    }
}
