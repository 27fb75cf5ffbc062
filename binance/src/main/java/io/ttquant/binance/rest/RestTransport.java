package io.ttquant.binance.rest;

import io.ttquant.binance.json.BinanceError;
import io.ttquant.core.time.Clock;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP side every unsigned Binance REST client shares (market data, listen keys): one JDK
 * {@link HttpClient} with the configured timeouts, Binance's back-off rule (after a 429 or 418
 * nothing goes out until the {@code Retry-After} window has passed on the injected {@link Clock},
 * {@link RetryAfterGate}), the counts of requests sent and refused, the reading of every answer
 * other than a 200 and of every transport failure as a typed {@link RestFailure}, and the
 * hand-over of results to the caller's {@link Executor}.
 *
 * <p>Thread-safe: calls start on any thread, answers arrive on HTTP threads. Never retries, never
 * reads a success body (the client does), and never puts a request's URL into a failure or a log.
 */
public final class RestTransport {
    private static final System.Logger LOG = System.getLogger(RestTransport.class.getName());

    private final RestClientConfig config;
    private final Clock clock;
    private final Executor callbacks;
    private final HttpClient http;
    private final RetryAfterGate gate = new RetryAfterGate();
    private final long defaultRetryAfterNanos;
    private final AtomicLong requestsSent = new AtomicLong();
    private final AtomicLong requestsRefused = new AtomicLong();

    /** A transport for {@code config}'s REST endpoint that completes results on {@code callbackExecutor}. */
    public RestTransport(RestClientConfig config, Executor callbackExecutor) {
        if (config == null || callbackExecutor == null) {
            throw new IllegalArgumentException("config and callbackExecutor are required");
        }
        this.config = config;
        this.clock = config.clock();
        this.callbacks = callbackExecutor;
        this.defaultRetryAfterNanos = config.defaultRetryAfter().toNanos();
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Clock clock() {
        return clock;
    }

    /** {@code path} on the configured REST base URL. */
    public String url(String path) {
        return config.endpoints().restBaseUrl() + path;
    }

    /**
     * The {@link RestFailure.Kind#BACKING_OFF} failure of a call starting at {@code nowNanos} while
     * a 429/418 window runs (counted as refused), or null when the call may go out.
     */
    public RestFailure refusal(long nowNanos) {
        if (!gate.isBlocked(nowNanos)) {
            return null;
        }
        requestsRefused.incrementAndGet();
        long until = gate.blockedUntilNanos();
        return new RestFailure(RestFailure.Kind.BACKING_OFF, 0, RestFailure.NO_CODE,
                "backing off after a 429/418 for " + Math.max(0, (until - nowNanos) / 1_000_000L) + " ms more", until);
    }

    /** Sends {@code request} with the configured request timeout, counted as sent. */
    public CompletableFuture<HttpResponse<byte[]>> send(HttpRequest.Builder request) {
        requestsSent.incrementAndGet();
        return http.sendAsync(request.timeout(config.requestTimeout()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * What an answer other than a 200 means, received at {@code receivedNanos}: a 429 or 418
     * closes the gate for its {@code Retry-After} window (the default when it has none), a 5xx is
     * a server error, a 4xx with Binance's error body a rejection, anything else an HTTP error.
     * {@code what} (method and path, never the query) names the call in the log.
     */
    public RestFailure failure(HttpResponse<byte[]> resp, long receivedNanos, String what) {
        int status = resp.statusCode();
        BinanceError error = BinanceError.parse(resp.body());
        int code = error == null ? RestFailure.NO_CODE : error.code();
        String msg = error == null ? "" : error.msg();
        if (status == 429 || status == 418) {
            long wait = RetryAfterGate.retryAfterNanos(resp.headers().firstValue("Retry-After").orElse(null), defaultRetryAfterNanos);
            long until = gate.blockUntil(receivedNanos + wait);
            LOG.log(System.Logger.Level.WARNING, "Binance answered " + status + " to " + what + "; no REST request before "
                    + (wait / 1_000_000_000L) + " s have passed");
            return new RestFailure(status == 429 ? RestFailure.Kind.RATE_LIMITED : RestFailure.Kind.IP_BANNED, status, code, msg, until);
        }
        if (status >= 500) {
            return new RestFailure(RestFailure.Kind.SERVER_ERROR, status, code, msg, 0);
        }
        if (error != null && status >= 400) {
            return new RestFailure(RestFailure.Kind.REJECTED, status, code, msg, 0);
        }
        return new RestFailure(RestFailure.Kind.HTTP_ERROR, status, RestFailure.NO_CODE, "unexpected HTTP " + status, 0);
    }

    /**
     * A failure before any answer: connect or request timeout, failed connect, I/O failure. The
     * exception's message is left out when it contains {@code hidden} (a text that must not reach
     * a log, such as a query parameter's name); null keeps every message.
     */
    public static RestFailure transportFailure(Throwable err, String hidden) {
        Throwable e = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        if (e instanceof HttpConnectTimeoutException) {
            return new RestFailure(RestFailure.Kind.TIMEOUT, 0, RestFailure.NO_CODE, "connect timeout", 0);
        }
        if (e instanceof HttpTimeoutException) {
            return new RestFailure(RestFailure.Kind.TIMEOUT, 0, RestFailure.NO_CODE, "no answer within the request timeout", 0);
        }
        String what = e instanceof ConnectException ? "connect failed" : "I/O failure";
        String detail = e.getMessage();
        if (detail == null || (hidden != null && detail.contains(hidden))) {
            detail = "";
        }
        return new RestFailure(RestFailure.Kind.TRANSPORT, 0, RestFailure.NO_CODE,
                what + ": " + e.getClass().getSimpleName() + (detail.isEmpty() ? "" : " " + detail), 0);
    }

    /** Runs {@code completion} on the callback executor (or here, if the executor is shut down). */
    public void complete(Runnable completion) {
        try {
            callbacks.execute(completion);
        } catch (RejectedExecutionException e) {
            completion.run();
        }
    }

    /** True while a 429/418 window runs. */
    public boolean isBackingOff() {
        return gate.isBlocked(clock.nanos());
    }

    /** The end of the latest 429/418 window on the clock, {@code Long.MIN_VALUE} when there never was one. */
    public long blockedUntilNanos() {
        return gate.blockedUntilNanos();
    }

    /** Requests that went out on the network. */
    public long requestsSent() {
        return requestsSent.get();
    }

    /** Calls refused locally during a back-off window. */
    public long requestsRefused() {
        return requestsRefused.get();
    }
}
