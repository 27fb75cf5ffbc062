/**
 * Binance market-data WebSocket client: {@link io.ttquant.binance.ws.StreamClient} keeps a
 * combined-stream subscription alive on one Netty event loop (pongs, silence detection,
 * reconnects with backoff and jitter, rate-limited SUBSCRIBE/UNSUBSCRIBE, make-before-break
 * replacement) and hands raw text messages to a {@link io.ttquant.binance.ws.StreamListener}.
 * The timing decisions live in small pure classes ({@link io.ttquant.binance.ws.ReconnectPolicy},
 * {@link io.ttquant.binance.ws.ControlMessageThrottle}, {@link io.ttquant.binance.ws.ConnectionHealth})
 * driven by the injected clock. Nothing here decodes the JSON.
 *
 * <p>The connection machinery is shared with every other Binance WebSocket owner (the user data
 * stream): {@link io.ttquant.binance.ws.WebSocketClient} (event loop, tick, reconnect policy,
 * life cycle), {@link io.ttquant.binance.ws.WebSocketConnection} (handshake, frames, pings, on
 * any path) and {@link io.ttquant.binance.ws.WebSocketConfig} (the shared settings).
 */
package io.ttquant.binance.ws;
