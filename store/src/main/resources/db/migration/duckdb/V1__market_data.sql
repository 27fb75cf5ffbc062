-- Market data (see io.ttquant.store package-info for the logical schema shared with PostgreSQL).
-- Prices and quantities are the instrument's scaled longs with their scales on the row; times are
-- TIMESTAMPTZ (microseconds). CHAR(1) is an alias of VARCHAR in DuckDB: the CHECKs keep the codes.
--
-- No ART index on (venue, symbol, time): DuckDB keeps min/max zonemaps per row group, and rows
-- appended in time order make a per-symbol time range scan skip every row group outside the range.
-- An ART index does not serve range scans, can slow the appender and grew 3 million trades from
-- 9 MB to 230 MB in a measurement (see DuckDbStore).
-- market_trades, market_quotes and book_snapshots are append only (no unique key).

CREATE TABLE market_trades (
    venue       VARCHAR     NOT NULL,
    symbol      VARCHAR     NOT NULL,
    time        TIMESTAMPTZ NOT NULL,
    trade_id    BIGINT      NOT NULL,
    price       BIGINT      NOT NULL,
    qty         BIGINT      NOT NULL,
    price_scale SMALLINT    NOT NULL,
    qty_scale   SMALLINT    NOT NULL,
    aggressor   CHAR(1)     NULL CHECK (aggressor IN ('B', 'S')),
    recv_time   TIMESTAMPTZ NULL
);

CREATE TABLE market_quotes (
    venue       VARCHAR     NOT NULL,
    symbol      VARCHAR     NOT NULL,
    time        TIMESTAMPTZ NOT NULL,
    bid_price   BIGINT      NOT NULL,
    bid_qty     BIGINT      NOT NULL,
    ask_price   BIGINT      NOT NULL,
    ask_qty     BIGINT      NOT NULL,
    price_scale SMALLINT    NOT NULL,
    qty_scale   SMALLINT    NOT NULL,
    recv_time   TIMESTAMPTZ NULL
);

CREATE TABLE market_bars (
    venue       VARCHAR     NOT NULL,
    symbol      VARCHAR     NOT NULL,
    interval_s  INTEGER     NOT NULL CHECK (interval_s > 0),
    open_time   TIMESTAMPTZ NOT NULL,
    open        BIGINT      NOT NULL,
    high        BIGINT      NOT NULL,
    low         BIGINT      NOT NULL,
    close       BIGINT      NOT NULL,
    volume      BIGINT      NOT NULL,
    price_scale SMALLINT    NOT NULL,
    qty_scale   SMALLINT    NOT NULL,
    trades      BIGINT      NULL,
    CONSTRAINT market_bars_key UNIQUE (venue, symbol, interval_s, open_time)
);

CREATE TABLE book_snapshots (
    venue          VARCHAR     NOT NULL,
    symbol         VARCHAR     NOT NULL,
    time           TIMESTAMPTZ NOT NULL,
    last_update_id BIGINT      NOT NULL,
    bid_prices     BIGINT[]    NOT NULL,
    bid_qtys       BIGINT[]    NOT NULL,
    ask_prices     BIGINT[]    NOT NULL,
    ask_qtys       BIGINT[]    NOT NULL,
    price_scale    SMALLINT    NOT NULL,
    qty_scale      SMALLINT    NOT NULL
);
