package io.ttquant.app.gateway;

import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.exchange.LimitFillRule;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.core.risk.InstrumentLimits;
import io.ttquant.core.risk.RiskLimits;
import io.ttquant.core.risk.StrategyLimits;
import io.ttquant.transport.proto.CancelOrder;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.NewOrder;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.proto.OrderType;
import io.ttquant.transport.proto.ReplaceOrder;
import io.ttquant.transport.proto.TimeInForce;
import java.util.List;

/**
 * Test wiring for the gateway: one instrument (tick 0.05, step 0.002), one strategy "alpha" with
 * known limits, a zero-latency paper venue filling resting limits on touch (or other fill models), a recording sink that
 * checks every event's bytes against protoc's, and builders for order commands.
 * It holds no assertions of its own.
 */
final class GatewayFixture {
    static final long T0 = 1_700_000_000_000_000_000L;
    static final String STRATEGY = "alpha";
    static final Instrument INS = Instrument.builder("BTCUSDT").tickSize("0.05").stepSize("0.002").minQty("0.002")
            .maxQty("100").minNotional("5").build();

    final RecordingSink sink = new RecordingSink();
    final List<String> topics = sink.names;
    final List<ExecutionEvent> events = sink.events;
    final OrderGateway gateway;
    private final TradeTick trade = new TradeTick();
    private final QuoteTick quote = new QuoteTick();
    long now = T0;
    private long seq;
    private long tradeId;

    GatewayFixture() {
        this(ExchangeConfig.builder().limitFillRule(LimitFillRule.TOUCH).build(), OrderGateway.DEFAULT_IDEMPOTENCY_WINDOW);
    }

    /** The same wiring with other fill models (latency...) and idempotency window. */
    GatewayFixture(ExchangeConfig paper, int idempotencyWindow) {
        this(OrderGateway.paperVenue(paper), idempotencyWindow, T0);
    }

    /** The same wiring routed to {@code venue}, starting at {@code startNanos} (a restart starts later). */
    GatewayFixture(VenueFactory venue, int idempotencyWindow, long startNanos) {
        this(limits(), venue, idempotencyWindow, startNanos);
    }

    /** The same wiring with other risk limits (the instrument must be {@link #INS}). */
    GatewayFixture(RiskLimits limits, VenueFactory venue, int idempotencyWindow, long startNanos) {
        gateway = new OrderGateway(limits, venue, sink, GatewayObserver.NONE, idempotencyWindow, startNanos);
        now = startNanos;
    }

    /** The paper venue filling resting limits on touch, as the default fixture uses it. */
    static VenueFactory touchPaper() {
        return OrderGateway.paperVenue(ExchangeConfig.builder().limitFillRule(LimitFillRule.TOUCH).build());
    }

    static RiskLimits limits() {
        return RiskLimits.builder()
                .instrument(InstrumentLimits.of(INS).maxOrderQty(INS.qty("10")).maxPosition(INS.qty("5"))
                        .collarPpm(100_000).build())
                .strategy(StrategyLimits.named(STRATEGY).maxOrderNotional(100_000_00000000L).maxOpenOrders(50).build())
                .strategy(StrategyLimits.named("beta").build())
                .duplicateGuard(0, 16)
                .build();
    }

    void trade(String price, String qty) {
        now += 1_000_000;
        gateway.onMarketData(trade.set(INS, now, now, INS.price(price), INS.qty(qty), Side.SELL, ++tradeId));
    }

    void quote(String bid, String ask) {
        now += 1_000_000;
        gateway.onMarketData(quote.set(INS, now, now, INS.price(bid), INS.qty("1"), INS.price(ask), INS.qty("1")));
    }

    CommandOutcome send(NewOrder order) {
        now += 1_000;
        return gateway.onCommand(command(order), now);
    }

    CommandOutcome send(OrderCommand cmd) {
        now += 1_000;
        return gateway.onCommand(cmd, now);
    }

    OrderCommand command(NewOrder order) {
        return OrderCommand.newBuilder().setSequence(++seq).setSendTimeNs(now).setNewOrder(order).build();
    }

    /** Moves time forward by {@code nanos} and lets the venue deliver what is due. */
    void advance(long nanos) {
        now += nanos;
        gateway.onTime(now);
    }

    OrderCommand replace(String clientOrderId, String origClientOrderId, String price, String qty) {
        return OrderCommand.newBuilder().setSequence(++seq).setSendTimeNs(now).setReplaceOrder(ReplaceOrder.newBuilder()
                .setStrategy(STRATEGY).setClientOrderId(clientOrderId).setOrigClientOrderId(origClientOrderId)
                .setSymbol(INS.symbol()).setVenue("paper").setPrice(INS.price(price)).setQuantity(INS.qty(qty))
                .setPriceScale(INS.priceScale()).setQtyScale(INS.qtyScale())).build();
    }

    OrderCommand cancel(String clientOrderId) {
        return OrderCommand.newBuilder().setSequence(++seq).setSendTimeNs(now).setCancelOrder(CancelOrder.newBuilder()
                .setStrategy(STRATEGY).setClientOrderId(clientOrderId).setSymbol(INS.symbol()).setVenue("paper")).build();
    }

    /** A valid GTC limit buy of {@code qty} at {@code price} for "alpha". */
    static NewOrder.Builder limitBuy(String clientOrderId, String price, String qty) {
        return NewOrder.newBuilder()
                .setClientOrderId(clientOrderId)
                .setStrategy(STRATEGY)
                .setVenue("paper")
                .setSymbol(INS.symbol())
                .setSide(io.ttquant.transport.proto.Side.SIDE_BUY)
                .setType(OrderType.ORDER_TYPE_LIMIT)
                .setTimeInForce(TimeInForce.TIME_IN_FORCE_GTC)
                .setPrice(INS.price(price))
                .setQuantity(INS.qty(qty))
                .setPriceScale(INS.priceScale())
                .setQtyScale(INS.qtyScale())
                .setCreateTimeNs(T0);
    }

    List<ExecutionReport> reports() {
        return sink.reports();
    }

    List<ExecutionReport> reports(String clientOrderId) {
        return sink.reports(clientOrderId);
    }

    ExecutionReport lastReport() {
        return sink.lastReport();
    }
}
