package io.ttquant.store.duckdb;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.MarketEvent;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The bars of one instrument and interval with open times in a range, in open-time order, as
 * reused {@link Bar}s (event time = close time, as everywhere).
 */
final class DuckDbBarSource extends DuckDbCursorSource {
    /** Parameters: venue, symbol, interval in seconds, from and to in epoch micros ([from, to)). */
    static final String SQL = "SELECT epoch_us(open_time), open, high, low, close, volume, CAST(price_scale AS BIGINT), "
            + "CAST(qty_scale AS BIGINT) FROM market_bars WHERE venue = ? AND symbol = ? AND interval_s = ? "
            + "AND open_time >= make_timestamptz(?) AND open_time < make_timestamptz(?) ORDER BY open_time";

    private final Bar bar = new Bar();
    private final long intervalNanos;

    DuckDbBarSource(String description, Instrument instrument, long intervalNanos, DuckDbErrors errors) {
        super(description, instrument, errors);
        this.intervalNanos = intervalNanos;
    }

    @Override
    protected void decode(ResultSet rs) throws SQLException {
        long openTime = DuckDbTime.toNanos(rs.getLong(1));
        checkScales(rs.getLong(7), rs.getLong(8), openTime);
        bar.set(instrument, openTime, intervalNanos, rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6));
    }

    @Override
    public MarketEvent current() {
        return bar;
    }
}
