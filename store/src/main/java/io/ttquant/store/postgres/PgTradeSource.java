package io.ttquant.store.postgres;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The trades of one instrument in a time range, in (time, trade id) order, as reused
 * {@link TradeTick}s. A trade stored without a receive time reads back with its exchange time as
 * receive time (as file sources do); aggressor 'B'/'S'/NULL maps to BUY/SELL/null.
 */
final class PgTradeSource extends PgCursorSource {
    private final TradeTick trade = new TradeTick();

    PgTradeSource(String description, Instrument instrument, PgErrors errors) {
        super(description, instrument, errors);
    }

    /** The query this source decodes; parameters: venue, symbol, from, to. */
    static String sql(String schema) {
        return "SELECT time, trade_id, price, qty, price_scale, qty_scale, aggressor, recv_time FROM " + schema
                + ".market_trades WHERE venue = ? AND symbol = ? AND time >= ? AND time < ? ORDER BY time, trade_id";
    }

    @Override
    protected void decode(ResultSet rs) throws SQLException {
        long time = PgTime.fromPgMicros(int8(rs.getBytes(1)));
        long tradeId = rs.getLong(2);
        long price = rs.getLong(3);
        long qty = rs.getLong(4);
        checkScales(rs.getShort(5), rs.getShort(6), time);
        byte[] aggressor = rs.getBytes(7);
        byte[] recv = rs.getBytes(8);
        Side side = aggressor == null ? null : aggressor[0] == 'B' ? Side.BUY : Side.SELL;
        long recvTime = recv == null ? time : PgTime.fromPgMicros(int8(recv));
        trade.set(instrument, time, recvTime, price, qty, side, tradeId);
    }

    @Override
    public MarketEvent current() {
        return trade;
    }
}
