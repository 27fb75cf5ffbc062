/**
 * Binance public market-data REST client: {@link io.ttquant.binance.rest.MarketRestClient}
 * (depth snapshots, trades, aggregate trades, exchange rules, server time) over the JDK HTTP
 * client, answers parsed with jackson-core streaming into core's fixed-point events, Retry-After
 * honoured, failures typed as {@link io.ttquant.binance.rest.RestFailure}.
 */
package io.ttquant.binance.rest;
