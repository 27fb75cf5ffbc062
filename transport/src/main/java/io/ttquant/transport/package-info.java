/**
 * How TTQuant processes talk: the Protobuf wire contract ({@code src/main/proto/ttquant.proto},
 * generated into {@code io.ttquant.transport.proto}), topic names ({@link io.ttquant.transport.Topics}),
 * the zero-garbage market data codec ({@code codec}), ZeroMQ sockets ({@code zmq}), the in-process
 * bus of {@code ttquant run} ({@code bus}) and order-entry message conversions ({@code order}).
 * Depends on {@code core} only; {@code core} never depends on this.
 */
package io.ttquant.transport;
