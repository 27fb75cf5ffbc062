package io.ttquant.sim.server;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.sim.market.Account;
import io.ttquant.sim.market.AccountTrade;
import io.ttquant.sim.market.CancelOutcome;
import io.ttquant.sim.market.DepthSnapshot;
import io.ttquant.sim.market.Kline;
import io.ttquant.sim.market.NewOrderRespType;
import io.ttquant.sim.market.OrderOutcome;
import io.ttquant.sim.market.OrderRequest;
import io.ttquant.sim.market.OrderStatus;
import io.ttquant.sim.market.Rejection;
import io.ttquant.sim.market.SimAggTrade;
import io.ttquant.sim.market.SimExchange;
import io.ttquant.sim.market.SimOrder;
import io.ttquant.sim.market.SimTrade;
import io.ttquant.sim.market.SymbolMarket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Binance's spot REST API on top of {@link SimExchange}: routing by path and method, request
 * weights and rate limits, API-key, timestamp and HMAC signature checks for SIGNED endpoints,
 * parameter validation with Binance's codes and messages, and the JSON answers.
 *
 * <p>Runs on the engine thread only, one request at a time. Every outcome, including a bug, ends
 * as an HTTP answer in the {@link RestExchange}: an exception is logged and answered 500 / -1000,
 * never propagated.
 */
final class RestApi {
    private static final System.Logger LOG = System.getLogger(RestApi.class.getName());
    static final String WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";
    static final String ORDER_COUNT_10S = "X-MBX-ORDER-COUNT-10S";
    static final String ORDER_COUNT_1D = "X-MBX-ORDER-COUNT-1D";
    static final String SYMBOLS_RANGE = "^\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\"){0,}){0,1}\\]$";
    private static final long MAX_RECV_WINDOW = 60_000L;

    /** Who may call an endpoint. */
    enum Security { NONE, USER_STREAM, SIGNED }

    /** Every route: method, path, security. */
    enum Endpoint {
        PING("GET", "/api/v3/ping", Security.NONE),
        TIME("GET", "/api/v3/time", Security.NONE),
        EXCHANGE_INFO("GET", "/api/v3/exchangeInfo", Security.NONE),
        DEPTH("GET", "/api/v3/depth", Security.NONE),
        TRADES("GET", "/api/v3/trades", Security.NONE),
        HISTORICAL_TRADES("GET", "/api/v3/historicalTrades", Security.NONE),
        AGG_TRADES("GET", "/api/v3/aggTrades", Security.NONE),
        KLINES("GET", "/api/v3/klines", Security.NONE),
        BOOK_TICKER("GET", "/api/v3/ticker/bookTicker", Security.NONE),
        TICKER_24H("GET", "/api/v3/ticker/24hr", Security.NONE),
        NEW_ORDER("POST", "/api/v3/order", Security.SIGNED),
        QUERY_ORDER("GET", "/api/v3/order", Security.SIGNED),
        CANCEL_ORDER("DELETE", "/api/v3/order", Security.SIGNED),
        OPEN_ORDERS("GET", "/api/v3/openOrders", Security.SIGNED),
        CANCEL_OPEN_ORDERS("DELETE", "/api/v3/openOrders", Security.SIGNED),
        ACCOUNT("GET", "/api/v3/account", Security.SIGNED),
        MY_TRADES("GET", "/api/v3/myTrades", Security.SIGNED),
        START_USER_STREAM("POST", "/api/v3/userDataStream", Security.USER_STREAM),
        KEEPALIVE_USER_STREAM("PUT", "/api/v3/userDataStream", Security.USER_STREAM),
        CLOSE_USER_STREAM("DELETE", "/api/v3/userDataStream", Security.USER_STREAM);

        final String method;
        final String path;
        final Security security;

        Endpoint(String method, String path, Security security) {
            this.method = method;
            this.path = path;
            this.security = security;
        }

        static Endpoint find(String method, String path) {
            for (Endpoint e : values()) {
                if (e.path.equals(path) && e.method.equals(method)) {
                    return e;
                }
            }
            return null;
        }

        static boolean knownPath(String path) {
            for (Endpoint e : values()) {
                if (e.path.equals(path)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final SimExchange exchange;
    private final SimServerConfig config;
    private final RateLimits limits;
    private final ListenKeys listenKeys;
    private final Consumer<String> onListenKeyClosed;
    private final SimServerStats stats;
    private final FaultInjector faults;
    private final HmacSignature hmac = new HmacSignature();
    private final JsonWriter w = new JsonWriter(64 * 1024);

    RestApi(SimExchange exchange, SimServerConfig config, RateLimits limits, ListenKeys listenKeys,
            Consumer<String> onListenKeyClosed, SimServerStats stats, FaultInjector faults) {
        this.exchange = exchange;
        this.config = config;
        this.limits = limits;
        this.listenKeys = listenKeys;
        this.onListenKeyClosed = onListenKeyClosed;
        this.stats = stats;
        this.faults = faults;
    }

    /** Answers one request into {@code ex}. Never throws. */
    void handle(RestExchange ex) {
        long now;
        try {
            now = exchange.nowMillis();
        } catch (RuntimeException e) {
            now = System.currentTimeMillis();
        }
        try {
            dispatch(ex, now);
        } catch (Throwable t) {
            stats.restInternalErrors.incrementAndGet();
            LOG.log(System.Logger.Level.ERROR, "bug answering " + ex.method + " " + ex.path, t);
            ex.headerNames.clear();
            ex.headerValues.clear();
            ex.error(RestError.unknown(), w);
        }
        ex.header(WEIGHT_HEADER, Integer.toString(limits.usedWeight(ex.ip, now)));
    }

    /** Adds the {@code X-MBX-USED-WEIGHT-1M} header to an answer made outside {@link #handle}. */
    void addWeightHeader(RestExchange ex) {
        ex.header(WEIGHT_HEADER, Integer.toString(limits.usedWeight(ex.ip, exchange.nowMillis())));
    }

    private void dispatch(RestExchange ex, long now) {
        Endpoint e = Endpoint.find(ex.method, ex.path);
        if (e == null) {
            if (Endpoint.knownPath(ex.path)) {
                ex.error(RestError.of(405, -1020, "This operation is not supported."), w);
            } else {
                ex.status = 404;
                ex.contentType = RestExchange.HTML;
                ex.body = HttpHandler.notFoundHtml();
            }
            return;
        }
        RequestParams p = ex.params != null ? ex.params : RequestParams.parse(ex.rawQuery, bodyOf(ex));
        RestError limited = limits.chargeWeight(ex.ip, weight(e, p), now);
        if (limited != null) {
            ex.error(limited, w);
            return;
        }
        if (p.failed()) {
            ex.error(p.error(), w);
            return;
        }
        // The clock clients see, skewed by an injected fault; rate-limit windows keep the true one.
        long serverNow = now + faults.clockSkewMillis();
        Account account = null;
        if (e.security != Security.NONE) {
            account = authenticate(ex, e, p, serverNow);
            if (account == null) {
                return;
            }
        }
        RestError err = switch (e) {
            case PING -> ping(ex, p);
            case TIME -> time(ex, p, serverNow);
            case EXCHANGE_INFO -> exchangeInfo(ex, p, serverNow);
            case DEPTH -> depth(ex, p);
            case TRADES -> trades(ex, p);
            case HISTORICAL_TRADES -> historicalTrades(ex, p);
            case AGG_TRADES -> aggTrades(ex, p);
            case KLINES -> klines(ex, p);
            case BOOK_TICKER -> bookTicker(ex, p);
            case TICKER_24H -> ticker24h(ex, p);
            case NEW_ORDER -> newOrder(ex, p, account, now);
            case QUERY_ORDER -> queryOrder(ex, p, account);
            case CANCEL_ORDER -> cancelOrder(ex, p, account, now);
            case OPEN_ORDERS -> openOrders(ex, p, account);
            case CANCEL_OPEN_ORDERS -> cancelOpenOrders(ex, p, account, now);
            case ACCOUNT -> account(ex, p, account);
            case MY_TRADES -> myTrades(ex, p, account);
            case START_USER_STREAM -> startUserStream(ex, p, account, now);
            case KEEPALIVE_USER_STREAM -> keepAliveUserStream(ex, p, account, now);
            case CLOSE_USER_STREAM -> closeUserStream(ex, p, account, now);
        };
        if (err != null) {
            ex.error(err, w);
        }
    }

    /** Binance's request weight of {@code e} with these parameters. */
    static int weight(Endpoint e, RequestParams p) {
        switch (e) {
            case PING:
            case TIME:
            case NEW_ORDER:
            case CANCEL_ORDER:
            case CANCEL_OPEN_ORDERS:
                return 1;
            case EXCHANGE_INFO:
            case ACCOUNT:
                return 20;
            case DEPTH: {
                long limit = RequestParams.parseUnsignedLong(nullToEmpty(p.peek("limit")));
                if (limit <= 0) {
                    limit = 100;
                }
                return limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
            }
            case TRADES:
            case HISTORICAL_TRADES:
                return 25;
            case AGG_TRADES:
                return 4;
            case KLINES:
            case START_USER_STREAM:
            case KEEPALIVE_USER_STREAM:
            case CLOSE_USER_STREAM:
                return 2;
            case BOOK_TICKER:
                return p.peek("symbol") != null ? 2 : 4;
            case TICKER_24H: {
                if (p.peek("symbol") != null) {
                    return 2;
                }
                String symbols = p.peek("symbols");
                if (symbols == null) {
                    return 80;
                }
                int n = symbols.isEmpty() ? 0 : symbols.split(",", -1).length;
                return n <= 20 ? 2 : n <= 100 ? 40 : 80;
            }
            case QUERY_ORDER:
                return 4;
            case OPEN_ORDERS:
                return p.peek("symbol") != null ? 6 : 80;
            case MY_TRADES:
                return p.peek("orderId") != null ? 5 : 20;
            default:
                return 1;
        }
    }

    // ---- security ----

    private Account authenticate(RestExchange ex, Endpoint e, RequestParams p, long now) {
        String key = ex.apiKey;
        if (key == null || key.isEmpty() || key.length() > 256 || !isPrintableAscii(key)) {
            ex.error(RestError.badApiKeyFormat(), w);
            return null;
        }
        Account account = exchange.account(key);
        if (account == null) {
            ex.error(RestError.rejectedApiKey(), w);
            return null;
        }
        if (e.security != Security.SIGNED) {
            return account;
        }
        long timestamp = p.mandatoryLong("timestamp");
        long recvWindow = recvWindow(p);
        if (p.failed()) {
            ex.error(p.error(), w);
            return null;
        }
        if (timestamp >= 100_000_000_000_000L) {
            timestamp /= 1000; // Binance accepts microsecond timestamps too
        }
        if (timestamp >= now + 1000) {
            ex.error(RestError.timestampAhead(), w);
            return null;
        }
        if (now - timestamp > recvWindow) {
            ex.error(RestError.timestampOutsideRecvWindow(), w);
            return null;
        }
        String signature = p.raw("signature");
        if (signature == null || signature.isEmpty()) {
            ex.error(RestError.mandatory("signature"), w);
            return null;
        }
        boolean valid = ex.signatureValid != null ? ex.signatureValid
                : hmac.verify(account.secret(), ex.rawQuery, bodyOf(ex), signature);
        if (!valid) {
            ex.error(RestError.badSignature(), w);
            return null;
        }
        return account;
    }

    /** recvWindow in whole milliseconds (Binance also accepts three decimals); 5000 when absent. */
    private static long recvWindow(RequestParams p) {
        String v = p.optString("recvWindow");
        if (v == null) {
            return 5000;
        }
        if (!RequestParams.isDecimal(v)) {
            p.fail(RestError.illegalChars("recvWindow", RequestParams.LONG_RANGE));
            return 5000;
        }
        int dot = v.indexOf('.');
        long whole = RequestParams.parseUnsignedLong(dot < 0 ? v : v.substring(0, dot));
        if (whole < 0 || whole > MAX_RECV_WINDOW || (whole == MAX_RECV_WINDOW && dot >= 0 && !v.substring(dot + 1).matches("0*"))) {
            p.fail(RestError.badRecvWindow());
            return 5000;
        }
        return whole;
    }

    private static boolean isPrintableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    // ---- general ----

    private RestError ping(RestExchange ex, RequestParams p) {
        p.checkAllRead();
        if (p.failed()) {
            return p.error();
        }
        w.reset().beginObject().endObject();
        ex.ok(w);
        return null;
    }

    private RestError time(RestExchange ex, RequestParams p, long now) {
        p.checkAllRead();
        if (p.failed()) {
            return p.error();
        }
        w.reset().beginObject().field("serverTime", now).endObject();
        ex.ok(w);
        return null;
    }

    private RestError exchangeInfo(RestExchange ex, RequestParams p, long now) {
        String symbol = p.symbol("symbol", false);
        String symbolsText = p.optString("symbols");
        String permissions = p.optString("permissions");
        String showPermissionSets = p.optString("showPermissionSets");
        String symbolStatus = p.optString("symbolStatus");
        p.checkAllRead();
        if (p.failed()) {
            return p.error();
        }
        if (symbol != null && symbolsText != null
                || (permissions != null || symbolStatus != null) && (symbol != null || symbolsText != null)) {
            return RestError.badCombination();
        }
        if (showPermissionSets != null && !"true".equals(showPermissionSets) && !"false".equals(showPermissionSets)) {
            return RestError.invalidParameter("showPermissionSets");
        }
        List<SymbolMarket> selected = new ArrayList<>();
        if (symbol != null) {
            SymbolMarket m = exchange.market(symbol);
            if (m == null) {
                return RestError.badSymbol();
            }
            selected.add(m);
        } else if (symbolsText != null) {
            List<String> names = parseSymbols(symbolsText);
            if (names == null) {
                return RestError.illegalChars("symbols", SYMBOLS_RANGE);
            }
            for (String n : names) {
                SymbolMarket m = exchange.market(n);
                if (m == null) {
                    return RestError.badSymbol();
                }
                selected.add(m);
            }
        } else {
            boolean spot = permissions == null || permissions.equals("SPOT") || permissions.contains("\"SPOT\"");
            boolean trading = symbolStatus == null || symbolStatus.equals("TRADING");
            if (symbolStatus != null && !symbolStatus.equals("TRADING") && !symbolStatus.equals("HALT") && !symbolStatus.equals("BREAK")) {
                return RestError.invalidParameter("symbolStatus");
            }
            if (spot && trading) {
                selected.addAll(exchange.markets());
            }
        }
        w.reset().beginObject().field("timezone", "UTC").field("serverTime", now);
        BinanceJson.rateLimits(w, config);
        w.name("exchangeFilters").beginArray().endArray();
        w.name("symbols").beginArray();
        for (SymbolMarket m : selected) {
            BinanceJson.symbolInfo(w, m, !"false".equals(showPermissionSets));
        }
        w.endArray().endObject();
        ex.ok(w);
        return null;
    }

    // ---- market data ----

    private SymbolMarket market(RequestParams p) {
        String symbol = p.symbol("symbol", true);
        if (symbol == null) {
            return null;
        }
        SymbolMarket m = exchange.market(symbol);
        if (m == null) {
            p.fail(RestError.badSymbol());
        }
        return m;
    }

    /** An optional INT limit: {@code dflt} when absent, capped at {@code max}; invalid values are recorded. */
    private static int limit(RequestParams p, int dflt, int max) {
        long v = p.optLong("limit");
        if (v == Long.MIN_VALUE) {
            return dflt;
        }
        if (v <= 0) {
            p.fail(RestError.invalidParameter("limit"));
            return dflt;
        }
        return (int) Math.min(v, max);
    }

    private static Long optionalLong(RequestParams p, String name) {
        long v = p.optLong(name);
        return v == Long.MIN_VALUE ? null : v;
    }

    private RestError depth(RestExchange ex, RequestParams p) {
        SymbolMarket m = market(p);
        int limit = limit(p, 100, 5000);
        p.checkAllRead();
        if (p.failed()) {
            return p.error();
        }
        DepthSnapshot d = m.depth(limit);
        Instrument in = m.instrument();
        w.reset().beginObject().field("lastUpdateId", d.lastUpdateId()).name("bids");
        BinanceJson.levels(w, d.bids(), limit, in.priceScale(), in.qtyScale());
        w.name("asks");
        BinanceJson.levels(w, d.asks(), limit, in.priceScale(), in.qtyScale());
        w.endObject();
        ex.ok(w);
        return null;
    }

    private RestError trades(RestExchange ex, RequestParams p) {
        SymbolMarket m = market(p);
        int limit = limit(p, 500, 1000);
        p.checkAllRead();
        if (p.failed()) {
            return p.error();
        }
        w.reset().beginArray();
        for (SimTrade t : m.recentTrades(limit)) {
            BinanceJson.trade(w, t, m.instrument());
        }
        w.endArray();
        ex.ok(w);
        return null;
    }

    /**
     * {@code /api/v3/historicalTrades}: trades from {@code fromId} on (the most recent when absent),
     * oldest first, in {@code /api/v3/trades}' shape. Ids older than the kept history start at the
     * oldest kept trade; ids past the last trade give an empty list.
     */
    private RestError historicalTrades(RestExchange ex, RequestParams p) {
        SymbolMarket m = market(p);
        int limit = limit(p, 500, 1000);
        Long fromId = optionalLong(p, "fromId");
        p.checkAllRead();
        if (p.failed()) {
            return p.error();
        }
        w.reset().beginArray();
        for (SimTrade t : m.historicalTrades(fromId, limit)) {
            BinanceJson.trade(w, t, m.instrument());
        }
        w.endArray();
        ex.ok(w);
        return null;
    }

    private RestError aggTrades(RestExchange ex, RequestParams p) {
        SymbolMarket m = market(p);
        Long fromId = optionalLong(p, "fromId");
        Long startTime = optionalLong(p, "startTime");
        Long endTime = optionalLong(p, "endTime");
        int limit = limit(p, 500, 1000);
        p.checkAllRead();
        if (p.failed()) {
            return p.error();
        }
        Rejection r = SymbolMarket.checkAggTradesQuery(fromId, startTime, endTime);
        if (r != null) {
            return toError(r);
        }
        w.reset().beginArray();
        for (SimAggTrade a : m.aggTrades(fromId, startTime, endTime, limit)) {
            BinanceJson.aggTrade(w, a, m.instrument());
        }
        w.endArray();
        ex.ok(w);
        return null;
    }

    private RestError klines(RestExchange ex, RequestParams p) {
        SymbolMarket m = market(p);
        String interval = p.mandatoryString("interval");
        Long startTime = optionalLong(p, "startTime");
        Long endTime = optionalLong(p, "endTime");
        String timeZone = p.optString("timeZone");
        int limit = limit(p, 500, 1000);
        p.checkAllRead();
        if (p.failed()) {
            return p.error();
        }
        Rejection r = SymbolMarket.checkKlinesQuery(interval);
        if (r != null) {
            return toError(r);
        }
        if (timeZone != null && !isUtc(timeZone)) {
            return RestError.invalidParameter("timeZone");
        }
        if (startTime != null && endTime != null && endTime < startTime) {
            return RestError.invalidParameter("endTime");
        }
        w.reset().beginArray();
        for (Kline k : m.klines(interval, startTime, endTime, limit)) {
            BinanceJson.kline(w, k, m.instrument());
        }
        w.endArray();
        ex.ok(w);
        return null;
    }

    private static boolean isUtc(String tz) {
        return tz.matches("[+-]?0{1,2}(:00)?");
    }

    /** The markets named by {@code symbol} or {@code symbols}, all when neither is sent; null with the failure recorded. */
    private List<SymbolMarket> selectMarkets(RequestParams p) {
        String symbol = p.symbol("symbol", false);
        String symbolsText = p.optString("symbols");
        if (p.failed()) {
            return null;
        }
        if (symbol != null && symbolsText != null) {
            p.fail(RestError.badCombination());
            return null;
        }
        List<SymbolMarket> out = new ArrayList<>();
        if (symbol != null) {
            SymbolMarket m = exchange.market(symbol);
            if (m == null) {
                p.fail(RestError.badSymbol());
                return null;
            }
            out.add(m);
            return out;
        }
        if (symbolsText != null) {
            List<String> names = parseSymbols(symbolsText);
            if (names == null) {
                p.fail(RestError.illegalChars("symbols", SYMBOLS_RANGE));
                return null;
            }
            for (String n : names) {
                SymbolMarket m = exchange.market(n);
                if (m == null) {
                    p.fail(RestError.badSymbol());
                    return null;
                }
                out.add(m);
            }
            return out;
        }
        out.addAll(exchange.markets());
        return out;
    }

    private RestError bookTicker(RestExchange ex, RequestParams p) {
        boolean single = p.peek("symbol") != null;
        List<SymbolMarket> markets = selectMarkets(p);
        p.checkAllRead();
        if (p.failed()) {
            return p.error();
        }
        w.reset();
        if (single) {
            BinanceJson.bookTicker(w, markets.get(0));
        } else {
            w.beginArray();
            for (SymbolMarket m : markets) {
                BinanceJson.bookTicker(w, m);
            }
            w.endArray();
        }
        ex.ok(w);
        return null;
    }

    private RestError ticker24h(RestExchange ex, RequestParams p) {
        boolean single = p.peek("symbol") != null;
        List<SymbolMarket> markets = selectMarkets(p);
        String type = p.optString("type");
        p.checkAllRead();
        if (p.failed()) {
            return p.error();
        }
        if (type != null && !type.equals("FULL") && !type.equals("MINI")) {
            return RestError.badRequest(-1139, "Invalid ticker type.");
        }
        boolean full = !"MINI".equals(type);
        w.reset();
        if (single) {
            SymbolMarket m = markets.get(0);
            BinanceJson.ticker24h(w, m.ticker24h(), m.instrument(), full);
        } else {
            w.beginArray();
            for (SymbolMarket m : markets) {
                BinanceJson.ticker24h(w, m.ticker24h(), m.instrument(), full);
            }
            w.endArray();
        }
        ex.ok(w);
        return null;
    }

    /** Parses {@code ["A","B"]}; null when it is not that shape. */
    static List<String> parseSymbols(String text) {
        String s = text.trim();
        if (s.length() < 2 || s.charAt(0) != '[' || s.charAt(s.length() - 1) != ']') {
            return null;
        }
        List<String> out = new ArrayList<>();
        String inner = s.substring(1, s.length() - 1).trim();
        if (inner.isEmpty()) {
            return out;
        }
        for (String part : inner.split(",", -1)) {
            String t = part.trim();
            if (t.length() < 3 || t.charAt(0) != '"' || t.charAt(t.length() - 1) != '"') {
                return null;
            }
            String name = t.substring(1, t.length() - 1);
            if (!RequestParams.matchesSymbol(name)) {
                return null;
            }
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    // ---- trading ----

    private RestError newOrder(RestExchange ex, RequestParams p, Account account, long now) {
        String symbol = p.symbol("symbol", true);
        String side = p.raw("side");
        String type = p.raw("type");
        String timeInForce = p.raw("timeInForce");
        String quantity = p.raw("quantity");
        String quoteOrderQty = p.raw("quoteOrderQty");
        String price = p.raw("price");
        String newClientOrderId = p.raw("newClientOrderId");
        String stopPrice = p.raw("stopPrice");
        String respType = p.raw("newOrderRespType");
        String stpMode = p.raw("selfTradePreventionMode");
        String icebergQty = p.optDecimal("icebergQty");
        long trailingDelta = p.optLong("trailingDelta");
        p.optLong("strategyId");
        long strategyType = p.optLong("strategyType");
        p.checkAllRead();
        if (p.failed()) {
            return p.error();
        }
        RestError tooMany = limits.countOrder(account.apiKey(), now);
        addOrderCountHeaders(ex, account, now);
        if (tooMany != null) {
            return tooMany;
        }
        if (strategyType != Long.MIN_VALUE && strategyType < 1_000_000) {
            return RestError.badRequest(-1134, "`strategyType` was less than 1000000.");
        }
        if (icebergQty != null && !isZero(icebergQty)) {
            return RestError.badRequest(-2010, "Iceberg orders are not supported for this symbol.");
        }
        if (trailingDelta != Long.MIN_VALUE) {
            return RestError.badRequest(-2010, "Trailing stop orders are not supported for this symbol.");
        }
        OrderRequest req = new OrderRequest(symbol, side, type, timeInForce, quantity, quoteOrderQty, price, stopPrice,
                newClientOrderId, respType, stpMode);
        OrderOutcome out = exchange.newOrder(account, req);
        if (out.isRejected()) {
            return toError(out.rejection());
        }
        SimOrder o = out.order();
        Instrument in = exchange.market(o.symbol()).instrument();
        NewOrderRespType rt = out.respType();
        w.reset();
        BinanceJson.newOrder(w, o, in, out.fills(), rt != NewOrderRespType.ACK, rt == NewOrderRespType.FULL);
        ex.ok(w);
        return null;
    }

    private static boolean isZero(String decimal) {
        for (int i = 0; i < decimal.length(); i++) {
            char c = decimal.charAt(i);
            if (c != '0' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private void addOrderCountHeaders(RestExchange ex, Account account, long now) {
        ex.header(ORDER_COUNT_10S, Integer.toString(limits.orderCount10s(account.apiKey(), now)));
        ex.header(ORDER_COUNT_1D, Integer.toString(limits.orderCountDay(account.apiKey(), now)));
    }

    private RestError queryOrder(RestExchange ex, RequestParams p, Account account) {
        SymbolMarket m = market(p);
        Long orderId = optionalLong(p, "orderId");
        String origClientOrderId = p.clientOrderId("origClientOrderId");
        p.checkAllRead();
        if (p.failed()) {
            return p.error();
        }
        if (orderId == null && origClientOrderId == null) {
            return RestError.eitherMandatory("origClientOrderId", "orderId");
        }
        SimOrder o = exchange.order(account, m.symbol(), orderId, origClientOrderId);
        if (o == null || origClientOrderId != null && !origClientOrderId.equals(o.clientOrderId())) {
            return RestError.badRequest(-2013, "Order does not exist.");
        }
        w.reset();
        BinanceJson.queryOrder(w, o, m.instrument());
        ex.ok(w);
        return null;
    }

    private RestError cancelOrder(RestExchange ex, RequestParams p, Account account, long now) {
        SymbolMarket m = market(p);
        Long orderId = optionalLong(p, "orderId");
        String origClientOrderId = p.clientOrderId("origClientOrderId");
        String newClientOrderId = p.clientOrderId("newClientOrderId");
        String restrictions = p.optString("cancelRestrictions");
        p.checkAllRead();
        if (p.failed()) {
            return p.error();
        }
        if (orderId == null && origClientOrderId == null) {
            return RestError.eitherMandatory("origClientOrderId", "orderId");
        }
        if (orderId != null && origClientOrderId != null) {
            SimOrder o = exchange.order(account, m.symbol(), orderId, null);
            if (o == null || !origClientOrderId.equals(o.clientOrderId())) {
                return RestError.badRequest(-2011, "Unknown order sent.");
            }
        }
        if (restrictions != null) {
            if (!restrictions.equals("ONLY_NEW") && !restrictions.equals("ONLY_PARTIALLY_FILLED")) {
                return RestError.badRequest(-1145, "Invalid cancelRestrictions");
            }
            SimOrder o = exchange.order(account, m.symbol(), orderId, origClientOrderId);
            OrderStatus want = restrictions.equals("ONLY_NEW") ? OrderStatus.NEW : OrderStatus.PARTIALLY_FILLED;
            if (o != null && o.isOpen() && o.status() != want) {
                return RestError.badRequest(-2011, "Order was not canceled due to cancel restrictions.");
            }
        }
        CancelOutcome out = exchange.cancel(account, m.symbol(), orderId, origClientOrderId, newClientOrderId);
        if (out.isRejected()) {
            return toError(out.rejection());
        }
        w.reset();
        BinanceJson.canceledOrder(w, out.order(), m.instrument(), now);
        ex.ok(w);
        return null;
    }

    private RestError openOrders(RestExchange ex, RequestParams p, Account account) {
        boolean hasSymbol = p.has("symbol");
        SymbolMarket m = hasSymbol ? market(p) : null;
        p.checkAllRead();
        if (p.failed()) {
            return p.error();
        }
        List<SimOrder> orders = exchange.openOrders(account, m == null ? null : m.symbol());
        w.reset().beginArray();
        for (SimOrder o : orders) {
            BinanceJson.queryOrder(w, o, exchange.market(o.symbol()).instrument());
        }
        w.endArray();
        ex.ok(w);
        return null;
    }

    private RestError cancelOpenOrders(RestExchange ex, RequestParams p, Account account, long now) {
        SymbolMarket m = market(p);
        p.checkAllRead();
        if (p.failed()) {
            return p.error();
        }
        if (!account.canTrade()) {
            return RestError.badRequest(-2011, "This account may not place or cancel orders.");
        }
        List<SimOrder> canceled = exchange.cancelAll(account, m.symbol());
        if (canceled.isEmpty()) {
            return RestError.badRequest(-2011, "Unknown order sent.");
        }
        w.reset().beginArray();
        for (SimOrder o : canceled) {
            BinanceJson.canceledOrder(w, o, m.instrument(), now);
        }
        w.endArray();
        ex.ok(w);
        return null;
    }

    private RestError account(RestExchange ex, RequestParams p, Account account) {
        String omit = p.optString("omitZeroBalances");
        p.checkAllRead();
        if (p.failed()) {
            return p.error();
        }
        if (omit != null && !omit.equals("true") && !omit.equals("false")) {
            return RestError.invalidParameter("omitZeroBalances");
        }
        w.reset();
        BinanceJson.account(w, account, "true".equals(omit));
        ex.ok(w);
        return null;
    }

    private RestError myTrades(RestExchange ex, RequestParams p, Account account) {
        SymbolMarket m = market(p);
        Long orderId = optionalLong(p, "orderId");
        Long startTime = optionalLong(p, "startTime");
        Long endTime = optionalLong(p, "endTime");
        Long fromId = optionalLong(p, "fromId");
        int limit = limit(p, 500, 1000);
        p.checkAllRead();
        if (p.failed()) {
            return p.error();
        }
        Rejection r = SimExchange.checkMyTradesQuery(orderId, fromId, startTime, endTime);
        if (r != null) {
            return toError(r);
        }
        List<AccountTrade> trades = exchange.myTrades(account, m.symbol(), orderId, fromId, startTime, endTime, limit);
        w.reset().beginArray();
        for (AccountTrade t : trades) {
            BinanceJson.myTrade(w, t, m.instrument());
        }
        w.endArray();
        ex.ok(w);
        return null;
    }

    // ---- user data stream ----

    private RestError startUserStream(RestExchange ex, RequestParams p, Account account, long now) {
        p.checkAllRead();
        if (p.failed()) {
            return p.error();
        }
        String key = listenKeys.create(account.apiKey(), now);
        w.reset().beginObject().field("listenKey", key).endObject();
        ex.ok(w);
        return null;
    }

    private RestError keepAliveUserStream(RestExchange ex, RequestParams p, Account account, long now) {
        String key = p.mandatoryString("listenKey");
        p.checkAllRead();
        if (p.failed()) {
            return p.error();
        }
        if (!listenKeys.keepAlive(account.apiKey(), key, now)) {
            return RestError.invalidListenKey();
        }
        w.reset().beginObject().endObject();
        ex.ok(w);
        return null;
    }

    private RestError closeUserStream(RestExchange ex, RequestParams p, Account account, long now) {
        String key = p.mandatoryString("listenKey");
        p.checkAllRead();
        if (p.failed()) {
            return p.error();
        }
        if (!listenKeys.close(account.apiKey(), key, now)) {
            return RestError.invalidListenKey();
        }
        onListenKeyClosed.accept(key);
        w.reset().beginObject().endObject();
        ex.ok(w);
        return null;
    }

    // ---- helpers ----

    /** The body's parameters count only for non-GET requests, as on Binance. */
    static String bodyOf(RestExchange ex) {
        return "GET".equals(ex.method) ? "" : ex.rawBody;
    }

    static RestError toError(Rejection r) {
        return RestError.of(r.httpStatus(), r.code(), r.message());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
