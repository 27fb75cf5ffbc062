-- Views for people: the same rows with decimal prices, quantities and cash values. A scaled long
-- becomes an exact DECIMAL(38,8) (every scale of this schema is at most 8, the cash scale):
-- raw * 10^(8 - scale) is the value in units of 1e-8, exact in HUGEINT, then rescaled by a
-- DECIMAL multiplication (no DOUBLE on the way). Programs read the tables; nothing writes here.

CREATE MACRO fixed_to_decimal(raw, scale) AS
    CAST(CAST(CAST(raw AS HUGEINT)
              * [100000000, 10000000, 1000000, 100000, 10000, 1000, 100, 10, 1][scale + 1] AS DECIMAL(38, 0))
         * CAST(0.00000001 AS DECIMAL(9, 8)) AS DECIMAL(38, 8));

CREATE VIEW market_trades_v AS
SELECT venue, symbol, time, trade_id,
       fixed_to_decimal(price, price_scale) AS price,
       fixed_to_decimal(qty, qty_scale) AS qty,
       aggressor, recv_time
FROM market_trades;

CREATE VIEW market_quotes_v AS
SELECT venue, symbol, time,
       fixed_to_decimal(bid_price, price_scale) AS bid_price,
       fixed_to_decimal(bid_qty, qty_scale) AS bid_qty,
       fixed_to_decimal(ask_price, price_scale) AS ask_price,
       fixed_to_decimal(ask_qty, qty_scale) AS ask_qty,
       recv_time
FROM market_quotes;

CREATE VIEW market_bars_v AS
SELECT venue, symbol, interval_s, open_time,
       fixed_to_decimal(open, price_scale) AS open,
       fixed_to_decimal(high, price_scale) AS high,
       fixed_to_decimal(low, price_scale) AS low,
       fixed_to_decimal(close, price_scale) AS close,
       fixed_to_decimal(volume, qty_scale) AS volume,
       trades
FROM market_bars;

CREATE VIEW orders_v AS
SELECT venue, order_id, strategy, client_order_id, symbol, side, order_type, time_in_force,
       fixed_to_decimal(price, price_scale) AS price,
       fixed_to_decimal(stop_price, price_scale) AS stop_price,
       fixed_to_decimal(qty, qty_scale) AS qty,
       reduce_only, status, reject_reason,
       fixed_to_decimal(filled_qty, qty_scale) AS filled_qty,
       fixed_to_decimal(filled_notional, 8) AS filled_notional,
       fixed_to_decimal(fees, 8) AS fees,
       venue_order_id, created_time, updated_time
FROM orders;

CREATE VIEW fills_v AS
SELECT venue, symbol, trade_id, time, order_id, strategy, side,
       fixed_to_decimal(qty, qty_scale) AS qty,
       fixed_to_decimal(price, price_scale) AS price,
       fixed_to_decimal(fee, 8) AS fee,
       fee_asset, liquidity
FROM fills;

CREATE VIEW positions_v AS
SELECT venue, strategy, symbol, time,
       fixed_to_decimal(net_qty, qty_scale) AS net_qty,
       fixed_to_decimal(cost_basis, 8) AS cost_basis,
       fixed_to_decimal(realized_pnl, 8) AS realized_pnl
FROM positions;
