-- Market data (see io.ttquant.store package-info for the logical schema shared with DuckDB).
-- Prices and quantities are the instrument's scaled longs with their scales on the row; times are
-- TIMESTAMPTZ (microseconds). venue and symbol use the "C" collation: they are validated ASCII
-- identifiers, and byte-wise comparison keeps the (venue, symbol, time) indexes cheap to maintain
-- at COPY speed. market_trades, market_quotes and book_snapshots are append only (no unique key).

CREATE TABLE market_trades (
    venue       TEXT COLLATE "C" NOT NULL,
    symbol      TEXT COLLATE "C" NOT NULL,
    time        TIMESTAMPTZ      NOT NULL,
    trade_id    BIGINT           NOT NULL,
    price       BIGINT           NOT NULL,
    qty         BIGINT           NOT NULL,
    price_scale SMALLINT         NOT NULL,
    qty_scale   SMALLINT         NOT NULL,
    aggressor   CHAR(1)          NULL CHECK (aggressor IN ('B', 'S')),
    recv_time   TIMESTAMPTZ      NULL
);
CREATE INDEX market_trades_venue_symbol_time_idx ON market_trades (venue, symbol, time, trade_id);

CREATE TABLE market_quotes (
    venue       TEXT COLLATE "C" NOT NULL,
    symbol      TEXT COLLATE "C" NOT NULL,
    time        TIMESTAMPTZ      NOT NULL,
    bid_price   BIGINT           NOT NULL,
    bid_qty     BIGINT           NOT NULL,
    ask_price   BIGINT           NOT NULL,
    ask_qty     BIGINT           NOT NULL,
    price_scale SMALLINT         NOT NULL,
    qty_scale   SMALLINT         NOT NULL,
    recv_time   TIMESTAMPTZ      NULL
);
CREATE INDEX market_quotes_venue_symbol_time_idx ON market_quotes (venue, symbol, time);

CREATE TABLE market_bars (
    venue       TEXT COLLATE "C" NOT NULL,
    symbol      TEXT COLLATE "C" NOT NULL,
    interval_s  INT              NOT NULL CHECK (interval_s > 0),
    open_time   TIMESTAMPTZ      NOT NULL,
    open        BIGINT           NOT NULL,
    high        BIGINT           NOT NULL,
    low         BIGINT           NOT NULL,
    close       BIGINT           NOT NULL,
    volume      BIGINT           NOT NULL,
    price_scale SMALLINT         NOT NULL,
    qty_scale   SMALLINT         NOT NULL,
    trades      BIGINT           NULL,
    CONSTRAINT market_bars_key UNIQUE (venue, symbol, interval_s, open_time)
);

CREATE TABLE book_snapshots (
    venue          TEXT COLLATE "C" NOT NULL,
    symbol         TEXT COLLATE "C" NOT NULL,
    time           TIMESTAMPTZ      NOT NULL,
    last_update_id BIGINT           NOT NULL,
    bid_prices     BIGINT[]         NOT NULL,
    bid_qtys       BIGINT[]         NOT NULL,
    ask_prices     BIGINT[]         NOT NULL,
    ask_qtys       BIGINT[]         NOT NULL,
    price_scale    SMALLINT         NOT NULL,
    qty_scale      SMALLINT         NOT NULL
);
CREATE INDEX book_snapshots_venue_symbol_time_idx ON book_snapshots (venue, symbol, time);
