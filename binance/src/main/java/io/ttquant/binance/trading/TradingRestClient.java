package io.ttquant.binance.trading;

import io.ttquant.binance.json.BinanceError;
import io.ttquant.binance.rest.RestFailure;
import io.ttquant.binance.rest.RetryAfterGate;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.time.Clock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Binance spot trading over signed REST, asynchronous over the JDK {@link HttpClient}: new,
 * cancel and query orders, open orders, the account's trades and balances, server time. Answers
 * are parsed off the caller's thread (jackson-core streaming, exact fixed-point values) and every
 * future is completed through the caller's {@link Executor} (the gateway's event loop), never from
 * inside the call that started it.
 *
 * <p>Every call ends in a {@link TradingResult}: the typed answer, or a {@link TradingFailure}
 * whose {@link TradingFailure.Outcome} says whether the venue may have processed the request
 * (NOT_SENT, REJECTED, TIMESTAMP_REJECTED and the rate limits: certainly not; UNKNOWN: perhaps,
 * resolve by querying). It never resends anything by itself.
 *
 * <p>SIGNED requests carry {@code recvWindow}, a {@code timestamp} on the venue's clock
 * ({@link ServerTimeOffset}: synced before the first one, again periodically and after every
 * -1021, which is reported only once the re-sync is done so the caller can resend at once) and the
 * HMAC {@code signature} ({@link RequestSigner}). Binance's rate limits are kept locally
 * ({@link VenueRateLimits}): a request that would break a known limit, or any request during a
 * 429/418 {@code Retry-After} window on the injected {@link Clock}, is refused here, unsent.
 *
 * <p>Thread-safe: calls may start on any thread. Never logs or reports a query string, signature
 * or secret.
 */
public final class TradingRestClient {
    private static final System.Logger LOG = System.getLogger(TradingRestClient.class.getName());
    private static final String FORM = "application/x-www-form-urlencoded";

    // Binance's request weights of the endpoints used here (spot API, 2024-2025).
    private static final int WEIGHT_ORDER = 1;
    private static final int WEIGHT_QUERY_ORDER = 4;
    private static final int WEIGHT_OPEN_ORDERS_SYMBOL = 6;
    private static final int WEIGHT_OPEN_ORDERS_ALL = 80;
    private static final int WEIGHT_MY_TRADES = 20;
    private static final int WEIGHT_MY_TRADES_ORDER = 5;
    private static final int WEIGHT_ACCOUNT = 20;
    private static final int WEIGHT_TIME = 1;
    private static final int WEIGHT_EXCHANGE_INFO = 20;

    private static final int CODE_UNKNOWN_SEND_STATUS = -1007;
    private static final int CODE_TIMESTAMP = -1021;
    private static final int CODE_TOO_MANY_ORDERS = -1015;

    private final TradingRestConfig config;
    private final Clock clock;
    private final Executor callbacks;
    private final HttpClient http;
    private final String base;
    private final String recvWindow;
    private final long defaultRetryAfterNanos;
    private final RequestSigner signer;
    private final ServerTimeOffset time;
    private final VenueRateLimits limits;
    private final TradingStats stats;
    private final Call<Long> timeCall;
    private final Object syncLock = new Object();
    private CompletableFuture<TradingResult<Long>> syncInFlight;

    /** A parser of one successful answer body. */
    @FunctionalInterface
    private interface BodyParser<T> {
        T parse(TradingJson json, byte[] body) throws IOException;
    }

    /** One request: method, path, parameters (without timestamp and signature), weight, and how to read the answer. */
    private record Call<T>(String method, String path, String params, int weight, boolean newOrder, boolean signed,
                           BodyParser<T> parser) {
    }

    public TradingRestClient(TradingRestConfig config, Executor callbackExecutor) {
        if (config == null || callbackExecutor == null) {
            throw new IllegalArgumentException("config and callbackExecutor are required");
        }
        this.config = config;
        this.clock = config.rest().clock();
        this.callbacks = callbackExecutor;
        this.base = config.rest().endpoints().restBaseUrl();
        this.recvWindow = Long.toString(config.recvWindowMillis());
        this.defaultRetryAfterNanos = config.rest().defaultRetryAfter().toNanos();
        this.signer = new RequestSigner(config.credentials());
        this.time = new ServerTimeOffset(clock, config.timeSyncInterval().toNanos());
        this.limits = new VenueRateLimits(config.rateLimits());
        this.stats = new TradingStats(limits, time);
        this.timeCall = new Call<>("GET", "/api/v3/time", "", WEIGHT_TIME, false, false, (json, body) -> json.serverTime(body));
        this.http = HttpClient.newBuilder().connectTimeout(config.rest().connectTimeout()).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    // ---- orders ----

    /**
     * {@code POST /api/v3/order}. The answer is the order as Binance took it (with its fills for a
     * FULL response); a refusal by the matching engine or the filters is REJECTED with Binance's
     * code (-2010, -1013, ...). On UNKNOWN, query the order by its client id before anything else.
     */
    public CompletableFuture<TradingResult<VenueOrder>> newOrder(NewOrderRequest order) {
        Instrument in = order.instrument();
        StringBuilder q = new StringBuilder(192).append("symbol=").append(in.symbol()).append("&side=").append(order.side().name())
                .append("&type=").append(order.type().name());
        if (order.timeInForce() != null) {
            q.append("&timeInForce=").append(order.timeInForce().name());
        }
        FixedText.append(q.append("&quantity="), order.quantity(), in.qtyScale());
        if (order.type().needsPrice()) {
            FixedText.append(q.append("&price="), order.price(), in.priceScale());
        }
        if (order.type().needsStopPrice()) {
            FixedText.append(q.append("&stopPrice="), order.stopPrice(), in.priceScale());
        }
        if (order.clientOrderId() != null) {
            q.append("&newClientOrderId=").append(order.clientOrderId());
        }
        q.append("&newOrderRespType=").append(order.responseType().name());
        return deliver(raw(new Call<>("POST", "/api/v3/order", q.toString(), WEIGHT_ORDER, true, true,
                (json, body) -> json.order(body, in))));
    }

    /** {@code DELETE /api/v3/order} by the order's client id; an order that is not open is REJECTED -2011. */
    public CompletableFuture<TradingResult<VenueOrder>> cancelOrder(Instrument instrument, String origClientOrderId) {
        return orderCall("DELETE", instrument, "&origClientOrderId=" + checkClientId(origClientOrderId), WEIGHT_ORDER);
    }

    /** {@code DELETE /api/v3/order} by Binance's order id. */
    public CompletableFuture<TradingResult<VenueOrder>> cancelOrder(Instrument instrument, long orderId) {
        return orderCall("DELETE", instrument, "&orderId=" + checkId(orderId), WEIGHT_ORDER);
    }

    /** {@code GET /api/v3/order} by the order's client id; an unknown order is REJECTED -2013. */
    public CompletableFuture<TradingResult<VenueOrder>> queryOrder(Instrument instrument, String origClientOrderId) {
        return orderCall("GET", instrument, "&origClientOrderId=" + checkClientId(origClientOrderId), WEIGHT_QUERY_ORDER);
    }

    /** {@code GET /api/v3/order} by Binance's order id. */
    public CompletableFuture<TradingResult<VenueOrder>> queryOrder(Instrument instrument, long orderId) {
        return orderCall("GET", instrument, "&orderId=" + checkId(orderId), WEIGHT_QUERY_ORDER);
    }

    private CompletableFuture<TradingResult<VenueOrder>> orderCall(String method, Instrument in, String idParam, int weight) {
        return deliver(raw(new Call<>(method, "/api/v3/order", "symbol=" + in.symbol() + idParam, weight, false, true,
                (json, body) -> json.order(body, in))));
    }

    /** {@code GET /api/v3/openOrders} of one symbol. */
    public CompletableFuture<TradingResult<List<VenueOrder>>> openOrders(Instrument instrument) {
        return deliver(raw(new Call<>("GET", "/api/v3/openOrders", "symbol=" + instrument.symbol(), WEIGHT_OPEN_ORDERS_SYMBOL,
                false, true, (json, body) -> json.orders(body, instrument, null))));
    }

    /**
     * {@code GET /api/v3/openOrders} of every symbol (weight 80); {@code instruments} gives each
     * symbol's scales (an order of a symbol it does not know makes the answer unreadable: UNKNOWN).
     */
    public CompletableFuture<TradingResult<List<VenueOrder>>> openOrders(Function<String, Instrument> instruments) {
        return deliver(raw(new Call<>("GET", "/api/v3/openOrders", "", WEIGHT_OPEN_ORDERS_ALL, false, true,
                (json, body) -> json.orders(body, null, instruments))));
    }

    // ---- account ----

    /** {@code GET /api/v3/myTrades}: the account's trades from trade id {@code fromId} on; limit 1-1000. */
    public CompletableFuture<TradingResult<List<AccountTrade>>> myTrades(Instrument instrument, long fromId, int limit) {
        return trades(instrument, "&fromId=" + checkId(fromId) + "&limit=" + checkLimit(limit), WEIGHT_MY_TRADES);
    }

    /**
     * {@code GET /api/v3/myTrades}: the account's trades from {@code startTimeMillis} on (Binance: within 24 hours of it);
     * limit 1-1000.
     */
    public CompletableFuture<TradingResult<List<AccountTrade>>> myTradesSince(Instrument instrument, long startTimeMillis, int limit) {
        return trades(instrument, "&startTime=" + checkId(startTimeMillis) + "&limit=" + checkLimit(limit), WEIGHT_MY_TRADES);
    }

    /** {@code GET /api/v3/myTrades}: the trades of one order (weight 5). */
    public CompletableFuture<TradingResult<List<AccountTrade>>> myTradesOfOrder(Instrument instrument, long orderId) {
        return trades(instrument, "&orderId=" + checkId(orderId), WEIGHT_MY_TRADES_ORDER);
    }

    private CompletableFuture<TradingResult<List<AccountTrade>>> trades(Instrument in, String params, int weight) {
        return deliver(raw(new Call<>("GET", "/api/v3/myTrades", "symbol=" + in.symbol() + params, weight, false, true,
                (json, body) -> json.trades(body, in))));
    }

    /** {@code GET /api/v3/account}: whether the account may trade, and its balances. */
    public CompletableFuture<TradingResult<AccountBalances>> account() {
        return deliver(raw(new Call<>("GET", "/api/v3/account", "", WEIGHT_ACCOUNT, false, true, (json, body) -> json.account(body))));
    }

    // ---- time and limits ----

    /** {@code GET /api/v3/time}: the server's time in epoch milliseconds (one sample; does not change the offset). */
    public CompletableFuture<TradingResult<Long>> serverTime() {
        return deliver(raw(timeCall));
    }

    /**
     * Re-syncs the server-time offset now (joins a sync already running); the value is the offset
     * in force, Binance time minus local time in nanoseconds. Signed calls sync by themselves
     * before the first request, periodically and after a -1021; calling this at start only moves
     * the first sync out of the order path.
     */
    public CompletableFuture<TradingResult<Long>> syncTime() {
        return deliver(sync());
    }

    /**
     * {@code GET /api/v3/exchangeInfo?symbol=...}: reads the venue's {@code rateLimits} (the same
     * for every symbol; naming one keeps the answer small) and installs them in {@link #rateLimits()}.
     */
    public CompletableFuture<TradingResult<List<RateLimit>>> loadRateLimits(Instrument anySymbol) {
        return deliver(raw(new Call<>("GET", "/api/v3/exchangeInfo", "symbol=" + anySymbol.symbol(), WEIGHT_EXCHANGE_INFO, false,
                false, (json, body) -> {
                    List<RateLimit> l = json.rateLimits(body);
                    limits.setLimits(l);
                    return l;
                })));
    }

    /** The server-time estimate the {@code timestamp}s come from. */
    public ServerTimeOffset serverTimeOffset() {
        return time;
    }

    /** The rate limits kept here and what Binance last reported. */
    public VenueRateLimits rateLimits() {
        return limits;
    }

    public TradingStats stats() {
        return stats;
    }

    public TradingRestConfig config() {
        return config;
    }

    // ---- plumbing ----

    /** Completes the returned future through the callback executor (or here, if the executor is shut down). */
    private <T> CompletableFuture<TradingResult<T>> deliver(CompletableFuture<TradingResult<T>> raw) {
        CompletableFuture<TradingResult<T>> out = new CompletableFuture<>();
        raw.whenComplete((r, err) -> {
            TradingResult<T> result = r;
            if (err != null || r == null) {
                LOG.log(System.Logger.Level.ERROR, "bug in the trading client; reporting the call as UNKNOWN", err);
                result = TradingResult.failed(new TradingFailure(TradingFailure.Outcome.UNKNOWN, null,
                        new RestFailure(RestFailure.Kind.TRANSPORT, 0, RestFailure.NO_CODE, "internal error", 0)));
            }
            TradingResult<T> done = result;
            Runnable task = () -> out.complete(done);
            try {
                callbacks.execute(task);
            } catch (RejectedExecutionException e) {
                task.run();
            }
        });
        return out;
    }

    /** Runs {@code c}: a SIGNED call waits for the first sync (or a re-sync after -1021); completes on any thread. */
    private <T> CompletableFuture<TradingResult<T>> raw(Call<T> c) {
        if (c.signed()) {
            if (!time.isSynced()) {
                return sync().thenCompose(s -> {
                    if (s.isOk() || time.isSynced()) {
                        return send(c);
                    }
                    long now = clock.nanos();
                    LocalRefusal why = limits.isBackingOff(now) ? LocalRefusal.BACKING_OFF : LocalRefusal.NO_SERVER_TIME;
                    limits.countRefusal(why);
                    TradingResult<T> r = TradingResult.failed(TradingFailure.refused(why,
                            "no server time for the timestamp: " + s.failure().msg(), retryAt(why)));
                    stats.record(r);
                    return CompletableFuture.completedFuture(r);
                });
            }
            if (time.isDue(clock.nanos())) {
                sync();
            }
        }
        return send(c);
    }

    private long retryAt(LocalRefusal why) {
        long until = why == LocalRefusal.BACKING_OFF ? limits.backingOffUntilNanos()
                : why == LocalRefusal.ORDERS_BACKING_OFF ? limits.ordersBlockedUntilNanos() : 0;
        return until == Long.MIN_VALUE ? 0 : until;
    }

    /** Checks the local limits, then sends {@code c} now; completes on an HTTP thread (or at once when refused). */
    private <T> CompletableFuture<TradingResult<T>> send(Call<T> c) {
        long now = clock.nanos();
        long sentServerMillis = time.serverMillisAt(now);
        LocalRefusal refusal = limits.tryAcquire(c.weight(), c.newOrder(), now, sentServerMillis);
        if (refusal != null) {
            long until = retryAt(refusal);
            String msg = switch (refusal) {
                case BACKING_OFF -> "backing off after a 429/418 for " + Math.max(0, (until - now) / 1_000_000L) + " ms more";
                case ORDERS_BACKING_OFF -> "no new order for " + Math.max(0, (until - now) / 1_000_000L) + " ms more after -1015";
                case WEIGHT_LIMIT -> "request weight " + c.weight() + " would exceed a request-weight limit";
                case ORDER_LIMIT -> "one more order would exceed an order-count limit";
                case RAW_REQUEST_LIMIT -> "one more request would exceed a raw-request limit";
                case NO_SERVER_TIME -> "no server time";
            };
            TradingResult<T> r = TradingResult.failed(TradingFailure.refused(refusal, msg, until));
            stats.record(r);
            return CompletableFuture.completedFuture(r);
        }
        StringBuilder q = new StringBuilder(c.params().length() + 128).append(c.params());
        HttpRequest.Builder b = HttpRequest.newBuilder().timeout(config.rest().requestTimeout()).header("Accept", "application/json");
        if (c.signed()) {
            if (q.length() > 0) {
                q.append('&');
            }
            q.append("recvWindow=").append(recvWindow).append("&timestamp=").append(time.timestampMillis());
            signer.appendSignature(q);
            b.header(RequestSigner.API_KEY_HEADER, signer.apiKey());
        }
        if (c.method().equals("POST")) {
            b.uri(URI.create(base + c.path())).header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofString(q.toString()));
        } else {
            b.uri(URI.create(q.length() == 0 ? base + c.path() : base + c.path() + "?" + q));
            b.method(c.method(), HttpRequest.BodyPublishers.noBody());
        }
        CompletableFuture<TradingResult<T>> out = new CompletableFuture<>();
        stats.sent();
        http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((resp, err) -> {
            TradingResult<T> r;
            try {
                r = err != null ? TradingResult.failed(transportFailure(err, c)) : answer(resp, c, sentServerMillis);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "bug reading the answer to " + c.method() + " " + c.path(), e);
                r = TradingResult.failed(new TradingFailure(TradingFailure.Outcome.UNKNOWN, null,
                        new RestFailure(RestFailure.Kind.MALFORMED_RESPONSE, resp == null ? 0 : resp.statusCode(), RestFailure.NO_CODE,
                                "internal error reading the answer", 0)));
            }
            stats.record(r);
            if (r.outcome() == TradingFailure.Outcome.TIMESTAMP_REJECTED) {
                // Report the -1021 only once the offset is fixed, so that the caller's resend carries a good timestamp.
                time.invalidate();
                TradingResult<T> rejected = r;
                LOG.log(System.Logger.Level.INFO, "Binance refused a timestamp (" + r.failure().msg() + "); re-syncing the server time");
                sync().whenComplete((s, e) -> out.complete(rejected));
            } else {
                out.complete(r);
            }
        });
        return out;
    }

    /** The typed answer or the classified failure of an HTTP answer. */
    private <T> TradingResult<T> answer(HttpResponse<byte[]> resp, Call<T> c, long sentServerMillis) {
        limits.onAnswer(resp.headers().map(), sentServerMillis);
        int status = resp.statusCode();
        byte[] body = resp.body();
        if (status == 200) {
            try {
                return TradingResult.ok(c.parser().parse(new TradingJson(), body));
            } catch (IOException | RuntimeException e) {
                // The venue answered 200: an order call was processed even though its answer cannot be read.
                LOG.log(System.Logger.Level.WARNING, "unreadable answer to " + c.method() + " " + c.path() + ": " + e.getMessage());
                return failed(TradingFailure.Outcome.UNKNOWN, RestFailure.Kind.MALFORMED_RESPONSE, status, RestFailure.NO_CODE,
                        c.path() + ": " + e.getMessage(), 0);
            }
        }
        BinanceError error = BinanceError.parse(body);
        int code = error == null ? RestFailure.NO_CODE : error.code();
        String msg = error == null ? "" : error.msg();
        if (status == 429 || status == 418) {
            return limited(resp, c, status, code, msg);
        }
        if (code == CODE_UNKNOWN_SEND_STATUS || status >= 500) {
            LOG.log(System.Logger.Level.WARNING, c.method() + " " + c.path() + ": HTTP " + status + " " + code + " " + msg
                    + "; the request may have been processed");
            return failed(TradingFailure.Outcome.UNKNOWN, RestFailure.Kind.SERVER_ERROR, status, code, msg, 0);
        }
        if (code == CODE_TIMESTAMP) {
            return failed(TradingFailure.Outcome.TIMESTAMP_REJECTED, RestFailure.Kind.REJECTED, status, code, msg, 0);
        }
        if (status >= 400) {
            // Binance: 4xx means the request was malformed or refused, never processed.
            return failed(TradingFailure.Outcome.REJECTED, error != null ? RestFailure.Kind.REJECTED : RestFailure.Kind.HTTP_ERROR,
                    status, code, error != null ? msg : "HTTP " + status, 0);
        }
        return failed(TradingFailure.Outcome.UNKNOWN, RestFailure.Kind.HTTP_ERROR, status, code, "unexpected HTTP " + status, 0);
    }

    /** A 429 or 418: closes the gate for the {@code Retry-After} window (new orders only for a -1015 without one). */
    private <T> TradingResult<T> limited(HttpResponse<byte[]> resp, Call<T> c, int status, int code, String msg) {
        long received = clock.nanos();
        String retryAfter = resp.headers().firstValue("Retry-After").orElse(null);
        TradingFailure.Outcome outcome = status == 429 ? TradingFailure.Outcome.RATE_LIMITED : TradingFailure.Outcome.IP_BANNED;
        RestFailure.Kind kind = status == 429 ? RestFailure.Kind.RATE_LIMITED : RestFailure.Kind.IP_BANNED;
        if (status == 429 && retryAfter == null && code == CODE_TOO_MANY_ORDERS) {
            long windowEnd = limits.orderWindowEndMillis(time.serverMillisAt(received));
            long until = limits.blockOrdersUntil(windowEnd < 0 ? received + defaultRetryAfterNanos : time.localNanosAt(windowEnd));
            LOG.log(System.Logger.Level.WARNING, "Binance refused a new order for the order-count limit (" + msg + "); no new order for "
                    + Math.max(0, (until - received) / 1_000_000L) + " ms");
            return failed(outcome, kind, status, code, msg, until);
        }
        long wait = RetryAfterGate.retryAfterNanos(retryAfter, defaultRetryAfterNanos);
        long until = limits.blockAllUntil(received + wait);
        LOG.log(System.Logger.Level.WARNING, (status == 418 ? "Binance banned this IP (418)" : "Binance rate-limited this IP (429)")
                + " on " + c.method() + " " + c.path() + "; no REST request before " + (wait / 1_000_000_000L) + " s have passed");
        return failed(outcome, kind, status, code, msg, until);
    }

    private static <T> TradingResult<T> failed(TradingFailure.Outcome outcome, RestFailure.Kind kind, int status, int code, String msg,
                                               long retryAt) {
        return TradingResult.failed(new TradingFailure(outcome, null, new RestFailure(kind, status, code, msg, retryAt)));
    }

    /**
     * A failure before any answer: a failed connect never sent the request (NOT_SENT); a timeout
     * or a connection lost afterwards may have delivered it (UNKNOWN).
     */
    private static TradingFailure transportFailure(Throwable err, Call<?> c) {
        Throwable e = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return new TradingFailure(TradingFailure.Outcome.NOT_SENT, null,
                        new RestFailure(RestFailure.Kind.TIMEOUT, 0, RestFailure.NO_CODE, "connect timeout", 0));
            }
            if (t instanceof ConnectException) {
                return new TradingFailure(TradingFailure.Outcome.NOT_SENT, null,
                        new RestFailure(RestFailure.Kind.TRANSPORT, 0, RestFailure.NO_CODE, "connect failed", 0));
            }
        }
        if (e instanceof HttpTimeoutException) {
            LOG.log(System.Logger.Level.WARNING, c.method() + " " + c.path()
                    + ": no answer within the request timeout; it may have been processed");
            return new TradingFailure(TradingFailure.Outcome.UNKNOWN, null,
                    new RestFailure(RestFailure.Kind.TIMEOUT, 0, RestFailure.NO_CODE, "no answer within the request timeout", 0));
        }
        LOG.log(System.Logger.Level.WARNING, c.method() + " " + c.path() + ": connection lost (" + e.getClass().getSimpleName()
                + "); it may have been processed");
        return new TradingFailure(TradingFailure.Outcome.UNKNOWN, null, new RestFailure(RestFailure.Kind.TRANSPORT, 0,
                RestFailure.NO_CODE, "connection lost before the answer: " + e.getClass().getSimpleName(), 0));
    }

    /**
     * Runs one server-time sync ({@code timeSyncSamples} sequential {@code GET /api/v3/time}), or
     * joins the one running; the value is the offset in force. Completes on any thread.
     */
    private CompletableFuture<TradingResult<Long>> sync() {
        CompletableFuture<TradingResult<Long>> f;
        synchronized (syncLock) {
            if (syncInFlight != null) {
                return syncInFlight;
            }
            f = new CompletableFuture<>();
            syncInFlight = f;
        }
        sample(time.newRound(), config.timeSyncSamples(), f, null);
        return f;
    }

    private void sample(ServerTimeOffset.Round round, int left, CompletableFuture<TradingResult<Long>> f, TradingFailure last) {
        if (left == 0) {
            finishSync(round, f, last);
            return;
        }
        long sent = clock.nanos();
        send(timeCall).whenComplete((r, err) -> {
            long received = clock.nanos();
            if (r != null && r.isOk()) {
                round.add(sent, r.value(), received);
                sample(round, left - 1, f, last);
                return;
            }
            TradingFailure why = r != null ? r.failure() : new TradingFailure(TradingFailure.Outcome.UNKNOWN, null,
                    new RestFailure(RestFailure.Kind.TRANSPORT, 0, RestFailure.NO_CODE, "internal error", 0));
            if (why.outcome() == TradingFailure.Outcome.NOT_SENT || why.outcome() == TradingFailure.Outcome.RATE_LIMITED
                    || why.outcome() == TradingFailure.Outcome.IP_BANNED) {
                finishSync(round, f, why); // more samples would be refused as well
            } else {
                sample(round, left - 1, f, why);
            }
        });
    }

    private void finishSync(ServerTimeOffset.Round round, CompletableFuture<TradingResult<Long>> f, TradingFailure last) {
        boolean applied = time.apply(round, clock.nanos());
        synchronized (syncLock) {
            syncInFlight = null;
        }
        if (applied) {
            LOG.log(System.Logger.Level.DEBUG, "server time synced: " + time);
            f.complete(TradingResult.ok(time.offsetNanos()));
        } else {
            TradingFailure why = last != null ? last : new TradingFailure(TradingFailure.Outcome.UNKNOWN, null,
                    new RestFailure(RestFailure.Kind.MALFORMED_RESPONSE, 0, RestFailure.NO_CODE, "no usable time sample", 0));
            LOG.log(System.Logger.Level.WARNING, "server time sync failed: " + why);
            f.complete(TradingResult.failed(why));
        }
    }

    private static String checkClientId(String id) {
        if (id == null || !id.matches(NewOrderRequest.CLIENT_ORDER_ID_PATTERN)) {
            throw new IllegalArgumentException("client order id must be 1-36 of . : / _ - letters and digits: " + id);
        }
        return id;
    }

    private static long checkId(long id) {
        if (id < 0) {
            throw new IllegalArgumentException("ids and times are never negative: " + id);
        }
        return id;
    }

    private static int checkLimit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1-1000: " + limit);
        }
        return limit;
    }

    @Override
    public String toString() {
        return "TradingRestClient{" + config.rest().endpoints().name() + ", " + signer + ", " + time + ", " + stats + "}";
    }
}
