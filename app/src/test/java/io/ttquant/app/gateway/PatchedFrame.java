package io.ttquant.app.gateway;

import io.ttquant.transport.proto.NewOrder;
import io.ttquant.transport.proto.OrderCommand;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Test helper: a command's bytes, encoded once by protoc, whose client order ids hold the
 * placeholder {@value #DIGITS} (one or two of them) and are rewritten in place with a counter, so
 * that long runs send fresh ids without encoding (or allocating) per command.
 */
final class PatchedFrame {
    static final String DIGITS = "000000000000";
    private static final byte[] PLACEHOLDER = DIGITS.getBytes(StandardCharsets.US_ASCII);

    final byte[] bytes;
    private final int first;
    private final int second;

    PatchedFrame(OrderCommand command) {
        this.bytes = command.toByteArray();
        this.first = indexOf(bytes, 0);
        this.second = first < 0 ? -1 : indexOf(bytes, first + PLACEHOLDER.length);
    }

    PatchedFrame(NewOrder order) {
        this(OrderCommand.newBuilder().setNewOrder(order).build());
    }

    /** Writes {@code a} into the first placeholder and {@code b} into the second, if any. */
    PatchedFrame withIds(long a, long b) {
        patch(first, a);
        if (second >= 0) {
            patch(second, b);
        }
        return this;
    }

    private void patch(int at, long value) {
        for (int i = at + PLACEHOLDER.length - 1; i >= at; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + PLACEHOLDER.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + PLACEHOLDER.length, PLACEHOLDER, 0, PLACEHOLDER.length)) {
                return i;
            }
        }
        return -1;
    }
}
