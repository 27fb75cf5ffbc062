package io.ttquant.bench.gateway;

import io.ttquant.transport.proto.OrderCommand;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One order command encoded once by protoc, whose client order ids carry the placeholder
 * {@value #PLACEHOLDER} (one or two of them) and are rewritten in place with a number, so a load
 * generator sends fresh ids without encoding or allocating per command. Not thread-safe: one per
 * sending thread.
 */
final class OrderFrame {
    /** Twelve digits: room for a trillion distinct ids. */
    static final String PLACEHOLDER = "000000000000";
    private static final byte[] DIGITS = PLACEHOLDER.getBytes(StandardCharsets.US_ASCII);

    final byte[] bytes;
    private final int first;
    private final int second;

    OrderFrame(OrderCommand command) {
        this.bytes = command.toByteArray();
        this.first = indexOf(bytes, 0);
        this.second = first < 0 ? -1 : indexOf(bytes, first + DIGITS.length);
    }

    /** Writes {@code id} into the first placeholder and {@code otherId} into the second, if any; returns the bytes. */
    byte[] withIds(long id, long otherId) {
        patch(first, id);
        if (second >= 0) {
            patch(second, otherId);
        }
        return bytes;
    }

    byte[] withId(long id) {
        return withIds(id, 0);
    }

    private void patch(int at, long value) {
        if (at < 0) {
            return;
        }
        for (int i = at + DIGITS.length - 1; i >= at; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + DIGITS.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + DIGITS.length, DIGITS, 0, DIGITS.length)) {
                return i;
            }
        }
        return -1;
    }
}
