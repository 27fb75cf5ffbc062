/**
 * Market data for the backtester: streaming file readers and a synthetic generator, all behind
 * {@link io.ttquant.core.data.MarketDataSource}.
 *
 * <h2>Files</h2>
 * {@link io.ttquant.core.data.MarketDataSources#open} reads a file or a directory of files (in
 * name order, as one stream) in one of the {@link io.ttquant.core.data.FileFormat}s: Binance
 * klines (12 columns, or the 6-column freqtrade export), Binance trades and aggTrades, or the
 * project's own CSV (header required: bars {@code time,open,high,low,close,volume[,interval]}
 * with {@code time} the bar's open time; trades {@code time,price,qty[,side][,trade_id]};
 * quotes {@code time,bid,bid_qty,ask,ask_qty}). Files may be plain, {@code .gz} or {@code .zip}
 * (first entry), with or without a header row (a first line whose first field is not a number).
 *
 * <p>Times: Binance files carry epoch milliseconds, or microseconds in spot files from 2025;
 * the project CSV carries epoch milliseconds. Every reader tells the unit by magnitude (below
 * 1e14 ms, below 1e17 µs, else ns) and emits nanoseconds. A bar's event time is its close time.
 *
 * <p>Numbers: prices are parsed exactly at the instrument's price scale and must lie on its tick
 * grid (a finer price is a bad row whose reason suggests {@code --tick-size}); quantities and
 * volumes are rounded half-up to the quantity scale.
 *
 * <p>Bad rows (wrong column count, not a number, impossible bar, crossed quote, a row earlier
 * than the one before it, a bar overlapping the previous bar) follow the
 * {@link io.ttquant.core.data.BadRowPolicy}: FAIL throws a
 * {@link io.ttquant.core.data.MarketDataFormatException} reading {@code FILE:LINE: reason};
 * SKIP counts them. Problems that are not about one row (no header in a project CSV, an unknown
 * header column, corrupt compressed data, a lone bar without an interval) always throw.
 *
 * <h2>Performance</h2>
 * Readers scan a 1 MiB byte buffer eight bytes at a time for commas and newlines, parse fields in
 * place with {@link io.ttquant.core.num.Fixed#parse(CharSequence, int, int, int, boolean)} and
 * fill one reused event: no allocation per row, memory independent of file size.
 */
package io.ttquant.core.data;
