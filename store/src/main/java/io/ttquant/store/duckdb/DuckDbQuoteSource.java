package io.ttquant.store.duckdb;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The quotes of one instrument in a time range, in time order (quotes of the same microsecond in
 * the order they were stored: DuckDB's sort is not stable, the row id breaks the tie), as reused
 * {@link QuoteTick}s. A quote stored without a receive time reads back with its exchange time.
 */
final class DuckDbQuoteSource extends DuckDbCursorSource {
    /** Parameters: venue, symbol, from and to in epoch micros ([from, to)). */
    static final String SQL = "SELECT epoch_us(time), bid_price, bid_qty, ask_price, ask_qty, "
            + "CAST(price_scale AS BIGINT), CAST(qty_scale AS BIGINT), coalesce(epoch_us(recv_time), epoch_us(time)) "
            + "FROM market_quotes_data "
            + "WHERE symbol_id = (SELECT id FROM market_symbols WHERE venue = ? AND symbol = ?) "
            + "AND time >= make_timestamptz(?) AND time < make_timestamptz(?) "
            + "ORDER BY time, rowid";

    private final QuoteTick quote = new QuoteTick();

    DuckDbQuoteSource(String description, Instrument instrument, DuckDbErrors errors) {
        super(description, instrument, errors);
    }

    @Override
    protected void decode(ResultSet rs) throws SQLException {
        long time = DuckDbTime.toNanos(rs.getLong(1));
        checkScales(rs.getLong(6), rs.getLong(7), time);
        quote.set(instrument, time, DuckDbTime.toNanos(rs.getLong(8)), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5));
    }

    @Override
    public MarketEvent current() {
        return quote;
    }
}
