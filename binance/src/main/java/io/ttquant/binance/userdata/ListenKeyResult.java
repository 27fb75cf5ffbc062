package io.ttquant.binance.userdata;

import io.ttquant.binance.rest.RestFailure;

/**
 * The answer to one {@link ListenKeyClient} call: success (with the key, for a create) or a
 * {@link RestFailure}; and the clock time the request was sent, from which Binance counts the
 * key's validity.
 *
 * <p>Immutable value. {@link #toString()} shows only the start of the key: a listen key lets
 * anyone read the account's order events, so it never goes into a log whole.
 */
public final class ListenKeyResult {
    /** Binance's "This listenKey does not exist." (expired, deleted, or never issued). */
    public static final int UNKNOWN_LISTEN_KEY = -1125;

    private final String listenKey;
    private final RestFailure failure;
    private final long sentAtNanos;

    private ListenKeyResult(String listenKey, RestFailure failure, long sentAtNanos) {
        this.listenKey = listenKey;
        this.failure = failure;
        this.sentAtNanos = sentAtNanos;
    }

    static ListenKeyResult ok(String listenKey, long sentAtNanos) {
        return new ListenKeyResult(listenKey, null, sentAtNanos);
    }

    static ListenKeyResult failed(RestFailure failure, long sentAtNanos) {
        return new ListenKeyResult(null, failure, sentAtNanos);
    }

    public boolean isOk() {
        return failure == null;
    }

    /** The key a create returned; null for keepalive and close answers and for failures. */
    public String listenKey() {
        return listenKey;
    }

    /** Why the call failed; null on success. */
    public RestFailure failure() {
        return failure;
    }

    /** True when Binance answered {@link #UNKNOWN_LISTEN_KEY}: the key is gone and a new one is needed. */
    public boolean isUnknownKey() {
        return failure != null && failure.code() == UNKNOWN_LISTEN_KEY;
    }

    /** Clock time the request was sent (or refused locally). */
    public long sentAtNanos() {
        return sentAtNanos;
    }

    /** The first characters of {@code key} and its length, for logs. */
    static String masked(String key) {
        if (key == null) {
            return "null";
        }
        return key.substring(0, Math.min(4, key.length())) + "...(" + key.length() + ")";
    }

    @Override
    public String toString() {
        return failure == null ? "ListenKeyResult{ok" + (listenKey == null ? "" : " " + masked(listenKey)) + "}"
                : "ListenKeyResult{" + failure + "}";
    }
}
