package io.ttquant.binance.stream;

import io.ttquant.binance.json.JacksonOracle;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.fail;

/** What Jackson and BigDecimal read from a message, compared with what the decoder delivered. */
final class JacksonEventCheck {
    private static final long MS = 1_000_000L;

    private final Map<String, Object> data;
    private final long recv;
    private final Instrument instrument;
    private final String where;

    @SuppressWarnings("unchecked")
    JacksonEventCheck(byte[] message, long recv, Instrument instrument, String where) {
        Map<String, Object> root = (Map<String, Object>) JacksonOracle.tree(message, 0, message.length);
        this.data = root.containsKey("data") ? (Map<String, Object>) root.get("data") : root;
        this.recv = recv;
        this.instrument = instrument;
        this.where = where;
    }

    void check(RecordingSink sink) {
        try {
            Object e = data.get("e");
            if ("trade".equals(e)) {
                checkTrade(sink);
            } else if ("aggTrade".equals(e)) {
                checkAggTrade(sink);
            } else if ("depthUpdate".equals(e)) {
                checkDiff(sink);
            } else if ("kline".equals(e)) {
                checkKline(sink);
            } else if (data.containsKey("lastUpdateId")) {
                if (!sink.partials.isEmpty()) {
                    RecordingSink.Book p = sink.partials.get(0);
                    eq(number("lastUpdateId"), p.lastUpdateId(), "lastUpdateId");
                    levels("bids", p.bids());
                    levels("asks", p.asks());
                }
            } else {
                checkBookTicker(sink);
            }
        } finally {
            sink.trades.clear();
            sink.aggTrades.clear();
            sink.quotes.clear();
            sink.diffs.clear();
            sink.partials.clear();
            sink.klines.clear();
        }
    }

    private void checkTrade(RecordingSink sink) {
        one(sink.trades.size(), "trade");
        var t = sink.trades.get(0);
        same(instrument.symbol(), t.instrument().symbol(), "symbol");
        eq(price("p"), t.price(), "price");
        eq(qty("q"), t.qty(), "qty");
        eq(number("t"), t.tradeId(), "trade id");
        eq(millis(data.containsKey("T") ? "T" : "E"), t.exchangeTimeNanos(), "trade time");
        eq(recv, t.receiveTimeNanos(), "receive time");
        same(Boolean.TRUE.equals(data.get("m")) ? Side.SELL : Side.BUY, t.aggressor(), "aggressor");
    }

    private void checkAggTrade(RecordingSink sink) {
        one(sink.aggTrades.size(), "aggTrade");
        var a = sink.aggTrades.get(0);
        eq(price("p"), a.trade().price(), "price");
        eq(qty("q"), a.trade().qty(), "qty");
        eq(number("a"), a.trade().tradeId(), "aggregate id");
        eq(number("f"), a.firstTradeId(), "first trade id");
        eq(number("l"), a.lastTradeId(), "last trade id");
        eq(millis(data.containsKey("T") ? "T" : "E"), a.trade().exchangeTimeNanos(), "trade time");
        same(Boolean.TRUE.equals(data.get("m")) ? Side.SELL : Side.BUY, a.trade().aggressor(), "aggressor");
    }

    private void checkDiff(RecordingSink sink) {
        one(sink.diffs.size(), "depthUpdate");
        RecordingSink.Book d = sink.diffs.get(0);
        same(Boolean.FALSE, d.snapshot(), "snapshot");
        eq(number("U"), d.firstUpdateId(), "U");
        eq(number("u"), d.lastUpdateId(), "u");
        eq(eventTimeOrReceiveTime(), d.exchangeTimeNanos(), "event time");
        eq(recv, d.receiveTimeNanos(), "receive time");
        levels("b", d.bids());
        levels("a", d.asks());
    }

    @SuppressWarnings("unchecked")
    private void checkKline(RecordingSink sink) {
        one(sink.klines.size(), "kline");
        RecordingSink.Kline k = sink.klines.get(0);
        Map<String, Object> kd = (Map<String, Object>) data.get("k");
        long t = ((BigDecimal) kd.get("t")).longValueExact();
        long closeTime = ((BigDecimal) kd.get("T")).longValueExact();
        eq(t * MS, k.bar().openTimeNanos(), "open time");
        eq((closeTime + 1) * MS, k.bar().closeTimeNanos(), "close time");
        eq(exact(kd.get("o"), instrument.priceScale()), k.bar().open(), "open");
        eq(exact(kd.get("h"), instrument.priceScale()), k.bar().high(), "high");
        eq(exact(kd.get("l"), instrument.priceScale()), k.bar().low(), "low");
        eq(exact(kd.get("c"), instrument.priceScale()), k.bar().close(), "close");
        eq(exact(kd.get("v"), instrument.qtyScale()), k.bar().volume(), "volume");
        same(kd.get("x"), k.closed(), "closed");
    }

    private void checkBookTicker(RecordingSink sink) {
        one(sink.quotes.size(), "bookTicker");
        RecordingSink.Quote q = sink.quotes.get(0);
        eq(number("u"), q.updateId(), "update id");
        eq(price("b"), q.quote().bidPrice(), "bid");
        eq(qty("B"), q.quote().bidQty(), "bid qty");
        eq(price("a"), q.quote().askPrice(), "ask");
        eq(qty("A"), q.quote().askQty(), "ask qty");
        eq(eventTimeOrReceiveTime(), q.quote().exchangeTimeNanos(), "exchange time");
    }

    @SuppressWarnings("unchecked")
    private void levels(String field, List<long[]> actual) {
        List<List<Object>> expected = (List<List<Object>>) data.get(field);
        eq(expected.size(), actual.size(), field + " count");
        for (int i = 0; i < expected.size(); i++) {
            eq(exact(expected.get(i).get(0), instrument.priceScale()), actual.get(i)[0], field + "[" + i + "] price");
            eq(exact(expected.get(i).get(1), instrument.qtyScale()), actual.get(i)[1], field + "[" + i + "] qty");
        }
    }

    private long price(String field) {
        return exact(data.get(field), instrument.priceScale());
    }

    private long qty(String field) {
        return exact(data.get(field), instrument.qtyScale());
    }

    private long millis(String field) {
        return number(field) * MS;
    }

    /** Spot book tickers and partial depth carry no event time; the decoder then stamps the receive time. */
    private long eventTimeOrReceiveTime() {
        return data.containsKey("E") ? millis("E") : recv;
    }

    private long number(String field) {
        return ((BigDecimal) data.get(field)).longValueExact();
    }

    private static long exact(Object text, int scale) {
        BigDecimal d = text instanceof BigDecimal ? (BigDecimal) text : new BigDecimal((String) text);
        return d.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    private void one(int count, String what) {
        if (count != 1) {
            fail("%s: expected one %s, got %d", where, what, count);
        }
    }

    private void eq(long expected, long actual, String what) {
        if (expected != actual) {
            fail("%s: %s expected %d but was %d", where, what, expected, actual);
        }
    }

    private void same(Object expected, Object actual, String what) {
        if (!expected.equals(actual)) {
            fail("%s: %s expected %s but was %s", where, what, expected, actual);
        }
    }
}
