package io.ttquant.core.data;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads Binance trades or aggTrades files as {@link TradeTick}s. Trades:
 * {@code id,price,qty,quote_qty,time,is_buyer_maker[,is_best_match]}; aggTrades:
 * {@code agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker[,is_best_match]}
 * (the last column is absent in USD-M files). The aggressor is SELL when the buyer was the maker,
 * else BUY. Times are ms, or µs in spot files from 2025, told apart by magnitude.
 *
 * <p>It never reads quote_qty or the first/last trade ids, never allocates per good row, and never
 * emits a trade earlier than the one before it (equal times are normal and allowed).
 */
final class BinanceTradeSource extends CsvSource {
    private final TradeTick trade = new TradeTick();
    private final int columns;
    private final int timeColumn;
    private final int makerColumn;
    private final String timeName;
    private long lastTime = Long.MIN_VALUE;

    BinanceTradeSource(List<Path> files, String description, Instrument instrument, ReaderOptions options,
                       boolean aggregated) {
        super(files, description, instrument, options);
        this.columns = aggregated ? 8 : 7;
        this.timeColumn = aggregated ? 5 : 4;
        this.makerColumn = aggregated ? 6 : 5;
        this.timeName = aggregated ? "transact_time" : "time";
    }

    @Override
    public MarketEvent current() {
        return trade;
    }

    @Override
    protected boolean parseRow() {
        int n = line.fieldCount();
        if (n != columns && n != columns - 1) {
            throw bad("expected " + columns + " columns (or " + (columns - 1) + " without is_best_match), got " + n);
        }
        long id = integer(0, "id");
        long price = price(1, "price");
        long qty = qty(2, "qty");
        long time = timeNanos(timeColumn, timeName);
        boolean buyerMaker = bool(makerColumn, "is_buyer_maker");
        if (time < lastTime) {
            throw bad("out of time order: " + timeName + " " + instant(time) + " is earlier than the previous row's "
                    + instant(lastTime));
        }
        lastTime = time;
        trade.set(instrument, time, time, price, qty, buyerMaker ? Side.SELL : Side.BUY, id);
        return true;
    }
}
