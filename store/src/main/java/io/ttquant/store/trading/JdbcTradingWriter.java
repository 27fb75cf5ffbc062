package io.ttquant.store.trading;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Writes the rows of a validated {@link TradingBatch} with parameterised statements, the SQL and
 * column binding both stores share: orders upserted on (venue, order_id) but never moved back in
 * time (the update only applies when the stored updated_time is not newer), fills inserted once per
 * (venue, symbol, trade_id, time), positions upserted on (venue, strategy, symbol, time), then the
 * source's progress. The caller runs {@link #write} in one transaction: all of it commits or
 * nothing does, which is what makes replaying a durable source exactly once.
 *
 * <p>A store says how its tables are named, how a time goes in as a parameter and whether rows go
 * as JDBC batches. Stateless apart from the SQL texts: safe from any thread. Never concatenates
 * values into SQL.
 */
public final class JdbcTradingWriter {
    /** Sets a time parameter of a statement from epoch nanoseconds (truncated to the microsecond). */
    public interface TimeParameter {
        void set(PreparedStatement ps, int index, long epochNanos) throws SQLException;
    }

    private final String upsertOrder;
    private final String insertFill;
    private final String upsertPosition;
    private final String upsertProgress;
    private final String selectProgress;
    private final TimeParameter time;
    private final boolean jdbcBatches;

    /**
     * @param tables      what goes before a table name: a quoted schema and a dot, or "" for the default schema
     * @param timeSql     the SQL of a time parameter, e.g. {@code ?} or {@code make_timestamptz(?)}
     * @param time        how {@code timeSql}'s parameter is set
     * @param jdbcBatches whether rows are sent as JDBC batches, else executed one by one
     */
    public JdbcTradingWriter(String tables, String timeSql, TimeParameter time, boolean jdbcBatches) {
        this.time = time;
        this.jdbcBatches = jdbcBatches;
        upsertOrder = "INSERT INTO " + tables + "orders (venue, order_id, strategy, client_order_id, symbol, side, "
                + "order_type, time_in_force, price, stop_price, qty, price_scale, qty_scale, reduce_only, status, "
                + "reject_reason, filled_qty, filled_notional, fees, venue_order_id, created_time, updated_time) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + timeSql + ", " + timeSql + ") "
                + "ON CONFLICT (venue, order_id) DO UPDATE SET strategy = excluded.strategy, "
                + "client_order_id = excluded.client_order_id, symbol = excluded.symbol, side = excluded.side, "
                + "order_type = excluded.order_type, time_in_force = excluded.time_in_force, price = excluded.price, "
                + "stop_price = excluded.stop_price, qty = excluded.qty, price_scale = excluded.price_scale, "
                + "qty_scale = excluded.qty_scale, reduce_only = excluded.reduce_only, status = excluded.status, "
                + "reject_reason = excluded.reject_reason, filled_qty = excluded.filled_qty, "
                + "filled_notional = excluded.filled_notional, fees = excluded.fees, "
                + "venue_order_id = excluded.venue_order_id, updated_time = excluded.updated_time "
                + "WHERE orders.updated_time <= excluded.updated_time";
        insertFill = "INSERT INTO " + tables + "fills (venue, symbol, trade_id, time, order_id, strategy, side, qty, "
                + "price, price_scale, qty_scale, fee, fee_asset, liquidity) "
                + "VALUES (?, ?, ?, " + timeSql + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (venue, symbol, trade_id, time) DO NOTHING";
        upsertPosition = "INSERT INTO " + tables + "positions (venue, strategy, symbol, time, net_qty, cost_basis, "
                + "realized_pnl, price_scale, qty_scale) VALUES (?, ?, ?, " + timeSql + ", ?, ?, ?, ?, ?) "
                + "ON CONFLICT (venue, strategy, symbol, time) DO UPDATE SET net_qty = excluded.net_qty, "
                + "cost_basis = excluded.cost_basis, realized_pnl = excluded.realized_pnl, "
                + "price_scale = excluded.price_scale, qty_scale = excluded.qty_scale";
        upsertProgress = "INSERT INTO " + tables + "export_progress (source, position, updated_time) "
                + "VALUES (?, ?, now()) ON CONFLICT (source) DO UPDATE SET position = excluded.position, "
                + "updated_time = excluded.updated_time";
        selectProgress = "SELECT position FROM " + tables + "export_progress WHERE source = ?";
    }

    /** Writes a validated batch ({@link TradingRows#validate}) and its progress; the caller owns the transaction. */
    public void write(Connection c, TradingBatch batch) throws SQLException {
        if (!batch.orders().isEmpty()) {
            writeOrders(c, batch.orders());
        }
        if (!batch.fills().isEmpty()) {
            writeFills(c, batch.fills());
        }
        if (!batch.positions().isEmpty()) {
            writePositions(c, batch.positions());
        }
        if (batch.source() != null) {
            try (PreparedStatement ps = c.prepareStatement(upsertProgress)) {
                ps.setString(1, batch.source());
                ps.setLong(2, batch.sourcePosition());
                ps.executeUpdate();
            }
        }
    }

    /** The last committed position of a source, or null when it never wrote one. */
    public Long progress(Connection c, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(selectProgress)) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private void writeOrders(Connection c, List<OrderRow> orders) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(upsertOrder)) {
            for (OrderRow o : orders) {
                ps.setString(1, o.venue());
                ps.setLong(2, o.orderId());
                ps.setString(3, o.strategy());
                ps.setString(4, o.clientOrderId());
                ps.setString(5, o.symbol());
                ps.setString(6, String.valueOf(o.side()));
                ps.setString(7, o.orderType());
                ps.setString(8, o.timeInForce());
                ps.setLong(9, o.price());
                ps.setLong(10, o.stopPrice());
                ps.setLong(11, o.qty());
                ps.setShort(12, (short) o.priceScale());
                ps.setShort(13, (short) o.qtyScale());
                ps.setBoolean(14, o.reduceOnly());
                ps.setString(15, o.status());
                if (o.rejectReason() == 0) {
                    ps.setNull(16, Types.INTEGER);
                } else {
                    ps.setInt(16, o.rejectReason());
                }
                ps.setLong(17, o.filledQty());
                ps.setLong(18, o.filledNotional());
                ps.setLong(19, o.fees());
                if (o.venueOrderId() == null) {
                    ps.setNull(20, Types.VARCHAR);
                } else {
                    ps.setString(20, o.venueOrderId());
                }
                time.set(ps, 21, o.createdNanos());
                time.set(ps, 22, o.updatedNanos());
                row(ps);
            }
            end(ps);
        }
    }

    private void writeFills(Connection c, List<FillRow> fills) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertFill)) {
            for (FillRow f : fills) {
                ps.setString(1, f.venue());
                ps.setString(2, f.symbol());
                ps.setLong(3, f.tradeId());
                time.set(ps, 4, f.timeNanos());
                ps.setLong(5, f.orderId());
                ps.setString(6, f.strategy());
                ps.setString(7, String.valueOf(f.side()));
                ps.setLong(8, f.qty());
                ps.setLong(9, f.price());
                ps.setShort(10, (short) f.priceScale());
                ps.setShort(11, (short) f.qtyScale());
                ps.setLong(12, f.fee());
                ps.setString(13, f.feeAsset());
                if (f.liquidity() == 0) {
                    ps.setNull(14, Types.VARCHAR);
                } else {
                    ps.setString(14, String.valueOf(f.liquidity()));
                }
                row(ps);
            }
            end(ps);
        }
    }

    private void writePositions(Connection c, List<PositionRow> positions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(upsertPosition)) {
            for (PositionRow p : positions) {
                ps.setString(1, p.venue());
                ps.setString(2, p.strategy());
                ps.setString(3, p.symbol());
                time.set(ps, 4, p.timeNanos());
                ps.setLong(5, p.netQty());
                ps.setLong(6, p.costBasis());
                ps.setLong(7, p.realizedPnl());
                ps.setShort(8, (short) p.priceScale());
                ps.setShort(9, (short) p.qtyScale());
                row(ps);
            }
            end(ps);
        }
    }

    private void row(PreparedStatement ps) throws SQLException {
        if (jdbcBatches) {
            ps.addBatch();
        } else {
            ps.executeUpdate();
        }
    }

    private void end(PreparedStatement ps) throws SQLException {
        if (jdbcBatches) {
            ps.executeBatch();
        }
    }
}
