package io.ttquant.binance.rest;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.time.Clock;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Binance's public spot market-data REST calls, asynchronous over the JDK {@link HttpClient}:
 * depth snapshots, aggregate and recent trades, exchange rules and server time. Answers are parsed
 * off the caller's thread (jackson-core streaming, no data binding) and every future is completed
 * through the caller's {@link Executor} (the market-data event loop), never from inside the call
 * that started it.
 *
 * <p>Keeps Binance's back-off rule through its {@link RestTransport}: after a 429 or 418 every
 * call fails at once with {@link RestFailure.Kind#BACKING_OFF}, unsent, until the
 * {@code Retry-After} window has passed on the injected {@link Clock}. Tracks
 * {@code X-MBX-USED-WEIGHT-1M}. Failures are typed ({@link RestFailure} inside a
 * {@link BinanceRestException}); Binance's
 * {@code {"code":..,"msg":..}} bodies keep their code and message. Never retries by itself and
 * never sends an API key (these endpoints are public).
 */
public final class MarketRestClient {
    private static final System.Logger LOG = System.getLogger(MarketRestClient.class.getName());

    private final RestTransport transport;
    private final Clock clock;
    private volatile long usedWeight1m = -1;

    /** A parser of one successful answer body. */
    @FunctionalInterface
    private interface BodyParser<T> {
        T parse(RestJson json, byte[] body, long receiveTimeNanos) throws IOException;
    }

    public MarketRestClient(RestClientConfig config, Executor callbackExecutor) {
        this.transport = new RestTransport(config, callbackExecutor);
        this.clock = transport.clock();
    }

    /** {@code GET /api/v3/depth}: a snapshot {@link BookUpdate} (lastUpdateId, every level returned); limit 1-5000. */
    public CompletableFuture<BookUpdate> depthSnapshot(Instrument instrument, int limit) {
        checkLimit(limit, 5000);
        return get("/api/v3/depth?symbol=" + instrument.symbol() + "&limit=" + limit,
                (json, body, t) -> json.depth(body, instrument, t));
    }

    /**
     * {@code GET /api/v3/aggTrades}: aggregate trades from id {@code fromId} on (the most recent
     * ones when {@code fromId} is negative); the trade id is {@code a}; limit 1-1000.
     */
    public CompletableFuture<List<TradeTick>> aggTrades(Instrument instrument, long fromId, int limit) {
        return get(pageFrom("/api/v3/aggTrades", instrument, fromId, limit), (json, body, t) -> json.aggTrades(body, instrument, t));
    }

    /** {@code GET /api/v3/trades}: the most recent trades, oldest first; limit 1-1000. */
    public CompletableFuture<List<TradeTick>> trades(Instrument instrument, int limit) {
        checkLimit(limit, 1000);
        return get("/api/v3/trades?symbol=" + instrument.symbol() + "&limit=" + limit,
                (json, body, t) -> json.trades(body, instrument, t));
    }

    /**
     * {@code GET /api/v3/historicalTrades}: trades from id {@code fromId} on, oldest first (the most
     * recent ones when {@code fromId} is negative); limit 1-1000. What backfills a gap in the
     * {@code @trade} stream.
     */
    public CompletableFuture<List<TradeTick>> historicalTrades(Instrument instrument, long fromId, int limit) {
        return get(pageFrom("/api/v3/historicalTrades", instrument, fromId, limit), (json, body, t) -> json.trades(body, instrument, t));
    }

    /** A trade-page query: up to {@code limit} (1-1000) trades from id {@code fromId}, or the latest when it is negative. */
    private static String pageFrom(String path, Instrument instrument, long fromId, int limit) {
        checkLimit(limit, 1000);
        return path + "?symbol=" + instrument.symbol() + (fromId >= 0 ? "&fromId=" + fromId : "") + "&limit=" + limit;
    }

    /**
     * {@code GET /api/v3/exchangeInfo}: the rules of {@code symbols} as instruments (PRICE_FILTER,
     * LOT_SIZE, NOTIONAL or MIN_NOTIONAL), in Binance's order. An empty list asks for every symbol;
     * then symbols whose rules an {@link Instrument} cannot hold are skipped (and logged), while a
     * named symbol that cannot be represented fails the call.
     */
    public CompletableFuture<List<Instrument>> exchangeInfo(List<String> symbols) {
        StringBuilder q = new StringBuilder("/api/v3/exchangeInfo");
        if (symbols.size() == 1) {
            q.append("?symbol=").append(checkSymbol(symbols.get(0)));
        } else if (symbols.size() > 1) {
            StringBuilder list = new StringBuilder("[");
            for (int i = 0; i < symbols.size(); i++) {
                list.append(i == 0 ? "" : ",").append('"').append(checkSymbol(symbols.get(i))).append('"');
            }
            q.append("?symbols=").append(URLEncoder.encode(list.append(']').toString(), StandardCharsets.UTF_8));
        }
        boolean strict = !symbols.isEmpty();
        return get(q.toString(), (json, body, t) -> {
            List<String> skipped = new ArrayList<>();
            List<Instrument> out = json.exchangeInfo(body, strict, skipped);
            if (!skipped.isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "exchangeInfo: skipped " + skipped.size() + " symbols an Instrument cannot hold: "
                        + (skipped.size() > 20 ? skipped.subList(0, 20) + "..." : skipped));
            }
            return out;
        });
    }

    /** {@code GET /api/v3/time}: the server's time in epoch milliseconds. */
    public CompletableFuture<Long> serverTime() {
        return get("/api/v3/time", (json, body, t) -> json.serverTime(body));
    }

    /** The last {@code X-MBX-USED-WEIGHT-1M} Binance reported, -1 before any answer carried it. */
    public long usedWeight1m() {
        return usedWeight1m;
    }

    /** True while a 429/418 window runs: calls fail at once with BACKING_OFF. */
    public boolean isBackingOff() {
        return transport.isBackingOff();
    }

    /** The end of the latest 429/418 window on the clock, empty when there never was one. */
    public OptionalLong backingOffUntilNanos() {
        long until = transport.blockedUntilNanos();
        return until == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(until);
    }

    /** Requests that went out on the network. */
    public long requestsSent() {
        return transport.requestsSent();
    }

    /** Calls refused locally during a back-off window. */
    public long requestsRefused() {
        return transport.requestsRefused();
    }

    private static void checkLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new IllegalArgumentException("limit must be 1-" + max + ": " + limit);
        }
    }

    private static String checkSymbol(String s) {
        if (s == null || !s.matches("[A-Z0-9]{2,20}")) {
            throw new IllegalArgumentException("symbol must be 2-20 upper-case letters or digits: " + s);
        }
        return s;
    }

    private <T> CompletableFuture<T> get(String pathAndQuery, BodyParser<T> parser) {
        CompletableFuture<T> out = new CompletableFuture<>();
        RestFailure refused = transport.refusal(clock.nanos());
        if (refused != null) {
            complete(out, null, refused);
            return out;
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(transport.url(pathAndQuery)))
                .header("Accept", "application/json").GET();
        transport.send(req).whenComplete((resp, err) -> {
            long received = clock.nanos();
            if (err != null) {
                complete(out, null, RestTransport.transportFailure(err, null));
                return;
            }
            try {
                Object result = answer(resp, received, pathOf(pathAndQuery), parser);
                if (result instanceof RestFailure f) {
                    complete(out, null, f);
                } else {
                    @SuppressWarnings("unchecked")
                    T value = (T) result;
                    complete(out, value, null);
                }
            } catch (IOException | RuntimeException e) {
                complete(out, null, new RestFailure(RestFailure.Kind.MALFORMED_RESPONSE, resp.statusCode(), RestFailure.NO_CODE,
                        pathOf(pathAndQuery) + ": " + e.getMessage(), 0));
            }
        });
        return out;
    }

    private static String pathOf(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    /** The parsed value, or a {@link RestFailure}. */
    private <T> Object answer(HttpResponse<byte[]> resp, long received, String path, BodyParser<T> parser) throws IOException {
        resp.headers().firstValue("X-MBX-USED-WEIGHT-1M").ifPresent(this::noteWeight);
        if (resp.statusCode() == 200) {
            return parser.parse(new RestJson(), resp.body(), received);
        }
        return transport.failure(resp, received, "GET " + path);
    }

    private void noteWeight(String v) {
        try {
            usedWeight1m = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            LOG.log(System.Logger.Level.DEBUG, "unreadable X-MBX-USED-WEIGHT-1M: " + v);
        }
    }

    /** Completes {@code out} on the callback executor (or here, if the executor is shut down). */
    private <T> void complete(CompletableFuture<T> out, T value, RestFailure failure) {
        transport.complete(failure == null ? () -> out.complete(value)
                : () -> out.completeExceptionally(new BinanceRestException(failure)));
    }
}
