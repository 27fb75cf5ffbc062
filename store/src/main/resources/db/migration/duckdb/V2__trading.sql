-- Orders, fills, position snapshots and the export progress of durable sources (see the logical
-- schema in io.ttquant.store package-info). Cash values (notional, fees, PnL) at scale 8. The
-- unique keys are what the store's upserts (INSERT ... ON CONFLICT) work on; these tables are
-- small, so no further indexes (DuckDB's zonemaps serve their time range scans).

CREATE TABLE orders (
    venue           VARCHAR     NOT NULL,
    order_id        BIGINT      NOT NULL,
    strategy        VARCHAR     NOT NULL,
    client_order_id VARCHAR     NOT NULL,
    symbol          VARCHAR     NOT NULL,
    side            CHAR(1)     NOT NULL CHECK (side IN ('B', 'S')),
    order_type      VARCHAR     NOT NULL,
    time_in_force   VARCHAR     NOT NULL,
    price           BIGINT      NOT NULL,
    stop_price      BIGINT      NOT NULL,
    qty             BIGINT      NOT NULL,
    price_scale     SMALLINT    NOT NULL,
    qty_scale       SMALLINT    NOT NULL,
    reduce_only     BOOLEAN     NOT NULL,
    status          VARCHAR     NOT NULL,
    reject_reason   INTEGER     NULL,
    filled_qty      BIGINT      NOT NULL,
    filled_notional BIGINT      NOT NULL,
    fees            BIGINT      NOT NULL,
    venue_order_id  VARCHAR     NULL,
    created_time    TIMESTAMPTZ NOT NULL,
    updated_time    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (venue, order_id)
);

CREATE TABLE fills (
    venue       VARCHAR     NOT NULL,
    symbol      VARCHAR     NOT NULL,
    trade_id    BIGINT      NOT NULL,
    time        TIMESTAMPTZ NOT NULL,
    order_id    BIGINT      NOT NULL,
    strategy    VARCHAR     NOT NULL,
    side        CHAR(1)     NOT NULL CHECK (side IN ('B', 'S')),
    qty         BIGINT      NOT NULL,
    price       BIGINT      NOT NULL,
    price_scale SMALLINT    NOT NULL,
    qty_scale   SMALLINT    NOT NULL,
    fee         BIGINT      NOT NULL,
    fee_asset   VARCHAR     NOT NULL,
    liquidity   CHAR(1)     NULL CHECK (liquidity IN ('M', 'T')),
    CONSTRAINT fills_key UNIQUE (venue, symbol, trade_id, time)
);

CREATE TABLE positions (
    venue        VARCHAR     NOT NULL,
    strategy     VARCHAR     NOT NULL,
    symbol       VARCHAR     NOT NULL,
    time         TIMESTAMPTZ NOT NULL,
    net_qty      BIGINT      NOT NULL,
    cost_basis   BIGINT      NOT NULL,
    realized_pnl BIGINT      NOT NULL,
    price_scale  SMALLINT    NOT NULL,
    qty_scale    SMALLINT    NOT NULL,
    CONSTRAINT positions_key UNIQUE (venue, strategy, symbol, time)
);

CREATE TABLE export_progress (
    source       VARCHAR     NOT NULL PRIMARY KEY,
    position     BIGINT      NOT NULL,
    updated_time TIMESTAMPTZ NOT NULL
);
