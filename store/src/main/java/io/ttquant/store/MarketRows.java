package io.ttquant.store;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * How a row of a market data read query becomes the reused event of a
 * {@link io.ttquant.core.data.MarketDataSource}: the mapping both stores share. Their queries
 * select the same columns in the same order (each store in its own SQL):
 * <ul>
 * <li>trades: time, trade_id, price, qty, price_scale, qty_scale, aggressor, recv_time;</li>
 * <li>quotes: time, bid_price, bid_qty, ask_price, ask_qty, price_scale, qty_scale, recv_time;</li>
 * <li>bars: open_time, open, high, low, close, volume, price_scale, qty_scale.</li>
 * </ul>
 * A row without a receive time reads back with its exchange time (as file sources do); aggressor
 * 'B'/'S'/NULL maps to BUY/SELL/null; a bar's event time is its close time. A row stored at other
 * scales than the instrument's is refused with a clear {@link StoreException}. The store supplies
 * the {@link Columns} that read its driver's types; nothing here allocates per row.
 */
public abstract class MarketRows {
    /** How one store's driver hands out the column types the queries select; never allocates. */
    public interface Columns {
        /** A timestamptz column that is never NULL, as epoch nanoseconds. */
        long time(ResultSet rs, int column) throws SQLException;

        /** A nullable timestamptz column as epoch nanoseconds, or {@code whenNull}. */
        long timeOr(ResultSet rs, int column, long whenNull) throws SQLException;

        /** A SMALLINT scale column. */
        int scale(ResultSet rs, int column) throws SQLException;

        /** A nullable CHAR(1) column as its character, or 0 when NULL. */
        char charOrZero(ResultSet rs, int column) throws SQLException;
    }

    private final String description;
    protected final Instrument instrument;
    protected final Columns columns;

    private MarketRows(String description, Instrument instrument, Columns columns) {
        this.description = description;
        this.instrument = instrument;
        this.columns = columns;
    }

    public static MarketRows trades(String description, Instrument instrument, Columns columns) {
        return new Trades(description, instrument, columns);
    }

    public static MarketRows quotes(String description, Instrument instrument, Columns columns) {
        return new Quotes(description, instrument, columns);
    }

    public static MarketRows bars(String description, Instrument instrument, long intervalNanos, Columns columns) {
        return new Bars(description, instrument, intervalNanos, columns);
    }

    /** Where the rows come from, for messages. */
    public final String description() {
        return description;
    }

    /** Loads the current row into the reused event; throws StoreException for rows at other scales. */
    public abstract void decode(ResultSet rs) throws SQLException;

    /** The reused event the rows are decoded into. */
    public abstract MarketEvent event();

    /** Refuses a row stored at scales other than the instrument's, naming the row and both scales. */
    final void checkScales(ResultSet rs, int priceScaleColumn, long timeNanos) throws SQLException {
        int priceScale = columns.scale(rs, priceScaleColumn);
        int qtyScale = columns.scale(rs, priceScaleColumn + 1);
        if (priceScale != instrument.priceScale() || qtyScale != instrument.qtyScale()) {
            throw new StoreException(description + ": the row at " + Instant.ofEpochSecond(0, timeNanos)
                    + " is stored at price scale " + priceScale + " and quantity scale " + qtyScale
                    + " but the instrument " + instrument.symbol() + " has " + instrument.priceScale() + " and "
                    + instrument.qtyScale() + "; read it with an instrument of the stored scales (or re-import)",
                    false, null);
        }
    }

    private static final class Trades extends MarketRows {
        private final TradeTick trade = new TradeTick();

        Trades(String description, Instrument instrument, Columns columns) {
            super(description, instrument, columns);
        }

        @Override
        public void decode(ResultSet rs) throws SQLException {
            long time = columns.time(rs, 1);
            checkScales(rs, 5, time);
            char aggressor = columns.charOrZero(rs, 7);
            Side side = aggressor == 'B' ? Side.BUY : aggressor == 'S' ? Side.SELL : null;
            trade.set(instrument, time, columns.timeOr(rs, 8, time), rs.getLong(3), rs.getLong(4), side,
                    rs.getLong(2));
        }

        @Override
        public MarketEvent event() {
            return trade;
        }
    }

    private static final class Quotes extends MarketRows {
        private final QuoteTick quote = new QuoteTick();

        Quotes(String description, Instrument instrument, Columns columns) {
            super(description, instrument, columns);
        }

        @Override
        public void decode(ResultSet rs) throws SQLException {
            long time = columns.time(rs, 1);
            checkScales(rs, 6, time);
            quote.set(instrument, time, columns.timeOr(rs, 8, time), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                    rs.getLong(5));
        }

        @Override
        public MarketEvent event() {
            return quote;
        }
    }

    private static final class Bars extends MarketRows {
        private final Bar bar = new Bar();
        private final long intervalNanos;

        Bars(String description, Instrument instrument, long intervalNanos, Columns columns) {
            super(description, instrument, columns);
            this.intervalNanos = intervalNanos;
        }

        @Override
        public void decode(ResultSet rs) throws SQLException {
            long openTime = columns.time(rs, 1);
            checkScales(rs, 7, openTime);
            bar.set(instrument, openTime, intervalNanos, rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6));
        }

        @Override
        public MarketEvent event() {
            return bar;
        }
    }
}
