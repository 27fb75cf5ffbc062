package io.ttquant.app.gateway;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.proto.ExecutionReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test sink: parses every event the gateway encodes with protoc's parser, checks that protoc writes
 * exactly the same bytes back (the hand-written encoder is byte-identical), and keeps the events
 * with their strategy names and numbers. Allocates freely; holds no other assertions.
 */
final class RecordingSink implements ExecutionSink {
    final List<String> names = new ArrayList<>();
    final List<Integer> strategies = new ArrayList<>();
    final List<ExecutionEvent> events = new ArrayList<>();

    @Override
    public void onExecution(int strategy, byte[] name, int nameOffset, int nameLength, byte[] frame, int offset, int length) {
        byte[] bytes = Arrays.copyOfRange(frame, offset, offset + length);
        ExecutionEvent event;
        try {
            event = ExecutionEvent.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("the gateway encoded an event protoc cannot parse", e);
        }
        if (!Arrays.equals(event.toByteArray(), bytes)) {
            throw new AssertionError("the gateway's bytes differ from protoc's for " + event);
        }
        names.add(new String(name, nameOffset, nameLength, StandardCharsets.UTF_8));
        strategies.add(strategy);
        events.add(event);
    }

    List<ExecutionReport> reports() {
        List<ExecutionReport> out = new ArrayList<>();
        for (ExecutionEvent e : events) {
            if (e.hasReport()) {
                out.add(e.getReport());
            }
        }
        return out;
    }

    /** The reports for one client order id, in order. */
    List<ExecutionReport> reports(String clientOrderId) {
        List<ExecutionReport> out = new ArrayList<>();
        for (ExecutionReport r : reports()) {
            if (r.getClientOrderId().equals(clientOrderId)) {
                out.add(r);
            }
        }
        return out;
    }

    ExecutionReport lastReport() {
        List<ExecutionReport> r = reports();
        return r.isEmpty() ? null : r.get(r.size() - 1);
    }

    void clear() {
        names.clear();
        strategies.clear();
        events.clear();
    }
}
