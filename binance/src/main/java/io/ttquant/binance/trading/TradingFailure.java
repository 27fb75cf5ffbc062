package io.ttquant.binance.trading;

import io.ttquant.binance.rest.RestFailure;

/**
 * Why a trading call produced no answer, classified by what the venue may have done with the
 * request, because the gateway's correctness depends on it: a request the venue never saw or
 * refused may be rejected or retried; one that may have been processed must be resolved by
 * querying the order, never by sending it again.
 *
 * <p>Carries the {@link RestFailure} detail (HTTP status, Binance's {@code code} and {@code msg},
 * the Retry-After end) and, for local refusals, the {@link LocalRefusal}. Immutable; holds no
 * query string, signature, key or secret.
 */
public final class TradingFailure {
    /** What the venue may have done with the request. */
    public enum Outcome {
        /** The venue did not get the request (refused here, or the connection failed before sending): safe to reject or retry. */
        NOT_SENT,
        /** Binance refused it with {@code {"code":..,"msg":..}} (HTTP 4xx): not processed. */
        REJECTED,
        /**
         * Binance refused the {@code timestamp} (-1021): never processed. The client has re-synced
         * its server time before reporting this, so the caller may resend once.
         */
        TIMESTAMP_REJECTED,
        /**
         * The request may have been processed: timeout or connection lost after sending, HTTP 5xx,
         * -1007, or an answer that could not be read. Resolve by querying, never by resubmitting.
         */
        UNKNOWN,
        /** HTTP 429: not processed; requests are refused here until {@link #retryAtNanos()}. */
        RATE_LIMITED,
        /** HTTP 418, the IP is banned: not processed; requests are refused here until {@link #retryAtNanos()}. */
        IP_BANNED;

        /** True only for {@link #UNKNOWN}: the venue may have acted on the request. */
        public boolean mayHaveBeenProcessed() {
            return this == UNKNOWN;
        }
    }

    private final Outcome outcome;
    private final LocalRefusal refusal;
    private final RestFailure detail;

    TradingFailure(Outcome outcome, LocalRefusal refusal, RestFailure detail) {
        this.outcome = outcome;
        this.refusal = refusal;
        this.detail = detail;
    }

    static TradingFailure refused(LocalRefusal reason, String msg, long retryAtNanos) {
        return new TradingFailure(Outcome.NOT_SENT, reason,
                new RestFailure(reason == LocalRefusal.NO_SERVER_TIME ? RestFailure.Kind.TRANSPORT : RestFailure.Kind.BACKING_OFF, 0,
                        RestFailure.NO_CODE, msg, retryAtNanos));
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Why it was refused here, or null when it was not a local refusal. */
    public LocalRefusal refusal() {
        return refusal;
    }

    /** The HTTP-level detail. */
    public RestFailure detail() {
        return detail;
    }

    /** The HTTP status, 0 when no answer arrived. */
    public int httpStatus() {
        return detail.httpStatus();
    }

    /** Binance's error code (such as -2010), {@link RestFailure#NO_CODE} when none. */
    public int code() {
        return detail.code();
    }

    /** Binance's message, or a description of the local failure. */
    public String msg() {
        return detail.msg();
    }

    /** For rate limits, bans and back-off refusals: the clock time from which requests go out again; 0 otherwise. */
    public long retryAtNanos() {
        return detail.retryAtNanos();
    }

    @Override
    public String toString() {
        return outcome + (refusal == null ? "" : "/" + refusal) + " " + detail;
    }
}
