package io.ttquant.binance.trading;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;

/**
 * Binance's SIGNED-endpoint rule: the {@code signature} parameter is the lower-case hex
 * HMAC-SHA256, keyed with the API secret, of {@code totalParams} (the query string followed by the
 * request body, exactly as sent), and it is appended last. The API key goes in the
 * {@code X-MBX-APIKEY} header ({@link #API_KEY_HEADER}).
 *
 * <p>Keeps one initialised {@link Mac} and one byte buffer, so signing allocates nothing but the
 * appended characters; thread-safe (calls are serialised). Never exposes the secret.
 */
public final class RequestSigner {
    /** The header carrying the API key. */
    public static final String API_KEY_HEADER = "X-MBX-APIKEY";

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String apiKey;
    private final Mac mac;
    private final byte[] digest = new byte[32];
    private byte[] bytes = new byte[512];

    public RequestSigner(ApiCredentials credentials) {
        this.apiKey = credentials.apiKey();
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            mac.init(credentials.hmacKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }

    /** The API key for {@link #API_KEY_HEADER}. */
    public String apiKey() {
        return apiKey;
    }

    /**
     * Appends {@code &signature=<64 lower-case hex digits>} to {@code totalParams}, the signature of
     * everything it held before (or {@code signature=...} alone when it was empty).
     */
    public void appendSignature(StringBuilder totalParams) {
        int end = totalParams.length();
        synchronized (this) {
            sign(totalParams, end);
            totalParams.append(end == 0 ? "signature=" : "&signature=");
            for (byte b : digest) {
                totalParams.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
    }

    /** The lower-case hex signature of {@code totalParams}. */
    public String signature(CharSequence totalParams) {
        char[] out = new char[64];
        synchronized (this) {
            sign(totalParams, totalParams.length());
            for (int i = 0; i < 32; i++) {
                out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
                out[2 * i + 1] = HEX[digest[i] & 0xf];
            }
        }
        return new String(out);
    }

    /** HMAC of {@code text[0, end)} into {@link #digest}; caller holds the lock. */
    private void sign(CharSequence text, int end) {
        boolean ascii = true;
        if (bytes.length < end) {
            bytes = new byte[Math.max(end, bytes.length * 2)];
        }
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            bytes[i] = (byte) c;
        }
        try {
            if (ascii) {
                mac.update(bytes, 0, end);
            } else {
                mac.update(text.subSequence(0, end).toString().getBytes(StandardCharsets.UTF_8));
            }
            mac.doFinal(digest, 0);
        } catch (GeneralSecurityException e) {
            mac.reset();
            throw new IllegalStateException("HMAC failed", e);
        }
    }

    @Override
    public String toString() {
        return "RequestSigner{HmacSHA256, apiKey=" + apiKey.substring(0, Math.min(4, apiKey.length())) + "...}";
    }
}
