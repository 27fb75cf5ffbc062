package io.ttquant.core.data;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the project's own CSV. The header is required and says what the file holds; columns are
 * found by name (any order, case-insensitive):
 * <ul>
 *   <li>bars: {@code time,open,high,low,close,volume} and optionally {@code interval};</li>
 *   <li>trades: {@code time,price,qty} and optionally {@code side} (BUY, SELL or empty) and
 *       {@code trade_id} (0 when empty);</li>
 *   <li>quotes: {@code time,bid,bid_qty,ask,ask_qty}.</li>
 * </ul>
 * {@code time} is epoch milliseconds as an integer (µs and ns are recognised by magnitude, as in
 * the Binance readers); for bars it is the bar's OPEN time. {@code interval} is milliseconds or a
 * duration such as {@code 1m}; without it the interval comes from the options or the first two bars.
 *
 * <p>Unknown header columns are refused rather than ignored, so a typo cannot silently drop data.
 * It never allocates per good row and never emits a row earlier than the one before it.
 */
final class ProjectCsvSource extends CsvSource {
    private static final String LAYOUTS = "time,open,high,low,close,volume[,interval] | time,price,qty[,side][,trade_id] | "
            + "time,bid,bid_qty,ask,ask_qty";
    private static final int BARS = 1;
    private static final int TRADES = 2;
    private static final int QUOTES = 3;

    private final BarSequencer bars;
    private final TradeTick trade = new TradeTick();
    private final QuoteTick quote = new QuoteTick();
    private MarketEvent current;
    private int layout;
    private int columns;
    private int cTime;
    private int cOpen;
    private int cHigh;
    private int cLow;
    private int cClose;
    private int cVolume;
    private int cInterval;
    private int cPrice;
    private int cQty;
    private int cSide;
    private int cTradeId;
    private int cBid;
    private int cBidQty;
    private int cAsk;
    private int cAskQty;
    private long lastTime = Long.MIN_VALUE;

    ProjectCsvSource(List<Path> files, String description, Instrument instrument, ReaderOptions options) {
        super(files, description, instrument, options);
        this.bars = new BarSequencer(instrument, options.barIntervalNanos());
    }

    @Override
    public MarketEvent current() {
        return current;
    }

    @Override
    protected void onNoHeader() {
        throw fatal("the csv format needs a header row naming its columns, one of: " + LAYOUTS);
    }

    @Override
    protected void onHeader() {
        int n = line.fieldCount();
        if (n > CsvLineReader.MAX_FIELDS) {
            throw fatal("too many columns in the header: " + n);
        }
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = line.text(i).toLowerCase(Locale.ROOT);
        }
        List<String> list = Arrays.asList(names);
        int newLayout;
        List<String> allowed;
        if (list.contains("open")) {
            newLayout = BARS;
            allowed = List.of("time", "open", "high", "low", "close", "volume", "interval");
        } else if (list.contains("price")) {
            newLayout = TRADES;
            allowed = List.of("time", "price", "qty", "side", "trade_id");
        } else if (list.contains("bid")) {
            newLayout = QUOTES;
            allowed = List.of("time", "bid", "bid_qty", "ask", "ask_qty");
        } else {
            throw fatal("header names no known layout: '" + String.join(",", names) + "'; expected one of: " + LAYOUTS);
        }
        for (int i = 0; i < n; i++) {
            if (!allowed.contains(names[i])) {
                throw fatal("unknown column '" + names[i] + "' in the header; expected one of: " + LAYOUTS);
            }
            if (list.indexOf(names[i]) != i) {
                throw fatal("column '" + names[i] + "' appears twice in the header");
            }
        }
        if (layout != 0 && layout != newLayout) {
            throw fatal("this file holds " + layoutName(newLayout) + " but the files before it hold " + layoutName(layout));
        }
        layout = newLayout;
        columns = n;
        cTime = required(list, "time");
        if (layout == BARS) {
            cOpen = required(list, "open");
            cHigh = required(list, "high");
            cLow = required(list, "low");
            cClose = required(list, "close");
            cVolume = required(list, "volume");
            cInterval = list.indexOf("interval");
            current = bars.bar();
        } else if (layout == TRADES) {
            cPrice = required(list, "price");
            cQty = required(list, "qty");
            cSide = list.indexOf("side");
            cTradeId = list.indexOf("trade_id");
        } else {
            cBid = required(list, "bid");
            cBidQty = required(list, "bid_qty");
            cAsk = required(list, "ask");
            cAskQty = required(list, "ask_qty");
        }
    }

    private int required(List<String> names, String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw fatal("the header lacks the '" + name + "' column; expected one of: " + LAYOUTS);
        }
        return i;
    }

    private static String layoutName(int layout) {
        return layout == BARS ? "bars" : layout == TRADES ? "trades" : "quotes";
    }

    @Override
    protected boolean parseRow() {
        expectColumns(columns);
        if (layout == BARS) {
            return parseBar();
        }
        long time = timeNanos(cTime, "time");
        if (time < lastTime) {
            throw bad("out of time order: time " + instant(time) + " is earlier than the previous row's " + instant(lastTime));
        }
        if (layout == TRADES) {
            long price = price(cPrice, "price");
            long qty = qty(cQty, "qty");
            Side side = cSide < 0 ? null : side(cSide);
            long id = cTradeId < 0 || line.fieldIsEmpty(cTradeId) ? 0 : integer(cTradeId, "trade_id");
            trade.set(instrument, time, time, price, qty, side, id);
            current = trade;
        } else {
            long bid = price(cBid, "bid");
            long bidQty = qty(cBidQty, "bid_qty");
            long ask = price(cAsk, "ask");
            long askQty = qty(cAskQty, "ask_qty");
            if (bid >= ask) {
                throw bad("crossed quote: bid " + instrument.formatPrice(bid) + " is not below ask " + instrument.formatPrice(ask));
            }
            quote.set(instrument, time, time, bid, bidQty, ask, askQty);
            current = quote;
        }
        lastTime = time;
        return true;
    }

    private boolean parseBar() {
        long openNanos = timeNanos(cTime, "time");
        long interval = 0;
        if (cInterval >= 0 && !line.fieldIsEmpty(cInterval)) {
            interval = ReaderOptions.parseInterval(chars, line.start(cInterval), line.end(cInterval));
            if (interval < 0) {
                throw bad("interval: " + ReaderOptions.intervalError(line.text(cInterval)));
            }
        }
        long open = price(cOpen, "open");
        long high = price(cHigh, "high");
        long low = price(cLow, "low");
        long close = price(cClose, "close");
        long volume = qty(cVolume, "volume");
        return bars.accept(fileName(), line.lineNumber(), openNanos, interval, open, high, low, close, volume);
    }

    private Side side(int field) {
        if (line.fieldIsEmpty(field)) {
            return null;
        }
        if (line.fieldEqualsIgnoreCase(field, "BUY")) {
            return Side.BUY;
        }
        if (line.fieldEqualsIgnoreCase(field, "SELL")) {
            return Side.SELL;
        }
        throw bad("side: expected BUY, SELL or empty, got '" + line.text(field) + "'");
    }

    @Override
    protected boolean pollQueued() {
        return bars.pollQueued();
    }

    @Override
    protected void endOfData() {
        bars.endOfData();
    }
}
