/**
 * Allocation-free JSON reading over byte slices: {@link io.ttquant.binance.json.JsonCursor} (a
 * validating pull parser with exact fixed-point number reading),
 * {@link io.ttquant.binance.json.JsonObjectIndex} (read an object's fields in any order) and
 * {@link io.ttquant.binance.json.CompactJsonReader} (one pass over compact JSON of an expected
 * shape, eight bytes at a time, that gives up rather than judge anything unexpected).
 *
 * <p>Also what every jackson-core reader of Binance's REST answers shares:
 * {@link io.ttquant.binance.json.AnswerReader} (typed values, exact fixed-point decimals through a
 * reused {@link io.ttquant.binance.json.CharSlice}, the server-time answer) and
 * {@link io.ttquant.binance.json.BinanceError} (the {@code {"code":..,"msg":..}} error body of a
 * failed call or a refused WebSocket handshake).
 */
package io.ttquant.binance.json;
