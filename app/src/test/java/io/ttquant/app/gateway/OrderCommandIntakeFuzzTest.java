package io.ttquant.app.gateway;

import static io.ttquant.app.gateway.GatewayFixture.limitBuy;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.transport.proto.CancelOrder;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.proto.ReplaceOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrderCommandIntakeFuzzTest {
    private static final int RANDOM_FRAMES = 100_000;

    @Test
    void shouldCountRandomAndTruncatedFramesAsMalformedOrRejectedWithoutReachingVenue() {
        GatewayFixture f = new GatewayFixture();
        f.trade("100.00", "1");
        OrderCommandIntake intake = new OrderCommandIntake(f.gateway);
        SplittableRandom random = new SplittableRandom(20_261_125L);
        byte[] buf = new byte[256];
        long malformed = 0;
        long refused = 0;

        for (int n = 0; n < RANDOM_FRAMES; n++) {
            int len = random.nextInt(buf.length + 1);
            for (int i = 0; i < len; i++) {
                buf[i] = (byte) random.nextInt(256);
            }
            CommandOutcome out = intake.onFrame(buf, 0, len, f.now);
            if (out == null) {
                malformed++;
            } else {
                assertThat(out).isIn(CommandOutcome.REJECTED, CommandOutcome.CANCEL_REJECTED);
                refused++;
            }
        }

        byte[][] real = {
                f.command(limitBuy("t1", "99.50", "1").build()).toByteArray(),
                f.command(limitBuy("t2", "99.50", "1").setReduceOnly(true).build()).toByteArray(),
                OrderCommand.newBuilder().setSequence(3).setCancelOrder(CancelOrder.newBuilder()
                        .setStrategy("alpha").setClientOrderId("t1").setOrderId(1)).build().toByteArray(),
                OrderCommand.newBuilder().setSequence(4).setReplaceOrder(ReplaceOrder.newBuilder()
                        .setStrategy("alpha").setClientOrderId("t3").setOrigClientOrderId("t1")).build().toByteArray(),
        };
        int truncated = 0;
        for (byte[] frame : real) {
            for (int len = 0; len < frame.length; len++) {
                // at an offset, so the intake must honour offset and length
                byte[] shifted = new byte[len + 3];
                System.arraycopy(frame, 0, shifted, 3, len);
                CommandOutcome out = intake.onFrame(shifted, 3, len, f.now);
                truncated++;
                if (out == null) {
                    malformed++;
                } else {
                    assertThat(out).isIn(CommandOutcome.REJECTED, CommandOutcome.CANCEL_REJECTED);
                    refused++;
                }
            }
        }

        assertThat(intake.frames()).isEqualTo(RANDOM_FRAMES + truncated);
        assertThat(intake.malformed()).isEqualTo(malformed);
        assertThat(malformed + refused).isEqualTo(intake.frames());
        assertThat(malformed).isPositive();
        assertThat(refused).isPositive();
        assertThat(f.gateway.rejected()).isEqualTo(refused);
        assertThat(f.gateway.paperVenue().submitted()).isZero();
        assertThat(f.gateway.paperVenue().cancelsSent()).isZero();
        assertThat(f.gateway.risk().openOrders()).isZero();

        // The untruncated frame is a valid order: the truncated ones failed for being cut, not for their content.
        assertThat(intake.onFrame(real[0], 0, real[0].length, f.now)).isEqualTo(CommandOutcome.ROUTED);
        assertThat(f.gateway.paperVenue().submitted()).isEqualTo(1);
    }
}
