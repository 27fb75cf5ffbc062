package io.ttquant.binance.userdata;

import io.ttquant.binance.json.JsonCursor;
import io.ttquant.binance.json.JsonObjectIndex;
import io.ttquant.binance.json.JsonToken;
import io.ttquant.binance.rest.RestClientConfig;
import io.ttquant.binance.rest.RestFailure;
import io.ttquant.binance.rest.RestTransport;
import io.ttquant.binance.rest.RetryAfterGate;
import io.ttquant.core.time.Clock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

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
 * injected {@link Clock} ({@link RetryAfterGate}, kept by its {@link RestTransport}). Never
 * retries by itself. The API key never
 * appears in a result, a log or {@link #toString()}; listen keys only masked.
 */
public final class ListenKeyClient {
    private static final String PATH = "/api/v3/userDataStream";
    private static final int MAX_KEY_LENGTH = 256;

    private final RestTransport transport;
    private final String apiKey;
    private final Clock clock;
    private final String url;

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
        this.transport = new RestTransport(config, callbackExecutor);
        this.apiKey = apiKey;
        this.clock = config.clock();
        this.url = transport.url(PATH);
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
        return transport.isBackingOff();
    }

    /** Requests that went out on the network. */
    public long requestsSent() {
        return transport.requestsSent();
    }

    /** Calls refused locally during a back-off window. */
    public long requestsRefused() {
        return transport.requestsRefused();
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
        RestFailure refused = transport.refusal(sent);
        if (refused != null) {
            complete(out, ListenKeyResult.failed(refused, sent));
            return out;
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(target))
                .header("X-MBX-APIKEY", apiKey).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody());
        transport.send(req).whenComplete((resp, err) -> {
            ListenKeyResult result;
            if (err != null) {
                // A transport exception's message could quote the request URL, and so the listen key.
                result = ListenKeyResult.failed(RestTransport.transportFailure(err, "listenKey"), sent);
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
        if (resp.statusCode() != 200) {
            return ListenKeyResult.failed(transport.failure(resp, clock.nanos(), method + " " + PATH), sent);
        }
        if (!expectKey) {
            return ListenKeyResult.ok(null, sent);
        }
        String key = listenKeyOf(resp.body());
        if (key == null) {
            return ListenKeyResult.failed(new RestFailure(RestFailure.Kind.MALFORMED_RESPONSE, 200, RestFailure.NO_CODE,
                    "POST " + PATH + " answered without a usable listenKey", 0), sent);
        }
        return ListenKeyResult.ok(key, sent);
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

    /** Completes {@code out} on the callback executor (or here, if the executor is shut down). */
    private void complete(CompletableFuture<ListenKeyResult> out, ListenKeyResult result) {
        transport.complete(() -> out.complete(result));
    }

    @Override
    public String toString() {
        return "ListenKeyClient{" + url + " sent=" + transport.requestsSent() + " refused=" + transport.requestsRefused() + "}";
    }
}
