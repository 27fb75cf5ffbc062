/**
 * Binance public market-data REST client: {@link io.ttquant.binance.rest.MarketRestClient}
 * (depth snapshots, trades, aggregate trades, exchange rules, server time) over the JDK HTTP
 * client, answers parsed with jackson-core streaming into core's fixed-point events, Retry-After
 * honoured, failures typed as {@link io.ttquant.binance.rest.RestFailure}.
 * {@link io.ttquant.binance.rest.RestTransport} is the HTTP side it shares with the other
 * unsigned REST client (the user data stream's listen keys).
 */
package io.ttquant.binance.rest;
