package io.ttquant.store.postgres;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The best bid/ask quotes of one instrument in a time range, in time order, as reused
 * {@link QuoteTick}s; a quote without a receive time reads back with its exchange time.
 */
final class PgQuoteSource extends PgCursorSource {
    private final QuoteTick quote = new QuoteTick();

    PgQuoteSource(String description, Instrument instrument, PgErrors errors) {
        super(description, instrument, errors);
    }

    /** The query this source decodes; parameters: venue, symbol, from, to. */
    static String sql(String schema) {
        return "SELECT time, bid_price, bid_qty, ask_price, ask_qty, price_scale, qty_scale, recv_time FROM " + schema
                + ".market_quotes WHERE venue = ? AND symbol = ? AND time >= ? AND time < ? ORDER BY time";
    }

    @Override
    protected void decode(ResultSet rs) throws SQLException {
        long time = PgTime.fromPgMicros(int8(rs.getBytes(1)));
        long bidPrice = rs.getLong(2);
        long bidQty = rs.getLong(3);
        long askPrice = rs.getLong(4);
        long askQty = rs.getLong(5);
        checkScales(rs.getShort(6), rs.getShort(7), time);
        byte[] recv = rs.getBytes(8);
        long recvTime = recv == null ? time : PgTime.fromPgMicros(int8(recv));
        quote.set(instrument, time, recvTime, bidPrice, bidQty, askPrice, askQty);
    }

    @Override
    public MarketEvent current() {
        return quote;
    }
}
