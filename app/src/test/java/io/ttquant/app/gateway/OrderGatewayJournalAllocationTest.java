package io.ttquant.app.gateway;

import static io.ttquant.app.gateway.GatewayFixture.INS;
import static io.ttquant.app.gateway.GatewayFixture.STRATEGY;
import static io.ttquant.app.gateway.GatewayFixture.T0;
import static io.ttquant.app.gateway.GatewayFixture.limitBuy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ttquant.app.gateway.journal.JournalConfig;
import io.ttquant.app.gateway.journal.JournalRecovery;
import io.ttquant.app.gateway.journal.OrderJournal;
import io.ttquant.app.gateway.journal.SyncPolicy;
import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.exchange.LimitFillRule;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.transport.proto.CancelOrder;
import io.ttquant.transport.proto.OrderCommand;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hot path with the order journal on (a real journal in a temporary directory, group commit):
 * new orders and cancels journaled (ORDER_SUBMITTED, then ACCEPTED and CANCELED states) allocate
 * nothing: the ORDER_SUBMITTED record copies the pooled order's client id bytes instead of asking
 * for a String. One allocation per order would be at least 16 bytes.
 */
class OrderGatewayJournalAllocationTest {
    private static final int CYCLES = 50_000;

    @TempDir
    Path dir;

    private final CountingSink sink = new CountingSink();
    private final PatchedFrame newOrder = new PatchedFrame(limitBuy("a" + PatchedFrame.DIGITS, "99.50", "1").build());
    private final PatchedFrame cancel = new PatchedFrame(OrderCommand.newBuilder().setCancelOrder(CancelOrder.newBuilder()
            .setStrategy(STRATEGY).setClientOrderId("a" + PatchedFrame.DIGITS).setSymbol(INS.symbol())).build());
    private long now = T0;

    @Test
    void shouldAllocateNothingPerJournalRecordOnTheHotPath() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        JournalRecovery rec = OrderJournal.open(JournalConfig.builder(dir).syncPolicy(SyncPolicy.groupCommit(4096, 50_000))
                .segmentBytes(1L << 30).build());
        assertThat(rec.ok()).isTrue();
        OrderGateway gateway = new OrderGateway(GatewayFixture.limits(),
                OrderGateway.paperVenue(ExchangeConfig.builder().limitFillRule(LimitFillRule.TOUCH).build()), sink,
                GatewayObserver.NONE, 1_000, T0);
        gateway.attachLog(new JournalEventLog(rec.journal(), gateway.venue().name()));
        GatewayRecovery.restore(gateway, rec, T0);
        OrderCommandIntake intake = new OrderCommandIntake(gateway);
        now += 1_000_000;
        gateway.onMarketData(new TradeTick().set(INS, now, now, INS.price("100.00"), INS.qty("1"), Side.SELL, 1));
        now += 1_000_000;
        gateway.onMarketData(new QuoteTick().set(INS, now, now, INS.price("99.90"), INS.qty("50"), INS.price("100.10"), INS.qty("50")));

        long id = cycles(intake, gateway, 1, CYCLES); // warm-up
        long tid = Thread.currentThread().getId();
        long recordsBefore = rec.journal().records();
        long before = threads.getThreadAllocatedBytes(tid);
        cycles(intake, gateway, id, CYCLES);
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        long records = rec.journal().records() - recordsBefore;

        assertThat(gateway.isReady()).isTrue();
        assertThat(records).isEqualTo(3L * CYCLES); // submitted, accepted, canceled
        assertThat(rec.journal().failure()).isNull();
        double perOrder = (double) allocated / CYCLES;
        System.out.printf("journal on: %.3f bytes allocated per new+cancel (%d records, %d syncs)%n", perOrder, records,
                rec.journal().syncs());
        assertThat(perOrder).as("bytes per new order and cancel with the journal on").isLessThan(1.0);
        rec.journal().close();
    }

    private long cycles(OrderCommandIntake intake, OrderGateway gateway, long id, int count) {
        for (int n = 0; n < count; n++, id++) {
            send(intake, newOrder.withIds(id, 0));
            send(intake, cancel.withIds(id, 0));
            gateway.doLogWork();
        }
        return id;
    }

    private void send(OrderCommandIntake intake, PatchedFrame f) {
        now += 1_000;
        intake.onFrame(f.bytes, 0, f.bytes.length, now);
    }
}
