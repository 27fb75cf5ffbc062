package io.ttquant.sim.server;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.sim.market.Account;
import io.ttquant.sim.market.AccountTrade;
import io.ttquant.sim.market.AssetBalance;
import io.ttquant.sim.market.DepthLevel;
import io.ttquant.sim.market.ExecutionType;
import io.ttquant.sim.market.Kline;
import io.ttquant.sim.market.SelfTradePreventionMode;
import io.ttquant.sim.market.SimAggTrade;
import io.ttquant.sim.market.SimFill;
import io.ttquant.sim.market.SimOrder;
import io.ttquant.sim.market.SimTrade;
import io.ttquant.sim.market.SymbolMarket;
import io.ttquant.sim.market.Ticker24h;
import java.util.List;

/**
 * Binance's JSON shapes, field by field and in Binance's order, for every REST response and stream
 * event the simulator sends: exchangeInfo, depth, trades, aggTrades, klines, tickers, orders
 * (ACK/RESULT/FULL, query, cancel), account, myTrades, and the stream payloads (trade, aggTrade,
 * bookTicker, depthUpdate, partial depth, kline, executionReport, outboundAccountPosition,
 * listenKeyExpired). Decimals are eight-decimal strings, times epoch milliseconds.
 *
 * <p>Stateless; every method writes one value into the given {@link JsonWriter}. Must be called
 * on the engine thread for live market objects (orders keep changing as the market trades).
 */
final class BinanceJson {
    private static final int CASH = Fixed.CASH_SCALE;
    static final String[] ORDER_TYPES = {"LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT"};
    /** Binance's MAX notional for BTCUSDT-like symbols; the simulator does not enforce it. */
    private static final long MAX_NOTIONAL = 9_000_000L * Fixed.pow10(CASH);

    private BinanceJson() {
    }

    // ---- general ----

    static void rateLimits(JsonWriter w, SimServerConfig c) {
        w.name("rateLimits").beginArray();
        rateLimit(w, "REQUEST_WEIGHT", "MINUTE", 1, c.weightPerMinute());
        rateLimit(w, "ORDERS", "SECOND", 10, c.ordersPer10s());
        rateLimit(w, "ORDERS", "DAY", 1, c.ordersPerDay());
        rateLimit(w, "RAW_REQUESTS", "MINUTE", 5, 61_000);
        w.endArray();
    }

    private static void rateLimit(JsonWriter w, String type, String interval, int num, long limit) {
        w.beginObject().field("rateLimitType", type).field("interval", interval).field("intervalNum", num)
                .field("limit", limit).endObject();
    }

    /** One element of exchangeInfo's {@code symbols}; a PRICE_FILTER without maximum shows maxPrice 0 (Binance: disabled). */
    static void symbolInfo(JsonWriter w, SymbolMarket m, boolean showPermissionSets) {
        Instrument in = m.instrument();
        int ps = in.priceScale();
        int qs = in.qtyScale();
        w.beginObject()
                .field("symbol", m.symbol())
                .field("status", "TRADING")
                .field("baseAsset", in.baseAsset())
                .field("baseAssetPrecision", 8)
                .field("quoteAsset", in.quoteAsset())
                .field("quotePrecision", 8)
                .field("quoteAssetPrecision", 8)
                .field("baseCommissionPrecision", 8)
                .field("quoteCommissionPrecision", 8);
        w.name("orderTypes").beginArray();
        for (String t : ORDER_TYPES) {
            w.value(t);
        }
        w.endArray()
                .field("icebergAllowed", false)
                .field("ocoAllowed", false)
                .field("otoAllowed", false)
                .field("quoteOrderQtyMarketAllowed", true)
                .field("allowTrailingStop", false)
                .field("cancelReplaceAllowed", false)
                .field("amendAllowed", false)
                .field("isSpotTradingAllowed", true)
                .field("isMarginTradingAllowed", false);
        w.name("filters").beginArray();
        w.beginObject().field("filterType", "PRICE_FILTER").fieldDecimal8("minPrice", in.minPrice(), ps)
                .fieldDecimal8("maxPrice", in.maxPrice() >= Long.MAX_VALUE / 2 ? 0 : in.maxPrice(), ps).fieldDecimal8("tickSize", in.tickSize(), ps).endObject();
        w.beginObject().field("filterType", "LOT_SIZE").fieldDecimal8("minQty", in.minQty(), qs)
                .fieldDecimal8("maxQty", in.maxQty(), qs).fieldDecimal8("stepSize", in.stepSize(), qs).endObject();
        w.beginObject().field("filterType", "MARKET_LOT_SIZE").fieldDecimal8("minQty", 0, qs)
                .fieldDecimal8("maxQty", m.marketMaxQty(), qs).fieldDecimal8("stepSize", 0, qs).endObject();
        w.beginObject().field("filterType", "NOTIONAL").fieldDecimal8("minNotional", in.minNotional(), CASH)
                .field("applyMinToMarket", true).fieldDecimal8("maxNotional", MAX_NOTIONAL, CASH)
                .field("applyMaxToMarket", false).field("avgPriceMins", 5).endObject();
        w.beginObject().field("filterType", "MAX_NUM_ORDERS").field("maxNumOrders", m.maxNumOrders()).endObject();
        w.beginObject().field("filterType", "MAX_NUM_ALGO_ORDERS").field("maxNumAlgoOrders", m.maxNumAlgoOrders()).endObject();
        w.endArray();
        w.name("permissions").beginArray().endArray();
        w.name("permissionSets").beginArray();
        if (showPermissionSets) {
            w.beginArray().value("SPOT").endArray();
        }
        w.endArray();
        w.field("defaultSelfTradePreventionMode", m.defaultSelfTradePreventionMode().name());
        w.name("allowedSelfTradePreventionModes").beginArray();
        for (SelfTradePreventionMode mode : SelfTradePreventionMode.values()) {
            w.value(mode.name());
        }
        w.endArray();
        w.endObject();
    }

    // ---- market data ----

    static void levels(JsonWriter w, List<DepthLevel> levels, int limit, int priceScale, int qtyScale) {
        w.beginArray();
        int n = Math.min(limit, levels.size());
        for (int i = 0; i < n; i++) {
            DepthLevel l = levels.get(i);
            w.beginArray().decimal8(l.price(), priceScale).decimal8(l.qty(), qtyScale).endArray();
        }
        w.endArray();
    }

    static void trade(JsonWriter w, SimTrade t, Instrument in) {
        w.beginObject().field("id", t.id()).fieldDecimal8("price", t.price(), in.priceScale())
                .fieldDecimal8("qty", t.qty(), in.qtyScale()).fieldDecimal8("quoteQty", t.quoteQty(), CASH)
                .field("time", t.timeMillis()).field("isBuyerMaker", t.buyerMaker()).field("isBestMatch", true)
                .endObject();
    }

    static void aggTrade(JsonWriter w, SimAggTrade a, Instrument in) {
        w.beginObject().field("a", a.aggId()).fieldDecimal8("p", a.price(), in.priceScale())
                .fieldDecimal8("q", a.qty(), in.qtyScale()).field("f", a.firstTradeId()).field("l", a.lastTradeId())
                .field("T", a.timeMillis()).field("m", a.buyerMaker()).field("M", true).endObject();
    }

    static void kline(JsonWriter w, Kline k, Instrument in) {
        int ps = in.priceScale();
        int qs = in.qtyScale();
        w.beginArray().value(k.openTime()).decimal8(k.open(), ps).decimal8(k.high(), ps).decimal8(k.low(), ps)
                .decimal8(k.close(), ps).decimal8(k.volume(), qs).value(k.closeTime()).decimal8(k.quoteVolume(), CASH)
                .value(k.trades()).decimal8(k.takerBuyBase(), qs).decimal8(k.takerBuyQuote(), CASH).value("0")
                .endArray();
    }

    static void bookTicker(JsonWriter w, SymbolMarket m) {
        Instrument in = m.instrument();
        w.beginObject().field("symbol", m.symbol()).fieldDecimal8("bidPrice", m.bestBid(), in.priceScale())
                .fieldDecimal8("bidQty", m.bestBidQty(), in.qtyScale()).fieldDecimal8("askPrice", m.bestAsk(), in.priceScale())
                .fieldDecimal8("askQty", m.bestAskQty(), in.qtyScale()).endObject();
    }

    static void ticker24h(JsonWriter w, Ticker24h t, Instrument in, boolean full) {
        int ps = in.priceScale();
        int qs = in.qtyScale();
        w.beginObject().field("symbol", t.symbol());
        if (full) {
            w.fieldDecimal8("priceChange", t.priceChange(), ps)
                    .name("priceChangePercent").decimal(t.priceChangePercent().unscaledValue().longValueExact(),
                            t.priceChangePercent().scale(), 3)
                    .fieldDecimal8("weightedAvgPrice", t.weightedAvgPrice(), CASH)
                    .fieldDecimal8("prevClosePrice", t.prevClosePrice(), ps)
                    .fieldDecimal8("lastPrice", t.lastPrice(), ps)
                    .fieldDecimal8("lastQty", t.lastQty(), qs)
                    .fieldDecimal8("bidPrice", t.bidPrice(), ps)
                    .fieldDecimal8("bidQty", t.bidQty(), qs)
                    .fieldDecimal8("askPrice", t.askPrice(), ps)
                    .fieldDecimal8("askQty", t.askQty(), qs);
        }
        w.fieldDecimal8("openPrice", t.openPrice(), ps).fieldDecimal8("highPrice", t.highPrice(), ps)
                .fieldDecimal8("lowPrice", t.lowPrice(), ps);
        if (!full) {
            w.fieldDecimal8("lastPrice", t.lastPrice(), ps);
        }
        w.fieldDecimal8("volume", t.volume(), qs).fieldDecimal8("quoteVolume", t.quoteVolume(), CASH)
                .field("openTime", t.openTime()).field("closeTime", t.closeTime())
                .field("firstId", t.firstId()).field("lastId", t.lastId()).field("count", t.count())
                .endObject();
    }

    // ---- orders and account ----

    /** The new-order answer for ACK, RESULT or FULL. */
    static void newOrder(JsonWriter w, SimOrder o, Instrument in, List<SimFill> fills, boolean result, boolean full) {
        w.beginObject().field("symbol", o.symbol()).field("orderId", o.orderId()).field("orderListId", o.orderListId())
                .field("clientOrderId", o.clientOrderId()).field("transactTime", o.time());
        if (result || full) {
            w.fieldDecimal8("price", o.price(), in.priceScale())
                    .fieldDecimal8("origQty", o.origQty(), in.qtyScale())
                    .fieldDecimal8("executedQty", o.executedQty(), in.qtyScale())
                    .fieldDecimal8("origQuoteOrderQty", o.origQuoteOrderQty(), CASH)
                    .fieldDecimal8("cummulativeQuoteQty", o.cummulativeQuoteQty(), CASH)
                    .field("status", o.status().name())
                    .field("timeInForce", o.timeInForce().name())
                    .field("type", o.type().name())
                    .field("side", o.side().name());
            if (o.type().isStop()) {
                w.fieldDecimal8("stopPrice", o.stopPrice(), in.priceScale());
            }
            w.field("workingTime", o.workingTime());
            if (full) {
                w.name("fills").beginArray();
                for (SimFill f : fills) {
                    w.beginObject().fieldDecimal8("price", f.price(), in.priceScale())
                            .fieldDecimal8("qty", f.qty(), in.qtyScale())
                            .fieldDecimal8("commission", f.commission(), CASH)
                            .field("commissionAsset", f.commissionAsset()).field("tradeId", f.tradeId()).endObject();
                }
                w.endArray();
            }
            preventedFields(w, o, in);
            w.field("selfTradePreventionMode", o.selfTradePreventionMode().name());
        }
        w.endObject();
    }

    /** {@code GET /api/v3/order} and each element of {@code GET /api/v3/openOrders}. */
    static void queryOrder(JsonWriter w, SimOrder o, Instrument in) {
        int ps = in.priceScale();
        int qs = in.qtyScale();
        w.beginObject().field("symbol", o.symbol()).field("orderId", o.orderId()).field("orderListId", o.orderListId())
                .field("clientOrderId", o.clientOrderId()).fieldDecimal8("price", o.price(), ps)
                .fieldDecimal8("origQty", o.origQty(), qs).fieldDecimal8("executedQty", o.executedQty(), qs)
                .fieldDecimal8("cummulativeQuoteQty", o.cummulativeQuoteQty(), CASH)
                .field("status", o.status().name()).field("timeInForce", o.timeInForce().name())
                .field("type", o.type().name()).field("side", o.side().name())
                .fieldDecimal8("stopPrice", o.stopPrice(), ps).fieldDecimal8("icebergQty", 0, qs)
                .field("time", o.time()).field("updateTime", o.updateTime()).field("isWorking", o.isWorking())
                .field("workingTime", o.workingTime())
                .fieldDecimal8("origQuoteOrderQty", o.origQuoteOrderQty(), CASH);
        preventedFields(w, o, in);
        w.field("selfTradePreventionMode", o.selfTradePreventionMode().name()).endObject();
    }

    /** {@code DELETE /api/v3/order} and each element of {@code DELETE /api/v3/openOrders}. */
    static void canceledOrder(JsonWriter w, SimOrder o, Instrument in, long transactTime) {
        int ps = in.priceScale();
        int qs = in.qtyScale();
        w.beginObject().field("symbol", o.symbol()).field("origClientOrderId", o.clientOrderId())
                .field("orderId", o.orderId()).field("orderListId", o.orderListId())
                .field("clientOrderId", o.cancelClientOrderId() == null ? o.clientOrderId() : o.cancelClientOrderId())
                .field("transactTime", transactTime)
                .fieldDecimal8("price", o.price(), ps).fieldDecimal8("origQty", o.origQty(), qs)
                .fieldDecimal8("executedQty", o.executedQty(), qs)
                .fieldDecimal8("origQuoteOrderQty", o.origQuoteOrderQty(), CASH)
                .fieldDecimal8("cummulativeQuoteQty", o.cummulativeQuoteQty(), CASH)
                .field("status", o.status().name()).field("timeInForce", o.timeInForce().name())
                .field("type", o.type().name()).field("side", o.side().name());
        if (o.type().isStop()) {
            w.fieldDecimal8("stopPrice", o.stopPrice(), ps);
        }
        w.field("selfTradePreventionMode", o.selfTradePreventionMode().name()).endObject();
    }

    private static void preventedFields(JsonWriter w, SimOrder o, Instrument in) {
        if (o.preventedQuantity() > 0) {
            w.field("preventedMatchId", 0).fieldDecimal8("preventedQuantity", o.preventedQuantity(), in.qtyScale());
        }
    }

    static void account(JsonWriter w, Account a, boolean omitZeroBalances) {
        long maker = a.makerCommissionPpm();
        long taker = a.takerCommissionPpm();
        w.beginObject().field("makerCommission", maker / 100).field("takerCommission", taker / 100)
                .field("buyerCommission", 0).field("sellerCommission", 0)
                .name("commissionRates").beginObject()
                .name("maker").decimal8(maker, 6).name("taker").decimal8(taker, 6)
                .name("buyer").decimal8(0, 6).name("seller").decimal8(0, 6).endObject()
                .field("canTrade", a.canTrade()).field("canWithdraw", true).field("canDeposit", true)
                .field("brokered", false).field("requireSelfTradePrevention", false).field("preventSor", false)
                .field("updateTime", a.updateTime()).field("accountType", "SPOT");
        w.name("balances").beginArray();
        for (AssetBalance b : a.balances()) {
            if (omitZeroBalances && b.free() == 0 && b.locked() == 0) {
                continue;
            }
            w.beginObject().field("asset", b.asset()).fieldDecimal8("free", b.free(), CASH)
                    .fieldDecimal8("locked", b.locked(), CASH).endObject();
        }
        w.endArray();
        w.name("permissions").beginArray().value("SPOT").endArray();
        w.field("uid", a.id()).endObject();
    }

    static void myTrade(JsonWriter w, AccountTrade t, Instrument in) {
        w.beginObject().field("symbol", t.symbol()).field("id", t.id()).field("orderId", t.orderId())
                .field("orderListId", -1).fieldDecimal8("price", t.price(), in.priceScale())
                .fieldDecimal8("qty", t.qty(), in.qtyScale()).fieldDecimal8("quoteQty", t.quoteQty(), CASH)
                .fieldDecimal8("commission", t.commission(), CASH).field("commissionAsset", t.commissionAsset())
                .field("time", t.time()).field("isBuyer", t.isBuyer()).field("isMaker", t.isMaker())
                .field("isBestMatch", true).endObject();
    }

    // ---- stream payloads ----

    static void tradeEvent(JsonWriter w, long eventTime, String symbol, SimTrade t, Instrument in) {
        w.beginObject().field("e", "trade").field("E", eventTime).field("s", symbol).field("t", t.id())
                .fieldDecimal8("p", t.price(), in.priceScale()).fieldDecimal8("q", t.qty(), in.qtyScale())
                .field("T", t.timeMillis()).field("m", t.buyerMaker()).field("M", true).endObject();
    }

    static void aggTradeEvent(JsonWriter w, long eventTime, String symbol, SimAggTrade a, Instrument in) {
        w.beginObject().field("e", "aggTrade").field("E", eventTime).field("s", symbol).field("a", a.aggId())
                .fieldDecimal8("p", a.price(), in.priceScale()).fieldDecimal8("q", a.qty(), in.qtyScale())
                .field("f", a.firstTradeId()).field("l", a.lastTradeId()).field("T", a.timeMillis())
                .field("m", a.buyerMaker()).field("M", true).endObject();
    }

    static void bookTickerEvent(JsonWriter w, SymbolMarket m) {
        Instrument in = m.instrument();
        w.beginObject().field("u", m.lastUpdateId()).field("s", m.symbol())
                .fieldDecimal8("b", m.bestBid(), in.priceScale()).fieldDecimal8("B", m.bestBidQty(), in.qtyScale())
                .fieldDecimal8("a", m.bestAsk(), in.priceScale()).fieldDecimal8("A", m.bestAskQty(), in.qtyScale())
                .endObject();
    }

    static void depthUpdateEvent(JsonWriter w, String symbol, long eventTime, long first, long last,
                                 List<DepthLevel> bids, List<DepthLevel> asks, Instrument in) {
        w.beginObject().field("e", "depthUpdate").field("E", eventTime).field("s", symbol).field("U", first)
                .field("u", last).name("b");
        levels(w, bids, Integer.MAX_VALUE, in.priceScale(), in.qtyScale());
        w.name("a");
        levels(w, asks, Integer.MAX_VALUE, in.priceScale(), in.qtyScale());
        w.endObject();
    }

    static void partialDepth(JsonWriter w, long lastUpdateId, List<DepthLevel> bids, List<DepthLevel> asks, int limit,
                             Instrument in) {
        w.beginObject().field("lastUpdateId", lastUpdateId).name("bids");
        levels(w, bids, limit, in.priceScale(), in.qtyScale());
        w.name("asks");
        levels(w, asks, limit, in.priceScale(), in.qtyScale());
        w.endObject();
    }

    static void klineEvent(JsonWriter w, long eventTime, String symbol, String interval, Kline k, boolean closed,
                           Instrument in) {
        int ps = in.priceScale();
        int qs = in.qtyScale();
        w.beginObject().field("e", "kline").field("E", eventTime).field("s", symbol).name("k").beginObject()
                .field("t", k.openTime()).field("T", k.closeTime()).field("s", symbol).field("i", interval)
                .field("f", k.firstTradeId()).field("L", k.lastTradeId())
                .fieldDecimal8("o", k.open(), ps).fieldDecimal8("c", k.close(), ps)
                .fieldDecimal8("h", k.high(), ps).fieldDecimal8("l", k.low(), ps)
                .fieldDecimal8("v", k.volume(), qs).field("n", k.trades()).field("x", closed)
                .fieldDecimal8("q", k.quoteVolume(), CASH).fieldDecimal8("V", k.takerBuyBase(), qs)
                .fieldDecimal8("Q", k.takerBuyQuote(), CASH).field("B", "0").endObject().endObject();
    }

    static void executionReport(JsonWriter w, SimOrder o, ExecutionType x, SimFill fill, long eventTime, Instrument in) {
        int ps = in.priceScale();
        int qs = in.qtyScale();
        boolean canceled = x == ExecutionType.CANCELED;
        String c = canceled && o.cancelClientOrderId() != null ? o.cancelClientOrderId() : o.clientOrderId();
        String origC = canceled && o.cancelClientOrderId() != null ? o.clientOrderId() : "";
        w.beginObject().field("e", "executionReport").field("E", eventTime).field("s", o.symbol())
                .field("c", c).field("S", o.side().name()).field("o", o.type().name())
                .field("f", o.timeInForce().name())
                .fieldDecimal8("q", o.origQty(), qs).fieldDecimal8("p", o.price(), ps)
                .fieldDecimal8("P", o.stopPrice(), ps).fieldDecimal8("F", 0, qs)
                .field("g", o.orderListId()).field("C", origC)
                .field("x", x.name()).field("X", o.status().name()).field("r", "NONE")
                .field("i", o.orderId())
                .fieldDecimal8("l", fill == null ? 0 : fill.qty(), qs)
                .fieldDecimal8("z", o.executedQty(), qs)
                .fieldDecimal8("L", fill == null ? 0 : fill.price(), ps)
                .name("n").decimal8(fill == null ? 0 : fill.commission(), CASH)
                .field("N", fill == null ? null : fill.commissionAsset())
                .field("T", fill == null ? transactTime(o, eventTime) : fill.timeMillis())
                .field("t", fill == null ? -1 : fill.tradeId());
        if (x == ExecutionType.TRADE_PREVENTION || o.preventedQuantity() > 0) {
            w.field("v", 0);
        }
        w.field("I", o.orderId() * 2 + (fill == null ? 0 : 1))
                .field("w", o.isOpen() && o.isWorking() && o.type().hasPrice())
                .field("m", fill != null && fill.maker())
                .field("M", false)
                .field("O", o.time())
                .fieldDecimal8("Z", o.cummulativeQuoteQty(), CASH)
                .fieldDecimal8("Y", fill == null ? 0 : fill.quoteQty(), CASH)
                .fieldDecimal8("Q", o.origQuoteOrderQty(), CASH);
        if (o.workingTime() >= 0) {
            w.field("W", o.workingTime());
        }
        w.field("V", o.selfTradePreventionMode().name());
        if (o.preventedQuantity() > 0) {
            w.fieldDecimal8("A", o.preventedQuantity(), qs).fieldDecimal8("B", o.preventedQuantity(), qs);
        }
        w.endObject();
    }

    private static long transactTime(SimOrder o, long eventTime) {
        return o.updateTime() > 0 ? o.updateTime() : eventTime;
    }

    static void accountPosition(JsonWriter w, Account a, List<AssetBalance> balances, long eventTime) {
        w.beginObject().field("e", "outboundAccountPosition").field("E", eventTime).field("u", a.updateTime())
                .name("B").beginArray();
        for (AssetBalance b : balances) {
            w.beginObject().field("a", b.asset()).fieldDecimal8("f", b.free(), CASH)
                    .fieldDecimal8("l", b.locked(), CASH).endObject();
        }
        w.endArray().endObject();
    }

    /** Binance's notice that the server is about to shut down and the connection will be closed. */
    static void serverShutdownEvent(JsonWriter w, long eventTime) {
        w.beginObject().field("e", "serverShutdown").field("E", eventTime).endObject();
    }

    static void listenKeyExpired(JsonWriter w, String listenKey, long eventTime) {
        // Binance documents E of this event as a string.
        w.beginObject().field("e", "listenKeyExpired").field("E", Long.toString(eventTime))
                .field("listenKey", listenKey).endObject();
    }
}
