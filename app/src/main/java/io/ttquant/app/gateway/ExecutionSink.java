package io.ttquant.app.gateway;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ttquant.transport.proto.ExecutionEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Where the gateway sends what it has to say to a strategy: execution reports and position
 * updates, each an encoded {@link ExecutionEvent} that already carries its per-strategy sequence
 * number. Called on the gateway's thread with arrays the gateway reuses as soon as the call
 * returns: an implementation copies what it keeps, must not call back into the gateway and must
 * not throw for a strategy name it cannot serve (it drops and counts instead).
 */
@FunctionalInterface
public interface ExecutionSink {
    /**
     * One event for a strategy.
     *
     * @param strategy   the risk engine's number of the strategy, -1 for a name the gateway does not serve
     * @param name       holds the strategy's name (UTF-8) at {@code [nameOffset, nameOffset + nameLength)}
     * @param frame      holds the encoded ExecutionEvent at {@code [offset, offset + length)}
     */
    void onExecution(int strategy, byte[] name, int nameOffset, int nameLength, byte[] frame, int offset, int length);

    /**
     * A sink that parses every event with protoc's parser and hands it with the strategy name to
     * {@code consumer}: allocates per event, for tests and tools.
     */
    static ExecutionSink decoding(BiConsumer<String, ExecutionEvent> consumer) {
        return (strategy, name, nameOffset, nameLength, frame, offset, length) -> {
            ExecutionEvent event;
            try {
                event = ExecutionEvent.parseFrom(ByteBuffer.wrap(frame, offset, length));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("the gateway encoded an event protoc cannot parse", e);
            }
            consumer.accept(new String(name, nameOffset, nameLength, StandardCharsets.UTF_8), event);
        };
    }
}
