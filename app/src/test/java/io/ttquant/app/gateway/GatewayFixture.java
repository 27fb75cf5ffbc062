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
import io.ttquant.transport.proto.TimeInForce;
import java.util.ArrayList;
import java.util.List;

/**
 * Test wiring for the gateway: one instrument (tick 0.05, step 0.002), one strategy "alpha" with
 * known limits, a zero-latency paper venue filling resting limits on touch, a recording sink, and builders for order commands.
 * It holds no assertions of its own.
 */
final class GatewayFixture {
    static final long T0 = 1_700_000_000_000_000_000L;
    static final String STRATEGY = "alpha";
    static final Instrument INS = Instrument.builder("BTCUSDT").tickSize("0.05").stepSize("0.002").minQty("0.002")
            .maxQty("100").minNotional("5").build();

    final List<String> topics = new ArrayList<>();
    final List<ExecutionEvent> events = new ArrayList<>();
    final OrderGateway gateway;
    private final TradeTick trade = new TradeTick();
    private final QuoteTick quote = new QuoteTick();
    long now = T0;
    private long seq;
    private long tradeId;

    GatewayFixture() {
        RiskLimits limits = RiskLimits.builder()
                .instrument(InstrumentLimits.of(INS).maxOrderQty(INS.qty("10")).maxPosition(INS.qty("5"))
                        .collarPpm(100_000).build())
                .strategy(StrategyLimits.named(STRATEGY).maxOrderNotional(100_000_00000000L).maxOpenOrders(50).build())
                .strategy(StrategyLimits.named("beta").build())
                .duplicateGuard(0, 16)
                .build();
        gateway = new OrderGateway(limits, ExchangeConfig.builder().limitFillRule(LimitFillRule.TOUCH).build(), (s, e) -> {
            topics.add(s);
            events.add(e);
        }, T0);
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
        List<ExecutionReport> out = new ArrayList<>();
        for (ExecutionEvent e : events) {
            if (e.hasReport()) {
                out.add(e.getReport());
            }
        }
        return out;
    }

    ExecutionReport lastReport() {
        List<ExecutionReport> r = reports();
        return r.isEmpty() ? null : r.get(r.size() - 1);
    }
}
