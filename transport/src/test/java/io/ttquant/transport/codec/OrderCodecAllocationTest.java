package io.ttquant.transport.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ttquant.transport.proto.CancelOrder;
import io.ttquant.transport.proto.NewOrder;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.proto.ReplaceOrder;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The order codec allocates nothing in the steady state: decoding commands of every kind (and
 * malformed ones) and encoding reports and position updates allocates less than one byte per
 * message on average, as HotSpot's per-thread allocation counter measures it.
 */
class OrderCodecAllocationTest {
    private static final int MESSAGES = 200_000;

    @Test
    void shouldNotAllocateWhenDecodingCommandsAndEncodingEventsInTheSteadyState() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs HotSpot's per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counting is off");
        byte[][] frames = {
            OrderCommand.newBuilder().setSequence(1).setSendTimeNs(5).setNewOrder(NewOrder.newBuilder().setClientOrderId("c-1")
                    .setStrategy("alpha").setVenue("paper").setSymbol("BTCUSDT").setSideValue(1).setTypeValue(2)
                    .setTimeInForceValue(1).setPrice(6_000_000).setQuantity(1_000).setPriceScale(2).setQtyScale(5)).build().toByteArray(),
            OrderCommand.newBuilder().setSequence(2).setCancelOrder(CancelOrder.newBuilder().setClientOrderId("c-1")
                    .setStrategy("alpha").setOrderId(9)).build().toByteArray(),
            OrderCommand.newBuilder().setSequence(3).setReplaceOrder(ReplaceOrder.newBuilder().setClientOrderId("c-2")
                    .setOrigClientOrderId("c-1").setStrategy("alpha").setPrice(5_999_000).setQuantity(2_000)).build().toByteArray(),
            {(byte) 0x82, 0x01, 0x05, 0x0A},
        };
        byte[] alpha = "alpha".getBytes(StandardCharsets.US_ASCII);
        OrderCommandDecoder decoder = new OrderCommandDecoder();
        ExecutionEventEncoder encoder = new ExecutionEventEncoder();
        MutableExecutionReport report = new MutableExecutionReport();
        MutablePositionUpdate position = new MutablePositionUpdate();

        long checksum = run(frames, decoder, encoder, report, position, alpha);
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        checksum += run(frames, decoder, encoder, report, position, alpha);
        long allocated = threads.getThreadAllocatedBytes(tid) - before;

        assertThat(checksum).isNotZero();
        assertThat(decoder.malformed()).isEqualTo(2L * MESSAGES / frames.length);
        assertThat(allocated).as("bytes allocated for %d decodes and encodes", MESSAGES).isLessThan(MESSAGES);
    }

    private static long run(byte[][] frames, OrderCommandDecoder decoder, ExecutionEventEncoder encoder,
                            MutableExecutionReport report, MutablePositionUpdate position, byte[] strategy) {
        long checksum = 0;
        for (int n = 0; n < MESSAGES; n++) {
            byte[] frame = frames[n % frames.length];
            if (decoder.decode(frame, 0, frame.length) == DecodeOutcome.OK) {
                report.clear();
                report.strategy.set(decoder.strategy());
                report.clientOrderId.set(decoder.clientOrderId());
                report.price = decoder.price();
                report.quantity = decoder.quantity();
                report.eventTimeNanos = n;
                checksum += encoder.encode(n + 1, n, report);
            } else {
                position.clear();
                position.strategy.set(strategy);
                position.netQty = n;
                checksum += encoder.encode(n + 1, n, position);
            }
        }
        return checksum;
    }
}
