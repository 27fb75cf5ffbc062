-- Orders, fills, position snapshots and the export progress of durable sources (see the logical
-- schema in io.ttquant.store package-info). Cash values (notional, fees, PnL) at scale 8.
-- Unique keys of fills and positions include their time column, so that they can become
-- TimescaleDB hypertables; orders are keyed by (venue, order_id) and stay a plain table.

CREATE TABLE orders (
    venue           TEXT COLLATE "C" NOT NULL,
    order_id        BIGINT           NOT NULL,
    strategy        TEXT COLLATE "C" NOT NULL,
    client_order_id TEXT             NOT NULL,
    symbol          TEXT COLLATE "C" NOT NULL,
    side            CHAR(1)          NOT NULL CHECK (side IN ('B', 'S')),
    order_type      TEXT             NOT NULL,
    time_in_force   TEXT             NOT NULL,
    price           BIGINT           NOT NULL,
    stop_price      BIGINT           NOT NULL,
    qty             BIGINT           NOT NULL,
    price_scale     SMALLINT         NOT NULL,
    qty_scale       SMALLINT         NOT NULL,
    reduce_only     BOOLEAN          NOT NULL,
    status          TEXT             NOT NULL,
    reject_reason   INT              NULL,
    filled_qty      BIGINT           NOT NULL,
    filled_notional BIGINT           NOT NULL,
    fees            BIGINT           NOT NULL,
    venue_order_id  TEXT             NULL,
    created_time    TIMESTAMPTZ      NOT NULL,
    updated_time    TIMESTAMPTZ      NOT NULL,
    CONSTRAINT orders_key PRIMARY KEY (venue, order_id)
);
CREATE INDEX orders_venue_symbol_created_idx ON orders (venue, symbol, created_time);
CREATE INDEX orders_strategy_created_idx ON orders (strategy, created_time);

CREATE TABLE fills (
    venue       TEXT COLLATE "C" NOT NULL,
    symbol      TEXT COLLATE "C" NOT NULL,
    trade_id    BIGINT           NOT NULL,
    time        TIMESTAMPTZ      NOT NULL,
    order_id    BIGINT           NOT NULL,
    strategy    TEXT COLLATE "C" NOT NULL,
    side        CHAR(1)          NOT NULL CHECK (side IN ('B', 'S')),
    qty         BIGINT           NOT NULL,
    price       BIGINT           NOT NULL,
    price_scale SMALLINT         NOT NULL,
    qty_scale   SMALLINT         NOT NULL,
    fee         BIGINT           NOT NULL,
    fee_asset   TEXT             NOT NULL,
    liquidity   CHAR(1)          NULL CHECK (liquidity IN ('M', 'T')),
    CONSTRAINT fills_key UNIQUE (venue, symbol, trade_id, time)
);
CREATE INDEX fills_venue_symbol_time_idx ON fills (venue, symbol, time);
CREATE INDEX fills_venue_order_idx ON fills (venue, order_id);

CREATE TABLE positions (
    venue        TEXT COLLATE "C" NOT NULL,
    strategy     TEXT COLLATE "C" NOT NULL,
    symbol       TEXT COLLATE "C" NOT NULL,
    time         TIMESTAMPTZ      NOT NULL,
    net_qty      BIGINT           NOT NULL,
    cost_basis   BIGINT           NOT NULL,
    realized_pnl BIGINT           NOT NULL,
    price_scale  SMALLINT         NOT NULL,
    qty_scale    SMALLINT         NOT NULL,
    CONSTRAINT positions_key UNIQUE (venue, strategy, symbol, time)
);

CREATE TABLE export_progress (
    source       TEXT        NOT NULL,
    position     BIGINT      NOT NULL,
    updated_time TIMESTAMPTZ NOT NULL,
    CONSTRAINT export_progress_key PRIMARY KEY (source)
);
