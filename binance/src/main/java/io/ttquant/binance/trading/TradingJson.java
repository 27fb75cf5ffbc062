package io.ttquant.binance.trading;

import static io.ttquant.binance.json.AnswerReader.JSON;
import static io.ttquant.binance.json.AnswerReader.bool;
import static io.ttquant.binance.json.AnswerReader.end;
import static io.ttquant.binance.json.AnswerReader.expect;
import static io.ttquant.binance.json.AnswerReader.longValue;
import static io.ttquant.binance.json.AnswerReader.nonNegative;
import static io.ttquant.binance.json.AnswerReader.text;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ttquant.binance.json.AnswerReader;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads Binance's spot trading answers (orders, account trades, the account, server time and
 * exchangeInfo's rate limits) with jackson-core's streaming parser by {@link AnswerReader}'s
 * rules, independent of key order and ignoring unknown fields (error bodies are
 * {@link io.ttquant.binance.json.BinanceError}'s). Decimals go from the
 * parser's buffer to exact fixed-point longs: prices and quantities at the instrument's scales,
 * quote amounts, commissions and balances at {@link Fixed#CASH_SCALE}; a value finer than its
 * scale, negative, or a symbol other than the one asked for fails the whole answer.
 *
 * <p>One instance per answer being parsed (it reuses a view of the parser's buffer, so it is not
 * thread-safe). Throws {@link IOException} or a {@link RuntimeException} on malformed input;
 * never returns a partial result.
 */
final class TradingJson {
    /** Decimal fields of an order whose scale depends on an instrument not known yet (symbol after them). */
    private static final int D_PRICE = 0;
    private static final int D_ORIG_QTY = 1;
    private static final int D_EXECUTED_QTY = 2;
    private static final int D_STOP_PRICE = 3;

    private final AnswerReader values = new AnswerReader();

    /** {@code GET /api/v3/time}: {@code serverTime} in epoch milliseconds. */
    long serverTime(byte[] body) throws IOException {
        return AnswerReader.serverTime(body);
    }

    /** One order object (new order, cancel, query) of {@code instrument}. */
    VenueOrder order(byte[] body, Instrument instrument) throws IOException {
        try (JsonParser p = JSON.createParser(body)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            VenueOrder o = readOrder(p, instrument, null);
            end(p);
            return o;
        }
    }

    /**
     * An array of order objects ({@code GET /api/v3/openOrders}): of {@code instrument} when it is
     * given, otherwise of any symbol {@code instruments} knows (an unknown symbol fails the answer).
     */
    List<VenueOrder> orders(byte[] body, Instrument instrument, Function<String, Instrument> instruments) throws IOException {
        List<VenueOrder> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            expect(p, p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                out.add(readOrder(p, instrument, instruments));
            }
            expect(p, p.currentToken(), JsonToken.END_ARRAY);
            end(p);
        }
        return out;
    }

    private VenueOrder readOrder(JsonParser p, Instrument known, Function<String, Instrument> lookup) throws IOException {
        Instrument in = known;
        String symbol = null;
        long orderId = -1;
        String clientOrderId = null;
        String origClientOrderId = null;
        long[] decimals = new long[4];
        String[] deferred = null;
        long quote = 0;
        BinanceOrderStatus status = null;
        TimeInForce tif = null;
        BinanceOrderType type = null;
        Side side = null;
        long transactTime = -1;
        long time = -1;
        long updateTime = -1;
        List<OrderFill> fills = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            int slot = switch (name) {
                case "price" -> D_PRICE;
                case "origQty" -> D_ORIG_QTY;
                case "executedQty" -> D_EXECUTED_QTY;
                case "stopPrice" -> D_STOP_PRICE;
                default -> -1;
            };
            if (slot >= 0) {
                if (in != null) {
                    decimals[slot] = values.decimal(p, v, slot == D_PRICE || slot == D_STOP_PRICE ? in.priceScale() : in.qtyScale());
                } else {
                    if (deferred == null) {
                        deferred = new String[4];
                    }
                    deferred[slot] = text(p, v);
                }
                continue;
            }
            switch (name) {
                case "symbol" -> {
                    symbol = text(p, v);
                    in = instrumentOf(p, symbol, known, lookup);
                }
                case "orderId" -> orderId = longValue(p, v);
                case "clientOrderId" -> clientOrderId = text(p, v);
                case "origClientOrderId" -> origClientOrderId = text(p, v);
                case "cummulativeQuoteQty" -> quote = values.decimal(p, v, Fixed.CASH_SCALE);
                case "status" -> status = BinanceOrderStatus.valueOf(text(p, v));
                case "timeInForce" -> tif = TimeInForce.valueOf(text(p, v));
                case "type" -> type = BinanceOrderType.valueOf(text(p, v));
                case "side" -> side = Side.valueOf(text(p, v));
                case "transactTime" -> transactTime = longValue(p, v);
                case "time" -> time = longValue(p, v);
                case "updateTime" -> updateTime = longValue(p, v);
                case "fills" -> {
                    if (in == null) {
                        throw new JsonParseException(p, "fills before the symbol");
                    }
                    fills = readFills(p, v, in);
                }
                default -> p.skipChildren();
            }
        }
        if (symbol == null || orderId < 0 || clientOrderId == null) {
            throw new IOException("order answer without symbol, orderId or clientOrderId");
        }
        if (deferred != null) {
            for (int i = 0; i < deferred.length; i++) {
                if (deferred[i] != null) {
                    int scale = i == D_PRICE || i == D_STOP_PRICE ? in.priceScale() : in.qtyScale();
                    decimals[i] = nonNegative(Fixed.parse(deferred[i], scale), deferred[i]);
                }
            }
        }
        boolean cancel = origClientOrderId != null;
        return new VenueOrder(in, orderId, cancel ? origClientOrderId : clientOrderId, cancel ? clientOrderId : null,
                decimals[D_PRICE], decimals[D_ORIG_QTY], decimals[D_EXECUTED_QTY], quote, status, tif, type, side,
                decimals[D_STOP_PRICE], transactTime, time, updateTime, fills);
    }

    private static Instrument instrumentOf(JsonParser p, String symbol, Instrument known, Function<String, Instrument> lookup)
            throws IOException {
        if (known != null) {
            if (!known.symbol().equals(symbol)) {
                throw new JsonParseException(p, "answer for " + symbol + ", asked for " + known.symbol());
            }
            return known;
        }
        Instrument in = lookup == null ? null : lookup.apply(symbol);
        if (in == null || !in.symbol().equals(symbol)) {
            throw new JsonParseException(p, "no instrument for symbol " + symbol);
        }
        return in;
    }

    private List<OrderFill> readFills(JsonParser p, JsonToken t, Instrument in) throws IOException {
        expect(p, t, JsonToken.START_ARRAY);
        List<OrderFill> fills = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            long price = -1;
            long qty = -1;
            long commission = -1;
            String asset = null;
            long tradeId = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "price" -> price = values.decimal(p, v, in.priceScale());
                    case "qty" -> qty = values.decimal(p, v, in.qtyScale());
                    case "commission" -> commission = values.decimal(p, v, Fixed.CASH_SCALE);
                    case "commissionAsset" -> asset = text(p, v);
                    case "tradeId" -> tradeId = longValue(p, v);
                    default -> p.skipChildren();
                }
            }
            if (price < 0 || qty < 0 || commission < 0 || asset == null) {
                throw new JsonParseException(p, "fill without price, qty, commission or commissionAsset");
            }
            fills.add(new OrderFill(price, qty, commission, asset, tradeId));
        }
        expect(p, p.currentToken(), JsonToken.END_ARRAY);
        return fills;
    }

    /** {@code GET /api/v3/myTrades} of {@code instrument}, oldest first as Binance sends them. */
    List<AccountTrade> trades(byte[] body, Instrument instrument) throws IOException {
        List<AccountTrade> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            expect(p, p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                out.add(readTrade(p, instrument));
            }
            expect(p, p.currentToken(), JsonToken.END_ARRAY);
            end(p);
        }
        return out;
    }

    private AccountTrade readTrade(JsonParser p, Instrument in) throws IOException {
        String symbol = null;
        long id = -1;
        long orderId = -1;
        long price = -1;
        long qty = -1;
        long quoteQty = -1;
        long commission = -1;
        String asset = null;
        long time = -1;
        Boolean buyer = null;
        Boolean maker = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "symbol" -> symbol = text(p, v);
                case "id" -> id = longValue(p, v);
                case "orderId" -> orderId = longValue(p, v);
                case "price" -> price = values.decimal(p, v, in.priceScale());
                case "qty" -> qty = values.decimal(p, v, in.qtyScale());
                case "quoteQty" -> quoteQty = values.decimal(p, v, Fixed.CASH_SCALE);
                case "commission" -> commission = values.decimal(p, v, Fixed.CASH_SCALE);
                case "commissionAsset" -> asset = text(p, v);
                case "time" -> time = longValue(p, v);
                case "isBuyer" -> buyer = bool(p, v);
                case "isMaker" -> maker = bool(p, v);
                default -> p.skipChildren();
            }
        }
        if (symbol == null || !symbol.equals(in.symbol())) {
            throw new JsonParseException(p, "trade of " + symbol + ", asked for " + in.symbol());
        }
        if (id < 0 || orderId < 0 || price < 0 || qty < 0 || quoteQty < 0 || commission < 0 || asset == null || time < 0
                || buyer == null || maker == null) {
            throw new JsonParseException(p, "trade without one of id, orderId, price, qty, quoteQty, commission, time, isBuyer, isMaker");
        }
        return new AccountTrade(in, id, orderId, price, qty, quoteQty, commission, asset, time, buyer, maker);
    }

    /** {@code GET /api/v3/account}: canTrade, updateTime and the balances. */
    AccountBalances account(byte[] body) throws IOException {
        boolean canTrade = false;
        long updateTime = -1;
        List<AssetBalance> balances = null;
        try (JsonParser p = JSON.createParser(body)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "canTrade" -> canTrade = bool(p, v);
                    case "updateTime" -> updateTime = longValue(p, v);
                    case "balances" -> balances = readBalances(p, v);
                    default -> p.skipChildren();
                }
            }
            end(p);
        }
        if (balances == null) {
            throw new IOException("account answer without balances");
        }
        return new AccountBalances(canTrade, updateTime, balances);
    }

    private List<AssetBalance> readBalances(JsonParser p, JsonToken t) throws IOException {
        expect(p, t, JsonToken.START_ARRAY);
        List<AssetBalance> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String asset = null;
            long free = -1;
            long locked = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "asset" -> asset = text(p, v);
                    case "free" -> free = values.decimal(p, v, Fixed.CASH_SCALE);
                    case "locked" -> locked = values.decimal(p, v, Fixed.CASH_SCALE);
                    default -> p.skipChildren();
                }
            }
            if (asset == null || free < 0 || locked < 0) {
                throw new JsonParseException(p, "balance without asset, free or locked");
            }
            out.add(new AssetBalance(asset, free, locked));
        }
        expect(p, p.currentToken(), JsonToken.END_ARRAY);
        return out;
    }

    /**
     * exchangeInfo's {@code rateLimits} (REQUEST_WEIGHT, ORDERS, RAW_REQUESTS over SECOND, MINUTE,
     * HOUR or DAY windows); entries of another type or unit are skipped, the symbols are not read.
     */
    List<RateLimit> rateLimits(byte[] body) throws IOException {
        List<RateLimit> out = null;
        try (JsonParser p = JSON.createParser(body)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("rateLimits")) {
                    out = readRateLimits(p, v);
                } else {
                    p.skipChildren();
                }
            }
            end(p);
        }
        if (out == null) {
            throw new IOException("exchangeInfo answer without rateLimits");
        }
        return out;
    }

    private static List<RateLimit> readRateLimits(JsonParser p, JsonToken t) throws IOException {
        expect(p, t, JsonToken.START_ARRAY);
        List<RateLimit> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String type = null;
            String unit = null;
            long num = -1;
            long limit = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "rateLimitType" -> type = text(p, v);
                    case "interval" -> unit = text(p, v);
                    case "intervalNum" -> num = longValue(p, v);
                    case "limit" -> limit = longValue(p, v);
                    default -> p.skipChildren();
                }
            }
            long interval = unit == null ? -1 : RateLimit.intervalMillis(unit, num);
            RateLimit.Kind kind = type == null ? null : switch (type) {
                case "REQUEST_WEIGHT" -> RateLimit.Kind.REQUEST_WEIGHT;
                case "ORDERS" -> RateLimit.Kind.ORDERS;
                case "RAW_REQUESTS" -> RateLimit.Kind.RAW_REQUESTS;
                default -> null;
            };
            if (kind != null && interval > 0 && limit > 0) {
                out.add(new RateLimit(kind, interval, limit));
            }
        }
        expect(p, p.currentToken(), JsonToken.END_ARRAY);
        return out;
    }
}
