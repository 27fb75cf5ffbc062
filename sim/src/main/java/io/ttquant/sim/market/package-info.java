/**
 * The simulated exchange's state and behaviour, with no I/O: order books holding synthetic and
 * user orders, matching with Binance's rules, accounts with exact balances, trades, aggregate
 * trades, klines, tickers and depth diffs, and the seeded synthetic participants.
 * {@link io.ttquant.sim.market.SimExchange} is the facade the transport calls. Everything here is
 * single-threaded (one engine thread) and deterministic given a seed and the times it is driven at.
 */
package io.ttquant.sim.market;
