package io.ttquant.binance.rest;

import static io.ttquant.binance.json.AnswerReader.JSON;
import static io.ttquant.binance.json.AnswerReader.end;
import static io.ttquant.binance.json.AnswerReader.expect;
import static io.ttquant.binance.json.AnswerReader.longValue;
import static io.ttquant.binance.json.AnswerReader.text;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ttquant.binance.json.AnswerReader;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads Binance's spot market-data REST answers (depth, trades, aggTrades, exchangeInfo and time)
 * with jackson-core's streaming parser by {@link AnswerReader}'s rules, independent of key order
 * (some recorders sort keys) and ignoring unknown fields. Prices and quantities go straight from
 * the parser's buffer to fixed-point longs at the instrument's scales. Error bodies are
 * {@link io.ttquant.binance.json.BinanceError}'s.
 *
 * <p>One instance per answer being parsed (it reuses buffers, so it is not thread-safe). Throws
 * {@link IOException} or {@link RuntimeException} ({@link NumberFormatException} for a value
 * finer than the instrument's scale) on malformed input; never returns partial results.
 */
final class RestJson {
    private final AnswerReader values = new AnswerReader();
    private long[] bidPrices = new long[64];
    private long[] bidQtys = new long[64];
    private long[] askPrices = new long[64];
    private long[] askQtys = new long[64];
    private int bids;
    private int asks;

    /** {@code GET /api/v3/depth}: a snapshot BookUpdate, best levels first as Binance sends them. */
    BookUpdate depth(byte[] body, Instrument instrument, long receiveTimeNanos) throws IOException {
        long lastUpdateId = -1;
        bids = 0;
        asks = 0;
        try (JsonParser p = JSON.createParser(body)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "lastUpdateId" -> lastUpdateId = longValue(p, v);
                    case "bids" -> readLevels(p, v, instrument, true);
                    case "asks" -> readLevels(p, v, instrument, false);
                    default -> p.skipChildren();
                }
            }
            end(p);
        }
        if (lastUpdateId < 0) {
            throw new IOException("depth answer without lastUpdateId");
        }
        // Binance gives no time for a REST snapshot: its exchange time is the receive time.
        BookUpdate u = new BookUpdate().reset(instrument, receiveTimeNanos, receiveTimeNanos, true, lastUpdateId, lastUpdateId);
        for (int i = 0; i < bids; i++) {
            u.addBid(bidPrices[i], bidQtys[i]);
        }
        for (int i = 0; i < asks; i++) {
            u.addAsk(askPrices[i], askQtys[i]);
        }
        return u;
    }

    private void readLevels(JsonParser p, JsonToken t, Instrument instrument, boolean bid) throws IOException {
        expect(p, t, JsonToken.START_ARRAY);
        while (p.nextToken() == JsonToken.START_ARRAY) {
            long price = values.decimal(p, p.nextToken(), instrument.priceScale());
            long qty = values.decimal(p, p.nextToken(), instrument.qtyScale());
            while (p.nextToken() != JsonToken.END_ARRAY) {
                p.skipChildren();
            }
            if (bid) {
                if (bids == bidPrices.length) {
                    bidPrices = Arrays.copyOf(bidPrices, bids * 2);
                    bidQtys = Arrays.copyOf(bidQtys, bids * 2);
                }
                bidPrices[bids] = price;
                bidQtys[bids++] = qty;
            } else {
                if (asks == askPrices.length) {
                    askPrices = Arrays.copyOf(askPrices, asks * 2);
                    askQtys = Arrays.copyOf(askQtys, asks * 2);
                }
                askPrices[asks] = price;
                askQtys[asks++] = qty;
            }
        }
        expect(p, p.currentToken(), JsonToken.END_ARRAY);
    }

    /** {@code GET /api/v3/aggTrades}: trade id {@code a}, aggressor SELL when the buyer was the maker ({@code m}). */
    List<TradeTick> aggTrades(byte[] body, Instrument instrument, long receiveTimeNanos) throws IOException {
        return tradeList(body, instrument, receiveTimeNanos, true);
    }

    /** {@code GET /api/v3/trades}: trade id {@code id}, aggressor SELL when {@code isBuyerMaker}. */
    List<TradeTick> trades(byte[] body, Instrument instrument, long receiveTimeNanos) throws IOException {
        return tradeList(body, instrument, receiveTimeNanos, false);
    }

    private List<TradeTick> tradeList(byte[] body, Instrument instrument, long receiveTimeNanos, boolean agg) throws IOException {
        String idKey = agg ? "a" : "id";
        String priceKey = agg ? "p" : "price";
        String qtyKey = agg ? "q" : "qty";
        String timeKey = agg ? "T" : "time";
        String makerKey = agg ? "m" : "isBuyerMaker";
        List<TradeTick> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            expect(p, p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                long id = -1;
                long price = -1;
                long qty = -1;
                long time = -1;
                int buyerMaker = -1;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if (name.equals(idKey)) {
                        id = longValue(p, v);
                    } else if (name.equals(priceKey)) {
                        price = values.decimal(p, v, instrument.priceScale());
                    } else if (name.equals(qtyKey)) {
                        qty = values.decimal(p, v, instrument.qtyScale());
                    } else if (name.equals(timeKey)) {
                        time = longValue(p, v);
                    } else if (name.equals(makerKey)) {
                        if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
                            throw new JsonParseException(p, makerKey + " must be a boolean");
                        }
                        buyerMaker = v == JsonToken.VALUE_TRUE ? 1 : 0;
                    } else {
                        p.skipChildren();
                    }
                }
                if (id < 0 || price < 0 || qty < 0 || time < 0 || buyerMaker < 0) {
                    throw new JsonParseException(p, "trade without " + idKey + ", " + priceKey + ", " + qtyKey + ", "
                            + timeKey + " or " + makerKey);
                }
                Side aggressor = buyerMaker == 1 ? Side.SELL : Side.BUY;
                out.add(new TradeTick().set(instrument, Math.multiplyExact(time, 1_000_000L), receiveTimeNanos,
                        price, qty, aggressor, id));
            }
            expect(p, p.currentToken(), JsonToken.END_ARRAY);
            end(p);
        }
        return out;
    }

    /** {@code GET /api/v3/time}: epoch milliseconds. */
    long serverTime(byte[] body) throws IOException {
        return AnswerReader.serverTime(body);
    }

    /**
     * {@code GET /api/v3/exchangeInfo}: an instrument per symbol from PRICE_FILTER, LOT_SIZE and
     * NOTIONAL (or the older MIN_NOTIONAL). With {@code strict} a symbol that cannot be represented
     * fails the whole answer; otherwise it is skipped and its name added to {@code skipped}.
     */
    List<Instrument> exchangeInfo(byte[] body, boolean strict, List<String> skipped) throws IOException {
        List<Instrument> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("symbols")) {
                    expect(p, v, JsonToken.START_ARRAY);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        SymbolRules s = readSymbol(p);
                        try {
                            out.add(s.toInstrument());
                        } catch (IllegalArgumentException | ArithmeticException e) {
                            if (strict) {
                                throw new IOException("symbol " + s.symbol + " cannot be represented: " + e.getMessage(), e);
                            }
                            skipped.add(String.valueOf(s.symbol));
                        }
                    }
                    expect(p, p.currentToken(), JsonToken.END_ARRAY);
                } else {
                    p.skipChildren();
                }
            }
            end(p);
        }
        return out;
    }

    private static SymbolRules readSymbol(JsonParser p) throws IOException {
        SymbolRules s = new SymbolRules();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "symbol" -> s.symbol = text(p, v);
                case "baseAsset" -> s.baseAsset = text(p, v);
                case "quoteAsset" -> s.quoteAsset = text(p, v);
                case "filters" -> {
                    expect(p, v, JsonToken.START_ARRAY);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        readFilter(p, s);
                    }
                    expect(p, p.currentToken(), JsonToken.END_ARRAY);
                }
                default -> p.skipChildren();
            }
        }
        return s;
    }

    private static void readFilter(JsonParser p, SymbolRules s) throws IOException {
        String type = null;
        String minPrice = null;
        String maxPrice = null;
        String tickSize = null;
        String minQty = null;
        String maxQty = null;
        String stepSize = null;
        String minNotional = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "filterType" -> type = text(p, v);
                case "minPrice" -> minPrice = text(p, v);
                case "maxPrice" -> maxPrice = text(p, v);
                case "tickSize" -> tickSize = text(p, v);
                case "minQty" -> minQty = text(p, v);
                case "maxQty" -> maxQty = text(p, v);
                case "stepSize" -> stepSize = text(p, v);
                case "minNotional" -> minNotional = text(p, v);
                default -> p.skipChildren();
            }
        }
        if (type == null) {
            return;
        }
        switch (type) {
            case "PRICE_FILTER" -> {
                s.minPrice = minPrice;
                s.maxPrice = maxPrice;
                s.tickSize = tickSize;
            }
            case "LOT_SIZE" -> {
                s.minQty = minQty;
                s.maxQty = maxQty;
                s.stepSize = stepSize;
            }
            case "NOTIONAL" -> s.minNotional = minNotional;
            case "MIN_NOTIONAL" -> {
                if (s.minNotional == null) {
                    s.minNotional = minNotional;
                }
            }
            default -> {
                // other filters (PERCENT_PRICE, ICEBERG_PARTS, MARKET_LOT_SIZE, ...) are not part of Instrument
            }
        }
    }

    /** The rules of one symbol as read, before they become an {@link Instrument}. */
    private static final class SymbolRules {
        String symbol;
        String baseAsset;
        String quoteAsset;
        String minPrice;
        String maxPrice;
        String tickSize;
        String minQty;
        String maxQty;
        String stepSize;
        String minNotional;

        Instrument toInstrument() {
            if (symbol == null || tickSize == null || stepSize == null) {
                throw new IllegalArgumentException("needs symbol, PRICE_FILTER tickSize and LOT_SIZE stepSize");
            }
            Instrument.Builder b = Instrument.builder(symbol).tickSize(tickSize).stepSize(stepSize);
            if (baseAsset != null && quoteAsset != null) {
                b.assets(baseAsset, quoteAsset);
            }
            // Binance disables a bound by setting it to zero.
            b.minPrice(nonZero(minPrice)).maxPrice(nonZero(maxPrice)).minQty(nonZero(minQty)).maxQty(nonZero(maxQty))
                    .minNotional(nonZero(minNotional));
            return b.build();
        }

        private static String nonZero(String v) {
            return v == null || new BigDecimal(v).signum() == 0 ? null : v;
        }
    }
}
