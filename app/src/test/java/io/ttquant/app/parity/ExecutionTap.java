package io.ttquant.app.parity;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ttquant.transport.Topics;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.zmq.ZmqSubscriber;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.zeromq.ZContext;

/**
 * A listener on the gateway's execution socket beside the strategy engine: it subscribes to the
 * strategy's {@code exec.<id>} topic and keeps each fill the gateway reported (client order id,
 * quantity, price, fee, time) in order, as the strategy received them. It also notes whether it saw
 * the topic from its first message (sequence 1), so that a late subscription cannot pass unnoticed.
 * Polled by the test's thread only.
 */
final class ExecutionTap implements AutoCloseable {
    private final ZmqSubscriber subscriber;
    private final List<String> fills = new ArrayList<>();
    private long firstSequence = -1;
    private long events;
    private long malformed;

    ExecutionTap(ZContext zmq, String executionsEndpoint, String strategy) {
        this.subscriber = new ZmqSubscriber(zmq, new ZmqSubscriber.Config().connect(executionsEndpoint)
                .subscribe(Topics.execution(strategy)));
    }

    /** Takes what has arrived; returns the number of messages handled. */
    int poll() {
        return subscriber.poll(this::onMessage, 1024);
    }

    private void onMessage(byte[] topic, int topicLength, byte[] payload, int payloadLength) {
        ExecutionEvent event;
        try {
            event = ExecutionEvent.parseFrom(ByteBuffer.wrap(payload, 0, payloadLength));
        } catch (InvalidProtocolBufferException e) {
            malformed++;
            return;
        }
        events++;
        if (firstSequence < 0) {
            firstSequence = event.getSequence();
        }
        if (event.hasReport() && event.getReport().getLastFillQty() > 0) {
            ExecutionReport r = event.getReport();
            fills.add(PipelineParityTest.fill(r.getClientOrderId(), r.getLastFillQty(), r.getLastFillPrice(), r.getFee(),
                    r.getEventTimeNs()));
        }
    }

    List<String> fills() {
        return fills;
    }

    /** The sequence number of the first message seen (1: nothing was missed at the start), -1 before any. */
    long firstSequence() {
        return firstSequence;
    }

    long events() {
        return events;
    }

    long malformed() {
        return malformed;
    }

    @Override
    public void close() {
        subscriber.close();
    }
}
