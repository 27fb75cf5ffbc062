package io.ttquant.app.store;

import io.ttquant.store.trading.FillRow;
import io.ttquant.store.trading.OrderRow;
import io.ttquant.store.trading.PositionRow;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * Orders, fills and positions as sorted lines of text, so that what a store holds and what the
 * journal says compare with equals and a difference prints readably: one line per order (its
 * terms and final state), per fill, and per strategy position (the latest snapshot row). Times
 * have microseconds, as stored; an order's updated time is left out (an ORDER_UNKNOWN moves the
 * journal's without giving a row).
 */
record StoreContent(List<String> orders, List<String> fills, List<String> positions) {
    static StoreContent of(Collection<OrderRow> orders, Collection<FillRow> fills, Collection<PositionRow> positions) {
        List<String> o = new ArrayList<>();
        for (OrderRow r : orders) {
            o.add(order(r.venue(), r.orderId(), r.strategy(), r.clientOrderId(), r.symbol(), r.side(), r.orderType(), r.timeInForce(),
                    r.price(), r.stopPrice(), r.qty(), r.priceScale(), r.qtyScale(), r.reduceOnly(), r.status(), r.rejectReason(),
                    r.filledQty(), r.filledNotional(), r.fees(), r.venueOrderId(), r.createdNanos()));
        }
        List<String> f = new ArrayList<>();
        for (FillRow r : fills) {
            f.add(fill(r.venue(), r.symbol(), r.tradeId(), r.timeNanos(), r.orderId(), r.strategy(), r.side(), r.qty(), r.price(),
                    r.priceScale(), r.qtyScale(), r.fee(), r.feeAsset(), r.liquidity()));
        }
        TreeMap<String, PositionRow> latest = new TreeMap<>();
        for (PositionRow r : positions) {
            String k = r.venue() + "|" + r.strategy() + "|" + r.symbol();
            PositionRow old = latest.get(k);
            if (old == null || old.timeNanos() < r.timeNanos()) {
                latest.put(k, r);
            }
        }
        List<String> p = new ArrayList<>();
        for (PositionRow r : latest.values()) {
            p.add(position(r.venue(), r.strategy(), r.symbol(), r.netQty(), r.costBasis(), r.realizedPnl(), r.priceScale(), r.qtyScale()));
        }
        o.sort(null);
        f.sort(null);
        p.sort(null);
        return new StoreContent(o, f, p);
    }

    /** What the tables {@code <prefix>orders}, {@code fills} and {@code positions} hold (PostgreSQL or DuckDB). */
    static StoreContent read(Connection c, String prefix) throws SQLException {
        List<OrderRow> orders = new ArrayList<>();
        List<FillRow> fills = new ArrayList<>();
        List<PositionRow> positions = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT venue, order_id, strategy, client_order_id, symbol, side, order_type, "
                    + "time_in_force, price, stop_price, qty, price_scale, qty_scale, reduce_only, status, reject_reason, filled_qty, "
                    + "filled_notional, fees, venue_order_id, created_time, updated_time FROM " + prefix + "orders")) {
                while (rs.next()) {
                    orders.add(new OrderRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6).charAt(0), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getLong(10),
                            rs.getLong(11), rs.getInt(12), rs.getInt(13), rs.getBoolean(14), rs.getString(15), rs.getInt(16),
                            rs.getLong(17), rs.getLong(18), rs.getLong(19), rs.getString(20), nanos(rs, 21), nanos(rs, 22)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT venue, symbol, trade_id, time, order_id, strategy, side, qty, price, "
                    + "price_scale, qty_scale, fee, fee_asset, liquidity FROM " + prefix + "fills")) {
                while (rs.next()) {
                    String liquidity = rs.getString(14);
                    fills.add(new FillRow(rs.getString(1), rs.getString(2), rs.getLong(3), nanos(rs, 4), rs.getLong(5),
                            rs.getString(6), rs.getString(7).charAt(0), rs.getLong(8), rs.getLong(9), rs.getInt(10), rs.getInt(11),
                            rs.getLong(12), rs.getString(13), liquidity == null ? 0 : liquidity.charAt(0)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT venue, strategy, symbol, time, net_qty, cost_basis, realized_pnl, "
                    + "price_scale, qty_scale FROM " + prefix + "positions")) {
                while (rs.next()) {
                    positions.add(new PositionRow(rs.getString(1), rs.getString(2), rs.getString(3), nanos(rs, 4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getInt(8), rs.getInt(9)));
                }
            }
        }
        return of(orders, fills, positions);
    }

    private static long nanos(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t.toEpochSecond() * 1_000_000_000L + t.getNano();
    }

    static String order(String venue, long id, String strategy, String clientId, String symbol, char side, String type, String tif,
                        long price, long stop, long qty, int priceScale, int qtyScale, boolean reduceOnly, String status,
                        int reject, long filled, long notional, long fees, String venueOrderId, long createdNanos) {
        return String.format("%s|%012d|%s|%s|%s|%s|%s|%s|%d|%d|%d|%d/%d|%s|%s|%d|%d|%d|%d|%s|%d", venue, id, strategy, clientId,
                symbol, side, type, tif, price, stop, qty, priceScale, qtyScale, reduceOnly, status, reject, filled, notional, fees,
                venueOrderId, Math.floorDiv(createdNanos, 1000));
    }

    static String fill(String venue, String symbol, long tradeId, long timeNanos, long orderId, String strategy, char side, long qty,
                       long price, int priceScale, int qtyScale, long fee, String feeAsset, char liquidity) {
        return String.format("%s|%s|%012d|%d|%d|%s|%s|%d|%d|%d/%d|%d|%s|%s", venue, symbol, tradeId, Math.floorDiv(timeNanos, 1000),
                orderId, strategy, side, qty, price, priceScale, qtyScale, fee, feeAsset, liquidity == 0 ? "-" : String.valueOf(liquidity));
    }

    static String position(String venue, String strategy, String symbol, long net, long basis, long realized, int priceScale,
                           int qtyScale) {
        return String.format("%s|%s|%s|%d|%d|%d|%d/%d", venue, strategy, symbol, net, basis, realized, priceScale, qtyScale);
    }
}
