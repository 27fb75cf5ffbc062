/**
 * Allocation-free JSON reading over byte slices: {@link io.ttquant.binance.json.JsonCursor} (a
 * validating pull parser with exact fixed-point number reading) and
 * {@link io.ttquant.binance.json.JsonObjectIndex} (read an object's fields in any order).
 */
package io.ttquant.binance.json;
