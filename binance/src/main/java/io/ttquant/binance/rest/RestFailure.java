package io.ttquant.binance.rest;

/**
 * Why a REST call did not produce its answer: the kind, the HTTP status (0 when none arrived),
 * Binance's error code and message when the body carried {@code {"code":..,"msg":..}}, and for
 * rate limits and bans the clock time (nanoseconds) before which the client refuses to send.
 *
 * <p>Immutable value. It never holds a request's query string, so it cannot leak a signature or
 * key into a log.
 */
public final class RestFailure {
    /** Binance error codes are negative; 0 means the failure carried none. */
    public static final int NO_CODE = 0;

    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        /** 4xx with a Binance error code: the request was refused (bad symbol, bad parameter). */
        REJECTED,
        /** 429: the request weight or rate limit was exceeded; nothing more is sent until {@link #retryAtNanos()}. */
        RATE_LIMITED,
        /** 418: the IP is banned for repeating 429s; nothing more is sent until {@link #retryAtNanos()}. */
        IP_BANNED,
        /** Refused locally, unsent, because a 429 or 418 window is still running. */
        BACKING_OFF,
        /** 5xx: Binance failed; the body may carry a code. */
        SERVER_ERROR,
        /** Another HTTP status without a Binance error body. */
        HTTP_ERROR,
        /** No answer within the configured request timeout. */
        TIMEOUT,
        /** Connect or I/O failure before an answer arrived. */
        TRANSPORT,
        /** An answer that is not the JSON expected, or values that do not fit the instrument. */
        MALFORMED_RESPONSE
    }

    private final Kind kind;
    private final int httpStatus;
    private final int code;
    private final String msg;
    private final long retryAtNanos;

    public RestFailure(Kind kind, int httpStatus, int code, String msg, long retryAtNanos) {
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.code = code;
        this.msg = msg == null ? "" : msg;
        this.retryAtNanos = retryAtNanos;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, 0 when no answer arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Binance's error code (such as -1121), {@link #NO_CODE} when the answer carried none. */
    public int code() {
        return code;
    }

    public boolean hasCode() {
        return code != NO_CODE;
    }

    /** Binance's message, or a description of the local failure. */
    public String msg() {
        return msg;
    }

    /** For rate limits and bans: the clock time from which requests go out again; 0 otherwise. */
    public long retryAtNanos() {
        return retryAtNanos;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(kind.name());
        if (httpStatus != 0) {
            b.append(" HTTP ").append(httpStatus);
        }
        if (hasCode()) {
            b.append(" code ").append(code);
        }
        if (!msg.isEmpty()) {
            b.append(": ").append(msg);
        }
        if (retryAtNanos != 0) {
            b.append(" (retry at ").append(retryAtNanos).append(')');
        }
        return b.toString();
    }
}
