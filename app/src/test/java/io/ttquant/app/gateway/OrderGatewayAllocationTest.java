package io.ttquant.app.gateway;

import static io.ttquant.app.gateway.GatewayFixture.INS;
import static io.ttquant.app.gateway.GatewayFixture.STRATEGY;
import static io.ttquant.app.gateway.GatewayFixture.T0;
import static io.ttquant.app.gateway.GatewayFixture.limitBuy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.exchange.LimitFillRule;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.core.risk.InstrumentLimits;
import io.ttquant.core.risk.RiskLimits;
import io.ttquant.core.risk.StrategyLimits;
import io.ttquant.transport.proto.CancelOrder;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.proto.ReplaceOrder;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The gateway's hot path allocates nothing in the steady state: after warm-up (pools, windows and
 * tables at their peak), frames decoded in place, validated, risk-checked, routed to the paper
 * venue and answered with encoded reports cost less than one byte per order on average, as
 * HotSpot's per-thread allocation counter measures it, over 100,000 cycles of new orders, cancels,
 * replaces, repeated ids and refusals. One allocation per order would show as at least 16 bytes.
 * Fills are measured apart, with marketable orders: the paper venue's matching engine reuses one
 * {@code Fill}, so a fill, its report and its position update allocate nothing either.
 */
class OrderGatewayAllocationTest {
    private static final int CYCLES = 100_000;
    private static final int FILL_CYCLES = 20_000;
    private static final String DIGITS = PatchedFrame.DIGITS;

    private final CountingSink sink = new CountingSink();
    private OrderGateway gateway;
    private OrderCommandIntake intake;
    private long now = T0;
    private final TradeTick trade = new TradeTick();
    private final QuoteTick quote = new QuoteTick();

    private final PatchedFrame newOrder = new PatchedFrame(limitBuy("a" + DIGITS, "99.50", "1").build());
    private final PatchedFrame cancel = new PatchedFrame(cancelCommand("a" + DIGITS));
    private final PatchedFrame replace = new PatchedFrame(replaceCommand("r" + DIGITS, "a" + DIGITS));
    private final PatchedFrame cancelReplacement = new PatchedFrame(cancelCommand("r" + DIGITS));
    private final PatchedFrame offTick = new PatchedFrame(limitBuy("bad", "99.53", "1").build());
    private final PatchedFrame buy = new PatchedFrame(limitBuy("b" + DIGITS, "100.10", "0.5").build());
    private final PatchedFrame sell = new PatchedFrame(limitBuy("s" + DIGITS, "99.90", "0.5")
            .setSide(io.ttquant.transport.proto.Side.SIDE_SELL).build());

    @Test
    void shouldNotAllocateForNewCancelReplaceDuplicateAndRefusedOrdersInTheSteadyState() {
        com.sun.management.ThreadMXBean threads = threads();
        setUp();
        long id = 1;
        id = cycles(id, CYCLES); // warm-up: JIT, pools, the idempotency window filled, tables at size
        long tid = Thread.currentThread().getId();
        long ordersBefore = gateway.ordersCreated();
        int capacityBefore = gateway.registry().capacity();
        long before = threads.getThreadAllocatedBytes(tid);
        cycles(id, CYCLES);
        long allocated = threads.getThreadAllocatedBytes(tid) - before;

        long orders = 4L * CYCLES; // new, replace or cancel, repeated id, refusal
        assertThat(sink.events).isGreaterThan(orders);
        assertThat(gateway.duplicates()).isEqualTo(2L * CYCLES);
        assertThat(gateway.ordersCreated()).isEqualTo(ordersBefore);
        assertThat(gateway.registry().capacity()).isEqualTo(capacityBefore);
        assertThat(gateway.risk().openOrders()).isZero();
        assertThat(allocated).as("bytes allocated for %d orders", orders).isLessThan(orders);
    }

    @Test
    void shouldAllocateNothingPerFill() {
        com.sun.management.ThreadMXBean threads = threads();
        setUp();
        long id = fillCycles(1, FILL_CYCLES);
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        fillCycles(id, FILL_CYCLES);
        long allocated = threads.getThreadAllocatedBytes(tid) - before;

        long fills = 2L * FILL_CYCLES;
        assertThat(gateway.fills()).isEqualTo(2 * fills);
        assertThat(gateway.position(STRATEGY, INS.symbol()).netQty()).isZero();
        // One Fill object per fill would be 88 bytes; a report or position update of its own hundreds.
        assertThat((double) allocated / fills).as("bytes allocated per fill").isLessThan(1.0);
    }

    private long cycles(long id, int count) {
        for (int n = 0; n < count; n++, id++) {
            send(newOrder.withIds(id, 0));
            send(newOrder); // the same id again: answered, never a second order
            if ((n & 1) == 0) {
                send(cancel.withIds(id, 0));
            } else {
                send(replace.withIds(id, id));
                send(cancelReplacement.withIds(id, 0));
            }
            send(offTick);
        }
        return id;
    }

    private long fillCycles(long id, int count) {
        for (int n = 0; n < count; n++, id++) {
            send(buy.withIds(id, 0));
            send(sell.withIds(id, 0));
        }
        return id;
    }

    private void send(PatchedFrame f) {
        now += 1_000;
        intake.onFrame(f.bytes, 0, f.bytes.length, now);
    }

    private void setUp() {
        RiskLimits limits = RiskLimits.builder()
                .instrument(InstrumentLimits.of(INS).maxOrderQty(INS.qty("10")).maxPosition(INS.qty("5")).collarPpm(100_000).build())
                .strategy(StrategyLimits.named(STRATEGY).maxOpenOrders(50).build())
                .duplicateGuard(0, 16)
                .build();
        gateway = new OrderGateway(limits, OrderGateway.paperVenue(ExchangeConfig.builder().limitFillRule(LimitFillRule.TOUCH).build()),
                sink, GatewayObserver.NONE, 1_000, T0);
        intake = new OrderCommandIntake(gateway);
        now += 1_000_000;
        gateway.onMarketData(trade.set(INS, now, now, INS.price("100.00"), INS.qty("1"), Side.SELL, 1));
        now += 1_000_000;
        gateway.onMarketData(quote.set(INS, now, now, INS.price("99.90"), INS.qty("50"), INS.price("100.10"), INS.qty("50")));
    }

    private static OrderCommand cancelCommand(String clientOrderId) {
        return OrderCommand.newBuilder().setCancelOrder(CancelOrder.newBuilder().setStrategy(STRATEGY)
                .setClientOrderId(clientOrderId).setSymbol(INS.symbol())).build();
    }

    private static OrderCommand replaceCommand(String clientOrderId, String orig) {
        return OrderCommand.newBuilder().setReplaceOrder(ReplaceOrder.newBuilder().setStrategy(STRATEGY)
                .setClientOrderId(clientOrderId).setOrigClientOrderId(orig).setSymbol(INS.symbol())
                .setPrice(INS.price("99.00")).setQuantity(INS.qty("1")).setPriceScale(INS.priceScale())
                .setQtyScale(INS.qtyScale())).build();
    }

    private static com.sun.management.ThreadMXBean threads() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs HotSpot's per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counting is off");
        return threads;
    }
}
