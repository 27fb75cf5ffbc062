/**
 * Binance WebSocket market-data stream decoding without garbage:
 * {@link io.ttquant.binance.stream.StreamMessageDecoder} turns a message's bytes into reused core
 * events delivered to a {@link io.ttquant.binance.stream.StreamEventSink}, resolving symbols with a
 * {@link io.ttquant.binance.stream.SymbolTable} and counting every outcome, and which of its two
 * paths (the one-pass fast path for the common events, the generic path for everything) decoded
 * each message, in {@link io.ttquant.binance.stream.DecodeStats}.
 */
package io.ttquant.binance.stream;
