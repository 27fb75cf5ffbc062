package io.ttquant.app.strategy;

import io.ttquant.core.order.Order;
import io.ttquant.transport.order.OrderMessages;

/**
 * Encodes the strategy engine's order commands (an {@code OrderCommand} holding a NewOrder or a
 * CancelOrder of {@code ttquant.proto}) into one reused buffer, byte for byte as protoc's classes
 * write them (fields in number order, proto3 defaults left out). Strategy, venue and symbol names
 * are handed in as ASCII bytes the caller built once; the client order id is copied out of the
 * order. Allocates nothing. Owned by one thread; the buffer is overwritten by the next command.
 */
final class OrderCommandWriter {
    private static final int WIRE_VARINT = 0;
    private static final int WIRE_FIXED64 = 1;
    private static final int WIRE_LENGTH_DELIMITED = 2;
    private static final int FIELD_NEW_ORDER = 10;
    private static final int FIELD_CANCEL_ORDER = 11;
    /** Room for the longest command: four names of at most 64 bytes and a dozen numbers. */
    private static final int CAPACITY = 1024;

    private final byte[] frame = new byte[CAPACITY];
    private final byte[] body = new byte[CAPACITY];
    private final byte[] clientId = new byte[Order.MAX_CLIENT_ORDER_ID_BYTES];
    private int position;
    private byte[] target;

    /** The encoded command of the last call, from offset 0. */
    byte[] buffer() {
        return frame;
    }

    /** Encodes a NewOrder command for {@code order}; returns its length. */
    int newOrder(long sequence, long sendTimeNanos, Order order, byte[] strategy, byte[] venue, byte[] symbol) {
        begin(body);
        int idLength = order.copyClientOrderId(clientId, 0);
        bytes(1, clientId, idLength);
        bytes(2, strategy, strategy.length);
        bytes(3, venue, venue.length);
        bytes(4, symbol, symbol.length);
        varint(5, OrderMessages.wireValue(order.side()));
        varint(6, OrderMessages.wireValue(order.type()));
        varint(7, OrderMessages.wireValue(order.timeInForce()));
        varint(8, order.price());
        varint(9, order.stopPrice());
        varint(10, order.quantity());
        varint(11, order.instrument().priceScale());
        varint(12, order.instrument().qtyScale());
        varint(13, order.reduceOnly() ? 1 : 0);
        fixed64(14, order.createdNanos());
        return finish(sequence, sendTimeNanos, FIELD_NEW_ORDER);
    }

    /** Encodes a CancelOrder command for {@code order} (looked up by its client order id); returns its length. */
    int cancelOrder(long sequence, long sendTimeNanos, Order order, byte[] strategy, byte[] venue, byte[] symbol) {
        begin(body);
        int idLength = order.copyClientOrderId(clientId, 0);
        bytes(1, clientId, idLength);
        bytes(2, strategy, strategy.length);
        bytes(3, venue, venue.length);
        bytes(4, symbol, symbol.length);
        fixed64(6, sendTimeNanos);
        return finish(sequence, sendTimeNanos, FIELD_CANCEL_ORDER);
    }

    private int finish(long sequence, long sendTimeNanos, int field) {
        int bodyLength = position;
        begin(frame);
        varint(1, sequence);
        fixed64(2, sendTimeNanos);
        tag(field, WIRE_LENGTH_DELIMITED);
        rawVarint(bodyLength);
        System.arraycopy(body, 0, frame, position, bodyLength);
        position += bodyLength;
        return position;
    }

    private void begin(byte[] buffer) {
        target = buffer;
        position = 0;
    }

    private void bytes(int field, byte[] value, int length) {
        if (length == 0) {
            return;
        }
        tag(field, WIRE_LENGTH_DELIMITED);
        rawVarint(length);
        System.arraycopy(value, 0, target, position, length);
        position += length;
    }

    private void varint(int field, long value) {
        if (value == 0) {
            return;
        }
        tag(field, WIRE_VARINT);
        rawVarint(value);
    }

    private void fixed64(int field, long value) {
        if (value == 0) {
            return;
        }
        tag(field, WIRE_FIXED64);
        for (int i = 0; i < 8; i++) {
            target[position++] = (byte) (value >>> (8 * i));
        }
    }

    private void tag(int field, int wireType) {
        rawVarint((long) field << 3 | wireType);
    }

    private void rawVarint(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            target[position++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        target[position++] = (byte) v;
    }
}
