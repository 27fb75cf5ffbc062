package io.ttquant.binance.userdata;

import io.ttquant.binance.json.JsonCursor;
import io.ttquant.binance.json.JsonObjectIndex;
import io.ttquant.binance.json.JsonToken;
import io.ttquant.binance.rest.RestClientConfig;
import io.ttquant.binance.rest.RestFailure;
import io.ttquant.binance.rest.RetryAfterGate;
import io.ttquant.core.time.Clock;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Binance's listen-key calls for the spot user data stream, asynchronous over the JDK
 * {@link HttpClient}: {@code POST /api/v3/userDataStream} creates a key (or returns the account's
 * active one, extended), {@code PUT} with {@code listenKey=} keeps it alive for another 60 minutes,
 * {@code DELETE} closes it. The API key goes in the {@code X-MBX-APIKEY} header; these calls are
 * not signed.
 *
 * <p>Every call completes normally with a {@link ListenKeyResult}, success or a typed
 * {@link RestFailure} (an expired or unknown key is {@link ListenKeyResult#isUnknownKey()}), never
 * exceptionally, and always through the caller's {@link Executor} (the stream's event loop), never
 * inside the call that started it. After a 429 or 418 every call fails at once, unsent, with
 * {@link RestFailure.Kind#BACKING_OFF} until the {@code Retry-After} window has passed on the
 * injected {@link Clock} ({@link RetryAfterGate}). Never retries by itself. The API key never
 * appears in a result, a log or {@link #toString()}; listen keys only masked.
 */
public final class ListenKeyClient {
    private static final System.Logger LOG = System.getLogger(ListenKeyClient.class.getName());
    private static final String PATH = "/api/v3/userDataStream";
    private static final int MAX_KEY_LENGTH = 256;

    private final RestClientConfig config;
    private final String apiKey;
    private final Clock clock;
    private final Executor callbacks;
    private final HttpClient http;
    private final String url;
    private final RetryAfterGate gate = new RetryAfterGate();
    private final long defaultRetryAfterNanos;
    private final AtomicLong requestsSent = new AtomicLong();
    private final AtomicLong requestsRefused = new AtomicLong();

    /**
     * A client for {@code config}'s REST endpoint acting for {@code apiKey}, completing every future
     * on {@code callbackExecutor}.
     */
    public ListenKeyClient(RestClientConfig config, String apiKey, Executor callbackExecutor) {
        if (config == null || callbackExecutor == null) {
            throw new IllegalArgumentException("config and callbackExecutor are required");
        }
        if (apiKey == null || apiKey.isBlank() || !isHeaderSafe(apiKey)) {
            throw new IllegalArgumentException("an API key of printable ASCII characters is required");
        }
        this.config = config;
        this.apiKey = apiKey;
        this.clock = config.clock();
        this.callbacks = callbackExecutor;
        this.url = config.endpoints().restBaseUrl() + PATH;
        this.defaultRetryAfterNanos = config.defaultRetryAfter().toNanos();
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@code POST}: a new listen key, or the account's active one (extended by 60 minutes). */
    public CompletableFuture<ListenKeyResult> create() {
        return send("POST", url, true);
    }

    /** {@code PUT}: extends {@code listenKey} by 60 minutes; an expired or unknown key answers -1125. */
    public CompletableFuture<ListenKeyResult> keepAlive(String listenKey) {
        return send("PUT", url + "?listenKey=" + checkKey(listenKey), false);
    }

    /** {@code DELETE}: closes {@code listenKey} and its streams. */
    public CompletableFuture<ListenKeyResult> close(String listenKey) {
        return send("DELETE", url + "?listenKey=" + checkKey(listenKey), false);
    }

    /** True while a 429/418 window runs: calls fail at once with BACKING_OFF. */
    public boolean isBackingOff() {
        return gate.isBlocked(clock.nanos());
    }

    /** Requests that went out on the network. */
    public long requestsSent() {
        return requestsSent.get();
    }

    /** Calls refused locally during a back-off window. */
    public long requestsRefused() {
        return requestsRefused.get();
    }

    private static String checkKey(String listenKey) {
        if (!isListenKey(listenKey)) {
            throw new IllegalArgumentException("a listen key is 1-" + MAX_KEY_LENGTH + " letters and digits");
        }
        return listenKey;
    }

    /** Letters and digits only, so a key goes into a URL path or query unescaped. */
    static boolean isListenKey(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHeaderSafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    private CompletableFuture<ListenKeyResult> send(String method, String target, boolean expectKey) {
        CompletableFuture<ListenKeyResult> out = new CompletableFuture<>();
        long sent = clock.nanos();
        if (gate.isBlocked(sent)) {
            requestsRefused.incrementAndGet();
            long until = gate.blockedUntilNanos();
            complete(out, ListenKeyResult.failed(new RestFailure(RestFailure.Kind.BACKING_OFF, 0, RestFailure.NO_CODE,
                    "backing off after a 429/418 for " + Math.max(0, (until - sent) / 1_000_000L) + " ms more", until), sent));
            return out;
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create(target)).timeout(config.requestTimeout())
                .header("X-MBX-APIKEY", apiKey).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        requestsSent.incrementAndGet();
        http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((resp, err) -> {
            ListenKeyResult result;
            if (err != null) {
                result = ListenKeyResult.failed(transportFailure(err), sent);
            } else {
                try {
                    result = answer(method, resp, sent, expectKey);
                } catch (RuntimeException e) {
                    result = ListenKeyResult.failed(new RestFailure(RestFailure.Kind.MALFORMED_RESPONSE, resp.statusCode(),
                            RestFailure.NO_CODE, method + " " + PATH + ": " + e.getClass().getSimpleName(), 0), sent);
                }
            }
            complete(out, result);
        });
        return out;
    }

    private ListenKeyResult answer(String method, HttpResponse<byte[]> resp, long sent, boolean expectKey) {
        int status = resp.statusCode();
        byte[] body = resp.body();
        if (status == 200) {
            if (!expectKey) {
                return ListenKeyResult.ok(null, sent);
            }
            String key = listenKeyOf(body);
            if (key == null) {
                return ListenKeyResult.failed(new RestFailure(RestFailure.Kind.MALFORMED_RESPONSE, status, RestFailure.NO_CODE,
                        "POST " + PATH + " answered without a usable listenKey", 0), sent);
            }
            return ListenKeyResult.ok(key, sent);
        }
        BinanceErrorBody error = BinanceErrorBody.parse(body, 0, body == null ? 0 : body.length);
        int code = error == null ? RestFailure.NO_CODE : error.code();
        String msg = error == null ? "" : error.msg();
        if (status == 429 || status == 418) {
            long received = clock.nanos();
            long wait = RetryAfterGate.retryAfterNanos(resp.headers().firstValue("Retry-After").orElse(null), defaultRetryAfterNanos);
            long until = gate.blockUntil(received + wait);
            LOG.log(System.Logger.Level.WARNING, "Binance answered " + status + " to " + method + " " + PATH
                    + "; no listen-key request before " + (wait / 1_000_000_000L) + " s have passed");
            return ListenKeyResult.failed(new RestFailure(status == 429 ? RestFailure.Kind.RATE_LIMITED : RestFailure.Kind.IP_BANNED,
                    status, code, msg, until), sent);
        }
        if (status >= 500) {
            return ListenKeyResult.failed(new RestFailure(RestFailure.Kind.SERVER_ERROR, status, code, msg, 0), sent);
        }
        if (error != null && status >= 400) {
            return ListenKeyResult.failed(new RestFailure(RestFailure.Kind.REJECTED, status, code, msg, 0), sent);
        }
        return ListenKeyResult.failed(new RestFailure(RestFailure.Kind.HTTP_ERROR, status, RestFailure.NO_CODE,
                "unexpected HTTP " + status, 0), sent);
    }

    /** The {@code listenKey} of {@code {"listenKey":"..."}}, or null when absent or not letters and digits. */
    static String listenKeyOf(byte[] body) {
        if (body == null) {
            return null;
        }
        JsonCursor cursor = new JsonCursor().reset(body, 0, body.length);
        JsonObjectIndex index = new JsonObjectIndex("listenKey");
        if (cursor.next() != JsonToken.START_OBJECT || !index.scan(cursor) || cursor.next() != JsonToken.END
                || index.type(0) != JsonToken.STRING || index.escaped(0)) {
            return null;
        }
        int from = index.start(0);
        int to = index.end(0);
        if (to - from > MAX_KEY_LENGTH) {
            return null;
        }
        String key = new String(body, from, to - from, StandardCharsets.US_ASCII);
        return isListenKey(key) ? key : null;
    }

    private static RestFailure transportFailure(Throwable err) {
        Throwable e = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        if (e instanceof HttpConnectTimeoutException) {
            return new RestFailure(RestFailure.Kind.TIMEOUT, 0, RestFailure.NO_CODE, "connect timeout", 0);
        }
        if (e instanceof HttpTimeoutException) {
            return new RestFailure(RestFailure.Kind.TIMEOUT, 0, RestFailure.NO_CODE, "no answer within the request timeout", 0);
        }
        String what = e instanceof ConnectException ? "connect failed" : "I/O failure";
        String detail = e.getMessage();
        // Keep a message that could quote the request URL (and so the listen key) out of the failure.
        if (detail == null || detail.contains("listenKey")) {
            detail = "";
        }
        return new RestFailure(RestFailure.Kind.TRANSPORT, 0, RestFailure.NO_CODE,
                what + ": " + e.getClass().getSimpleName() + (detail.isEmpty() ? "" : " " + detail), 0);
    }

    /** Completes {@code out} on the callback executor (or here, if the executor is shut down). */
    private void complete(CompletableFuture<ListenKeyResult> out, ListenKeyResult result) {
        try {
            callbacks.execute(() -> out.complete(result));
        } catch (RejectedExecutionException e) {
            out.complete(result);
        }
    }

    @Override
    public String toString() {
        return "ListenKeyClient{" + url + " sent=" + requestsSent + " refused=" + requestsRefused + "}";
    }
}
