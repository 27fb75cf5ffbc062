package io.ttquant.store.postgres;

import io.ttquant.store.trading.ExportProgress;
import io.ttquant.store.trading.FillRow;
import io.ttquant.store.trading.OrderRow;
import io.ttquant.store.trading.PositionRow;
import io.ttquant.store.trading.TradingBatch;
import io.ttquant.store.trading.TradingRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Writes a checked {@link TradingBatch} ({@link TradingRows}) in one transaction: orders upserted
 * on (venue, order_id) but never moved back in time (the update only applies when the stored
 * updated_time is not newer), fills inserted once per (venue, symbol, trade_id, time), positions
 * upserted on (venue, strategy, symbol, time), then the source's progress ({@link ExportProgress}).
 * Either all of it commits or nothing does, which is what makes replaying a durable source exactly
 * once.
 *
 * <p>Stateless apart from the SQL texts: safe from any thread, each call on its own connection.
 * Only parameterised statements (JDBC batches); never concatenates values into SQL.
 */
final class PgTradingWriter {
    private final String upsertOrder;
    private final String insertFill;
    private final String upsertPosition;
    private final ExportProgress progress;

    /** @param schema the quoted schema name the tables live in */
    PgTradingWriter(String schema) {
        upsertOrder = "INSERT INTO " + schema + ".orders AS o (venue, order_id, strategy, client_order_id, symbol, side, "
                + "order_type, time_in_force, price, stop_price, qty, price_scale, qty_scale, reduce_only, status, "
                + "reject_reason, filled_qty, filled_notional, fees, venue_order_id, created_time, updated_time) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (venue, order_id) DO UPDATE SET strategy = EXCLUDED.strategy, "
                + "client_order_id = EXCLUDED.client_order_id, symbol = EXCLUDED.symbol, side = EXCLUDED.side, "
                + "order_type = EXCLUDED.order_type, time_in_force = EXCLUDED.time_in_force, price = EXCLUDED.price, "
                + "stop_price = EXCLUDED.stop_price, qty = EXCLUDED.qty, price_scale = EXCLUDED.price_scale, "
                + "qty_scale = EXCLUDED.qty_scale, reduce_only = EXCLUDED.reduce_only, status = EXCLUDED.status, "
                + "reject_reason = EXCLUDED.reject_reason, filled_qty = EXCLUDED.filled_qty, "
                + "filled_notional = EXCLUDED.filled_notional, fees = EXCLUDED.fees, "
                + "venue_order_id = EXCLUDED.venue_order_id, updated_time = EXCLUDED.updated_time "
                + "WHERE o.updated_time <= EXCLUDED.updated_time";
        insertFill = "INSERT INTO " + schema + ".fills (venue, symbol, trade_id, time, order_id, strategy, side, qty, "
                + "price, price_scale, qty_scale, fee, fee_asset, liquidity) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (venue, symbol, trade_id, time) DO NOTHING";
        upsertPosition = "INSERT INTO " + schema + ".positions (venue, strategy, symbol, time, net_qty, cost_basis, "
                + "realized_pnl, price_scale, qty_scale) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (venue, strategy, symbol, time) DO UPDATE SET net_qty = EXCLUDED.net_qty, "
                + "cost_basis = EXCLUDED.cost_basis, realized_pnl = EXCLUDED.realized_pnl, "
                + "price_scale = EXCLUDED.price_scale, qty_scale = EXCLUDED.qty_scale";
        progress = new ExportProgress(schema + ".");
    }

    /** Writes a checked batch and its progress in one transaction. */
    void write(Connection c, TradingBatch batch) throws SQLException {
        c.setAutoCommit(false);
        try {
            if (!batch.orders().isEmpty()) {
                writeOrders(c, batch.orders());
            }
            if (!batch.fills().isEmpty()) {
                writeFills(c, batch.fills());
            }
            if (!batch.positions().isEmpty()) {
                writePositions(c, batch.positions());
            }
            progress.save(c, batch);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            PgMarketDataWriter.rollbackQuietly(c, e);
            throw e;
        } finally {
            PgMarketDataWriter.restoreAutoCommit(c);
        }
    }

    /** The last committed position of a source, or null when it never wrote one. */
    Long progress(Connection c, String source) throws SQLException {
        return progress.read(c, source);
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
                ps.setString(20, o.venueOrderId());
                ps.setObject(21, PgTime.toOffsetDateTime(o.createdNanos()));
                ps.setObject(22, PgTime.toOffsetDateTime(o.updatedNanos()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void writeFills(Connection c, List<FillRow> fills) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertFill)) {
            for (FillRow f : fills) {
                ps.setString(1, f.venue());
                ps.setString(2, f.symbol());
                ps.setLong(3, f.tradeId());
                ps.setObject(4, PgTime.toOffsetDateTime(f.timeNanos()));
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
                    ps.setNull(14, Types.CHAR);
                } else {
                    ps.setString(14, String.valueOf(f.liquidity()));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void writePositions(Connection c, List<PositionRow> positions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(upsertPosition)) {
            for (PositionRow p : positions) {
                ps.setString(1, p.venue());
                ps.setString(2, p.strategy());
                ps.setString(3, p.symbol());
                ps.setObject(4, PgTime.toOffsetDateTime(p.timeNanos()));
                ps.setLong(5, p.netQty());
                ps.setLong(6, p.costBasis());
                ps.setLong(7, p.realizedPnl());
                ps.setShort(8, (short) p.priceScale());
                ps.setShort(9, (short) p.qtyScale());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
