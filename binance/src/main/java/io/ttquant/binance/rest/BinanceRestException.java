package io.ttquant.binance.rest;

/**
 * The exception a {@link MarketRestClient} future completes with when a call fails: a carrier
 * for the typed {@link RestFailure} (the expected outcome), since a {@code CompletableFuture} can
 * only fail with a {@link Throwable}. Read {@link #failure()}; never parse the message.
 *
 * <p>Carries no stack trace (it is an outcome, not a bug) and never wraps the request URL.
 */
public final class BinanceRestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient RestFailure failure;

    public BinanceRestException(RestFailure failure) {
        super(failure.toString(), null, false, false);
        this.failure = failure;
    }

    public RestFailure failure() {
        return failure;
    }

    /** The failure inside {@code t} (unwrapping a {@code CompletionException}), or null when it carries none. */
    public static RestFailure failureOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BinanceRestException e) {
                return e.failure;
            }
        }
        return null;
    }
}
