package io.ttquant.app.gateway;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.portfolio.Position;
import io.ttquant.transport.codec.ByteSlice;
import io.ttquant.transport.codec.ExecutionEventEncoder;
import io.ttquant.transport.codec.MutableExecutionReport;
import io.ttquant.transport.codec.MutablePositionUpdate;
import io.ttquant.transport.codec.OrderCommandDecoder;
import io.ttquant.transport.order.OrderMessages;
import java.nio.charset.StandardCharsets;

/**
 * Turns what the gateway knows into encoded {@code ExecutionEvent}s for the {@link ExecutionSink}:
 * an order's state from the {@link OrderRegistry} (with the fill that changed it), a refused
 * command that never became an order (its own fields echoed), a position after a fill. It numbers
 * events per strategy (1, 2, 3...; 0 for a strategy the gateway does not serve) and stamps them
 * with the gateway's clock. Names, symbols, assets and reason names are encoded once at start;
 * encoding a report allocates nothing. A string echoed from a refused command is left out when
 * longer than {@value #MAX_ECHOED_BYTES} bytes, so garbage cannot bloat reports. It decides
 * nothing and never reads the wall clock. Single-threaded, owned by the gateway's thread.
 */
final class ExecutionReporter {
    static final int MAX_ECHOED_BYTES = 256;
    private static final RejectReason[] REASONS = RejectReason.values();
    private static final int REJECTED = OrderMessages.wireValue(OrderStatus.REJECTED);

    private final ExecutionSink sink;
    private final GatewayClock clock;
    private final OrderRegistry registry;
    private final Instrument[] instruments;
    private final byte[] venue;
    private final byte[][] strategyNames;
    private final long[] sequences;
    private final byte[][] symbols;
    private final byte[][] quoteAssets;
    private final byte[][] baseAssets;
    private final byte[][] reasonNames = new byte[REASONS.length][];
    private final ExecutionEventEncoder encoder = new ExecutionEventEncoder();
    private final MutableExecutionReport report = new MutableExecutionReport();
    private final MutablePositionUpdate position = new MutablePositionUpdate();
    private long sent;

    ExecutionReporter(ExecutionSink sink, GatewayClock clock, OrderRegistry registry, String venue, String[] strategyNames,
                      Instrument[] instruments) {
        this.sink = sink;
        this.clock = clock;
        this.registry = registry;
        this.instruments = instruments;
        this.venue = venue.getBytes(StandardCharsets.UTF_8);
        this.strategyNames = new byte[strategyNames.length][];
        for (int s = 0; s < strategyNames.length; s++) {
            this.strategyNames[s] = strategyNames[s].getBytes(StandardCharsets.UTF_8);
        }
        this.sequences = new long[strategyNames.length];
        this.symbols = new byte[instruments.length][];
        this.quoteAssets = new byte[instruments.length][];
        this.baseAssets = new byte[instruments.length][];
        for (int i = 0; i < instruments.length; i++) {
            symbols[i] = instruments[i].symbol().getBytes(StandardCharsets.UTF_8);
            quoteAssets[i] = instruments[i].quoteAsset().getBytes(StandardCharsets.UTF_8);
            baseAssets[i] = instruments[i].baseAsset().getBytes(StandardCharsets.UTF_8);
        }
        for (RejectReason r : REASONS) {
            reasonNames[r.ordinal()] = r.name().getBytes(StandardCharsets.US_ASCII);
        }
    }

    /**
     * The order's state as last captured in the registry, with {@code fill} when a fill caused it.
     * With {@code refusal} (a cancel or replace of this order refused), the report carries that
     * reason instead of the order's own and does not count as telling the strategy the order's state.
     */
    void orderState(int slot, Fill fill, long eventTimeNanos, RejectReason refusal) {
        orderState(slot, fill, fill == null ? 0 : fill.tradeId(), eventTimeNanos, refusal);
    }

    /** The same, with the fill's trade id as the gateway knows it at its venue ({@link GatewayVenue#tradeId}). */
    void orderState(int slot, Fill fill, long tradeId, long eventTimeNanos, RejectReason refusal) {
        OrderRegistry reg = registry;
        MutableExecutionReport r = report.clear();
        int strategy = reg.strategy(slot);
        int ins = reg.instrument(slot);
        OrderStatus status = reg.status(slot);
        RejectReason reason = refusal != null ? refusal : reg.reason(slot);
        r.strategy.set(strategyNames[strategy]);
        r.clientOrderId.set(reg.clientIds(), reg.clientIdOffset(slot), reg.clientIdLength(slot));
        r.orderId = reg.orderId(slot);
        r.venue.set(venue);
        r.symbol.set(symbols[ins]);
        r.side = OrderMessages.wireValue(reg.side(slot));
        r.type = OrderMessages.wireValue(reg.type(slot));
        r.timeInForce = OrderMessages.wireValue(reg.timeInForce(slot));
        r.status = OrderMessages.wireValue(status);
        if (reason != null) {
            r.rejectCode = reason.code();
            r.rejectReason.set(reasonNames[reason.ordinal()]);
        }
        r.price = reg.price(slot);
        r.stopPrice = reg.stopPrice(slot);
        r.quantity = reg.quantity(slot);
        if (fill != null) {
            r.lastFillQty = fill.qty();
            r.lastFillPrice = fill.price();
            r.tradeId = tradeId;
            r.liquidity = OrderMessages.wireValue(fill.liquidity());
            r.fee = fill.fee();
            setAsset(r.feeAsset, fill.feeAsset(), ins);
        }
        long filled = reg.filledQty(slot);
        r.cumulativeQty = filled;
        r.cumulativeNotional = reg.filledNotional(slot);
        r.cumulativeFee = reg.fees(slot);
        r.leavesQty = status.isTerminal() ? 0 : reg.quantity(slot) - filled;
        r.priceScale = instruments[ins].priceScale();
        r.qtyScale = instruments[ins].qtyScale();
        r.cashScale = Fixed.CASH_SCALE;
        r.eventTimeNanos = eventTimeNanos;
        if (refusal == null) {
            reg.reported(slot, status, filled);
        }
        send(strategy, r.strategy, encoder.encode(nextSequence(strategy), clock.nanos(), r));
    }

    /**
     * A command refused before it became an order: a REJECTED report echoing the command's own
     * fields, for the strategy that sent it ({@code strategy} -1 when the gateway does not serve it).
     */
    void refused(OrderCommandDecoder cmd, int strategy, RejectReason why, long nowNanos) {
        MutableExecutionReport r = report.clear();
        if (strategy >= 0) {
            r.strategy.set(strategyNames[strategy]);
        } else {
            echo(r.strategy, cmd.strategy());
        }
        echo(r.clientOrderId, cmd.clientOrderId());
        r.venue.set(venue);
        echo(r.symbol, cmd.symbol());
        r.status = REJECTED;
        r.rejectCode = why.code();
        r.rejectReason.set(reasonNames[why.ordinal()]);
        r.cashScale = Fixed.CASH_SCALE;
        r.eventTimeNanos = nowNanos;
        switch (cmd.commandCase()) {
            case NEW_ORDER:
                r.side = cmd.side();
                r.type = cmd.type();
                r.timeInForce = cmd.timeInForce();
                r.price = cmd.price();
                r.stopPrice = cmd.stopPrice();
                r.quantity = cmd.quantity();
                r.priceScale = cmd.priceScale();
                r.qtyScale = cmd.qtyScale();
                break;
            case CANCEL_ORDER:
                r.orderId = cmd.orderId();
                break;
            case REPLACE_ORDER:
                r.price = cmd.price();
                r.quantity = cmd.quantity();
                r.priceScale = cmd.priceScale();
                r.qtyScale = cmd.qtyScale();
                break;
            default:
                break;
        }
        send(strategy, r.strategy, encoder.encode(nextSequence(strategy), clock.nanos(), r));
    }

    /** The strategy's position in an instrument after a fill at {@code timeNanos}. */
    void position(int strategy, int instrumentId, Position p, long timeNanos) {
        MutablePositionUpdate u = position.clear();
        Instrument ins = instruments[instrumentId];
        u.strategy.set(strategyNames[strategy]);
        u.venue.set(venue);
        u.symbol.set(symbols[instrumentId]);
        u.netQty = p.netQty();
        u.costBasis = p.costBasis();
        u.avgEntryPrice = p.avgEntryPrice();
        u.realizedPnl = p.realizedPnl();
        u.markPrice = p.markPrice();
        u.priceScale = ins.priceScale();
        u.qtyScale = ins.qtyScale();
        u.cashScale = Fixed.CASH_SCALE;
        u.timeNanos = timeNanos;
        send(strategy, u.strategy, encoder.encode(nextSequence(strategy), clock.nanos(), u));
    }

    /** Events handed to the sink since start. */
    long sent() {
        return sent;
    }

    private long nextSequence(int strategy) {
        return strategy >= 0 ? ++sequences[strategy] : 0;
    }

    private void send(int strategy, ByteSlice name, int length) {
        sent++;
        sink.onExecution(strategy, name.bytes(), name.offset(), name.length(), encoder.buffer(), encoder.offset(), length);
    }

    private void setAsset(ByteSlice into, String asset, int ins) {
        if (asset == null || asset.isEmpty()) {
            into.clear();
        } else if (asset.equals(instruments[ins].quoteAsset())) {
            into.set(quoteAssets[ins]);
        } else if (asset.equals(instruments[ins].baseAsset())) {
            into.set(baseAssets[ins]);
        } else {
            into.set(asset.getBytes(StandardCharsets.UTF_8)); // an asset no instrument names: rare, allocates
        }
    }

    private static void echo(ByteSlice into, ByteSlice from) {
        if (from.length() <= MAX_ECHOED_BYTES) {
            into.set(from);
        } else {
            into.clear();
        }
    }
}
