/**
 * Persistence: the same logical schema in PostgreSQL/TimescaleDB (servers) and in an embedded
 * DuckDB file (the default for {@code ./ttquant run} and research), written in batches off the hot
 * path and read back as {@link io.ttquant.core.data.MarketDataSource}s for backtests.
 *
 * <h2>Logical schema (both stores; versioned migrations under {@code db/migration/<store>})</h2>
 * Prices and quantities are stored exactly, as the instrument's scaled {@code long} mantissas with
 * their scales on the row ({@code price_scale}, {@code qty_scale}); cash values (notional, fees,
 * PnL) at {@link io.ttquant.core.num.Fixed#CASH_SCALE}. Times are {@code TIMESTAMPTZ} (microseconds;
 * nanosecond inputs are truncated). Views with a {@code _v} suffix show decimal prices for people.
 * <ul>
 * <li>{@code market_trades(venue, symbol, time, trade_id, price, qty, price_scale, qty_scale,
 *     aggressor CHAR(1) 'B'|'S'|NULL, recv_time NULL)} — append only, no unique key (COPY speed);
 *     index (venue, symbol, time). Import replaces the time range it loads.</li>
 * <li>{@code market_quotes(venue, symbol, time, bid_price, bid_qty, ask_price, ask_qty, price_scale,
 *     qty_scale, recv_time NULL)} — append only; index (venue, symbol, time).</li>
 * <li>{@code market_bars(venue, symbol, interval_s INT, open_time, open, high, low, close, volume,
 *     price_scale, qty_scale, trades BIGINT NULL)} — unique (venue, symbol, interval_s, open_time).</li>
 * <li>{@code book_snapshots(venue, symbol, time, last_update_id, bid_prices BIGINT[], bid_qtys
 *     BIGINT[], ask_prices BIGINT[], ask_qtys BIGINT[], price_scale, qty_scale)} — append only.</li>
 * <li>{@code orders(venue, order_id, strategy, client_order_id, symbol, side CHAR(1), order_type,
 *     time_in_force, price, stop_price, qty, price_scale, qty_scale, reduce_only, status,
 *     reject_reason INT NULL, filled_qty, filled_notional, fees, venue_order_id NULL, created_time,
 *     updated_time)} — primary key (venue, order_id); upserted, a row never goes back in time
 *     (an update with an older updated_time is ignored).</li>
 * <li>{@code fills(venue, symbol, trade_id, time, order_id, strategy, side, qty, price, price_scale,
 *     qty_scale, fee, fee_asset, liquidity CHAR(1) 'M'|'T'|NULL)} — unique (venue, symbol, trade_id,
 *     time): a fill written twice is stored once.</li>
 * <li>{@code positions(venue, strategy, symbol, time, net_qty, cost_basis, realized_pnl,
 *     price_scale, qty_scale)} — snapshots; unique (venue, strategy, symbol, time), upserted.</li>
 * <li>{@code export_progress(source PRIMARY KEY, position BIGINT, updated_time)} — how far a
 *     durable local source (the gateway's order journal) has been written, updated in the same
 *     transaction as the rows it covers: this is what makes a replay exactly once.</li>
 * </ul>
 * In PostgreSQL with TimescaleDB the time-series tables are hypertables (compression and retention
 * policies, a continuous aggregate {@code market_bars_1m_from_trades}); without it the same tables
 * are plain and a retention job deletes old market data. The choice is automatic and logged.
 *
 * <p>What the two stores share is written once: the identifier rule ({@link io.ttquant.store.Identifiers}),
 * how a read row becomes an event ({@link io.ttquant.store.MarketRows}) and the cursor around it
 * ({@link io.ttquant.store.JdbcCursorSource}), what a trading row must hold
 * ({@link io.ttquant.store.trading.TradingRows}) and the progress table
 * ({@link io.ttquant.store.trading.ExportProgress}); their tests are one contract
 * ({@code StoreContract}, test sources) run against each store.
 */
package io.ttquant.store;
