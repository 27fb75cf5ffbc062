-- Views for people: the same rows with decimal prices, quantities and cash values (scale 8).
-- Programs read the tables; nothing writes through these views.

CREATE FUNCTION fixed_to_numeric(raw BIGINT, scale INT) RETURNS NUMERIC
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT round(raw::numeric / (10::numeric ^ scale), scale) $$;

CREATE VIEW market_trades_v AS
SELECT venue, symbol, time, trade_id,
       fixed_to_numeric(price, price_scale) AS price,
       fixed_to_numeric(qty, qty_scale) AS qty,
       aggressor, recv_time
FROM market_trades;

CREATE VIEW market_quotes_v AS
SELECT venue, symbol, time,
       fixed_to_numeric(bid_price, price_scale) AS bid_price,
       fixed_to_numeric(bid_qty, qty_scale) AS bid_qty,
       fixed_to_numeric(ask_price, price_scale) AS ask_price,
       fixed_to_numeric(ask_qty, qty_scale) AS ask_qty,
       recv_time
FROM market_quotes;

CREATE VIEW market_bars_v AS
SELECT venue, symbol, interval_s, open_time,
       fixed_to_numeric(open, price_scale) AS open,
       fixed_to_numeric(high, price_scale) AS high,
       fixed_to_numeric(low, price_scale) AS low,
       fixed_to_numeric(close, price_scale) AS close,
       fixed_to_numeric(volume, qty_scale) AS volume,
       trades
FROM market_bars;

CREATE VIEW orders_v AS
SELECT venue, order_id, strategy, client_order_id, symbol, side, order_type, time_in_force,
       fixed_to_numeric(price, price_scale) AS price,
       fixed_to_numeric(stop_price, price_scale) AS stop_price,
       fixed_to_numeric(qty, qty_scale) AS qty,
       reduce_only, status, reject_reason,
       fixed_to_numeric(filled_qty, qty_scale) AS filled_qty,
       fixed_to_numeric(filled_notional, 8) AS filled_notional,
       fixed_to_numeric(fees, 8) AS fees,
       venue_order_id, created_time, updated_time
FROM orders;

CREATE VIEW fills_v AS
SELECT venue, symbol, trade_id, time, order_id, strategy, side,
       fixed_to_numeric(qty, qty_scale) AS qty,
       fixed_to_numeric(price, price_scale) AS price,
       fixed_to_numeric(fee, 8) AS fee,
       fee_asset, liquidity
FROM fills;

CREATE VIEW positions_v AS
SELECT venue, strategy, symbol, time,
       fixed_to_numeric(net_qty, qty_scale) AS net_qty,
       fixed_to_numeric(cost_basis, 8) AS cost_basis,
       fixed_to_numeric(realized_pnl, 8) AS realized_pnl
FROM positions;
