/**
 * Binance spot trading over signed REST: {@link io.ttquant.binance.trading.TradingRestClient}
 * (new, cancel and query orders, open orders, account trades, balances), HMAC-SHA256 request
 * signing ({@link io.ttquant.binance.trading.RequestSigner}), server-time tracking for the
 * {@code timestamp} parameter ({@link io.ttquant.binance.trading.ServerTimeOffset}), the venue's
 * rate limits kept locally ({@link io.ttquant.binance.trading.VenueRateLimits}) and failures
 * classified by whether the venue may have acted on the request
 * ({@link io.ttquant.binance.trading.TradingFailure.Outcome}).
 *
 * <p>API secrets stay inside {@link io.ttquant.binance.trading.ApiCredentials} and
 * {@link io.ttquant.binance.trading.RequestSigner}: nothing in this package prints, logs or
 * returns them.
 */
package io.ttquant.binance.trading;
