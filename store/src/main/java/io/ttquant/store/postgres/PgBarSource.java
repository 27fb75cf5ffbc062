package io.ttquant.store.postgres;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.MarketEvent;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The bars of one instrument and interval with open times in a range, in open-time order, as
 * reused {@link Bar}s (whose event time is the close time, as everywhere in the project).
 */
final class PgBarSource extends PgCursorSource {
    private final Bar bar = new Bar();
    private final long intervalNanos;

    PgBarSource(String description, Instrument instrument, long intervalNanos, PgErrors errors) {
        super(description, instrument, errors);
        this.intervalNanos = intervalNanos;
    }

    /** The query this source decodes; parameters: venue, symbol, interval in seconds, from, to. */
    static String sql(String schema) {
        return "SELECT open_time, open, high, low, close, volume, price_scale, qty_scale FROM " + schema
                + ".market_bars WHERE venue = ? AND symbol = ? AND interval_s = ? AND open_time >= ? AND open_time < ? "
                + "ORDER BY open_time";
    }

    @Override
    protected void decode(ResultSet rs) throws SQLException {
        long openTime = PgTime.fromPgMicros(int8(rs.getBytes(1)));
        checkScales(rs.getShort(7), rs.getShort(8), openTime);
        bar.set(instrument, openTime, intervalNanos, rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6));
    }

    @Override
    public MarketEvent current() {
        return bar;
    }
}
