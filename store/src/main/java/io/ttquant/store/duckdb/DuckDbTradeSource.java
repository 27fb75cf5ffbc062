package io.ttquant.store.duckdb;

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
final class DuckDbTradeSource extends DuckDbCursorSource {
    /** Parameters: venue, symbol, from and to in epoch micros ([from, to)). */
    static final String SQL = "SELECT epoch_us(time), trade_id, price, qty, CAST(price_scale AS BIGINT), "
            + "CAST(qty_scale AS BIGINT), CAST(coalesce(ascii(aggressor), 0) AS BIGINT), "
            + "coalesce(epoch_us(recv_time), epoch_us(time)) FROM market_trades_data "
            + "WHERE symbol_id = (SELECT id FROM market_symbols WHERE venue = ? AND symbol = ?) "
            + "AND time >= make_timestamptz(?) AND time < make_timestamptz(?) "
            + "ORDER BY time, trade_id";

    private final TradeTick trade = new TradeTick();

    DuckDbTradeSource(String description, Instrument instrument, DuckDbErrors errors) {
        super(description, instrument, errors);
    }

    @Override
    protected void decode(ResultSet rs) throws SQLException {
        long time = DuckDbTime.toNanos(rs.getLong(1));
        long tradeId = rs.getLong(2);
        long price = rs.getLong(3);
        long qty = rs.getLong(4);
        checkScales(rs.getLong(5), rs.getLong(6), time);
        long aggressor = rs.getLong(7);
        Side side = aggressor == 'B' ? Side.BUY : aggressor == 'S' ? Side.SELL : null;
        long recvTime = DuckDbTime.toNanos(rs.getLong(8));
        trade.set(instrument, time, recvTime, price, qty, side, tradeId);
    }

    @Override
    public MarketEvent current() {
        return trade;
    }
}
