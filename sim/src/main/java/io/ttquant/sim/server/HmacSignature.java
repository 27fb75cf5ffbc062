package io.ttquant.sim.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Binance's HMAC-SHA256 request signature: the key is the account's secret, the message is
 * {@code totalParams}, the query string concatenated with the request body exactly as they were
 * sent (still percent-encoded, no {@code &} between the two), without the {@code signature}
 * parameter itself. The signature is hex and not case sensitive.
 *
 * <p>Keeps one initialised {@link Mac} per secret; confined to the engine thread. Never logs or
 * exposes a secret, and compares in constant time.
 */
final class HmacSignature {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final Map<String, Mac> macs = new HashMap<>();

    /** True when {@code signatureHex} is the HMAC-SHA256 of the request's totalParams under {@code secret}. */
    boolean verify(String secret, String rawQuery, String rawBody, String signatureHex) {
        if (signatureHex == null || signatureHex.length() != 64) {
            return false;
        }
        String total = withoutSignature(rawQuery) + withoutSignature(rawBody);
        byte[] expected = mac(secret).doFinal(total.getBytes(StandardCharsets.UTF_8));
        int diff = 0;
        for (int i = 0; i < 32; i++) {
            int hi = Character.digit(signatureHex.charAt(2 * i), 16);
            int lo = Character.digit(signatureHex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                return false;
            }
            diff |= ((hi << 4) | lo) ^ (expected[i] & 0xff);
        }
        return diff == 0;
    }

    /** Lower-case hex HMAC-SHA256 of {@code message} (the client side of the rule; used by tests and tools). */
    static String sign(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return hex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /** {@code raw} with every {@code signature=...} parameter removed (as sent, not decoded). */
    static String withoutSignature(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        if (!raw.contains("signature")) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean first = true;
        int start = 0;
        while (start <= raw.length()) {
            int amp = raw.indexOf('&', start);
            int end = amp < 0 ? raw.length() : amp;
            boolean isSignature = raw.startsWith("signature=", start) && start + 10 <= end
                    || (end - start == 9 && raw.startsWith("signature", start));
            if (!isSignature) {
                if (!first) {
                    out.append('&');
                }
                first = false;
                out.append(raw, start, end);
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return out.toString();
    }

    private Mac mac(String secret) {
        Mac mac = macs.get(secret);
        if (mac == null) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
            macs.put(secret, mac);
        }
        return mac;
    }
}
