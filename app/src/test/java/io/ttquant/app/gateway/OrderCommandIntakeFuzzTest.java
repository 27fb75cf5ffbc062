package io.ttquant.app.gateway;

import static io.ttquant.app.gateway.GatewayFixture.INS;
import static io.ttquant.app.gateway.GatewayFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.exchange.LimitFillRule;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.risk.InstrumentLimits;
import io.ttquant.core.risk.RiskEngine;
import io.ttquant.core.risk.RiskLimits;
import io.ttquant.core.risk.StrategyLimits;
import io.ttquant.transport.codec.ByteSlice;
import io.ttquant.transport.proto.CancelOrder;
import io.ttquant.transport.proto.NewOrder;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.proto.ReplaceOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A million random frames into the intake: plain random bytes, valid commands of every kind with
 * good and bad values (NaN-like, negative, zero and huge prices and quantities, unknown symbols,
 * strategies and venues, wrong scales, over-long or ill-formed client order ids), and those
 * commands truncated, bit-flipped, or with invalid UTF-8 in a string. Nothing may throw; every frame
 * is counted as malformed or as a command answered with an outcome (a refusal carrying a reason);
 * and every order the venue received is checked against the rules at the moment it arrived.
 */
class OrderCommandIntakeFuzzTest {
    private static final int FRAMES = 1_000_000;
    private static final long MAX_POSITION = INS.qty("5");
    private static final long MAX_ORDER_QTY = INS.qty("10");
    private static final long COLLAR_PPM = 100_000;
    private static final String[] STRATEGIES = {"alpha", "alpha", "alpha", "beta", "ghost", "", "x".repeat(300)};
    private static final String[] VENUES = {"paper", "paper", "", "binance"};
    private static final String[] SYMBOLS = {"BTCUSDT", "BTCUSDT", "BTCUSDT", "ETHUSDT", "", "btcusdt"};

    private final SplittableRandom random = new SplittableRandom(20_261_125L);
    private long nextId = 1;
    private long lastId;
    private final long[] routedIds = new long[64];
    private int routedCount;
    private long lastTrade = INS.price("100.00");

    @Test
    void shouldCountEveryFrameAndLetNoOrderThatFailsACheckReachTheVenue() {
        RiskLimits limits = RiskLimits.builder()
                .instrument(InstrumentLimits.of(INS).maxOrderQty(MAX_ORDER_QTY).maxPosition(MAX_POSITION).collarPpm(COLLAR_PPM).build())
                .strategy(StrategyLimits.named("alpha").maxOrderNotional(100_000_00000000L).maxOpenOrders(50).build())
                .strategy(StrategyLimits.named("beta").maxOpenOrders(20).build())
                .duplicateGuard(0, 16)
                .build();
        CheckingVenue[] venue = new CheckingVenue[1];
        VenueFactory paper = OrderGateway.paperVenue(ExchangeConfig.builder().limitFillRule(LimitFillRule.TOUCH).build());
        CountingSink sink = new CountingSink();
        OrderGateway gateway = new OrderGateway(limits, (clock, listener, instruments) -> {
            venue[0] = new CheckingVenue(paper.create(clock, listener, instruments));
            return venue[0];
        }, sink, GatewayObserver.NONE, 10_000, T0);
        venue[0].risk = gateway.risk();
        OrderCommandIntake intake = new OrderCommandIntake(gateway);
        TradeTick trade = new TradeTick();
        long now = T0;
        gateway.onMarketData(trade.set(INS, now, now, lastTrade, INS.qty("1"), Side.SELL, 0));

        long[] outcomes = new long[CommandOutcome.values().length];
        byte[] buffer = new byte[1024];
        long malformed = 0;
        for (int n = 0; n < FRAMES; n++) {
            now += 1_000;
            if (n % 97 == 0) {
                lastTrade = Math.max(INS.tickSize(), lastTrade + (random.nextInt(41) - 20) * INS.tickSize());
                gateway.onMarketData(trade.set(INS, now, now, lastTrade, INS.qty("0.5"), random.nextBoolean() ? Side.BUY : Side.SELL, n));
            }
            if (n % 100_000 == 50_000) {
                venue[0].killSwitch = true;
                gateway.engageKillSwitch("fuzz", now);
            } else if (n % 100_000 == 52_000) {
                venue[0].killSwitch = false;
                gateway.releaseKillSwitch();
            }
            byte[] frame = frame();
            int offset = random.nextInt(3);
            if (buffer.length < frame.length + 6) {
                buffer = new byte[frame.length * 2 + 6];
            }
            // Bytes around the frame that must not be read: a field start that would run on.
            Arrays.fill(buffer, 0, offset, (byte) 0x0A);
            System.arraycopy(frame, 0, buffer, offset, frame.length);
            Arrays.fill(buffer, offset + frame.length, offset + frame.length + 3, (byte) 0x0A);
            CommandOutcome out = intake.onFrame(buffer, offset, frame.length, now);
            if (out == null) {
                malformed++;
            } else {
                outcomes[out.ordinal()]++;
                if (out == CommandOutcome.ROUTED || out == CommandOutcome.REPLACE_SENT) {
                    routedIds[routedCount++ & (routedIds.length - 1)] = lastId;
                }
            }
            if ((n & 63) == 0) {
                gateway.onTime(now);
            }
        }

        long answered = Arrays.stream(outcomes).sum();
        assertThat(intake.frames()).isEqualTo(FRAMES);
        assertThat(intake.malformed()).isEqualTo(malformed);
        assertThat(malformed + answered).isEqualTo(FRAMES);
        assertThat(gateway.received()).isEqualTo(answered);
        long byReason = 0;
        for (RejectReason r : RejectReason.values()) {
            byReason += gateway.rejections(r.code());
        }
        assertThat(byReason).as("every refusal has a reason").isEqualTo(gateway.rejected());
        // A varied mix, or the fuzz proves little: every outcome and plenty of refusals and routed orders.
        for (CommandOutcome o : CommandOutcome.values()) {
            assertThat(outcomes[o.ordinal()]).as("%s", o).isGreaterThan(FRAMES / 1_000);
        }
        assertThat(malformed).isGreaterThan(FRAMES / 10);
        assertThat(outcomes[CommandOutcome.ROUTED.ordinal()]).isGreaterThan(FRAMES / 20);
        assertThat(gateway.rejected()).isGreaterThan(FRAMES / 5);
        assertThat(gateway.fills()).isPositive();
        assertThat(venue[0].checked).isEqualTo(venue[0].submitted);
        assertThat(venue[0].submitted).isGreaterThan(FRAMES / 50);
        assertThat(gateway.risk().openOrders()).isEqualTo(venue[0].openOrders());
    }

    // ------------------------------------------------------------------ frames

    private byte[] frame() {
        int kind = random.nextInt(100);
        if (kind < 8) {
            return randomBytes(random.nextInt(120));
        }
        byte[] valid = command().toByteArray();
        if (kind < 20) {
            return Arrays.copyOf(valid, valid.length == 0 ? 0 : random.nextInt(valid.length));
        }
        if (kind < 30) {
            for (int k = 0, flips = 1 + random.nextInt(3); k < flips && valid.length > 0; k++) {
                valid[random.nextInt(valid.length)] ^= (byte) (1 << random.nextInt(8));
            }
            return valid;
        }
        if (kind < 34) {
            return withInvalidUtf8(valid);
        }
        return valid;
    }

    private OrderCommand command() {
        OrderCommand.Builder b = OrderCommand.newBuilder().setSequence(nextId).setSendTimeNs(T0);
        int kind = random.nextInt(20);
        if (kind < 12) {
            b.setNewOrder(newOrder());
        } else if (kind < 16) {
            CancelOrder.Builder c = CancelOrder.newBuilder().setStrategy("alpha").setClientOrderId(recentId())
                    .setSymbol("BTCUSDT").setVenue("paper");
            switch (random.nextInt(8)) {
                case 0:
                    c.setStrategy(pick(STRATEGIES));
                    break;
                case 1:
                    c.setOrderId(random.nextLong(Math.max(2, nextId)));
                    break;
                case 2:
                    c.setClientOrderId(clientId());
                    break;
                default:
                    break;
            }
            b.setCancelOrder(c);
        } else if (kind < 19) {
            ReplaceOrder.Builder r = ReplaceOrder.newBuilder().setStrategy("alpha").setClientOrderId(freshId())
                    .setOrigClientOrderId(recentId()).setSymbol("BTCUSDT").setVenue("paper").setPrice(goodPrice())
                    .setQuantity(goodQuantity()).setPriceScale(INS.priceScale()).setQtyScale(INS.qtyScale());
            switch (random.nextInt(14)) {
                case 0:
                    r.setStrategy(pick(STRATEGIES));
                    break;
                case 1:
                    r.setClientOrderId(clientId());
                    break;
                case 2:
                    r.setSymbol(pick(SYMBOLS)).setVenue(pick(VENUES));
                    break;
                case 3:
                    r.setPrice(price());
                    break;
                case 4:
                    r.setQuantity(quantity());
                    break;
                case 5:
                    r.setPriceScale(scale(INS.priceScale())).setQtyScale(scale(INS.qtyScale()));
                    break;
                default:
                    break;
            }
            b.setReplaceOrder(r);
        }
        return b.build();
    }

    /** A valid order half of the time; otherwise one of its fields is wrong. */
    private NewOrder newOrder() {
        int type = random.nextInt(10) < 7 ? 2 : 1 + random.nextInt(4);
        NewOrder.Builder b = NewOrder.newBuilder().setStrategy(random.nextInt(5) == 0 ? "beta" : "alpha")
                .setClientOrderId(freshId()).setVenue(random.nextBoolean() ? "paper" : "").setSymbol("BTCUSDT")
                .setSideValue(1 + random.nextInt(2)).setTypeValue(type)
                .setTimeInForceValue(type == 2 || type == 4 ? 1 + random.nextInt(4) : 1 + random.nextInt(3))
                .setPrice(type == 2 || type == 4 ? goodPrice() : 0).setStopPrice(type >= 3 ? goodPrice() : 0)
                .setQuantity(goodQuantity()).setPriceScale(INS.priceScale()).setQtyScale(INS.qtyScale());
        if (random.nextBoolean()) {
            return b.build();
        }
        switch (random.nextInt(12)) {
            case 0:
                b.setStrategy(pick(STRATEGIES));
                break;
            case 1:
                b.setClientOrderId(clientId());
                break;
            case 2:
                b.setVenue(pick(VENUES));
                break;
            case 3:
                b.setSymbol(pick(SYMBOLS));
                break;
            case 4:
                b.setSideValue(random.nextInt(-1, 5));
                break;
            case 5:
                b.setTypeValue(random.nextInt(-1, 6));
                break;
            case 6:
                b.setTimeInForceValue(random.nextInt(-1, 7));
                break;
            case 7:
                b.setPrice(price());
                break;
            case 8:
                b.setStopPrice(price());
                break;
            case 9:
                b.setQuantity(quantity());
                break;
            case 10:
                b.setPriceScale(scale(INS.priceScale())).setQtyScale(scale(INS.qtyScale()));
                break;
            default:
                b.setReduceOnly(true);
        }
        return b.build();
    }

    private String freshId() {
        lastId = nextId++;
        return "f" + lastId;
    }

    private long goodPrice() {
        return Math.max(INS.tickSize(), lastTrade + (random.nextInt(81) - 40) * INS.tickSize());
    }

    private long goodQuantity() {
        return INS.stepSize() * random.nextInt(25, 60);
    }

    private String clientId() {
        switch (random.nextInt(6)) {
            case 0:
                return recentId();
            case 1:
                return "";
            case 2:
                return "y".repeat(37 + random.nextInt(100));
            case 3:
                return "bad id";
            case 4:
                return "ü-" + nextId++;
            default:
                return freshId();
        }
    }

    /** Mostly the id of an order that was routed lately (it may have ended since), else a recent id. */
    private String recentId() {
        if (routedCount > 0 && random.nextInt(4) != 0) {
            return "f" + routedIds[random.nextInt(Math.min(routedCount, routedIds.length))];
        }
        return "f" + Math.max(1, nextId - 1 - random.nextInt(40));
    }

    private long price() {
        long tick = INS.tickSize();
        switch (random.nextInt(12)) {
            case 0:
                return 0;
            case 1:
                return -tick * random.nextInt(1, 1_000);
            case 2:
                return Long.MIN_VALUE;
            case 3:
                return Long.MAX_VALUE;
            case 4:
                return lastTrade + 1; // off the tick
            case 5:
                return lastTrade * 3; // outside the collar
            case 6:
                return random.nextLong();
            default:
                return goodPrice();
        }
    }

    private long quantity() {
        long step = INS.stepSize();
        switch (random.nextInt(10)) {
            case 0:
                return 0;
            case 1:
                return -step * random.nextInt(1, 100);
            case 2:
                return random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
            case 3:
                return step * random.nextInt(1, 100) + 1; // off the step
            case 4:
                return MAX_ORDER_QTY + step;
            default:
                return goodQuantity();
        }
    }

    private int scale(int right) {
        int r = random.nextInt(20);
        return r == 0 ? right + 1 : r == 1 ? -1 : right;
    }

    private byte[] withInvalidUtf8(byte[] frame) {
        byte[] id = "f".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < frame.length; i++) {
            if (frame[i] == id[0]) {
                frame[i] = (byte) 0xFF;
                return frame;
            }
        }
        return frame;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    // ------------------------------------------------------------------ the venue's side

    /**
     * Passes everything to the paper venue, checking each order it is handed against every rule
     * the gateway must have enforced, at that moment.
     */
    private final class CheckingVenue implements GatewayVenue {
        final GatewayVenue delegate;
        RiskEngine risk;
        boolean killSwitch;
        long submitted;
        long checked;

        CheckingVenue(GatewayVenue delegate) {
            this.delegate = delegate;
        }

        @Override
        public void submit(Order o, long nowNanos) {
            submitted++;
            int s = risk.strategyId(o.strategyId());
            check(s >= 0, "a strategy the gateway serves", o);
            check(!killSwitch, "no kill switch engaged", o);
            check(o.instrument() == INS && o.status() == OrderStatus.NEW, "a NEW order for the configured instrument", o);
            check(o.side() != null && o.type() != null && o.timeInForce() != null, "side, type and time in force", o);
            check(OrderGateway.isValidClientOrderId(new ByteSlice().set(o.clientOrderId().getBytes(StandardCharsets.UTF_8))),
                    "a valid client order id", o);
            check(o.quantity() > 0 && o.quantity() <= MAX_ORDER_QTY, "a quantity within the limit", o);
            check(o.validate() == null, "the instrument's filters", o);
            check(o.type().hasLimitPrice() ? o.price() > 0 : o.price() == 0, "a price only where the type has one", o);
            check(o.type().hasStopPrice() ? o.stopPrice() > 0 : o.stopPrice() == 0, "a stop only where the type has one", o);
            if (o.type().hasLimitPrice()) {
                long ref = delegate.lastPrice(INS);
                check(Math.abs(o.price() - ref) * 1_000_000L <= ref * COLLAR_PPM, "a price inside the collar", o);
            }
            long worst = o.side() == Side.BUY ? risk.position(s, INS) + risk.openBuyQty(s, INS)
                    : -risk.position(s, INS) + risk.openSellQty(s, INS);
            check(worst <= MAX_POSITION, "the position limit with open orders", o);
            check(risk.openOrders(s) <= (s == 0 ? 50 : 20), "the open order limit", o);
            checked++;
            delegate.submit(o, nowNanos);
        }

        private void check(boolean ok, String rule, Order o) {
            if (!ok) {
                throw new AssertionError("the venue received " + o + " breaking the rule: " + rule);
            }
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public boolean cancel(Order order, long nowNanos) {
            return delegate.cancel(order, nowNanos);
        }

        @Override
        public void advanceTo(long nowNanos) {
            delegate.advanceTo(nowNanos);
        }

        @Override
        public void onMarketEvent(MarketEvent e) {
            delegate.onMarketEvent(e);
        }

        @Override
        public long lastPrice(Instrument instrument) {
            return delegate.lastPrice(instrument);
        }

        @Override
        public long bestBid(Instrument instrument) {
            return delegate.bestBid(instrument);
        }

        @Override
        public long bestAsk(Instrument instrument) {
            return delegate.bestAsk(instrument);
        }

        @Override
        public int openOrders() {
            return delegate.openOrders();
        }

        @Override
        public long requestsSent() {
            return delegate.requestsSent();
        }

        @Override
        public long requestsSettled() {
            return delegate.requestsSettled();
        }
    }
}
