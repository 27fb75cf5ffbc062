package io.ttquant.app.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The gateway's admin token, held only as its SHA-256 digest: a presented token is hashed and the
 * two digests are compared in constant time, so neither the comparison's duration nor its length
 * tells an attacker anything. It never keeps the token's text, never prints it ({@link #toString()}
 * says "redacted") and never puts it in an exception message.
 */
public final class AdminToken {
    /** Shortest token accepted: an admin token that can be guessed is no token. */
    public static final int MIN_LENGTH = 16;

    private final byte[] digest;
    private final String source;

    private AdminToken(byte[] digest, String source) {
        this.digest = digest;
        this.source = source;
    }

    /**
     * A token from its text; {@code source} says where it came from (for logs, e.g.
     * "TTQUANT_ADMIN_TOKEN"). Surrounding white space and line ends are ignored.
     *
     * @throws IllegalArgumentException when the token is shorter than {@value #MIN_LENGTH} characters
     *     or contains white space (the message names the source, never the token)
     */
    public static AdminToken of(String text, String source) {
        String t = text == null ? "" : text.strip();
        if (t.length() < MIN_LENGTH) {
            throw new IllegalArgumentException(source + ": the admin token must be at least " + MIN_LENGTH + " characters");
        }
        for (int i = 0; i < t.length(); i++) {
            if (Character.isWhitespace(t.charAt(i)) || Character.isISOControl(t.charAt(i))) {
                throw new IllegalArgumentException(source + ": the admin token must not contain white space or control characters");
            }
        }
        return new AdminToken(sha256(t), source);
    }

    /** Reads a token from the first line of a file. */
    public static AdminToken fromFile(Path file, String source) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": cannot read the admin token file " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        int eol = text.indexOf('\n');
        return of(eol < 0 ? text : text.substring(0, eol), source + " " + file);
    }

    /** True when {@code presented} is this token; constant time in the token's content and length. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(presented.strip()));
    }

    /** Where the token came from (an environment variable's name or a file), never the token. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "AdminToken[redacted, from " + source + "]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
