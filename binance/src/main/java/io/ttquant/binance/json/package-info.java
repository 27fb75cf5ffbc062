/**
 * Allocation-free JSON reading over byte slices: {@link io.ttquant.binance.json.JsonCursor} (a
 * validating pull parser with exact fixed-point number reading),
 * {@link io.ttquant.binance.json.JsonObjectIndex} (read an object's fields in any order) and
 * {@link io.ttquant.binance.json.CompactJsonReader} (one pass over compact JSON of an expected
 * shape, eight bytes at a time, that gives up rather than judge anything unexpected).
 */
package io.ttquant.binance.json;
