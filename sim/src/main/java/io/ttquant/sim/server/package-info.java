/**
 * The simulator's transport: Binance's spot REST API and WebSocket streams over Netty, in front of
 * the single-threaded exchange of {@code io.ttquant.sim.market}. I/O threads decode requests and
 * frames (parameters, signatures, control messages), encode HTTP responses and control frames, and
 * write; the one engine thread owns the exchange, the subscriptions, the listen keys and the rate
 * limits, writes every JSON body with the hand-written {@link io.ttquant.sim.server.JsonWriter}, and
 * frames stream messages straight into each connection's pooled outbound batch. Nothing in this
 * package blocks the engine on a client.
 */
package io.ttquant.sim.server;
