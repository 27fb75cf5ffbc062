/** A local exchange that speaks Binance's spot API: REST, WebSocket streams, user data streams. */
package io.ttquant.sim;
