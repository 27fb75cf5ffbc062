package io.ttquant.app.gateway.journal;

import io.ttquant.core.order.LiquiditySide;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.risk.TradingState;

/**
 * The byte an enum constant is written as, fixed by the order of the table here and not by the
 * enum's declaration order, so reordering a core enum never changes what an old journal means.
 * A new constant is appended to its table.
 */
final class EnumCodes<E extends Enum<E>> {
    static final EnumCodes<Side> SIDE = new EnumCodes<>("side", Side.class, new Side[] {Side.BUY, Side.SELL});
    static final EnumCodes<OrderType> ORDER_TYPE = new EnumCodes<>("order type", OrderType.class,
            new OrderType[] {OrderType.MARKET, OrderType.LIMIT, OrderType.STOP_MARKET, OrderType.STOP_LIMIT});
    static final EnumCodes<TimeInForce> TIME_IN_FORCE = new EnumCodes<>("time in force", TimeInForce.class,
            new TimeInForce[] {TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK, TimeInForce.GTX});
    static final EnumCodes<OrderStatus> STATUS = new EnumCodes<>("order status", OrderStatus.class,
            new OrderStatus[] {OrderStatus.NEW, OrderStatus.ACCEPTED, OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED,
                OrderStatus.CANCELED, OrderStatus.REJECTED, OrderStatus.EXPIRED});
    static final EnumCodes<TradingState> TRADING_STATE = new EnumCodes<>("trading state", TradingState.class,
            new TradingState[] {TradingState.ACTIVE, TradingState.REDUCE_ONLY, TradingState.HALTED});
    static final EnumCodes<LiquiditySide> LIQUIDITY = new EnumCodes<>("liquidity", LiquiditySide.class,
            new LiquiditySide[] {LiquiditySide.MAKER, LiquiditySide.TAKER});

    private final String field;
    private final E[] byCode;
    private final byte[] codeByOrdinal;

    private EnumCodes(String field, Class<E> type, E[] inDiskOrder) {
        E[] all = type.getEnumConstants();
        if (all.length != inDiskOrder.length) {
            throw new IllegalStateException("the journal has no code for every " + field);
        }
        this.field = field;
        this.byCode = inDiskOrder;
        this.codeByOrdinal = new byte[all.length];
        for (int i = 0; i < inDiskOrder.length; i++) {
            codeByOrdinal[inDiskOrder[i].ordinal()] = (byte) i;
        }
    }

    byte code(E value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " missing");
        }
        return codeByOrdinal[value.ordinal()];
    }

    E of(byte code) {
        if (code < 0 || code >= byCode.length) {
            throw new MalformedRecordException("unknown " + field + " code " + code);
        }
        return byCode[code];
    }

    /** The reason with this wire code, or null for 0 or a code this build does not know. */
    static RejectReason reason(int code) {
        if (code != 0) {
            for (RejectReason r : RejectReason.values()) {
                if (r.code() == code) {
                    return r;
                }
            }
        }
        return null;
    }
}
